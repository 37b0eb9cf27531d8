package corpus

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/internal/argument"
)

// Severity says whether a problem stops the corpus from loading.
type Severity string

// The two severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem is one thing wrong with a corpus, at a place in a file.
type Problem struct {
	Pos      argument.Pos
	Severity Severity
	Message  string
}

// String formats the problem as FILE:LINE:COL: severity: message.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", p.Pos.File, p.Pos.Line, p.Pos.Column, p.Severity, p.Message)
}

// LoadError is returned when a corpus has errors; it holds every problem found, warnings too,
// sorted by file and line.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	var b strings.Builder
	n := 0
	for _, p := range e.Problems {
		if p.Severity == Error {
			n++
		}
	}
	fmt.Fprintf(&b, "the corpus has %d error(s); fix them and run 'argmap validate' again", n)
	for _, p := range e.Problems {
		if p.Severity == Error {
			b.WriteString("\n")
			b.WriteString(p.String())
		}
	}
	return b.String()
}
