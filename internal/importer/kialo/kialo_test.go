package kialo

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/importer"
)

// want is one argument's hand-worked side and relations.
type want struct {
	side              argument.Side
	supports, attacks []string
}

// cities is the hand-worked reading of testdata/old.txt and testdata/new.txt, the same
// discussion in the two grammars: Con of Con is pro, a link adds a relation from its target to
// its parent, a link to another discussion adds nothing.
var cities = map[string]want{
	"cleaner-air-saves-lives":                             {argument.Pro, []string{"cities-should-ban-private-cars-from-their-centres"}, nil},
	"the-effect-is-small-see":                             {argument.Con, []string{"shops-lose-customers-who-drive"}, []string{"cleaner-air-saves-lives"}},
	"small-effects-add-up-over-a-population":              {argument.Pro, nil, []string{"the-effect-is-small-see"}},
	"shops-lose-customers-who-drive":                      {argument.Con, nil, []string{"cities-should-ban-private-cars-from-their-centres"}},
	"foot-traffic-rises-when-streets-are-pedestrian-only": {argument.Pro, nil, []string{"shops-lose-customers-who-drive"}},
}

func TestReadBothGrammars(t *testing.T) {
	newIDs := map[string]string{
		"the-effect-is-small-see":        "the-effect-is-small",
		"shops-lose-customers-who-drive": "shops-lose-customers-who-drive-the-argument",
	}
	for _, file := range []string{"testdata/old.txt", "testdata/new.txt"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d, sum, err := Read(data, importer.Options{File: file, Strength: 0.5})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			rename := func(id string) string {
				if file == "testdata/new.txt" && newIDs[id] != "" {
					return newIDs[id]
				}
				return id
			}
			if len(d.Arguments) != len(cities) {
				t.Errorf("got %d arguments, want %d", len(d.Arguments), len(cities))
			}
			for id, w := range cities {
				a := d.Argument(rename(id))
				if a == nil {
					t.Errorf("no argument %s; got %v", rename(id), ids(d))
					continue
				}
				var sup, att []string
				for _, s := range w.supports {
					sup = append(sup, rename(s))
				}
				for _, s := range w.attacks {
					att = append(att, rename(s))
				}
				if a.Side != w.side || !slices.Equal(a.Supports, sup) || !slices.Equal(a.Attacks, att) {
					t.Errorf("%s: got side %s supports %v attacks %v, want %s %v %v", a.ID, a.Side, a.Supports, a.Attacks, w.side, sup, att)
				}
			}
			if got := sum.String(); !strings.Contains(got, "1 link to another discussion") && file == "testdata/old.txt" {
				t.Errorf("summary %q does not count the link to another discussion", got)
			}
		})
	}
}

func ids(d *argument.Debate) []string {
	var out []string
	for _, a := range d.Arguments {
		out = append(out, a.ID)
	}
	return out
}

// TestSidesByParity works the sides of a chain out by hand: each claim's side is the thesis's
// flipped once per Con on its path.
func TestSidesByParity(t *testing.T) {
	labels := []string{"Con", "Con", "Pro", "Con", "Pro", "Pro", "Con"}
	var b strings.Builder
	b.WriteString("Discussion Title: Chain\r\n\r\n1. Root claim\r\n")
	path := "1."
	for i, l := range labels {
		path += "1."
		fmt.Fprintf(&b, "%s %s: Claim number %d\r\n", path, l, i+1)
	}
	d, _, err := Read([]byte(b.String()), importer.Options{File: "chain.txt"})
	if err != nil {
		t.Fatal(err)
	}
	wantSides := []argument.Side{"con", "pro", "pro", "con", "con", "con", "pro"}
	for i, a := range d.Arguments {
		if a.Side != wantSides[i] {
			t.Errorf("claim %d (%s): got %s, want %s", i+1, labels[i], a.Side, wantSides[i])
		}
		want := argument.Support
		if labels[i] == "Con" {
			want = argument.Attack
		}
		if got := len(a.Attacks) == 1; got != (want == argument.Attack) {
			t.Errorf("claim %d (%s): supports %v attacks %v", i+1, labels[i], a.Supports, a.Attacks)
		}
	}
}

