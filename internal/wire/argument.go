package wire

import (
	"github.com/argmap/argmap/internal/argument"
)

// Argument is the one JSON shape of an argument, its keys in this order, lists never null:
// argmap export --format json writes it, and lists the relations on their own, once each.
// argmap list and get write a Listed: the same keys, then the argument's own supports and
// attacks, since those documents have no list of relations. Decode a document's arguments
// into these.
type Argument struct {
	ID        string    `json:"id"`
	Side      string    `json:"side"`
	Category  string    `json:"category"`
	Title     string    `json:"title"`
	Claim     string    `json:"claim"`
	Reasoning string    `json:"reasoning"`
	Strength  float64   `json:"strength"`
	Tags      []string  `json:"tags"`
	Quotes    []Passage `json:"quotes"`
	Evidence  []Passage `json:"evidence"`
	Note      string    `json:"note"`
}

// Listed is an Argument with what it supports and attacks, as argmap list and get write it.
type Listed struct {
	Argument
	Supports []string `json:"supports"`
	Attacks  []string `json:"attacks"`
	// Relations says where each of Supports and Attacks comes from, in that order.
	Relations []Relation `json:"relations"`
}

// Relation is one relation of a listed argument with its basis: stated (by the source, with the
// quote that says so) or inferred (by the curators, with the note that says why).
type Relation struct {
	To     string `json:"to"`
	Type   string `json:"type"`
	Basis  string `json:"basis"`
	Quote  string `json:"quote,omitempty"`
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// relations lists a's relations, Supports then Attacks, with their provenance.
func relations(a *argument.Argument) []Relation {
	out := make([]Relation, 0, len(a.Supports)+len(a.Attacks))
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		n := len(a.Supports)
		if t == argument.Attack {
			n = len(a.Attacks)
		}
		for k := range n {
			r := a.Provenance(t, k)
			out = append(out, Relation{To: r.To, Type: string(t), Basis: string(r.EffectiveBasis()),
				Quote: r.Quote, Source: r.Source, Note: r.Note})
		}
	}
	return out
}

// Passage is a quote or a piece of evidence.
type Passage struct {
	Source string `json:"source"`
	Text   string `json:"text"`
}

// Relations says whether an argument is written with its supports and attacks: as a Listed,
// or as an Argument.
type Relations bool

const (
	WithRelations    Relations = true
	WithoutRelations Relations = false
)

// AppendArgument appends a in the Argument shape, as Marshal(prefix) writes it: prefix is the
// indent of the line the object opens on. It is written by hand, to the same bytes (a test
// holds the two together), because an export holds a hundred thousand of them and
// encoding/json costs ten times as much. The strength must be finite (see Finite).
func (p Policy) AppendArgument(b []byte, a *argument.Argument, prefix string, rel Relations) []byte {
	field := "\n" + prefix + "  "
	item := field + "  "
	b = append(b, '{')
	b = p.appendKey(b, field, "id", true)
	b = p.AppendString(b, a.ID)
	b = p.appendKey(b, field, "side", false)
	b = p.AppendString(b, string(a.Side))
	b = p.appendKey(b, field, "category", false)
	b = p.AppendString(b, a.Category)
	b = p.appendKey(b, field, "title", false)
	b = p.AppendString(b, a.Title)
	b = p.appendKey(b, field, "claim", false)
	b = p.AppendString(b, a.Claim)
	b = p.appendKey(b, field, "reasoning", false)
	b = p.AppendString(b, a.Reasoning)
	b = p.appendKey(b, field, "strength", false)
	b = AppendFloat(b, a.Strength)
	b = p.appendKey(b, field, "tags", false)
	b = p.appendStrings(b, a.Tags, field, item)
	for _, ps := range [...]struct {
		key  string
		list []argument.Passage
	}{{"quotes", a.Quotes}, {"evidence", a.Evidence}} {
		b = p.appendKey(b, field, ps.key, false)
		if len(ps.list) == 0 {
			b = append(b, "[]"...)
			continue
		}
		for i, q := range ps.list {
			if i == 0 {
				b = append(b, '[')
			} else {
				b = append(b, ',')
			}
			b = append(b, item...)
			b = append(b, '{')
			b = append(b, item...)
			b = append(b, `  "source": `...)
			b = p.AppendString(b, q.Source)
			b = append(b, ',')
			b = append(b, item...)
			b = append(b, `  "text": `...)
			b = p.AppendString(b, q.Text)
			b = append(b, item...)
			b = append(b, '}')
		}
		b = append(b, field...)
		b = append(b, ']')
	}
	b = p.appendKey(b, field, "note", false)
	b = p.AppendString(b, a.Note)
	if rel {
		b = p.appendKey(b, field, "supports", false)
		b = p.appendStrings(b, a.Supports, field, item)
		b = p.appendKey(b, field, "attacks", false)
		b = p.appendStrings(b, a.Attacks, field, item)
		b = p.appendKey(b, field, "relations", false)
		rels := relations(a)
		if len(rels) == 0 {
			b = append(b, "[]"...)
		}
		for i, r := range rels {
			if i == 0 {
				b = append(b, '[')
			} else {
				b = append(b, ',')
			}
			b = append(b, item...)
			b = append(b, '{')
			for j, f := range [...]struct{ key, val string }{{"to", r.To}, {"type", r.Type}, {"basis", r.Basis}, {"quote", r.Quote}, {"source", r.Source}, {"note", r.Note}} {
				if j >= 3 && f.val == "" {
					continue
				}
				if j > 0 {
					b = append(b, ',')
				}
				b = append(b, item...)
				b = append(b, `  "`...)
				b = append(b, f.key...)
				b = append(b, `": `...)
				b = p.AppendString(b, f.val)
			}
			b = append(b, item...)
			b = append(b, '}')
		}
		if len(rels) > 0 {
			b = append(b, field...)
			b = append(b, ']')
		}
	}
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, '}')
}

func (p Policy) appendKey(b []byte, field, key string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, field...)
	b = append(b, '"')
	b = append(b, key...)
	return append(b, `": `...)
}

func (p Policy) appendStrings(b []byte, list []string, field, item string) []byte {
	if len(list) == 0 {
		return append(b, "[]"...)
	}
	for i, s := range list {
		if i == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		b = append(b, item...)
		b = p.AppendString(b, s)
	}
	b = append(b, field...)
	return append(b, ']')
}

// NewListed is a in the Listed shape, its lists never nil.
func NewListed(a *argument.Argument) Listed {
	return Listed{Argument: NewArgument(a), Supports: nonNil(a.Supports), Attacks: nonNil(a.Attacks), Relations: relations(a)}
}

// NewArgument is a in the Argument shape, its lists never nil.
func NewArgument(a *argument.Argument) Argument {
	return Argument{
		ID: a.ID, Side: string(a.Side), Category: a.Category, Title: a.Title, Claim: a.Claim,
		Reasoning: a.Reasoning, Strength: a.Strength, Tags: nonNil(a.Tags),
		Quotes: passages(a.Quotes), Evidence: passages(a.Evidence), Note: a.Note,
	}
}

func passages(ps []argument.Passage) []Passage {
	out := make([]Passage, len(ps))
	for i, p := range ps {
		out[i] = Passage{Source: p.Source, Text: p.Text}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
