package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
)

func TestParseSources(t *testing.T) {
	got, err := parseSources([]string{"a=x.txt", "b=dir/y=z.txt"})
	if err != nil || len(got) != 2 || got[0] != (sourceText{"a", "x.txt"}) || got[1] != (sourceText{"b", "dir/y=z.txt"}) {
		t.Errorf("parseSources = %v, %v", got, err)
	}
	for _, bad := range []string{"a", "=x.txt", "a=", ""} {
		if _, err := parseSources([]string{bad}); err == nil || exitCode(err) != exitUsage {
			t.Errorf("parseSources(%q) = %v, want a usage error", bad, err)
		}
	}
}

func TestWriteValidateText(t *testing.T) {
	warn := corpus.Problem{Pos: argument.Pos{File: "a.yaml", Line: 2, Column: 3}, Severity: corpus.Warning, Message: "w \x1b"}
	errp := corpus.Problem{Pos: argument.Pos{File: "a.yaml", Line: 1, Column: 1}, Severity: corpus.Error, Message: "e"}
	cases := []struct {
		name       string
		ok, strict bool
		narg       int
		problems   []corpus.Problem
		want       string
	}{
		{"clean", true, false, 18, nil, "ok: 18 arguments, 0 errors, 0 warnings\n"},
		{"one argument", true, false, 1, nil, "ok: 1 argument, 0 errors, 0 warnings\n"},
		{"warnings pass", true, false, 2, []corpus.Problem{warn}, "a.yaml:2:3: warning: w \\x1b\nok: 2 arguments, 0 errors, 1 warning\n"},
		{"strict", false, true, 2, []corpus.Problem{warn}, "a.yaml:2:3: warning: w \\x1b\n0 errors, 1 warning (--strict counts warnings as errors)\n"},
		{"errors", false, false, 2, []corpus.Problem{errp, warn}, "a.yaml:1:1: error: e\na.yaml:2:3: warning: w \\x1b\n1 error, 1 warning\n"},
		{"folder problem", false, false, 0, []corpus.Problem{{Pos: argument.Pos{File: "dir"}, Severity: corpus.Error, Message: "m"}}, "dir: error: m\n1 error, 0 warnings\n"},
	}
	for _, tc := range cases {
		var b strings.Builder
		if err := writeValidateText(&b, tc.ok, tc.strict, tc.narg, tc.problems); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, b.String(), tc.want)
		}
	}
}

// Exit codes through Run: 0 clean, 1 problems, 2 a folder that cannot be read or bad flags.
func TestValidateExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return filepath.Dir(p)
	}
	const debate = "argmap: 1\ndebate: {id: d, title: T, question: Q, thesis: {id: t, claim: C}, sources: [{id: s, title: S}]}\n"
	good := write("good/a.yaml", debate+"arguments: [{id: a, side: pro, category: moral, title: A, claim: C, strength: 1, supports: [t], quotes: [{source: s, text: q}]}]\n")
	warn := write("warn/a.yaml", debate+"arguments: [{id: a, side: pro, category: moral, title: A, claim: C, strength: 1, supports: [t]}]\n")
	bad := write("bad/a.yaml", debate+"arguments: [{id: a, side: pro, category: moral, title: A, claim: C, strength: 2, supports: [t]}]\n")
	text := write("text/q.txt", "a q b")
	write("text/other.txt", "nothing like it")
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"validate", "--corpus", good}, 0},
		{[]string{"validate", "--corpus", warn}, 0},
		{[]string{"validate", "--corpus", warn, "--strict"}, 1},
		{[]string{"validate", "--corpus", bad}, 1},
		{[]string{"validate", "--corpus", bad, "--format", "json"}, 1},
		{[]string{"validate", "--corpus", good, "--source", "s=" + filepath.Join(text, "q.txt")}, 0},
		{[]string{"validate", "--corpus", good, "--source", "s=" + filepath.Join(text, "other.txt")}, 1},
		{[]string{"validate", "--corpus", good, "--source", "nope=" + filepath.Join(text, "q.txt")}, 2},
		{[]string{"validate", "--corpus", good, "--source", "s=" + filepath.Join(dir, "missing")}, 2},
		{[]string{"validate", "--corpus", good, "--source", "s=" + text}, 2},
		{[]string{"validate", "--corpus", filepath.Join(dir, "missing")}, 2},
		{[]string{"validate", "--corpus", filepath.Join(good, "a.yaml")}, 0}, // one file is a corpus too
		{[]string{"validate", "--corpus", filepath.Join(text, "q.txt")}, 2},  // but not a text file
		{[]string{"validate", "--format", "yaml"}, 2},
		{[]string{"validate", "extra"}, 2},
		{[]string{"schema"}, 0},
	}
	for _, tc := range cases {
		streams, _, _ := TestStreams()
		if got := Run(tc.args, streams); got != tc.want {
			t.Errorf("argmap %s: exit %d, want %d", strings.Join(tc.args, " "), got, tc.want)
		}
	}
}

func TestRuleTuning(t *testing.T) {
	at := argument.Pos{File: "a.yaml", Line: 1, Column: 1}
	problems := []corpus.Problem{
		{Pos: at, Severity: corpus.Warning, Rule: argument.RuleNoQuote, Message: "q"},
		{Pos: at, Severity: corpus.Warning, Rule: argument.RuleCycle, Message: "c"},
		{Pos: at, Severity: corpus.Error, Rule: argument.RuleDanglingRef, Message: "d"},
	}
	tests := []struct {
		allow, deny []string
		want        string // severity rule of each problem kept
	}{
		{nil, nil, "warning no-quote, warning cycle, error dangling-ref"},
		{[]string{"no-quote"}, nil, "warning cycle, error dangling-ref"},
		{[]string{" no-quote", "cycle"}, nil, "error dangling-ref"},
		{nil, []string{"cycle", "dangling-ref"}, "warning no-quote, error cycle, error dangling-ref"},
		{[]string{"cycle"}, []string{"no-quote"}, "error no-quote, error dangling-ref"},
	}
	for _, tt := range tests {
		tune, err := parseRuleFlags(tt.allow, tt.deny)
		if err != nil {
			t.Fatalf("parseRuleFlags(%q, %q): %v", tt.allow, tt.deny, err)
		}
		var got []string
		for _, p := range tune.apply(slices.Clone(problems)) {
			got = append(got, string(p.Severity)+" "+string(p.Rule))
		}
		if strings.Join(got, ", ") != tt.want {
			t.Errorf("--allow %q --deny %q kept %q, want %q", tt.allow, tt.deny, strings.Join(got, ", "), tt.want)
		}
	}
	if problems[0].Severity != corpus.Warning {
		t.Errorf("apply changed the problems it was given")
	}
	for _, bad := range [][2][]string{{{"no-quotes"}, nil}, {nil, {""}}, {{"dangling-ref"}, nil}, {{"cycle"}, {"cycle"}}} {
		if _, err := parseRuleFlags(bad[0], bad[1]); err == nil || exitCode(err) != exitUsage {
			t.Errorf("parseRuleFlags(%q, %q) = %v, want a usage error", bad[0], bad[1], err)
		}
	}
}
