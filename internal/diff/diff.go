// Package diff compares two versions of a debate: which arguments, relations, profiles and
// debate fields changed, and which verdicts moved or flipped under each weighting. It returns
// facts, never text for people; render and export word them.
package diff

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// Diff is everything that differs between two debates.
type Diff struct {
	Debate    []Field              // debate-level fields: title, question, thesis, categories
	Added     []*argument.Argument // in the new debate only, in its corpus order
	Removed   []*argument.Argument // in the old debate only, in its corpus order
	Changed   []ArgumentChange     // in both, with different fields, in the new debate's order
	Relations []RelationChange     // added and removed relations, removed first, each in order
	Profiles  []ProfileChange      // added, removed and changed profiles
	Verdicts  []VerdictChange      // flips first, then by the size of the margin's move
}

// Field is one field that differs, with its old and new values written out in full.
type Field struct {
	Name     string
	Old, New string
}

// ArgumentChange is an argument present on both sides whose fields differ.
type ArgumentChange struct {
	ID     string
	Title  string // the new title
	Fields []Field
}

// RelationChange is a relation present on one side only.
type RelationChange struct {
	Change string // "added" or "removed"
	From   string
	To     string
	Type   argument.RelationType
}

// ProfileChange is a profile added, removed or changed.
type ProfileChange struct {
	Name   string
	Change string // "added", "removed" or "changed"
	Fields []Field
}

// Empty reports whether the two debates have the same content: no field, argument, relation
// or profile differs. (Positions, file names and order within a file are not content.)
func (d *Diff) Empty() bool {
	return len(d.Debate) == 0 && len(d.Added) == 0 && len(d.Removed) == 0 && len(d.Changed) == 0 &&
		len(d.Relations) == 0 && len(d.Profiles) == 0
}

// Compare lists what differs between old and new. It looks at content only.
func Compare(old, new *argument.Debate) *Diff {
	d := &Diff{}
	d.Debate = debateFields(old, new)
	oldByID := byID(old)
	newByID := byID(new)
	for _, a := range old.Arguments {
		if newByID[a.ID] == nil {
			d.Removed = append(d.Removed, a)
		}
	}
	for _, a := range new.Arguments {
		o := oldByID[a.ID]
		if o == nil {
			d.Added = append(d.Added, a)
			continue
		}
		if fields := argumentFields(o, a); len(fields) > 0 {
			d.Changed = append(d.Changed, ArgumentChange{ID: a.ID, Title: a.Title, Fields: fields})
		}
	}
	d.Relations = relationChanges(old, new)
	d.Profiles = profileChanges(old, new)
	return d
}

func byID(d *argument.Debate) map[string]*argument.Argument {
	m := make(map[string]*argument.Argument, len(d.Arguments))
	for _, a := range d.Arguments {
		if _, seen := m[a.ID]; !seen {
			m[a.ID] = a
		}
	}
	return m
}

func debateFields(old, new *argument.Debate) []Field {
	var fs fields
	fs.add("id", old.ID, new.ID)
	fs.add("title", old.Title, new.Title)
	fs.add("question", old.Question, new.Question)
	fs.add("thesis.id", old.Thesis.ID, new.Thesis.ID)
	fs.add("thesis.claim", old.Thesis.Claim, new.Thesis.Claim)
	fs.add("thesis.base", number(old.Thesis.Base), number(new.Thesis.Base))
	fs.add("categories", strings.Join(old.Categories, ", "), strings.Join(new.Categories, ", "))
	fs.add("sources", sourceList(old.Sources), sourceList(new.Sources))
	return fs
}

func sourceList(ss []argument.Source) string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

// argumentFields lists the fields of an argument that differ. Relations are listed as fields
// here too, so an argument whose only change is a new relation still shows as changed.
func argumentFields(o, n *argument.Argument) []Field {
	var fs fields
	fs.add("side", string(o.Side), string(n.Side))
	fs.add("category", o.Category, n.Category)
	fs.add("title", o.Title, n.Title)
	fs.add("claim", o.Claim, n.Claim)
	fs.add("reasoning", o.Reasoning, n.Reasoning)
	fs.add("strength", number(o.Strength), number(n.Strength))
	fs.add("supports", strings.Join(o.Supports, ", "), strings.Join(n.Supports, ", "))
	fs.add("attacks", strings.Join(o.Attacks, ", "), strings.Join(n.Attacks, ", "))
	fs.add("quotes", passages(o.Quotes), passages(n.Quotes))
	fs.add("evidence", passages(o.Evidence), passages(n.Evidence))
	fs.add("tags", strings.Join(o.Tags, ", "), strings.Join(n.Tags, ", "))
	fs.add("note", o.Note, n.Note)
	return fs
}

func passages(ps []argument.Passage) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Source + ": " + p.Text
	}
	return strings.Join(parts, "\n")
}

type fields []Field

func (fs *fields) add(name, old, new string) {
	if old != new {
		*fs = append(*fs, Field{Name: name, Old: old, New: new})
	}
}

// number writes a strength or weight the way a corpus would: as short as it is exact.
func number(x float64) string { return fmt.Sprint(x) }

type relKey struct {
	from, to string
	typ      argument.RelationType
}

func relations(d *argument.Debate) []relKey {
	var rs []relKey
	for _, a := range d.Arguments {
		for _, t := range a.Supports {
			rs = append(rs, relKey{a.ID, t, argument.Support})
		}
		for _, t := range a.Attacks {
			rs = append(rs, relKey{a.ID, t, argument.Attack})
		}
	}
	return rs
}

