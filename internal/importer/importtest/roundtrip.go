package importtest

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/export"
	"github.com/argmap/argmap/internal/score"
)

// WriteAndScore writes d as import does (the YAML exporter's corpus file), loads it back
// through the corpus loader and scores it under every semantics, failing the test at the first
// step that fails.
func WriteAndScore(t testing.TB, d *argument.Debate) *argument.Graph {
	t.Helper()
	g := LoadBack(t, d)
	for _, sem := range score.AllSemantics {
		if _, err := score.Evaluate(g, score.Weights{}, sem); err != nil {
			t.Fatalf("score under %s: %v", sem, err)
		}
	}
	return g
}

// LoadBack is what import does with a debate: check it, encode it as a corpus file and load
// that back through the corpus loader.
func LoadBack(t testing.TB, d *argument.Debate) *argument.Graph {
	t.Helper()
	for _, p := range argument.Check(d) {
		if p.Severity == argument.Error {
			t.Fatalf("check: %s", p.Message)
		}
	}
	var buf bytes.Buffer
	if err := export.NewYAMLEncoder(&buf).Encode(argument.NewGraph(d)); err != nil {
		t.Fatalf("encode: %v", err)
	}
	g, problems, err := corpus.LoadGraph(fstest.MapFS{"debate.yaml": {Data: buf.Bytes()}}, ".", "imported")
	if err != nil {
		t.Fatalf("load back: %v\n%v\n%s", err, problems, buf.Bytes())
	}
	return g
}

// ExportsInert fails the test unless every export of g that needs no scores is text a terminal
// shows as it is: what a reader let through stays inert downstream.
func ExportsInert(t testing.TB, g *argument.Graph) {
	t.Helper()
	encoders := map[string]func(io.Writer) interface{ Encode(*argument.Graph) error }{
		"json":    func(w io.Writer) interface{ Encode(*argument.Graph) error } { return export.NewJSONEncoder(w) },
		"yaml":    func(w io.Writer) interface{ Encode(*argument.Graph) error } { return export.NewYAMLEncoder(w) },
		"dot":     func(w io.Writer) interface{ Encode(*argument.Graph) error } { return export.NewDOTEncoder(w) },
		"mermaid": func(w io.Writer) interface{ Encode(*argument.Graph) error } { return export.NewMermaidEncoder(w) },
		"argdown": func(w io.Writer) interface{ Encode(*argument.Graph) error } { return export.NewArgdownEncoder(w) },
		"aif":     func(w io.Writer) interface{ Encode(*argument.Graph) error } { return export.NewAIFEncoder(w) },
	}
	for name, enc := range encoders {
		var buf bytes.Buffer
		if err := enc(&buf).Encode(g); err != nil {
			t.Fatalf("export %s: %v", name, err)
		}
		if p := InertProblem(buf.String()); p != "" {
			t.Fatalf("the %s export is not inert: %s", name, p)
		}
	}
}

// InertProblem describes the first thing in s a terminal would not show as plain text (as the
// testscripts' inert command does), or returns "".
func InertProblem(s string) string {
	line := 1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return fmt.Sprintf("line %d: invalid UTF-8 byte %#x", line, s[i])
		case r == '\n':
			line++
		case r == '\t':
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.In(r, unicode.Zl, unicode.Zp):
			return fmt.Sprintf("line %d: raw %U", line, r)
		}
		i += n
	}
	return ""
}
