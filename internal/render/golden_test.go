package render

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// golden compares got with the golden file NAME, or rewrites it with -update. Plain output is
// kept as it is, in testdata/NAME.golden. Output in colour is kept in testdata/NAME.ansi with
// every escape spelled out (ESC as \x1b, a backslash doubled), so that a person reviewing the
// file or its diff reads the colours; printf '%b' "$(cat NAME.ansi)" shows it in colour. A
// mismatch is shown as a diff of the spelled-out forms either way.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path, stored := filepath.Join("testdata", name+".golden"), got
	if bytes.IndexByte(got, 0x1b) >= 0 {
		path, stored = filepath.Join("testdata", name+".ansi"), []byte(spellEscapes(string(got)))
	}
	if *update {
		if err := os.WriteFile(path, stored, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/render -update to create it)", err)
	}
	if bytes.Equal(stored, want) {
		return
	}
	if path == filepath.Join("testdata", name+".golden") {
		stored, want = []byte(spellEscapes(string(stored))), []byte(spellEscapes(string(want)))
	}
	d := diff.Diff(path, want, "got", stored)
	t.Errorf("output differs from %s (run with -update to accept it):\n%s", path, d)
}

// spellEscapes writes every control character but the line end as \xNN (\t for a tab) and
// doubles each backslash, so that the spelled-out form stands for one output only.
func spellEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func TestSpellEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"plain\n":                "plain\n",
		"\x1b[1mbold\x1b[m":      `\x1b[1mbold\x1b[m`,
		`\x1b shown by safetext`: `\\x1b shown by safetext`,
		"tab\there\r\x7f":        `tab\there\x0d\x7f`,
		"é ◆ █":                  "é ◆ █",
	} {
		if got := spellEscapes(in); got != want {
			t.Errorf("spellEscapes(%q) = %q, want %q", in, got, want)
		}
	}
}
