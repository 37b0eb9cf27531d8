package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// billionLaughs is the classic alias bomb: nine levels of nine aliases each.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString("a:\n")
	}
	return b.String()
}

// The bad inputs of the issue: each gives a positioned error, none panics or hangs.
func TestLoadBadInput(t *testing.T) {
	cases := []struct {
		name string
		fsys fstest.MapFS
		want []string
	}{
		{"alias bomb", fstest.MapFS{"a.yaml": {Data: []byte(billionLaughs())}}, []string{
			"a.yaml:2:10: error: aliases are not allowed in a corpus: write the value out in full instead of *a0 (and the 80 other aliases in the file)"}},
		{"10,000 deep flow", fstest.MapFS{"a.yaml": {Data: []byte(strings.Repeat("[", 10000) + strings.Repeat("]", 10000))}}, []string{
			"a.yaml:1:21: error: nesting is deeper than 20 levels: a corpus needs at most 5; check the indentation and brackets"}},
		{"10,000 deep flow mappings", fstest.MapFS{"a.yaml": {Data: []byte(strings.Repeat("{a: ", 10000) + strings.Repeat("}", 10000))}}, []string{
			"a.yaml:1:81: error: nesting is deeper than 20 levels: a corpus needs at most 5; check the indentation and brackets"}},
		{"10,000 deep block sequences", fstest.MapFS{"a.yaml": {Data: []byte(strings.Repeat("- ", 10000) + "x\n")}}, []string{
			"a.yaml:1:41: error: nesting is deeper than 20 levels: a corpus needs at most 5; check the indentation and brackets"}},
		{"1,000 deep block mappings", fstest.MapFS{"a.yaml": {Data: []byte(deepBlock(1000))}}, []string{
			"a.yaml:21:22: error: nesting is deeper than 20 levels: a corpus needs at most 5; check the indentation and brackets"}},
		{"50 MB scalar", fstest.MapFS{"a.yaml": {Data: []byte("note: " + strings.Repeat("x", 50<<20))}}, []string{
			"a.yaml: error: the file is 50.0 MiB, more than the 16 MiB a corpus file may hold: split it into smaller files"}},
		{"one byte over the limit", fstest.MapFS{"a.yaml": {Data: make([]byte, MaxFileSize+1)}}, []string{
			"a.yaml: error: the file is 16.0 MiB, more than the 16 MiB a corpus file may hold: split it into smaller files"}},
		{"a folder named x.yaml", fstest.MapFS{"x.yaml/a.txt": {Data: []byte("x")}, "y.yaml": {Data: []byte(head + arg)}}, []string{
			"x.yaml: error: x.yaml is a folder, not a corpus file: rename it so it does not end in .yaml or .yml, or move it out of the corpus"}},
		{"empty folder", fstest.MapFS{}, []string{
			".: error: the corpus folder has no .yaml or .yml files: add one with a debate (run 'argmap schema' for the format)"}},
		{"only other files", fstest.MapFS{"README.md": {Data: []byte("# x")}}, []string{
			".: error: the corpus folder has no .yaml or .yml files: add one with a debate (run 'argmap schema' for the format)"}},
		{"empty file", fstest.MapFS{"a.yaml": {}}, []string{
			".: error: the corpus has no debate: add a top-level debate: with id, title, question and thesis to one of its files"}},
		{"control characters", fstest.MapFS{"a.yaml": {Data: []byte("a: \x1b[31m\n")}}, []string{
			"a.yaml:1:4: error: the file holds the control character \\x1b, which YAML does not allow: remove it, or write it as an escape inside double quotes"}},
		{"utf-16", fstest.MapFS{"a.yaml": {Data: []byte("\xff\xfea\x00:\x00")}}, []string{
			"a.yaml:1:1: error: the file is not valid UTF-8 (byte 0xff): save it as UTF-8"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, problems, err := Load(tc.fsys, ".")
			got := problemStrings(problems)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n got: %q\nwant: %q", got, tc.want)
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Errorf("err = %v, want a *LoadError", err)
			}
		})
	}
}

