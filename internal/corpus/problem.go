package corpus

import (
	"cmp"
	"fmt"
	"slices"
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

// Problem is one thing wrong with a corpus, at a place in a file. A problem of the whole corpus
// (no debate in it, say) has the corpus folder as its file and no line.
type Problem struct {
	Pos      argument.Pos
	Severity Severity
	Message  string

	// Omitted is set on the one problem that stands for those not listed past MaxProblems:
	// how many it stands for, and how many of them are errors. Count counts them, not it.
	Omitted, OmittedErrors int
}

// String formats the problem as FILE:LINE:COL: severity: message, or FILE: severity: message
// when it has no line.
func (p Problem) String() string {
	switch {
	case p.Pos.File == "":
		return fmt.Sprintf("%s: %s", p.Severity, p.Message)
	case p.Pos.Line == 0:
		return fmt.Sprintf("%s: %s: %s", p.Pos.File, p.Severity, p.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", p.Pos.File, p.Pos.Line, p.Pos.Column, p.Severity, p.Message)
}

// SortProblems orders problems by file, line and column, keeping the order of problems at the
// same place.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
		)
	})
}

// Count returns the number of errors and of warnings in ps.
func Count(ps []Problem) (errors, warnings int) {
	for _, p := range ps {
		if p.Omitted > 0 {
			errors += p.OmittedErrors
			warnings += p.Omitted - p.OmittedErrors
			continue
		}
		if p.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// LoadError is returned when a corpus has errors; it holds every problem found, warnings too,
// sorted by file and line.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	var b strings.Builder
	n, _ := Count(e.Problems)
	them := "them"
	if n == 1 {
		them = "it"
	}
	fmt.Fprintf(&b, "the corpus has %s; fix %s and run 'argmap validate' again", plural(n, "error"), them)
	for _, p := range e.Problems {
		if p.Severity == Error {
			b.WriteString("\n")
			b.WriteString(p.String())
		}
	}
	return b.String()
}

// plural writes n and the noun, with an s when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
