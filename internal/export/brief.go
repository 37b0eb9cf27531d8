package export

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/figure"
	"github.com/argmap/argmap/internal/score"
)

// Brief is what the Markdown brief shows: the graph and its numbers, given as plain data so
// that the encoder formats and never computes.
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
}

// Verdict is one scoring of the debate.
type Verdict struct {
	Profile     string   // the profile's name; empty for weights given on the command line
	Description string   // the profile's description
	Weights     []Weight // every category's weight, in the debate's category order
	Semantics   string
	Outcome     string  // "pro", "con" or "tie"
	Thesis      float64 // the thesis's final score
	Base        float64 // the thesis's base score
	HasThesis   bool    // false under a semantics that gives the thesis no score (sum)
	Margin      float64 // the thesis's score minus its base; under sum, Pro minus Con
	Pro, Con    float64 // Σ λ·strength of each side's arguments: the tally sum compares
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

// NewVerdict turns a score result into a verdict row.
func NewVerdict(profile, description string, r *score.Result) Verdict {
	v := Verdict{
		Profile: profile, Description: description, Semantics: string(r.Semantics),
		Outcome: string(r.Verdict), Thesis: r.Thesis.Score, Base: r.Thesis.Base,
		HasThesis: r.Thesis.HasScore, Margin: r.Margin, Pro: r.Totals.Pro, Con: r.Totals.Con,
	}
	for _, c := range r.Categories {
		v.Weights = append(v.Weights, Weight{Category: c, Weight: r.Weights.Get(c)})
	}
	return v
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

// ContributionSection is the brief's "What decides it": one sentence on the contribution
// function that explains the verdict (r's first) and why, and the arguments that push the
// margin most toward pro and toward con, up to top each way.
func ContributionSection(r *score.Result, top int) Section {
	f := score.Removal
	if len(r.ContributionFuncs) > 0 {
		f = r.ContributionFuncs[0]
	}
	margin := figure.Margin(r.Margin, score.Tolerance)
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