func TestLoadMissingFolder(t *testing.T) {
	_, problems, err := Load(fstest.MapFS{}, "nope")
	var le *LoadError
	if err == nil || errors.As(err, &le) || len(problems) != 0 {
		t.Fatalf("Load of a missing folder = %v, %v; want a plain error", problems, err)
	}
	if want := "corpus folder nope does not exist: give --corpus a folder of .yaml files"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

// A named pipe called x.yaml is never opened: opening it would block until a writer came.
func TestLoadFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes")
	}
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "x.yaml"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "y.yaml"), []byte(head+arg), 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan []Problem)
	go func() {
		_, problems, _ := Load(os.DirFS(dir), ".")
		done <- problems
	}()
	select {
	case problems := <-done:
		want := "x.yaml: error: x.yaml is not a regular file (a pipe, device or socket): a corpus file must be a plain file"
		if got := strings.Join(problemStrings(problems), "\n"); got != want {
			t.Errorf("problems:\n got: %q\nwant: %q", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on a named pipe")
	}
}

// Every message is safe to print: corpus text and file names come out with their control
// characters escaped.
func TestLoadEscapesCorpusText(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml":           {Data: []byte(head + strings.Replace(arg, "side: pro", "side: \"\\e[2J\\u202e\"", 1) + "  - {\"\\x07bell\": 1}\n")},
		"b\x1b[31m.yaml/x": {Data: []byte("x")},
		"c\u202e.yaml":     {Data: []byte("debate: [\x01]")},
		"d.yaml":           {Data: []byte("profiles: {\"p\\n\": {weights: {moral: 1}}}\n")},
		"e.yaml":           {Data: []byte("arguments: [{id: e, side: pro, category: moral, title: E, claim: C, strength: 1, supports: [\"t\\x1b\"]}]\n")},
		"f\x1b.yaml":       {Data: []byte("argmap: 1\n")},
		"g.yaml":           {Data: []byte("arguments:\n  - {id: g, side: con, category: \"x\\x9b\", title: G, claim: C, strength: 1, attacks: [t], quotes: [{source: \"\\x1bs\", text: q}]}\n")},
	}
	_, problems, _ := Load(fsys, ".")
	if len(problems) < 7 {
		t.Fatalf("want a problem from each file, got %q", problemStrings(problems))
	}
	for _, p := range problems {
		if strings.ContainsAny(p.Message, "\x1b\x07\x01\n\u202e\u009b") {
			t.Errorf("raw control character in %q", p.Message)
		}
	}
}

// Past MaxProblems errors, the load stops and says so; a flood of warnings is counted, and the
// debate still loads whole.
func TestLoadProblemLimit(t *testing.T) {
	broken := head + "arguments:\n" + strings.Repeat("  - {id: x}\n", 2000)
	d, problems, err := Load(fstest.MapFS{"a.yaml": {Data: []byte(broken)}}, ".")
	if err == nil || len(problems) != MaxProblems+1 {
		t.Fatalf("got %d problems, err %v; want %d and an error", len(problems), err, MaxProblems+1)
	}
	if got, want := problems[len(problems)-1].String(), ".: error: stopped after 1000 problems: fix these and run 'argmap validate' again"; got != want {
		t.Errorf("last problem = %q, want %q", got, want)
	}
	if d == nil || len(d.Arguments) >= 2000 {
		t.Errorf("decoding did not stop")
	}

	var b strings.Builder
	b.WriteString(head + "arguments:\n")
	for i := range 1500 {
		b.WriteString("  - {id: a" + strconv.Itoa(i) + ", side: pro, category: moral, title: A, claim: C, strength: 1, supports: [t]}\n")
	}
	d, problems, err = Load(fstest.MapFS{"a.yaml": {Data: []byte(b.String())}}, ".")
	if err != nil {
		t.Fatalf("warnings alone failed the load: %v", err)
	}
	if len(d.Arguments) != 1500 || len(problems) != MaxProblems+1 {
		t.Fatalf("got %d arguments and %d problems, want 1500 and %d", len(d.Arguments), len(problems), MaxProblems+1)
	}
	if got, want := problems[len(problems)-1].String(), ".: warning: 500 more problems not shown (0 errors): fix the ones above and run 'argmap validate' again"; got != want {
		t.Errorf("last problem = %q, want %q", got, want)
	}
}
