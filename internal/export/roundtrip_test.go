package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/synth"
)

// clearPos zeroes every position in d, so that debates read from different files compare.
func clearPos(d *argument.Debate) { d.ClearPositions() }

// yamlRoundTrip exports g as YAML and loads the file back as a corpus.
func yamlRoundTrip(t testing.TB, g *argument.Graph) (*argument.Debate, []byte, error) {
	t.Helper()
	out := encode(t, YAML, g)
	d, _, err := corpus.Load(fstest.MapFS{"corpus.yaml": {Data: out}}, ".")
	return d, out, err
}

// sameDebate reports how two debates differ, positions aside, or "".
func sameDebate(want, got *argument.Debate) string {
	clearPos(want)
	clearPos(got)
	if reflect.DeepEqual(want, got) {
		return ""
	}
	w, g := reflect.ValueOf(*want), reflect.ValueOf(*got)
	for i := 0; i < w.NumField(); i++ {
		name := w.Type().Field(i).Name
		if name == "Arguments" {
			if len(want.Arguments) != len(got.Arguments) {
				return fmt.Sprintf("%d arguments, want %d", len(got.Arguments), len(want.Arguments))
			}
			for j := range want.Arguments {
				if !reflect.DeepEqual(want.Arguments[j], got.Arguments[j]) {
					return fmt.Sprintf("argument %d:\n got %#v\nwant %#v", j, *got.Arguments[j], *want.Arguments[j])
				}
			}
			continue
		}
		if !reflect.DeepEqual(w.Field(i).Interface(), g.Field(i).Interface()) {
			return fmt.Sprintf("%s:\n got %#v\nwant %#v", name, g.Field(i).Interface(), w.Field(i).Interface())
		}
	}
	return "differ"
}

// TestYAMLRoundTrip exports each corpus as one YAML file and loads it back: the debate is the
// same, positions aside.
func TestYAMLRoundTrip(t *testing.T) {
	graphs := map[string]*argument.Graph{"built-in": loadBuiltin(t)}
	for _, name := range fixtures {
		graphs[name] = loadFixture(t, name)
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			got, out, err := yamlRoundTrip(t, g)
			if err != nil {
				t.Fatalf("the export does not load: %v\n%s", err, out)
			}
			if diff := sameDebate(g.Debate, got); diff != "" {
				t.Errorf("the export loads back different: %s", diff)
			}
		})
	}
}

// TestYAMLFilteredLoads checks that a filtered export names no argument it left out, so that it
// loads as a corpus of its own.
func TestYAMLFilteredLoads(t *testing.T) {
	g := loadFixture(t, "basic")
	sub := g.Subgraph(argument.Filter{Sides: []argument.Side{argument.Con}}.Match)
	got, out, err := yamlRoundTrip(t, sub)
	if err != nil {
		t.Fatalf("the export does not load: %v\n%s", err, out)
	}
	if len(got.Arguments) != 3 {
		t.Fatalf("%d arguments, want the 3 con ones", len(got.Arguments))
	}
	for _, a := range got.Arguments {
		for _, id := range append(append([]string(nil), a.Supports...), a.Attacks...) {
			if id != got.Thesis.ID && got.Argument(id) == nil {
				t.Errorf("%s names %s, which the filtered export left out", a.ID, id)
			}
		}
	}
	if rels := argument.NewGraph(got).Relations(); !reflect.DeepEqual(rels, sub.Relations()) {
		t.Errorf("relations = %v, want %v", rels, sub.Relations())
	}
}

// TestYAMLQuotesAmbiguousStrings checks the strings a YAML reader could take for something else.
func TestYAMLQuotesAmbiguousStrings(t *testing.T) {
	g := loadFixture(t, "hostile")
	out := string(encode(t, YAML, g))
	for _, want := range []string{`title: "true"`, `claim: "1.5"`, `note: "yes"`, `text: "2022-09-27"`, `author: "null"`, `"yes":`} {
		if !bytes.Contains([]byte(out), []byte(want)) {
			t.Errorf("export lacks %s", want)
		}
	}
}

