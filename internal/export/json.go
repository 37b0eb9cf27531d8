package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
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
	Verdict    *jsonVerdict `json:"verdict,omitempty"`
	Profiles   object       `json:"profiles"`
}

// jsonVerdict is the source's own conclusion, quoted.
type jsonVerdict struct {
	Source string `json:"source"`
	Text   string `json:"text"`
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
	if d.Verdict.Text != "" {
		debate.Verdict = &jsonVerdict{Source: d.Verdict.Source, Text: d.Verdict.Text}
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

	s := wire.NewStream(e.w, wire.Data)
	s.Raw("{\n  \"argmap\": " + strconv.Itoa(Version) + ",\n  \"debate\": ")
	s.Value(debate, "  ")
	// The arguments and relations, nearly all of a large document, are written by hand as
	// encoding/json would indent them, which costs a tenth of marshalling each one and
	// indenting the result.
	var item []byte
	s.Raw(",\n  \"arguments\": ")
	s.Items(len(args), func(i int) []byte {
		item = wire.Data.AppendArgument(item[:0], args[i], "    ", wire.WithoutRelations)
		return item
	})
	s.Raw(",\n  \"relations\": ")
	s.Items(len(relations), func(i int) []byte {
		r := relations[i]
		item = append(item[:0], "{\n      \"from\": "...)
		item = wire.Data.AppendString(item, r.From)
		item = append(item, ",\n      \"to\": "...)
		item = wire.Data.AppendString(item, r.To)
		item = append(item, ",\n      \"type\": "...)
		item = wire.Data.AppendString(item, string(r.Type))
		item = append(item, ",\n      \"basis\": "...)
		item = wire.Data.AppendString(item, string(r.EffectiveBasis()))
		for _, f := range [...]struct{ key, val string }{{"quote", r.Quote}, {"source", r.Source}, {"note", r.Note}} {
			if f.val != "" {
				item = append(item, ",\n      \""+f.key+"\": "...)
				item = wire.Data.AppendString(item, f.val)
			}
		}
		return append(item, "\n    }"...)
	})
	s.Raw("\n}\n")
	return s.Flush()
}

// checkFinite reports a number JSON cannot hold: NaN or an infinity (the loader lets none
// through, but a debate built in code might).
func checkFinite(g *argument.Graph) error {
	bad := func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }
	d := g.Debate
	if bad(d.Thesis.Base) {
		return fmt.Errorf("the thesis's base %v is %w", d.Thesis.Base, wire.ErrNotFinite)
	}
	for _, p := range d.Profiles {
		for c, w := range p.Weights {
			if bad(w) {
				return fmt.Errorf("profile %q weighs %q %v, %w", p.Name, c, w, wire.ErrNotFinite)
			}
		}
	}
	for _, a := range g.Arguments() {
		if bad(a.Strength) {
			return fmt.Errorf("argument %q has strength %v, %w", a.ID, a.Strength, wire.ErrNotFinite)
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// orderedWeights lists a profile's weights in the debate's category order; weights for
// categories the debate does not list (a corpus the loader would reject) follow, sorted, so
// that nothing is dropped.
func orderedWeights(d *argument.Debate, p argument.Profile) []Weight {
	var out []Weight
	for _, c := range d.Categories {
		if w, ok := p.Weights[c]; ok {
			out = append(out, Weight{Category: c, Weight: w})
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
		out = append(out, Weight{Category: c, Weight: p.Weights[c]})
	}
	return out
}
