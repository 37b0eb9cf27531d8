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
	"unicode/utf8"

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
	// The arguments and relations, nearly all of a large document, are written by hand as
	// encoding/json would indent them, which costs a tenth of marshalling each one and
	// indenting the result.
	var item []byte
	s.raw(",\n  \"arguments\": ")
	s.items(len(args), func(i int) []byte {
		item = appendJSONArgument(item[:0], args[i])
		return item
	})
	s.raw(",\n  \"relations\": ")
	s.items(len(relations), func(i int) []byte {
		r := relations[i]
		item = append(item[:0], "{\n      \"from\": "...)
		item = appendJSONString(item, r.From)
		item = append(item, ",\n      \"to\": "...)
		item = appendJSONString(item, r.To)
		item = append(item, ",\n      \"type\": "...)
		item = appendJSONString(item, string(r.Type))
		return append(item, "\n    }"...)
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

func newJSONStream(w io.Writer) *jsonStream { return &jsonStream{w: newWriter(w)} }

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

// items writes n items of a top-level array, each given by item already encoded, as the
// value of a key.
func (s *jsonStream) items(n int, item func(i int) []byte) {
	if n == 0 {
		s.raw("[]")
		return
	}
	s.raw("[\n")
	for i := range n {
		s.raw("    ")
		if s.err == nil {
			_, s.err = s.w.Write(item(i))
		}
		if i < n-1 {
			s.raw(",\n")
		} else {
			s.raw("\n")
		}
	}
	s.raw("  ]")
}

func (s *jsonStream) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// appendJSONArgument appends a as an item of the arguments array, as json.MarshalIndent with
// a prefix of four spaces and an indent of two writes the jsonArgument of a.
func appendJSONArgument(b []byte, a *argument.Argument) []byte {
	const field = "\n      "
	b = append(b, "{"+field+`"id": `...)
	b = appendJSONString(b, a.ID)
	b = append(b, ","+field+`"side": `...)
	b = appendJSONString(b, string(a.Side))
	b = append(b, ","+field+`"category": `...)
	b = appendJSONString(b, a.Category)
	b = append(b, ","+field+`"title": `...)
	b = appendJSONString(b, a.Title)
	b = append(b, ","+field+`"claim": `...)
	b = appendJSONString(b, a.Claim)
	b = append(b, ","+field+`"reasoning": `...)
	b = appendJSONString(b, a.Reasoning)
	b = append(b, ","+field+`"strength": `...)
	b = appendJSONFloat(b, a.Strength)
	b = append(b, ","+field+`"tags": `...)
	if len(a.Tags) == 0 {
		b = append(b, "[]"...)
	} else {
		for i, t := range a.Tags {
			if i == 0 {
				b = append(b, "[\n        "...)
			} else {
				b = append(b, ",\n        "...)
			}
			b = appendJSONString(b, t)
		}
		b = append(b, "\n      ]"...)
	}
	for _, ps := range [...]struct {
		key  string
		list []argument.Passage
	}{{`"quotes": `, a.Quotes}, {`"evidence": `, a.Evidence}} {
		b = append(b, ","+field...)
		b = append(b, ps.key...)
		if len(ps.list) == 0 {
			b = append(b, "[]"...)
			continue
		}
		for i, p := range ps.list {
			if i == 0 {
				b = append(b, "[\n        {\n          \"source\": "...)
			} else {
				b = append(b, ",\n        {\n          \"source\": "...)
			}
			b = appendJSONString(b, p.Source)
			b = append(b, ",\n          \"text\": "...)
			b = appendJSONString(b, p.Text)
			b = append(b, "\n        }"...)
		}
		b = append(b, "\n      ]"...)
	}
	b = append(b, ","+field+`"note": `...)
	b = appendJSONString(b, a.Note)
	return append(b, "\n    }"...)
}

// appendJSONString appends s as a JSON string, as encoding/json writes it (<, > and & escaped
// too), with every invisible character then escaped as EscapeInvisible escapes it. Text with
// nothing to escape, nearly all of it, is copied as it is; the rest goes through
// encoding/json.
func appendJSONString(b []byte, s string) []byte {
	if !jsonPlain(s) {
		q, _ := json.Marshal(s) // a string always marshals
		return append(b, safetext.EscapeInvisible(q)...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// jsonPlain reports whether encoding/json and EscapeInvisible write s as it is: valid UTF-8,
// no control character, quote, backslash or HTML character, no line or paragraph separator,
// nothing invisible.
func jsonPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || safetext.Invisible(r) {
			return false // Invisible covers U+2028 and U+2029, which encoding/json escapes
		}
		i += n
	}
	return true
}

// appendJSONFloat appends a finite f as encoding/json writes a float64: the shortest form that
// reads back the same, in exponent form below 1e-6 and from 1e21, the exponent without a
// leading zero.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
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
