// Package argument holds the vocabulary of a debate: the thesis, the arguments, the relations
// between them and the graph they make. It does no I/O and knows nothing of styling.
package argument

import (
	"fmt"
	"strings"
)

// Side is the side of the thesis an argument argues for.
type Side string

// The two sides of a debate.
const (
	Pro Side = "pro"
	Con Side = "con"
)

// Opposite returns the other side.
func (s Side) Opposite() Side {
	if s == Pro {
		return Con
	}
	return Pro
}

// RelationType says whether a relation supports or attacks its target.
type RelationType string

// The two kinds of relation.
const (
	Support RelationType = "support"
	Attack  RelationType = "attack"
)

// DefaultCategories is the category set a debate has when it names none.
var DefaultCategories = []string{"moral", "strategic", "political"}

// DefaultBase is the thesis's base score when the corpus gives none.
const DefaultBase = 0.5

// Pos is where something is defined in a corpus file. Line and Column count from 1; a zero Pos
// means "unknown".
type Pos struct {
	File   string
	Line   int
	Column int
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.File == "" && p.Line == 0 }

// RelativeTo names p for a message placed at here: a column on the same line, a line in the
// same file, or the whole position.
func (p Pos) RelativeTo(here Pos) string {
	switch {
	case p.File != here.File:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
	case p.Line == here.Line:
		return fmt.Sprintf("column %d", p.Column)
	}
	return fmt.Sprintf("line %d", p.Line)
}

// Span is where a value stands in a corpus file: where it starts, and the column just past its
// end when it ends on the same line (0 when that is not known).
type Span struct {
	Pos
	EndColumn int
}

// End returns the position just past the value's end, or a zero Pos when it is not known.
func (s Span) End() Pos {
	if s.EndColumn == 0 {
		return Pos{}
	}
	return Pos{File: s.File, Line: s.Line, Column: s.EndColumn}
}

// Source is a text the corpus quotes or cites.
type Source struct {
	ID          string
	Title       string
	Subtitle    string
	Author      string
	Publication string
	Date        string
	URL         string
	Pos         Pos
	IDAt        Span // where the id stands, for Check's problems
}

// Passage is a quote or a piece of evidence taken from a source.
type Passage struct {
	Source   string
	Text     string
	Pos      Pos
	SourceAt Span // where the source id stands, for Check's problems
}

// Profile is a named weighting of the categories.
type Profile struct {
	Name        string
	Description string
	// Weights maps category to weight. Categories are listed in Debate.Categories order by
	// the consumers that need an order.
	// Weights is nil when the corpus gave none that could be read.
	Weights map[string]float64
	Pos     Pos // where the name stands
	// WeightAt places each category of Weights, for Check's problems.
	WeightAt map[string]Span
}

// Thesis is the claim the debate is about; every argument argues for or against it.
type Thesis struct {
	ID    string
	Claim string
	Base  float64
	Pos   Pos
	IDAt  Span // where the id stands, for Check's problems
}

// Argument is one consideration for or against the thesis.
type Argument struct {
	ID        string
	Side      Side
	Category  string
	Title     string
	Claim     string
	Reasoning string
	Strength  float64
	Supports  []string
	Attacks   []string
	// Relations is where each relation comes from: nil (every relation bare), or one entry per
	// relation, the supports in Supports order and then the attacks in Attacks order, as the
	// corpus decoder fills it. Supports and Attacks stay the lists everything else reads.
	Relations []Relation
	Quotes    []Passage
	Evidence  []Passage
	Tags      []string
	Note      string
	Pos       Pos
	At        ArgumentAt
}

// ArgumentAt places an argument's fields in its file, for the problems Check finds. A zero
// Span, or a missing one, is unknown.
type ArgumentAt struct {
	ID       Span
	Category Span
	// Relations places Supports and then Attacks: Relations[i] is Supports[i], and
	// Relations[len(Supports)+j] is Attacks[j].
	Relations []Span
}

// relationSpan places the i-th relation of a, Supports then Attacks, or a itself when the
// relation's place is not known.
func (a *Argument) relationSpan(i int) Span {
	if i < len(a.At.Relations) {
		return a.At.Relations[i]
	}
	return Span{Pos: a.Pos}
}

