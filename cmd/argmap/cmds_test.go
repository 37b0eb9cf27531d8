package main

import (
	"bufio"
	"fmt"
	"github.com/argmap/argmap/internal/importer/importtest"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands the end-to-end scripts have beyond testscript's own:
//
//	gen [-a] FILE COUNT TEXT  write (-a: append) TEXT COUNT times, making FILE's folder if
//	                          need be; FILE and TEXT take Go escapes (\n, \t, \x00, \u202e),
//	                          and {i} in TEXT stands for the repetition, from 1, {i+1}
//	                          for the next one (to chain arguments)
//	inert [FILE...]           fail unless each file (default stdout and stderr) is valid UTF-8
//	                          with no control, format, bidi or line-separator character but
//	                          newline and tab: text a terminal shows as it is
//	snapshot                  remember every file and folder under $WORK (path, type, size,
//	                          modification time)
//	unchanged                 fail if anything under $WORK was added, removed or changed since
//	                          the snapshot: the command in between wrote nothing
//
// gen makes the big hostile inputs (40,000 keys, 100,000 documents, deep nesting, huge scalars)
// inside the script, so that none is committed.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"gen":       cmdGen,
	"inert":     cmdInert,
	"snapshot":  cmdSnapshot,
	"unchanged": cmdUnchanged,
}

// scriptCondition adds [root]: the tests may run as root, whom file permissions do not stop.
func scriptCondition(cond string) (bool, error) {
	if cond == "root" {
		return os.Geteuid() == 0, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! gen")
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if len(args) > 0 && args[0] == "-a" {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		args = args[1:]
	}
	if len(args) != 3 {
		ts.Fatalf("usage: gen [-a] FILE COUNT TEXT")
	}
	count, err := strconv.Atoi(args[1])
	if err != nil || count < 0 {
		ts.Fatalf("gen: COUNT %q is not a whole number", args[1])
	}
	text, err := unescape(args[2])
	ts.Check(err)
	file, err := unescape(args[0])
	ts.Check(err)
	name := ts.MkAbs(file)
	ts.Check(os.MkdirAll(filepath.Dir(name), 0o755))
	f, err := os.OpenFile(name, flags, 0o644)
	ts.Check(err)
	w := bufio.NewWriterSize(f, 1<<16)
	indexed := strings.Contains(text, "{i}") || strings.Contains(text, "{i+1}")
	for i := 1; i <= count; i++ {
		if !indexed {
			w.WriteString(text)
			continue
		}
		w.WriteString(strings.NewReplacer("{i}", strconv.Itoa(i), "{i+1}", strconv.Itoa(i+1)).Replace(text))
	}
	ts.Check(w.Flush())
	ts.Check(f.Close())
}

// unescape decodes Go escapes in s, leaving its other bytes (and double quotes) as they are.
func unescape(s string) (string, error) {
	out, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
	if err != nil {
		return "", fmt.Errorf("gen: %q has a bad escape: %w", s, err)
	}
	return out, nil
}

func cmdInert(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		args = []string{"stdout", "stderr"}
	}
	for _, name := range args {
		problem := importtest.InertProblem(ts.ReadFile(name))
		switch {
		case problem != "" && !neg:
			ts.Fatalf("%s is not inert: %s", name, problem)
		case problem == "" && neg:
			ts.Fatalf("%s is inert", name)
		}
	}
}

// snapshotEnv holds the snapshot between the two commands, as the listing itself.
const snapshotEnv = "ARGMAP_TEST_SNAPSHOT"

func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: snapshot")
	}
	ts.Setenv(snapshotEnv, listing(ts))
}

func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: unchanged")
	}
	before := ts.Getenv(snapshotEnv)
	if before == "" {
		ts.Fatalf("unchanged: no snapshot taken")
	}
	after := listing(ts)
	if after == before {
		return
	}
	was := map[string]bool{}
	for _, l := range strings.Split(before, "\n") {
		was[l] = true
	}
	is := map[string]bool{}
	for _, l := range strings.Split(after, "\n") {
		is[l] = true
		if !was[l] {
			ts.Logf("now:    %s", l)
		}
	}
	for _, l := range strings.Split(before, "\n") {
		if !is[l] {
			ts.Logf("before: %s", l)
		}
	}
	ts.Fatalf("files under $WORK changed")
}

// listing describes every entry under $WORK, one line each, in walk order. Entries it cannot
// stat (a symlink loop) are listed as such rather than followed.
func listing(ts *testscript.TestScript) string {
	root := ts.MkAbs(".")
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			fmt.Fprintf(&b, "%s: %v\n", p, err)
			return nil
		}
		info, err := e.Info()
		if err != nil {
			fmt.Fprintf(&b, "%s: %v\n", p, err)
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(&b, "%s %s %d %d\n", rel, info.Mode(), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	ts.Check(err)
	return b.String()
}

func TestInertProblem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text\twith a tab\nand \\x1b escaped, «quotes», 日本語\n", ""},
		{"red \x1b[31m", "line 1: raw U+001B"},
		{"ok\nbell \a", "line 2: raw U+0007"},
		{"crlf\r\n", "line 1: raw U+000D"},
		{"nul \x00", "line 1: raw U+0000"},
		{"c1 \u009b", "line 1: raw U+009B"},
		{"bidi \u202e", "line 1: raw U+202E"},
		{"isolate \u2066", "line 1: raw U+2066"},
		{"bom \ufeff", "line 1: raw U+FEFF"},
		{"zero width \u200b", "line 1: raw U+200B"},
		{"line sep \u2028", "line 1: raw U+2028"},
		{"bad \xff", "line 1: invalid UTF-8 byte 0xff"},
	}
	for _, tt := range tests {
		if got := importtest.InertProblem(tt.in); got != tt.want {
			t.Errorf("importtest.InertProblem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnescape(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a: "b"\n`, "a: \"b\"\n"},
		{`\x00\xff\ufeff\u202e`, "\x00\xff\ufeff\u202e"},
		{`k{i}: 1`, "k{i}: 1"},
	}
	for _, tt := range tests {
		if got, err := unescape(tt.in); err != nil || got != tt.want {
			t.Errorf("unescape(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := unescape(`\q`); err == nil {
		t.Error(`unescape(\q): no error`)
	}
}
