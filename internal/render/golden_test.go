package render

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// golden compares got with testdata/NAME.golden, or rewrites the file with -update. The files
// hold the raw output, escapes and all (cat one in a terminal to see it); a mismatch is shown
// as a diff with every escape and control character spelled out, so that colour changes are
// readable.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/render -update to create it)", err)
	}
	if string(got) == string(want) {
		return
	}
	d := diff.Diff(path, []byte(escapeSeqs(string(want))), "got", []byte(escapeSeqs(string(got))))
	t.Errorf("output differs from %s (run with -update to accept it):\n%s", path, d)
}

// escapeSeqs quotes every line, so escapes and control characters show as \x1b and the like.
func escapeSeqs(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		q := strconv.Quote(l)
		lines[i] = q[1 : len(q)-1]
	}
	return strings.Join(lines, "\n")
}
