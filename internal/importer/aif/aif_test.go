package aif

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/export"
	"github.com/argmap/argmap/internal/importer"
	"github.com/argmap/argmap/internal/importer/importtest"
)

// corpora are the debates whose AIF export must import back to the same graph.
func corpora(t *testing.T) map[string]*argument.Graph {
	t.Helper()
	out := map[string]*argument.Graph{}
	g, _, err := corpus.LoadGraph(arguments.FS, ".", "builtin")
	if err != nil {
		t.Fatal(err)
	}
	out["builtin"] = g
	for _, name := range []string{"basic", "hostile"} {
		dir := filepath.Join("..", "..", "export", "testdata", "corpus", name)
		g, _, err := corpus.LoadGraph(os.DirFS(dir), ".", dir)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = g
	}
	return out
}

// TestRoundTrip exports each corpus as AIF and imports it back: the same claims, sides and
// relations. AIF keeps no ids, so nodes are compared by their claims.
func TestRoundTrip(t *testing.T) {
	for name, g := range corpora(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.NewAIFEncoder(&buf).Encode(g); err != nil {
				t.Fatal(err)
			}
			d, _, err := Read(buf.Bytes(), importer.Options{File: name + ".json", Strength: 0.5})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			back := importtest.WriteAndScore(t, d)
			if diff := importtest.Diff(importtest.Shape(back, importtest.ByClaim), importtest.Shape(g, importtest.ByClaim)); len(diff) > 0 {
				t.Errorf("the round trip changed the graph:\n%s", strings.Join(diff, "\n"))
			}
		})
	}
}

// TestExternal imports every AIF file of ../shared/external/aif: each imports, validates and
// scores.
func TestExternal(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/external/aif/*.json")
	if len(files) == 0 {
		t.Skip("../shared/external/aif is absent")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d, sum, err := Read(data, importer.Options{File: file, Strength: 0.5})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			importtest.WriteAndScore(t, d)
			if sum.Arguments == 0 || sum.Relations == 0 || !strings.Contains(sum.String(), "thesis node ") {
				t.Errorf("summary %q", sum)
			}
		})
	}
}

const linked = `{"nodes": [
 {"nodeID": "1", "text": "We should go", "type": "I"},
 {"nodeID": "2", "text": "It is sunny", "type": "I"},
 {"nodeID": "3", "text": "We are free", "type": "I"},
 {"nodeID": 4, "text": "Default Inference", "type": "RA"},
 {"nodeID": "5", "text": "It will rain", "type": "I"},
 {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
 {"nodeID": "7", "text": "Bob says it is sunny", "type": "L"},
 {"nodeID": "8", "text": "Asserting", "type": "YA"},
 {"nodeID": "9", "text": "The forecast is old", "type": "I"},
 {"nodeID": "10", "text": "Default Conflict", "type": "CA"}
],
"edges": [
 {"edgeID": "1", "fromID": "2", "toID": "4"},
 {"edgeID": "2", "fromID": "3", "toID": "4"},
 {"edgeID": "3", "fromID": "4", "toID": "1"},
 {"edgeID": "4", "fromID": "5", "toID": "6"},
 {"edgeID": "5", "fromID": "6", "toID": "2"},
 {"edgeID": "6", "fromID": "7", "toID": "8"},
 {"edgeID": "7", "fromID": "8", "toID": "2"},
 {"edgeID": "8", "fromID": "9", "toID": "10"},
 {"edgeID": "9", "fromID": "10", "toID": "5"}
],
"locutions": []}`

// TestLinked works a linked argument out by hand: both premises of RA 4 support the
// conclusion; what attacks a premise is con; what attacks that is pro.
func TestLinked(t *testing.T) {
	d, sum, err := Read([]byte(linked), importer.Options{File: "l.json", Strength: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"it-is-sunny":         "pro supports we-should-go",
		"we-are-free":         "pro supports we-should-go",
		"it-will-rain":        "con attacks it-is-sunny",
		"the-forecast-is-old": "pro attacks it-will-rain",
	}
	if d.Thesis.ID != "we-should-go" || len(d.Arguments) != len(want) {
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
	if got := sum.String(); got != "imported 4 arguments and 4 relations from aif; thesis node 1, which 4 of 4 other claims reach (pick another with --thesis ID); dropped 1 locution (an L node: who said what), 1 illocution (a YA node: how it was said)" {
		t.Errorf("summary %q", got)
	}
	d, sum, err = Read([]byte(linked), importer.Options{File: "l.json", Thesis: "5"})
	if err != nil || d.Thesis.ID != "it-will-rain" || !strings.Contains(sum.String(), "thesis node 5 (--thesis)") {
		t.Errorf("--thesis 5: %v, thesis %v, %s", err, d, sum)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ name, text, thesis, want string }{
		{"not json", "Discussion Title: T\n", "", "x.json:1:1: not JSON (invalid character 'D' looking for beginning of value): the file should be AIF JSON; check --from"},
		{"cut short", `{"nodes": [`, "", "x.json:1:12: the JSON ends early: the file is cut short; export it again"},
		{"no nodes", `{"statements": {}}`, "", `x.json: no "nodes" list: this is not AIF JSON (AIFdb and OVA write {"nodes": [...], "edges": [...]}); check --from`},
		{"wrong type", `{"nodes": {}}`, "", "x.json:1:11: nodes is a JSON object where AIF JSON has a list: check the file is AIF JSON"},
		{"no claim", `{"nodes": [{"nodeID": "1", "type": "RA"}]}`, "", `x.json: /nodes: no I-node: an AIF argument map needs at least one claim (a node of type "I")`},
		{"duplicate", `{"nodes": [{"nodeID": "1", "type": "I"}, {"nodeID": "1", "type": "I"}]}`, "", `x.json: /nodes/1/nodeID: node id "1" is used twice (first at /nodes/0): give every node its own`},
		{"dangling edge", `{"nodes": [{"nodeID": "1", "type": "I"}], "edges": [{"fromID": "1", "toID": "2"}]}`, "", `x.json: /edges/0/toID: no node has id "2": an edge joins two nodes of the list`},
		{"untyped", `{"nodes": [{"nodeID": "1"}]}`, "", `x.json: /nodes/0/type: the node has no type: AIF nodes are I, RA, CA, MA, L, TA or YA`},
		{"bad id", `{"nodes": [{"nodeID": true, "type": "I"}]}`, "", `x.json:1:43: a node id is a string or a number, not a boolean: check the file is AIF JSON`},
		{"unknown thesis", linked, "99", `x.json: --thesis "99" names no I-node: give the nodeID of a claim, such as 1`},
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
	f.Add([]byte(linked))
	f.Add([]byte(`{"nodes": [{"nodeID": "1", "text": "\u001b[31m<b>x</b>", "type": "I"}], "edges": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := Read(data, importer.Options{File: "fuzz.json", Strength: 0.5})
		if err != nil {
			return
		}
		importtest.ExportsInert(t, importtest.WriteAndScore(t, d))
	})
}