func relationChanges(old, new *argument.Debate) []RelationChange {
	or, nr := relations(old), relations(new)
	in := func(rs []relKey) map[relKey]bool {
		m := make(map[relKey]bool, len(rs))
		for _, r := range rs {
			m[r] = true
		}
		return m
	}
	oldSet, newSet := in(or), in(nr)
	var out []RelationChange
	for _, r := range or {
		if !newSet[r] {
			out = append(out, RelationChange{Change: "removed", From: r.from, To: r.to, Type: r.typ})
		}
	}
	for _, r := range nr {
		if !oldSet[r] {
			out = append(out, RelationChange{Change: "added", From: r.from, To: r.to, Type: r.typ})
		}
	}
	return out
}

func profileChanges(old, new *argument.Debate) []ProfileChange {
	var out []ProfileChange
	for _, p := range old.Profiles {
		if _, ok := new.Profile(p.Name); !ok {
			out = append(out, ProfileChange{Name: p.Name, Change: "removed"})
		}
	}
	for _, p := range new.Profiles {
		o, ok := old.Profile(p.Name)
		if !ok {
			out = append(out, ProfileChange{Name: p.Name, Change: "added"})
			continue
		}
		var fs fields
		fs.add("description", o.Description, p.Description)
		cats := unionCategories(old.Categories, new.Categories)
		fs.add("weights", weightList(cats, o.Weights), weightList(cats, p.Weights))
		if len(fs) > 0 {
			out = append(out, ProfileChange{Name: p.Name, Change: "changed", Fields: fs})
		}
	}
	return out
}

func unionCategories(a, b []string) []string {
	out := slices.Clone(a)
	for _, c := range b {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func weightList(cats []string, w map[string]float64) string {
	var parts []string
	for _, c := range cats {
		if v, ok := w[c]; ok {
			parts = append(parts, c+"="+number(v))
		}
	}
	return strings.Join(parts, ",")
}

// Weighting is one named set of weights to score both sides under. Old and New differ only
// for a profile whose weights the change edited: each side is scored as its own corpus defines
// the profile, so the edit shows as the move it causes.
type Weighting struct {
	Label    string
	Old, New score.Weights
}

// Side is one debate's score under one weighting and semantics. OK is false when the weighting
// cannot apply to that debate (it names a category the debate does not have); Reason says why.
type Side struct {
	OK        bool
	Reason    string
	Score     float64 // the thesis's score; HasScore false under sum
	HasScore  bool
	Margin    float64
	Verdict   score.Verdict
	Converged bool
}

// VerdictChange is one weighting and semantics scored on both sides.
type VerdictChange struct {
	Label     string
	Semantics score.Semantics
	Old, New  Side
}

// Flipped reports whether both sides scored and their verdicts differ.
func (v VerdictChange) Flipped() bool { return v.Old.OK && v.New.OK && v.Old.Verdict != v.New.Verdict }

// MarginChange is the new margin minus the old; 0 unless both sides scored.
func (v VerdictChange) MarginChange() float64 {
	if !v.Old.OK || !v.New.OK {
		return 0
	}
	return v.New.Margin - v.Old.Margin
}

// Weightings lists every profile of either debate, the old debate's first, then those only
// the new debate has. A profile on one side only is applied to both. A debate pair with no
// profile at all gets the even weighting ("default": every category at 1).
func Weightings(old, new *argument.Debate) []Weighting {
	var ws []Weighting
	seen := map[string]bool{}
	for _, d := range []*argument.Debate{old, new} {
		for _, p := range d.Profiles {
			if seen[p.Name] {
				continue
			}
			seen[p.Name] = true
			w := Weighting{Label: p.Name, Old: score.Weights(p.Weights), New: score.Weights(p.Weights)}
			if op, ok := old.Profile(p.Name); ok {
				w.Old = score.Weights(op.Weights)
			}
			if np, ok := new.Profile(p.Name); ok {
				w.New = score.Weights(np.Weights)
			}
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		ws = append(ws, Weighting{Label: "default", Old: score.Weights{}, New: score.Weights{}})
	}
	return ws
}

// Verdicts scores both graphs under every weighting and semantics, and orders the rows: flips
// first, then by how far the margin moved (largest first), then in the order given.
func Verdicts(old, new *argument.Graph, ws []Weighting, sems []score.Semantics) ([]VerdictChange, error) {
	var rows []VerdictChange
	for _, w := range ws {
		for _, sem := range sems {
			o, err := side(old, w.Old, sem)
			if err != nil {
				return nil, err
			}
			n, err := side(new, w.New, sem)
			if err != nil {
				return nil, err
			}
			rows = append(rows, VerdictChange{Label: w.Label, Semantics: sem, Old: o, New: n})
		}
	}
	slices.SortStableFunc(rows, func(a, b VerdictChange) int {
		if fa, fb := a.Flipped(), b.Flipped(); fa != fb {
			if fa {
				return -1
			}
			return 1
		}
		da, db := math.Abs(a.MarginChange()), math.Abs(b.MarginChange())
		switch {
		case da > db:
			return -1
		case da < db:
			return 1
		}
		return 0
	})
	return rows, nil
}

// side scores one graph; a weighting that names a category the debate lacks is not an error
// of the diff, only a row that cannot be compared.
func side(g *argument.Graph, w score.Weights, sem score.Semantics) (Side, error) {
	if err := w.Check(g.Debate.Categories); err != nil {
		return Side{Reason: err.Error()}, nil
	}
	r, err := score.EvaluateWith(g, w, sem, score.Options{NoContributions: true})
	if err != nil {
		return Side{}, err
	}
	return Side{OK: true, Score: r.Thesis.Score, HasScore: r.Thesis.HasScore, Margin: r.Margin,
		Verdict: r.Verdict, Converged: r.Converged}, nil
}
