package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"

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
	f := score.Removal
	if len(r.ContributionFuncs) > 0 {
		f = r.ContributionFuncs[0]
	}
	margin := Margin(r.Margin)
	var why string
	switch f {
	case score.Shapley:
		why = fmt.Sprintf("Each argument's share is its Shapley value (Kampik et al. 2024), its average effect on the margin over every order in which the arguments could be added, chosen because the shares add up to the margin (%s) and none vanishes merely because other arguments already carry the verdict, as it can when arguments are removed one at a time.", margin)
		if m := r.Shapley; m != nil && !m.Exact {
			why += fmt.Sprintf(" With %d arguments reaching the thesis, the values are estimated from %d sampled orders (seed %d); the column after each gives its standard error.", m.Players, m.Samples, m.Seed)
		}
	case score.Restricted:
		why = "Each argument's share is its restricted removal contribution (Kampik et al. 2024): the margin it adds at its own strength with its own supporters and attackers cut off, chosen to credit each argument only with what it brings itself; the shares need not add up to the margin (" + margin + ")."
	case score.Gradient:
		why = "Each argument's share is the gradient of the margin in its strength (Kampik et al. 2024), chosen to show which strengths the verdict is most sensitive to; the values are rates, not shares, and need not add up to the margin (" + margin + ")."
	default:
		why = "Each argument's share is the margin minus the margin without it (removal, Kampik et al. 2024), chosen to say what losing that one argument would change; the shares need not add up to the margin (" + margin + ")."
	}
	sampled := f == score.Shapley && r.Shapley != nil && !r.Shapley.Exact
	t := &Table{Header: []string{"Toward", "Argument", "Side", "Category", "Share"}, Right: []bool{false, false, false, false, true}}
	if sampled {
		t.Header = append(t.Header, "Standard error")
		t.Right = append(t.Right, true)
	}
	var pro, con []score.ArgumentScore
	for _, a := range r.Arguments {
		switch x := a.Value(f); {
		case x >= 5e-4:
			pro = append(pro, a)
		case x <= -5e-4:
			con = append(con, a)
		}
	}
	for _, side := range []struct {
		name string
		list []score.ArgumentScore
	}{{"pro", pro}, {"con", con}} {
		slices.SortStableFunc(side.list, func(x, y score.ArgumentScore) int {
			return cmp.Compare(math.Abs(y.Value(f)), math.Abs(x.Value(f)))
		})
		for _, a := range side.list[:min(len(side.list), top)] {
			row := []string{side.name, a.ID, string(a.Side), a.Category, fmt.Sprintf("%+.3f", a.Value(f))}
			if sampled {
				row = append(row, fmt.Sprintf("%.3f", a.ShapleySE))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	s := Section{Heading: "What decides it", Paragraphs: []string{why}}
	if len(t.Rows) == 0 {
		s.Paragraphs = append(s.Paragraphs, "No argument moves the margin by as much as 0.0005.")
	} else {
		s.Table = t
	}
	return s
}