// TestJSONRoundTrip reads the JSON export back with encoding/json and rebuilds the debate:
// everything the graph holds is there.
func TestJSONRoundTrip(t *testing.T) {
	graphs := map[string]*argument.Graph{"built-in": loadBuiltin(t)}
	for _, name := range fixtures {
		graphs[name] = loadFixture(t, name)
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			out := encode(t, JSON, g)
			got, err := debateFromJSON(out)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if diff := sameDebate(g.Debate, got); diff != "" {
				t.Errorf("the export reads back different: %s", diff)
			}
		})
	}
}

// debateFromJSON rebuilds a debate from the JSON export: what a consumer would do.
func debateFromJSON(data []byte) (*argument.Debate, error) {
	var doc struct {
		Argmap int
		Debate struct {
			ID, Title, Question string
			Thesis              struct {
				ID, Claim string
				Base      float64
			}
			Categories []string
			Sources    []struct{ ID, Title, Subtitle, Author, Publication, Date, URL string }
			Verdict    *struct{ Source, Text string }
			Profiles   json.RawMessage
		}
		Arguments []struct {
			ID, Side, Category, Title, Claim, Reasoning, Note string
			Strength                                          float64
			Tags                                              []string
			Quotes, Evidence                                  []struct{ Source, Text string }
		}
		Relations []struct{ From, To, Type, Basis, Quote, Source, Note string }
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if doc.Argmap != Version {
		return nil, fmt.Errorf("argmap = %d, want %d", doc.Argmap, Version)
	}
	src := doc.Debate
	d := &argument.Debate{Version: 1, ID: src.ID, Title: src.Title, Question: src.Question,
		Thesis: argument.Thesis{ID: src.Thesis.ID, Claim: src.Thesis.Claim, Base: src.Thesis.Base}, Categories: src.Categories}
	for _, s := range src.Sources {
		d.Sources = append(d.Sources, argument.Source{ID: s.ID, Title: s.Title, Subtitle: s.Subtitle, Author: s.Author,
			Publication: s.Publication, Date: s.Date, URL: s.URL})
	}
	if src.Verdict != nil {
		d.Verdict = argument.Passage{Source: src.Verdict.Source, Text: src.Verdict.Text}
	}
	names, values, err := orderedObject(src.Profiles)
	if err != nil {
		return nil, err
	}
	for i, name := range names {
		var p struct {
			Description string
			Weights     map[string]float64
		}
		if err := json.Unmarshal(values[i], &p); err != nil {
			return nil, err
		}
		d.Profiles = append(d.Profiles, argument.Profile{Name: name, Description: p.Description, Weights: p.Weights})
	}
	for _, a := range doc.Arguments {
		arg := &argument.Argument{ID: a.ID, Side: argument.Side(a.Side), Category: a.Category, Title: a.Title, Claim: a.Claim,
			Reasoning: a.Reasoning, Strength: a.Strength, Note: a.Note}
		if len(a.Tags) > 0 {
			arg.Tags = a.Tags
		}
		for _, q := range a.Quotes {
			arg.Quotes = append(arg.Quotes, argument.Passage{Source: q.Source, Text: q.Text})
		}
		for _, q := range a.Evidence {
			arg.Evidence = append(arg.Evidence, argument.Passage{Source: q.Source, Text: q.Text})
		}
		for _, r := range doc.Relations {
			if r.From != a.ID {
				continue
			}
			switch argument.RelationType(r.Type) {
			case argument.Support:
				arg.Supports = append(arg.Supports, r.To)
			case argument.Attack:
				arg.Attacks = append(arg.Attacks, r.To)
			default:
				return nil, fmt.Errorf("relation type %q", r.Type)
			}
			// A stated relation always has its quote, so one without came from a bare id.
			basis := argument.Basis(r.Basis)
			if basis == argument.Stated && r.Quote == "" {
				basis = ""
			}
			arg.Relations = append(arg.Relations, argument.Relation{From: r.From, To: r.To, Type: argument.RelationType(r.Type),
				Basis: basis, Quote: r.Quote, Source: r.Source, Note: r.Note})
		}
		// The loader lists supports before attacks; the JSON does too, by source argument.
		clearPos(&argument.Debate{Arguments: []*argument.Argument{arg}})
		d.Arguments = append(d.Arguments, arg)
	}
	return d, nil
}

// orderedObject reads a JSON object's keys in order, with their raw values.
func orderedObject(raw json.RawMessage) ([]string, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, nil, fmt.Errorf("want an object, got %v %v", tok, err)
	}
	var keys []string
	var vals []json.RawMessage
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys = append(keys, tok.(string))
		vals = append(vals, v)
	}
	return keys, vals, nil
}

