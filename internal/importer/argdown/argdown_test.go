package argdown

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/importer"
	"github.com/argmap/argmap/internal/importer/importtest"
)

// The JSON files in testdata were made by the Argdown CLI of .ci/tools (@argdown/cli 1.7.5)
// from the .argdown files beside them, so that these tests need no Node:
//
//	argmap export --format argdown -o testdata/builtin.argdown
//	argmap --corpus internal/export/testdata/corpus/basic export --format argdown -o testdata/basic.argdown
//	argmap --corpus internal/export/testdata/corpus/hostile export --format argdown -o testdata/hostile.argdown
//	.ci/tools/node_modules/.bin/argdown json testdata/NAME.argdown testdata
//
// and NAME.argmap.json by argmap export --format json from the same corpus at the same time.
// small.argdown is written by hand. .ci/tools/check-exports.sh makes the same round trips with
// the CLI itself, and imports every Argdown file of ../shared/external/argdown.

// exported is the shape of argmap's JSON export NAME.argmap.json, made from the same corpus
// at the same time as NAME.argdown: what the round trip must give back, whatever the corpus
// has become since.
func exported(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".argmap.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Debate struct {
			Thesis struct{ ID string } `json:"thesis"`
		} `json:"debate"`
		Arguments []struct{ ID, Side string }       `json:"arguments"`
		Relations []struct{ From, To, Type string } `json:"relations"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	out := []string{"thesis " + doc.Debate.Thesis.ID}
	for _, a := range doc.Arguments {
		out = append(out, fmt.Sprintf("%s is %s", a.ID, a.Side))
	}
	for _, r := range doc.Relations {
		out = append(out, fmt.Sprintf("%s %s %s", r.From, r.Type, r.To))
	}
	slices.Sort(out)
	return out
}

// TestRoundTrip imports what Argdown made of each corpus's Argdown export: the same ids,
// sides and relations.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"builtin", "basic", "hostile"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := Read(data, importer.Options{File: name + ".json", Strength: 0.5})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			back := importtest.WriteAndScore(t, d)
			got := append(importtest.Shape(back, importtest.ByID), "thesis "+back.Debate.Thesis.ID)
			if diff := importtest.Diff(got, exported(t, name)); len(diff) > 0 {
				t.Errorf("the round trip changed the graph:\n%s", strings.Join(diff, "\n"))
			}
		})
	}
}

// TestSmall works testdata/small.argdown out by hand: an undercut attacks the argument, a
// contradiction is two attacks (the thesis's own dropped), an argument whose conclusion is the
// thesis supports it, and its premises fold into it.
func TestSmall(t *testing.T) {
	data, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	d, sum, err := Read(data, importer.Options{File: "small.json", Strength: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"sunny":        "pro supports go",
		"rain":         "con attacks sunny",
		"old-forecast": "pro attacks rain",
		"stay":         "con attacks go",
		"walk":         "pro supports go",
	}
	if d.Thesis.ID != "go" || len(d.Arguments) != len(want) {
		t.Fatalf("thesis %s, %d arguments", d.Thesis.ID, len(d.Arguments))
	}
	for _, a := range d.Arguments {
		got := string(a.Side)
		for _, s := range a.Supports {
			got += " supports " + s
		}
		for _, s := range a.Attacks {
			got += " attacks " + s
		}
		if got != want[a.ID] {
			t.Errorf("%s: got %q, want %q", a.ID, got, want[a.ID])
		}
	}
	if a := d.Argument("rain"); a == nil || len(a.Tags) != 1 || a.Tags[0] != "worry" || a.Claim != "It will rain later." {
		t.Errorf("rain: %+v", a)
	}
	wantSum := "imported 5 arguments and 5 relations from argdown; thesis [Go], the one central statement; dropped 2 premises and conclusions folded into their arguments, 1 undercut as such (made an attack on the argument), 1 contrary or contradictory relation as such (made two attacks), 1 relation from the thesis (the thesis supports and attacks nothing)"
	if sum.String() != wantSum {
		t.Errorf("summary\ngot  %s\nwant %s", sum, wantSum)
	}
}

func TestErrors(t *testing.T) {
	small, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, text, thesis, want string }{
		{"an argdown file, not its json", "[Go]: We should go.\n", "", "x.json:1:2: not JSON (invalid character 'G' looking for beginning of value): the file should be Argdown JSON (argdown json FILE.argdown OUTDIR); check --from"},
		{"aif", `{"nodes": [], "edges": []}`, "", `x.json: no "statements" or "arguments": this is not the JSON the Argdown CLI writes; make it with argdown json FILE.argdown OUTDIR, and check --from`},
		{"dangling relation", `{"statements": {"A": {}}, "relations": [{"relationType": "support", "from": "B", "fromType": "equivalence-class", "to": "A", "toType": "equivalence-class"}]}`, "", `x.json: /relations/0: the relation names "B", which is neither a statement nor an argument of the document: make the JSON again with argdown json`},
		{"no thesis", `{"statements": {"A": {}, "B": {}}}`, "", `x.json: no statement is where the map's relations end without going on, so none stands out as the thesis: pick it with --thesis TITLE, such as "A"`},
		{"unknown thesis", string(small), "Nope", `x.json: --thesis "Nope" is the title of no statement or argument: give one such as "Go"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Read([]byte(tt.text), importer.Options{File: "x.json", Thesis: tt.thesis})
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

// FuzzRead feeds the reader any bytes: it never panics, and whatever it accepts writes as a
// corpus that loads back, and every export of it is inert.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"small", "basic"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"statements": {"\u001b[31mT": {"tags": ["thesis", "\u202eevil"], "members": [{"text": "<script>x</script> #thesis"}]}},
 "arguments": {"A\u2028B": {"members": [{"text": "click n1 \"x\" %% ]]"}]}},
 "relations": [{"relationType": "attack", "from": "A\u2028B", "fromType": "argument", "to": "\u001b[31mT", "toType": "equivalence-class"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := Read(data, importer.Options{File: "fuzz.json", Strength: 0.5})
		if err != nil {
			return
		}
		importtest.ExportsInert(t, importtest.WriteAndScore(t, d))
	})
}