func TestTraps(t *testing.T) {
	long := strings.Repeat("word ", 300)
	deep := "Discussion Title: Deep\n\n1. Root\n"
	path := "1."
	for i := range 40 {
		path += "1."
		deep += fmt.Sprintf("%s Con: level %d\n", path, i+2)
	}
	tests := []struct {
		name, text string
		check      func(t *testing.T, d *argument.Debate)
	}{
		{"numbered lines inside a claim, converted to LF", "Discussion Title: T\n\n1. Root\n1.1. Pro: Syllogism:\n1. All men are mortal.\n2. The greatest is a man.\n1.2. Con: Other\n", func(t *testing.T, d *argument.Debate) {
			if len(d.Arguments) != 2 || !strings.Contains(d.Arguments[0].Claim, "2. The greatest") {
				t.Errorf("got %d arguments, first claim %q", len(d.Arguments), d.Arguments[0].Claim)
			}
		}},
		{"a record-like line after a bare LF", "Discussion Title: T\r\n\r\n1. Root\r\n1.1. Pro: First\n1.2. Con: not a record\r\n", func(t *testing.T, d *argument.Debate) {
			if len(d.Arguments) != 1 {
				t.Errorf("got %d arguments, want 1", len(d.Arguments))
			}
		}},
		{"Markdown links and escapes", "Discussion Title: T\n\n1. Root\n1.1. Pro: See [the report](https://example.org/r) \\*now\\*\n", func(t *testing.T, d *argument.Debate) {
			a := d.Arguments[0]
			if a.Claim != "See the report (https://example.org/r) *now*" || a.Title != "See the report *now*" {
				t.Errorf("got claim %q title %q", a.Claim, a.Title)
			}
		}},
		{"a bracket before a link", "Discussion Title: T\n\n1. Root\n1.1. Pro: x[1] and [a link](https://e.org)\n", func(t *testing.T, d *argument.Debate) {
			if a := d.Arguments[0]; a.Claim != "x[1] and a link (https://e.org)" {
				t.Errorf("got claim %q", a.Claim)
			}
		}},
		{"depth over 30", deep, func(t *testing.T, d *argument.Debate) {
			if len(d.Arguments) != 40 || d.Arguments[39].Side != argument.Pro {
				t.Errorf("got %d arguments, the last %s", len(d.Arguments), d.Arguments[len(d.Arguments)-1].Side)
			}
		}},
		{"a claim over 1,000 characters", "Discussion Title: T\n\n1. Root\n1.1. Pro: " + long + "\n", func(t *testing.T, d *argument.Debate) {
			a := d.Arguments[0]
			if len([]rune(a.Claim)) > importer.MaxClaimLength || a.Reasoning != strings.TrimSpace(long) || len([]rune(a.Title)) > 80 {
				t.Errorf("claim %d runes, reasoning %d, title %q", len([]rune(a.Claim)), len(a.Reasoning), a.Title)
			}
		}},
		{"non-English text", "Discussion Title: Москва\n\n1. Город должен запретить машины\n1.1. Con: Магазины потеряют клиентов\n", func(t *testing.T, d *argument.Debate) {
			if d.Thesis.ID != "claim-1" || d.Arguments[0].ID != "claim-1-1" || d.Arguments[0].Title != "Магазины потеряют клиентов" {
				t.Errorf("thesis %s, argument %s %q", d.Thesis.ID, d.Arguments[0].ID, d.Arguments[0].Title)
			}
		}},
		{"accents folded in ids", "Discussion Title: T\n\n1. Root\n1.1. Pro: Les élèves apprennent mieux\n", func(t *testing.T, d *argument.Debate) {
			if d.Arguments[0].ID != "les-eleves-apprennent-mieux" {
				t.Errorf("got %s", d.Arguments[0].ID)
			}
		}},
		{"a question with one position", "Discussion Title: Q?\n\n1. Which way?\n1.1. Thesis: This way\n1.1.1. Pro: Shorter\n", func(t *testing.T, d *argument.Debate) {
			if d.Thesis.Claim != "This way" || len(d.Arguments) != 1 {
				t.Errorf("thesis %q, %d arguments", d.Thesis.Claim, len(d.Arguments))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := Read([]byte(tt.text), importer.Options{File: "trap.txt"})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			tt.check(t, d)
		})
	}
}

var positions = "Discussion Title: Q?\n\n1. Which way?\n1.1. This way\n1.1.1. Pro: Shorter\n1.2. That way\n1.2.1. Con: Longer\n1.2.1.1. Pro: -> See 1.1.1.\n"

func TestThesisFlag(t *testing.T) {
	d, sum, err := Read([]byte(positions), importer.Options{File: "q.txt", Thesis: "1.2"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Thesis.Claim != "That way" || len(d.Arguments) != 1 || d.Arguments[0].Side != argument.Con {
		t.Errorf("thesis %q, arguments %v", d.Thesis.Claim, ids(d))
	}
	if !strings.Contains(sum.String(), "2 claims outside the thesis's subtree") || !strings.Contains(sum.String(), "1 link to a claim not imported") {
		t.Errorf("summary %q", sum)
	}
}

// readErrors are inputs the reader refuses, with its message; they seed FuzzRead too.
var readErrors = []struct{ name, text, opts, want string }{
	{"not kialo", "{\"nodes\": []}\n", "", `x.txt:1: not a Kialo export: Kialo's "Export discussion" file begins with "Discussion Title:" or "Discussion Name:"; check --from`},
	{"empty", "", "", `x.txt:1: the file is empty: it should be a Kialo export, beginning with "Discussion Title:" or "Discussion Name:"`},
	{"no root", "Discussion Title: T\n\nsomething else\n", "", `x.txt:3: expected the discussion's root claim "1. TEXT" after the title, not "something else": check the file is a whole Kialo export`},
	{"no claims", "Discussion Title: T\n\n", "", `x.txt:2: the export has a title but no claims: it should go on with "1. THESIS"`},
	{"not utf-8", "Discussion Title: T\n\n1. R\xff\n", "", "x.txt:3:5: the text is not UTF-8: save the export as UTF-8 and import it again"},
	{"several positions", positions, "", `x.txt:4: the discussion is a question with 2 positions: pick the thesis with --thesis PATH, one of 1.1. (This way), 1.2. (That way)`},
	{"unknown thesis", positions, "1.9.", `x.txt: --thesis "1.9." is no claim of the discussion: give a path such as 1.1. (This way), 1.2. (That way)`},
}

func TestErrors(t *testing.T) {
	for _, tt := range readErrors {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Read([]byte(tt.text), importer.Options{File: "x.txt", Thesis: tt.opts})
			var ie *importer.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an InputError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
}
