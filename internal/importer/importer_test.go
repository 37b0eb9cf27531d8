package importer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
)

func TestKebab(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cleaner air saves lives.", "cleaner-air-saves-lives"},
		{"Putin's war", "putins-war"},
		{"  --Les élèves ÇA va--  ", "les-eleves-ca-va"},
		{"Москва", ""},
		{"a_b  c", "a-b-c"},
		{"\x1b[31mred", "31mred"},
	}
	for _, tt := range tests {
		if got := Kebab(tt.in); got != tt.want {
			t.Errorf("Kebab(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitle(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct{ in, want string }{
		{"First line.\nSecond line.", "First line."},
		{"  spaced   out  ", "spaced out"},
		{long, strings.TrimSpace(strings.Repeat("word ", 15)) + "…"},
	}
	for _, tt := range tests {
		got := Title(tt.in)
		if got != tt.want {
			t.Errorf("Title(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > 80 {
			t.Errorf("Title(%q) is %d characters", tt.in, n)
		}
	}
}

func TestIDs(t *testing.T) {
	b := NewBuilder(Options{IDPrefix: "kx"}, "test", "T")
	long := strings.Repeat("abcdefghi ", 10)
	var got []string
	for _, title := range []string{"Same", "Same", "Same", long, long, "Москва"} {
		got = append(got, b.ID(title, "claim 1.2."))
	}
	want := []string{"kx-same", "kx-same-2", "kx-same-3", "kx-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi", "kx-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-2", "kx-claim-1-2"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("id %d: got %q, want %q", i, got[i], want[i])
		}
		if len(got[i]) > 64 {
			t.Errorf("id %q is longer than 64", got[i])
		}
	}
}

func TestSides(t *testing.T) {
	d := &argument.Debate{Thesis: argument.Thesis{ID: "t"}, Arguments: []*argument.Argument{
		{ID: "a", Supports: []string{"t"}},
		{ID: "b", Attacks: []string{"a"}},
		{ID: "c", Attacks: []string{"b"}},
		{ID: "d", Supports: []string{"b"}},
		{ID: "loose", Side: argument.Con},
	}}
	Sides(d)
	want := []argument.Side{"pro", "con", "pro", "con", "con"}
	for i, a := range d.Arguments {
		if a.Side != want[i] {
			t.Errorf("%s: got %s, want %s", a.ID, a.Side, want[i])
		}
	}
}

func TestSummary(t *testing.T) {
	s := Summary{Format: "kialo", Arguments: 1, Relations: 2}
	if got := s.String(); got != "imported 1 argument and 2 relations from kialo; nothing dropped" {
		t.Errorf("got %q", got)
	}
	s.Thesis = "1.2."
	s.Drop(0, "nothing", "nothings")
	s.Drop(3, "link", "links")
	s.Drop(1, "other", "others")
	if got := s.String(); got != "imported 1 argument and 2 relations from kialo; thesis 1.2.; dropped 3 links, 1 other" {
		t.Errorf("got %q", got)
	}
}

// TestLimits holds the limits an import keeps to together with the corpus format's.
func TestLimits(t *testing.T) {
	if MaxInputSize != corpus.MaxFileSize || MaxArguments != corpus.MaxArguments || maxIDLength != corpus.MaxIDLength ||
		maxTitleLength != corpus.MaxTitleLength || Version != corpus.Version {
		t.Errorf("the import limits differ from corpus's: update importer.go")
	}
}
