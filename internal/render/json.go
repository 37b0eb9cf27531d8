package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// ArgumentJSON is one argument as argmap list --format json prints it. The field order is the
// public order of the keys; lists are never null.
type ArgumentJSON struct {
	ID        string        `json:"id"`
	Side      string        `json:"side"`
	Category  string        `json:"category"`
	Title     string        `json:"title"`
	Claim     string        `json:"claim"`
	Reasoning string        `json:"reasoning"`
	Strength  float64       `json:"strength"`
	Tags      []string      `json:"tags"`
	Quotes    []PassageJSON `json:"quotes"`
	Evidence  []PassageJSON `json:"evidence"`
	Note      string        `json:"note"`
	Supports  []string      `json:"supports"`
	Attacks   []string      `json:"attacks"`
	// Relations says where each of Supports and Attacks comes from, in that order.
	Relations []RelationJSON `json:"relations"`
}

// RelationJSON is one relation of an argument with its basis: stated (by the source, with the
// quote that says so) or inferred (by the curators, with the note that says why).
type RelationJSON struct {
	To     string `json:"to"`
	Type   string `json:"type"`
	Basis  string `json:"basis"`
	Quote  string `json:"quote,omitempty"`
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// PassageJSON is a quote or a piece of evidence.
type PassageJSON struct {
	Source string `json:"source"`
	Text   string `json:"text"`
}

// DetailJSON is one node as argmap get --format json prints it: the argument's own keys (for
// the thesis, id and claim), then what bears on it and where it is defined.
type DetailJSON struct {
	ArgumentJSON
	SupportedBy []string      `json:"supported_by"`
	AttackedBy  []string      `json:"attacked_by"`
	DefinedAt   *PositionJSON `json:"defined_at"`
}

// thesisJSON is the thesis as argmap get --format json prints it.
type thesisJSON struct {
	ID          string        `json:"id"`
	Thesis      bool          `json:"thesis"`
	Claim       string        `json:"claim"`
	Base        float64       `json:"base"`
	SupportedBy []string      `json:"supported_by"`
	AttackedBy  []string      `json:"attacked_by"`
	DefinedAt   *PositionJSON `json:"defined_at"`
}

// PositionJSON is where a node is defined; null when the loader did not say.
type PositionJSON struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// NewArgumentJSON converts an argument to its JSON shape.
func NewArgumentJSON(a *argument.Argument) ArgumentJSON {
	return ArgumentJSON{
		ID:        a.ID,
		Side:      string(a.Side),
		Category:  a.Category,
		Title:     a.Title,
		Claim:     a.Claim,
		Reasoning: a.Reasoning,
		Strength:  finite(a.Strength),
		Tags:      nonNil(a.Tags),
		Quotes:    passages(a.Quotes),
		Evidence:  passages(a.Evidence),
		Note:      a.Note,
		Supports:  nonNil(a.Supports),
		Attacks:   nonNil(a.Attacks),
		Relations: relationsJSON(a),
	}
}

func relationsJSON(a *argument.Argument) []RelationJSON {
	out := []RelationJSON{}
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		n := len(a.Supports)
		if t == argument.Attack {
			n = len(a.Attacks)
		}
		for k := range n {
			r := a.Provenance(t, k)
			out = append(out, RelationJSON{To: r.To, Type: string(t), Basis: string(r.EffectiveBasis()),
				Quote: r.Quote, Source: r.Source, Note: r.Note})
		}
	}
	return out
}

// ListJSON writes the arguments as a JSON array.
func ListJSON(w io.Writer, args []*argument.Argument) error {
	out := make([]ArgumentJSON, len(args))
	for i, a := range args {
		out[i] = NewArgumentJSON(a)
	}
	return writeJSONArray(w, out)
}

// NodeJSON writes node i of g (an argument, or the thesis) with what supports and attacks it
// and where it is defined.
func NodeJSON(w io.Writer, g *argument.Graph, i int) error {
	var sup, att []string
	for _, e := range g.In(i) {
		if e.Type == argument.Support {
			sup = append(sup, g.ID(e.Node))
		} else {
			att = append(att, g.ID(e.Node))
		}
	}
	a := g.Argument(i)
	if a == nil {
		t := g.Debate.Thesis
		return writeJSON(w, thesisJSON{
			ID: t.ID, Thesis: true, Claim: t.Claim, Base: finite(t.Base),
			SupportedBy: nonNil(sup), AttackedBy: nonNil(att), DefinedAt: position(t.Pos),
		})
	}
	return writeJSON(w, DetailJSON{
		ArgumentJSON: NewArgumentJSON(a),
		SupportedBy:  nonNil(sup),
		AttackedBy:   nonNil(att),
		DefinedAt:    position(a.Pos),
	})
}

func position(p argument.Pos) *PositionJSON {
	if p.IsZero() {
		return nil
	}
	return &PositionJSON{File: p.File, Line: p.Line, Column: p.Column}
}

func passages(ps []argument.Passage) []PassageJSON {
	out := make([]PassageJSON, len(ps))
	for i, p := range ps {
		out[i] = PassageJSON{Source: p.Source, Text: p.Text}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// finite keeps NaN and infinities out of JSON, which has no spelling for them.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// writeJSON writes v indented by two spaces, with a final newline. Markup stays readable (no
// \u003c for <), and every character the terminal could act on — C1 controls, bidirectional
// and invisible format characters, which encoding/json passes through raw — is written as a
// \u escape, so JSON printed to a terminal is as inert as the text views and decodes to the
// same strings.
func writeJSON(w io.Writer, v any) error {
	b, err := marshalJSON(v, "")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// marshalJSON encodes v indented by two spaces under prefix, inert as writeJSON says.
func marshalJSON(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return safetext.EscapeInvisible(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})), nil
}

// writeJSONArray writes items as writeJSON writes a slice of them, one item at a time: an
// indenting encoder holds the whole document, and re-indents it, which on 100,000 arguments
// cost seconds and a gigabyte. Everything is encoded before the first byte is written, so an
// error writes nothing.
func writeJSONArray[T any](w io.Writer, items []T) error {
	if len(items) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	parts := make([][]byte, len(items))
	for i, it := range items {
		b, err := marshalJSON(it, "  ")
		if err != nil {
			return err
		}
		parts[i] = b
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("[\n")
	for i, b := range parts {
		bw.WriteString("  ")
		bw.Write(b)
		if i < len(parts)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]\n")
	return bw.Flush()
}
