package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// JSONEncoder writes the whole graph as one JSON document: the debate (thesis, categories,
// sources, profiles), the arguments and the relations, keys in a fixed order, indented two
// spaces.
type JSONEncoder struct {
	w io.Writer
}

// NewJSONEncoder returns an encoder that writes to w.
func NewJSONEncoder(w io.Writer) *JSONEncoder { return &JSONEncoder{w: w} }

type jsonDebate struct {
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Question   string       `json:"question"`
	Thesis     jsonThesis   `json:"thesis"`
	Categories []string     `json:"categories"`
	Sources    []jsonSource `json:"sources"`
	Profiles   object       `json:"profiles"`
}

type jsonThesis struct {
	ID    string  `json:"id"`
	Claim string  `json:"claim"`
	Base  float64 `json:"base"`
}

type jsonSource struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Subtitle    string `json:"subtitle,omitempty"`
	Author      string `json:"author"`
	Publication string `json:"publication"`
	Date        string `json:"date"`
	URL         string `json:"url"`
}

type jsonProfile struct {
	Description string `json:"description"`
	Weights     object `json:"weights"`
}

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
	From string                `json:"from"`
	To   string                `json:"to"`
	Type argument.RelationType `json:"type"`
}

// object is a JSON object whose keys keep the order they were added in.
type object []member

type member struct {
	Key   string
	Value any
}

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Encode writes the graph. It checks every number first, so that a failure writes nothing,
// then streams the document an argument at a time: one buffer for 100,000 arguments would be
// copied as it grows, and again to indent it.
func (e *JSONEncoder) Encode(g *argument.Graph) error {
	if err := checkFinite(g); err != nil {
		return err
	}
	d := g.Debate
	debate := jsonDebate{
		ID: d.ID, Title: d.Title, Question: d.Question,
		Thesis:     jsonThesis{ID: d.Thesis.ID, Claim: d.Thesis.Claim, Base: d.Thesis.Base},
		Categories: nonNil(d.Categories),
		Sources:    []jsonSource{},
		Profiles:   object{},
	}
	for _, s := range d.Sources {
		debate.Sources = append(debate.Sources, jsonSource{ID: s.ID, Title: s.Title, Subtitle: s.Subtitle,
			Author: s.Author, Publication: s.Publication, Date: s.Date, URL: s.URL})
	}
	for _, p := range d.Profiles {
		var weights object
		for _, w := range orderedWeights(d, p) {
			weights = append(weights, member{w.Category, w.Weight})
		}
		if weights == nil {
			weights = object{}
		}
		debate.Profiles = append(debate.Profiles, member{p.Name, jsonProfile{Description: p.Description, Weights: weights}})
	}
	args := g.Arguments()
	relations := g.Relations()

	s := newJSONStream(e.w)
	s.raw("{\n  \"argmap\": " + strconv.Itoa(Version) + ",\n  \"debate\": ")
	s.value(debate, "  ")
	s.raw(",\n  \"arguments\": ")
	s.array(len(args), "  ", func(i int) any {
		a := args[i]
		return jsonArgument{
			ID: a.ID, Side: a.Side, Category: a.Category, Title: a.Title, Claim: a.Claim,
			Reasoning: a.Reasoning, Strength: a.Strength, Tags: nonNil(a.Tags),
			Quotes: jsonPassages(a.Quotes), Evidence: jsonPassages(a.Evidence), Note: a.Note,
		}
	})
	s.raw(",\n  \"relations\": ")
	s.array(len(relations), "  ", func(i int) any {
		r := relations[i]
		return jsonRelation{From: r.From, To: r.To, Type: r.Type}
	})
	s.raw("\n}\n")
	return s.flush()
}

// checkFinite reports a number JSON cannot hold: NaN or an infinity (the loader lets none
// through, but a debate built in code might).
func checkFinite(g *argument.Graph) error {
	bad := func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }
	d := g.Debate
	if bad(d.Thesis.Base) {
		return fmt.Errorf("the thesis's base %v is not a number JSON can hold", d.Thesis.Base)
	}
	for _, p := range d.Profiles {
		for c, w := range p.Weights {
			if bad(w) {
				return fmt.Errorf("profile %q weighs %q %v, not a number JSON can hold", p.Name, c, w)
			}
		}
	}
	for _, a := range g.Arguments() {
		if bad(a.Strength) {
			return fmt.Errorf("argument %q has strength %v, not a number JSON can hold", a.ID, a.Strength)
		}
	}
	return nil
}

// jsonStream writes a JSON document in pieces, laid out as json.Encoder lays it out with an
// indent of two spaces, every invisible character escaped. The first error sticks.
type jsonStream struct {
	w   *bufio.Writer
	err error
}

func newJSONStream(w io.Writer) *jsonStream { return &jsonStream{w: bufio.NewWriter(w)} }

// raw writes JSON text as it is.
func (s *jsonStream) raw(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// value writes v as the value of a key or an array item whose line starts with prefix.
func (s *jsonStream) value(v any, prefix string) {
	if s.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		s.err = err
		return
	}
	_, s.err = s.w.Write(safetext.EscapeInvisible(b))
}

// array writes n items, each given by item, as the value of a key whose line starts with
// prefix.
func (s *jsonStream) array(n int, prefix string, item func(i int) any) {
	if n == 0 {
		s.raw("[]")
		return
	}
	s.raw("[\n")
	inner := prefix + "  "
	for i := range n {
		s.raw(inner)
		s.value(item(i), inner)
		if i < n-1 {
			s.raw(",\n")
		} else {
			s.raw("\n")
		}
	}
	s.raw(prefix + "]")
}

func (s *jsonStream) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
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

func jsonPassages(ps []argument.Passage) []jsonPassage {
	out := make([]jsonPassage, len(ps))
	for i, p := range ps {
		out[i] = jsonPassage{Source: p.Source, Text: p.Text}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Weight is one category's weight.
type Weight struct {
	Category string
	Weight   float64
}

// orderedWeights lists a profile's weights in the debate's category order; weights for
// categories the debate does not list (a corpus the loader would reject) follow, sorted, so
// that nothing is dropped.
func orderedWeights(d *argument.Debate, p argument.Profile) []Weight {
	var out []Weight
	for _, c := range d.Categories {
		if w, ok := p.Weights[c]; ok {
			out = append(out, Weight{c, w})
		}
	}
	var extra []string
	for c := range p.Weights {
		if !slices.Contains(d.Categories, c) {
			extra = append(extra, c)
		}
	}
	slices.Sort(extra)
	for _, c := range extra {
		out = append(out, Weight{c, p.Weights[c]})
	}
	return out
}