// TestJSONKeyOrder pins the order of the keys the issue spells out.
func TestJSONKeyOrder(t *testing.T) {
	out := encode(t, JSON, loadFixture(t, "basic"))
	want := map[string][]string{
		"":         {"argmap", "debate", "arguments", "relations"},
		"debate":   {"id", "title", "question", "thesis", "categories", "sources", "profiles"},
		"thesis":   {"id", "claim", "base"},
		"source":   {"id", "title", "subtitle", "author", "publication", "date", "url"},
		"profile":  {"description", "weights"},
		"weights":  {"moral", "strategic", "political"},
		"argument": {"id", "side", "category", "title", "claim", "reasoning", "strength", "tags", "quotes", "evidence", "note"},
		"quote":    {"source", "text"},
		"relation": {"from", "to", "type", "basis"},
		"profiles": {"even", "heritage"},
	}
	check := func(what string, raw json.RawMessage) json.RawMessage {
		t.Helper()
		keys, vals, err := orderedObject(raw)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !reflect.DeepEqual(keys, want[what]) {
			t.Errorf("%s keys = %v, want %v", what, keys, want[what])
		}
		m := map[string]json.RawMessage{}
		for i, k := range keys {
			m[k] = vals[i]
		}
		return json.RawMessage(mustJSON(t, m))
	}
	var top map[string]json.RawMessage
	check("", out)
	json.Unmarshal(out, &top)
	var debate map[string]json.RawMessage
	check("debate", top["debate"])
	json.Unmarshal(top["debate"], &debate)
	check("thesis", debate["thesis"])
	var sources []json.RawMessage
	json.Unmarshal(debate["sources"], &sources)
	check("source", sources[0])
	check("profiles", debate["profiles"])
	var profiles map[string]json.RawMessage
	json.Unmarshal(debate["profiles"], &profiles)
	check("profile", profiles["heritage"])
	var heritage map[string]json.RawMessage
	json.Unmarshal(profiles["heritage"], &heritage)
	check("weights", heritage["weights"])
	var args, rels, quotes []json.RawMessage
	json.Unmarshal(top["arguments"], &args)
	check("argument", args[0])
	var first map[string]json.RawMessage
	json.Unmarshal(args[0], &first)
	json.Unmarshal(first["quotes"], &quotes)
	check("quote", quotes[0])
	json.Unmarshal(top["relations"], &rels)
	check("relation", rels[0])
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// chunkArguments is more arguments than a streaming encoder writes between flushes of a
// small buffer.
const chunkArguments = 128

// chunkGraphs are debates of many arguments, to check that the encoders that write them one at
// a time write one document: a generated one, the hostile fixture's arguments over and over, and
// one with no argument.
func chunkGraphs(t *testing.T) map[string]*argument.Graph {
	t.Helper()
	hostile := loadFixture(t, "hostile").Debate
	many := *hostile
	many.Arguments = nil
	for k := range chunkArguments/len(hostile.Arguments) + 1 {
		for _, a := range hostile.Arguments {
			c := *a
			rename := func(ids []string) []string {
				var out []string
				for _, id := range ids {
					if id != hostile.Thesis.ID {
						id = fmt.Sprintf("%s-%d", id, k)
					}
					out = append(out, id)
				}
				return out
			}
			c.ID, c.Supports, c.Attacks = rename([]string{a.ID})[0], rename(a.Supports), rename(a.Attacks)
			many.Arguments = append(many.Arguments, &c)
		}
	}
	none := *hostile
	none.Arguments = nil
	return map[string]*argument.Graph{
		"generated": argument.NewGraph(synth.Generate(synth.Options{Arguments: chunkArguments + 88, Seed: 3, Cycles: 1})),
		"hostile":   argument.NewGraph(&many),
		"none":      argument.NewGraph(&none),
	}
}

// TestYAMLMatchesLibrary checks that the YAML export, which writes most arguments itself and
// dumps the rest one at a time, writes the bytes the YAML library writes for the whole document.
func TestYAMLMatchesLibrary(t *testing.T) {
	graphs := chunkGraphs(t)
	graphs["built-in"] = loadBuiltin(t)
	for _, name := range fixtures {
		graphs[name] = loadFixture(t, name)
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			sameBytes(t, "yaml", encode(t, YAML, g), libraryYAML(t, g))
			if g.Len() > 1 {
				got, out, err := yamlRoundTrip(t, g)
				if err != nil {
					t.Fatalf("the export does not load: %v\n%s", err, out)
				}
				if diff := sameDebate(g.Debate, got); diff != "" {
					t.Errorf("the export loads back different: %s", diff)
				}
			}
		})
	}
}

