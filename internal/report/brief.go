package report

import (
	"fmt"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// Brief is the outline of a debate brief: the graph and every number a brief states, as plain
// data, so that an encoder (Markdown, HTML) spells and never computes.
type Brief struct {
	Graph *argument.Graph

	// Verdict is the debate scored under the weights and semantics the user chose.
	Verdict Verdict

	// Profiles is the debate scored under each profile's weights and the same semantics, in
	// corpus order.
	Profiles []Verdict

	// Scores holds each argument's final strength, parallel to Graph.Arguments().
	Scores []float64

	// Sensitivity is where the verdict flips under the same weights and semantics, for the
	// section after the verdict: its Arguments parallel to Graph.Arguments(). Nil leaves the
	// section out.
	Sensitivity *score.Sensitivity

	// MapImage is the file name, beside the brief, of the map drawn as a picture, for the
	// brief to link; "" when there is none.
	MapImage string

	// Sections are extra sections printed after the verdict (and after where it flips), in
	// order.
	Sections []Section

	// NoVerdict, when set, says why the brief gives no verdict (it shows one side of the
	// debate): the Verdict section says so instead, without the profiles' table.
	NoVerdict string

	// Atlas is the verdict over every weighting, for the section after those (see BriefAtlas);
	// AtlasOwn says that its last mark is the chosen profile. AtlasImage, when not "", is the
	// path (relative to the brief) of its SVG, which the section links. Nil leaves it out.
	Atlas      *score.Atlas
	AtlasOwn   bool
	AtlasImage string
}

// Section is an optional part of the brief: a heading, paragraphs and a table. Its text is
// escaped like corpus text.
type Section struct {
	Heading    string
	Paragraphs []string
	Table      *Table
}

// Table is a simple table; Right marks the columns aligned right (numbers).
type Table struct {
	Header []string
	Right  []bool
	Rows   [][]string
}

// Weight is one category's weight.
type Weight struct {
	Category string
	Weight   float64
}

// NewBrief builds the brief of g from the result under the chosen weights (named by profile,
// or empty) and one result per profile of the debate, in corpus order.
func NewBrief(g *argument.Graph, chosen string, r *score.Result, profiles []*score.Result) (*Brief, error) {
	d := g.Debate
	if len(profiles) != len(d.Profiles) {
		return nil, fmt.Errorf("brief: %d profile results for %d profiles", len(profiles), len(d.Profiles))
	}
	if len(r.Arguments) != len(g.Arguments()) {
		return nil, fmt.Errorf("brief: %d argument scores for %d arguments", len(r.Arguments), len(g.Arguments()))
	}
	b := &Brief{Graph: g}
	desc := ""
	if p, ok := d.Profile(chosen); ok {
		desc = p.Description
	}
	b.Verdict = NewVerdict(chosen, desc, r)
	for i, p := range d.Profiles {
		b.Profiles = append(b.Profiles, NewVerdict(p.Name, p.Description, profiles[i]))
	}
	for _, a := range r.Arguments {
		b.Scores = append(b.Scores, a.Score)
	}
	return b, nil
}

// BriefOptions say how to score a brief: the chosen weights (from profile Profile, or "" for
// weights given otherwise), the semantics, and the span sensitivity scans.
type BriefOptions struct {
	Weights     score.Weights
	Semantics   score.Semantics
	Profile     string
	Sensitivity score.SensitivityOptions
	// Contributions are the contribution functions of "What decides it", the first explaining
	// the verdict; empty for Shapley.
	Contributions []score.ContributionFunc
}

// ScoreBrief scores g under the chosen weights and under every profile of its debate, and finds
// where the verdict flips as argmap sensitivity does: everything a brief states. The warnings
// are the scorer's, for the caller to print.
func ScoreBrief(g *argument.Graph, opts BriefOptions) (*Brief, []string, error) {
	d := g.Debate
	// The profiles' rows show scores, not contributions: those cost a re-solve per argument.
	only := score.Options{NoContributions: true}
	funcs := opts.Contributions
	if len(funcs) == 0 {
		funcs = []score.ContributionFunc{score.DefaultContributionFunc}
	}
	r, err := score.EvaluateWith(g, opts.Weights, opts.Semantics, score.Options{Contributions: funcs})
	if err != nil {
		return nil, nil, err
	}
	warnings := r.Warnings
	var profiles []*score.Result
	for _, p := range d.Profiles {
		pr, err := score.EvaluateWith(g, score.Weights(p.Weights), opts.Semantics, only)
		if err != nil {
			return nil, warnings, fmt.Errorf("profile %q in the corpus is unusable: %w", p.Name, err)
		}
		profiles = append(profiles, pr)
	}
	b, err := NewBrief(g, opts.Profile, r, profiles)
	if err != nil {
		return nil, warnings, err
	}
	b.Sections = append(b.Sections, ContributionSection(r, 5))
	s, err := score.AnalyzeSensitivity(g, opts.Weights, opts.Semantics, opts.Sensitivity)
	if err != nil {
		return nil, warnings, err
	}
	b.Sensitivity = s
	warnings = append(warnings, s.Warnings...)
	if b.Atlas, err = BriefAtlas(g, opts.Weights, opts.Semantics, opts.Profile); err != nil {
		return nil, warnings, err
	}
	b.AtlasOwn = opts.Profile != ""
	return b, warnings, nil
}

// ContributionSection is the brief's "What decides it": one sentence on the contribution
// function that explains the verdict (r's first) and why, and the arguments that push the
// margin most toward pro and toward con, up to top each way.
func ContributionSection(r *score.Result, top int) Section {
	d := NewDeciders(r)
	sampled := d.Sampled()
	t := &Table{Header: []string{"Toward", "Argument", "Side", "Category", "Share"}, Right: []bool{false, false, false, false, true}}
	if sampled {
		t.Header = append(t.Header, "Standard error")
		t.Right = append(t.Right, true)
	}
	pro, con, _ := d.Top(top)
	for _, side := range []struct {
		name string
		list []score.ArgumentScore
	}{{"pro", pro}, {"con", con}} {
		for _, a := range side.list {
			row := []string{side.name, a.ID, string(a.Side), a.Category, fmt.Sprintf("%+.3f", a.Value(d.Func))}
			if sampled {
				row = append(row, fmt.Sprintf("%.3f", a.ShapleySE))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	s := Section{Heading: "What decides it", Paragraphs: []string{d.Why()}}
	if len(t.Rows) == 0 {
		s.Paragraphs = append(s.Paragraphs, "No argument moves the margin by as much as 0.0005.")
	} else {
		s.Table = t
	}
	return s
}