// Basis says where a relation comes from.
type Basis string

// The bases of a relation. A relation that declares none counts as stated.
const (
	Stated   Basis = "stated"   // the source makes the link; Relation.Quote is the sentence
	Inferred Basis = "inferred" // the curators' reading; Relation.Note says why
)

// Bases lists the valid bases in the order messages name them.
var Bases = []Basis{Stated, Inferred}

// Provenance returns the relation of type t at position i of Supports (or Attacks), with its
// basis, quote and note when the corpus gave them.
func (a *Argument) Provenance(t RelationType, i int) Relation {
	targets, k := a.Supports, i
	if t == Attack {
		targets, k = a.Attacks, len(a.Supports)+i
	}
	r := Relation{From: a.ID, To: targets[i], Type: t}
	if k < len(a.Relations) && a.Relations[k].To == r.To && a.Relations[k].Type == t {
		p := a.Relations[k]
		r.Basis, r.Quote, r.Source, r.Note, r.Pos = p.Basis, p.Quote, p.Source, p.Note, p.Pos
	}
	return r
}

// Debate is a whole corpus: the question, its thesis, and every argument in corpus order
// (files in name order, then the order within each file).
type Debate struct {
	Version    int
	ID         string
	Title      string
	Question   string
	Thesis     Thesis
	Categories []string
	Sources    []Source
	// Verdict is the source's own conclusion, in its words (empty Text when the corpus gives
	// none). It is recorded, not computed: scoring never reads it.
	Verdict   Passage
	Profiles  []Profile
	Arguments []*Argument
	Pos       Pos
}

// Argument returns the argument with the given id, or nil.
func (d *Debate) Argument(id string) *Argument {
	for _, a := range d.Arguments {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// Profile returns the profile with the given name.
func (d *Debate) Profile(name string) (Profile, bool) {
	for _, p := range d.Profiles {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// Source returns the source with the given id.
func (d *Debate) Source(id string) (Source, bool) {
	for _, s := range d.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// HasCategory reports whether c is one of the debate's categories.
func (d *Debate) HasCategory(c string) bool {
	for _, k := range d.Categories {
		if k == c {
			return true
		}
	}
	return false
}

// ProfileNames lists the profile names in corpus order.
func (d *Debate) ProfileNames() []string {
	names := make([]string, len(d.Profiles))
	for i, p := range d.Profiles {
		names[i] = p.Name
	}
	return names
}

// Text returns everything a search looks through: title, claim, reasoning and quotes.
func (a *Argument) Text() string {
	var b strings.Builder
	b.WriteString(a.Title)
	b.WriteByte('\n')
	b.WriteString(a.Claim)
	b.WriteByte('\n')
	b.WriteString(a.Reasoning)
	for _, q := range a.Quotes {
		b.WriteByte('\n')
		b.WriteString(q.Text)
	}
	return b.String()
}

// ClearPositions zeroes every position in d, so that debates read from different files (or
// formats) compare equal when they say the same.
func (d *Debate) ClearPositions() {
	d.Pos = Pos{}
	d.Thesis.Pos, d.Thesis.IDAt = Pos{}, Span{}
	d.Verdict.Pos, d.Verdict.SourceAt = Pos{}, Span{}
	for i := range d.Sources {
		d.Sources[i].Pos, d.Sources[i].IDAt = Pos{}, Span{}
	}
	for i := range d.Profiles {
		d.Profiles[i].Pos, d.Profiles[i].WeightAt = Pos{}, nil
	}
	for _, a := range d.Arguments {
		a.Pos, a.At = Pos{}, ArgumentAt{}
		for i := range a.Quotes {
			a.Quotes[i].Pos, a.Quotes[i].SourceAt = Pos{}, Span{}
		}
		for i := range a.Evidence {
			a.Evidence[i].Pos, a.Evidence[i].SourceAt = Pos{}, Span{}
		}
		bare := true
		for i := range a.Relations {
			a.Relations[i].Pos, a.Relations[i].SourceAt = Pos{}, Span{}
			bare = bare && a.Relations[i].Bare()
		}
		if bare {
			a.Relations = nil // bare ids say no more than Supports and Attacks
		}
	}
}