// TestJSONStreamIsOneDocument checks that streaming the JSON and AIF exports an item at a time
// writes the bytes encoding/json writes for the whole document at once.
func TestJSONStreamIsOneDocument(t *testing.T) {
	graphs := chunkGraphs(t)
	graphs["built-in"] = loadBuiltin(t)
	graphs["cases"] = yamlCaseGraph(yamlScalarCases)
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			for _, f := range []Format{JSON, AIF} {
				got := encode(t, f, g)
				var want bytes.Buffer
				whole := wholeJSON(g)
				if f == AIF {
					whole = aifDocument(g)
				}
				if err := writeJSON(&want, whole); err != nil {
					t.Fatal(err)
				}
				sameBytes(t, string(f), got, want.Bytes())
			}
		})
	}
}

// sameBytes fails the test at the first line where got and want differ.
func sameBytes(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Fatalf("%s: line %d differs:\n got %q\nwant %q", what, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("%s: %d lines, want %d", what, len(gl), len(wl))
}

// The JSON export's arguments and relations as encoding/json wrote them before the encoder
// wrote them by hand: the reference it must match byte for byte.

type jsonArgument struct {
	ID        string        `json:"id"`
	Side      argument.Side `json:"side"`
	Category  string        `json:"category"`
	Title     string        `json:"title"`
	Claim     string        `json:"claim"`
	Reasoning string        `json:"reasoning"`
	Strength  float64       `json:"strength"`
	Tags      []string      `json:"tags"`
	Quotes    []jsonPassage `json:"quotes"`
	Evidence  []jsonPassage `json:"evidence"`
	Note      string        `json:"note"`
}

type jsonPassage struct {
	Source string `json:"source"`
	Text   string `json:"text"`
}

type jsonRelation struct {
	From   string                `json:"from"`
	To     string                `json:"to"`
	Type   argument.RelationType `json:"type"`
	Basis  argument.Basis        `json:"basis"`
	Quote  string                `json:"quote,omitempty"`
	Source string                `json:"source,omitempty"`
	Note   string                `json:"note,omitempty"`
}

func jsonPassages(ps []argument.Passage) []jsonPassage {
	out := make([]jsonPassage, len(ps))
	for i, p := range ps {
		out[i] = jsonPassage{Source: p.Source, Text: p.Text}
	}
	return out
}

// writeJSON writes v indented two spaces with a final newline, all at once so that a failure
// (a NaN, say) writes nothing, and with every invisible character escaped.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	// Go escapes C0 controls but writes DEL, C1 controls and bidi overrides as they are.
	_, err := w.Write(safetext.EscapeInvisible(buf.Bytes()))
	return err
}

