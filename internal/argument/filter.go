package argument

import (
	"fmt"
	"slices"
	"strings"
)

// Filter selects arguments by side, category, tag, strength and text. A zero Filter matches
// every argument. Within one field the values are alternatives; across fields all must hold.
type Filter struct {
	Sides       []Side
	Categories  []string
	Tags        []string
	MinStrength float64
	Search      string
	// Relations, when Stated, keeps only the relations the source itself makes: the graph,
	// not Match, applies it (see Graph.StatedOnly). "" keeps every relation.
	Relations Basis
}

// IsZero reports whether the filter matches everything.
func (f Filter) IsZero() bool {
	return len(f.Sides) == 0 && len(f.Categories) == 0 && len(f.Tags) == 0 &&
		f.MinStrength == 0 && f.Search == "" && f.Relations == ""
}

// Apply restricts g to what the filter keeps: the matching arguments and, with Relations set
// to Stated, only the stated relations among them.
func (f Filter) Apply(g *Graph) *Graph {
	if f.Relations == Stated {
		g = g.StatedOnly()
	}
	if len(f.Sides) == 0 && len(f.Categories) == 0 && len(f.Tags) == 0 && f.MinStrength == 0 && f.Search == "" {
		return g
	}
	return g.Subgraph(f.Match)
}

// Match reports whether a passes the filter.
func (f Filter) Match(a *Argument) bool {
	if len(f.Sides) > 0 && !slices.Contains(f.Sides, a.Side) {
		return false
	}
	if len(f.Categories) > 0 && !slices.Contains(f.Categories, a.Category) {
		return false
	}
	if len(f.Tags) > 0 && !slices.ContainsFunc(f.Tags, func(t string) bool { return slices.Contains(a.Tags, t) }) {
		return false
	}
	if a.Strength < f.MinStrength {
		return false
	}
	if f.Search != "" && !strings.Contains(strings.ToLower(a.Text()), strings.ToLower(f.Search)) {
		return false
	}
	return true
}

// FilterError is a filter value the debate cannot match; Valid lists what it could have been.
type FilterError struct {
	Flag  string
	Value string
	Valid []string
	Hint  string // what to give instead, when the valid values are no list (Value is then a number, unquoted)
}

func (e *FilterError) Error() string {
	if e.Hint != "" {
		return fmt.Sprintf("invalid --%s %s: %s", e.Flag, e.Value, e.Hint)
	}
	if len(e.Valid) == 0 {
		return fmt.Sprintf("invalid --%s %q: the corpus has no values for it", e.Flag, e.Value)
	}
	return fmt.Sprintf("invalid --%s %q: use one of %s", e.Flag, e.Value, strings.Join(e.Valid, ", "))
}

// Check reports the first filter value that names nothing in the debate.
func (f Filter) Check(d *Debate) error {
	for _, s := range f.Sides {
		if s != Pro && s != Con {
			return &FilterError{Flag: "side", Value: string(s), Valid: []string{string(Pro), string(Con)}}
		}
	}
	for _, c := range f.Categories {
		if !d.HasCategory(c) {
			return &FilterError{Flag: "category", Value: c, Valid: d.Categories}
		}
	}
	if len(f.Tags) > 0 {
		known := d.Tags()
		for _, t := range f.Tags {
			if !slices.Contains(known, t) {
				return &FilterError{Flag: "tag", Value: t, Valid: known}
			}
		}
	}
	if f.Relations != "" && f.Relations != Stated {
		return &FilterError{Flag: "relations", Value: string(f.Relations), Valid: []string{"all", string(Stated)}}
	}
	if f.MinStrength < 0 || f.MinStrength > 1 || f.MinStrength != f.MinStrength {
		return &FilterError{Flag: "min-strength", Value: fmt.Sprint(f.MinStrength), Hint: "give a number from 0 to 1"}
	}
	return nil
}

// Tags lists every tag used in the debate, sorted.
func (d *Debate) Tags() []string {
	var tags []string
	for _, a := range d.Arguments {
		for _, t := range a.Tags {
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	slices.Sort(tags)
	return tags
}

// WithoutInferred returns a, or a copy of it without its inferred relations when it has any:
// what a listing filtered to --relations stated shows of it.
func (a *Argument) WithoutInferred() *Argument {
	inferred := false
	for _, r := range a.Relations {
		inferred = inferred || r.Inferred()
	}
	if !inferred {
		return a
	}
	b := *a
	b.Supports, b.Attacks, b.Relations = nil, nil, nil
	for _, t := range [...]RelationType{Support, Attack} {
		n := len(a.Supports)
		if t == Attack {
			n = len(a.Attacks)
		}
		for k := range n {
			r := a.Provenance(t, k)
			if r.Inferred() {
				continue
			}
			if t == Support {
				b.Supports = append(b.Supports, r.To)
			} else {
				b.Attacks = append(b.Attacks, r.To)
			}
			b.Relations = append(b.Relations, r)
		}
	}
	return &b
}