// wholeJSON is the JSON export's document as one value.
func wholeJSON(g *argument.Graph) any {
	d := g.Debate
	type doc struct {
		Argmap    int            `json:"argmap"`
		Debate    jsonDebate     `json:"debate"`
		Arguments []jsonArgument `json:"arguments"`
		Relations []jsonRelation `json:"relations"`
	}
	out := doc{Argmap: Version, Debate: jsonDebate{
		ID: d.ID, Title: d.Title, Question: d.Question,
		Thesis:     jsonThesis{ID: d.Thesis.ID, Claim: d.Thesis.Claim, Base: d.Thesis.Base},
		Categories: nonNil(d.Categories), Sources: []jsonSource{}, Profiles: object{},
	}, Arguments: []jsonArgument{}, Relations: []jsonRelation{}}
	if d.Verdict.Text != "" {
		out.Debate.Verdict = &jsonVerdict{Source: d.Verdict.Source, Text: d.Verdict.Text}
	}
	for _, s := range d.Sources {
		out.Debate.Sources = append(out.Debate.Sources, jsonSource{ID: s.ID, Title: s.Title, Subtitle: s.Subtitle,
			Author: s.Author, Publication: s.Publication, Date: s.Date, URL: s.URL})
	}
	for _, p := range d.Profiles {
		weights := object{}
		for _, w := range orderedWeights(d, p) {
			weights = append(weights, member{w.Category, w.Weight})
		}
		out.Debate.Profiles = append(out.Debate.Profiles, member{p.Name, jsonProfile{Description: p.Description, Weights: weights}})
	}
	for _, a := range g.Arguments() {
		out.Arguments = append(out.Arguments, jsonArgument{ID: a.ID, Side: a.Side, Category: a.Category, Title: a.Title,
			Claim: a.Claim, Reasoning: a.Reasoning, Strength: a.Strength, Tags: nonNil(a.Tags),
			Quotes: jsonPassages(a.Quotes), Evidence: jsonPassages(a.Evidence), Note: a.Note})
	}
	for _, r := range g.Relations() {
		out.Relations = append(out.Relations, jsonRelation{From: r.From, To: r.To, Type: r.Type, Basis: r.EffectiveBasis(),
			Quote: r.Quote, Source: r.Source, Note: r.Note})
	}
	return out
}

func TestJSONRefusesNaN(t *testing.T) {
	for _, tt := range []struct {
		change func(d *argument.Debate)
		want   string
	}{
		{func(d *argument.Debate) { d.Arguments[2].Strength = math.NaN() }, `argument "heritage" has strength NaN, not a number JSON can hold`},
		{func(d *argument.Debate) { d.Thesis.Base = math.Inf(1) }, `the thesis's base +Inf is not a number JSON can hold`},
		{func(d *argument.Debate) { d.Profiles[1].Weights["moral"] = math.Inf(-1) }, `profile "heritage" weighs "moral" -Inf, not a number JSON can hold`},
	} {
		g := loadFixture(t, "basic")
		tt.change(g.Debate)
		var buf bytes.Buffer
		err := NewJSONEncoder(&buf).Encode(g)
		if err == nil || err.Error() != tt.want || buf.Len() != 0 {
			t.Errorf("Encode = %v, wrote %d bytes; want %q and nothing written", err, buf.Len(), tt.want)
		}
	}
}

type aifDoc struct {
	Nodes     []aifNode  `json:"nodes"`
	Edges     []aifEdge  `json:"edges"`
	Locutions []struct{} `json:"locutions"`
}

type aifNode struct {
	NodeID    string `json:"nodeID"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Timestamp string `json:"timestamp"`
}

type aifEdge struct {
	EdgeID string `json:"edgeID"`
	FromID string `json:"fromID"`
	ToID   string `json:"toID"`
}

// aifDocument is the AIF export's document as one value: the reference the streamed export is
// checked against.
func aifDocument(g *argument.Graph) aifDoc {
	ts := AIFTimestamp(g.Debate)
	doc := aifDoc{Nodes: []aifNode{}, Edges: []aifEdge{}, Locutions: []struct{}{}}
	id := func(i int) string { return strconv.Itoa(i + 1) }
	doc.Nodes = append(doc.Nodes, aifNode{NodeID: id(argument.ThesisNode), Text: g.Debate.Thesis.Claim, Type: "I", Timestamp: ts})
	for i := 1; i < g.Len(); i++ {
		doc.Nodes = append(doc.Nodes, aifNode{NodeID: id(i), Text: g.Argument(i).Claim, Type: "I", Timestamp: ts})
	}
	next := g.Len()
	link := func(from, to string) {
		doc.Edges = append(doc.Edges, aifEdge{EdgeID: strconv.Itoa(len(doc.Edges) + 1), FromID: from, ToID: to})
	}
	for _, r := range edges(g) {
		scheme := aifNode{NodeID: id(next), Text: "Default Inference", Type: "RA", Timestamp: ts}
		if r.Type == argument.Attack {
			scheme.Text, scheme.Type = "Default Conflict", "CA"
		}
		next++
		doc.Nodes = append(doc.Nodes, scheme)
		link(id(r.From), scheme.NodeID)
		link(scheme.NodeID, id(r.To))
	}
	return doc
}
