package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/argmap/argmap/internal/score"
)

// Visible is the smallest contribution a list of deciding arguments shows: values are printed
// to three places, so a smaller one would read as 0.000.
const Visible = 5e-4

// Deciders are the arguments that move a result's margin by its first contribution function
// (removal when it names none), those toward pro and those toward con apart, each list largest
// first. `argmap score`, the explorer, the brief and the HTML page all list these.
type Deciders struct {
	Func    score.ContributionFunc
	Margin  float64
	Shapley *score.ShapleyMethod // how the Shapley values were found; nil unless Func is Shapley
	Pro     []score.ArgumentScore
	Con     []score.ArgumentScore
}

// NewDeciders sorts r's arguments into the two lists. Values equal to 1e-9 (rounding noise
// apart) keep corpus order, so that a list does not reorder itself between runs or machines.
func NewDeciders(r *score.Result) Deciders {
	d := Deciders{Func: score.Removal, Margin: r.Margin}
	if len(r.ContributionFuncs) > 0 {
		d.Func = r.ContributionFuncs[0]
	}
	if d.Func == score.Shapley {
		d.Shapley = r.Shapley
	}
	for _, a := range r.Arguments {
		switch x := a.Value(d.Func); {
		case x >= Visible:
			d.Pro = append(d.Pro, a)
		case x <= -Visible:
			d.Con = append(d.Con, a)
		}
	}
	key := func(a score.ArgumentScore) float64 { return math.Round(math.Abs(a.Value(d.Func)) * 1e9) }
	for _, list := range [][]score.ArgumentScore{d.Pro, d.Con} {
		slices.SortStableFunc(list, func(x, y score.ArgumentScore) int { return cmp.Compare(key(y), key(x)) })
	}
	return d
}

// Empty says that no argument moves the margin visibly.
func (d Deciders) Empty() bool { return len(d.Pro)+len(d.Con) == 0 }

// Sampled says that the values are Shapley values estimated from sampled orders, each with a
// standard error.
func (d Deciders) Sampled() bool { return d.Shapley != nil && !d.Shapley.Exact }

// Top returns up to n of each list, and how many the cut left out in all.
func (d Deciders) Top(n int) (pro, con []score.ArgumentScore, more int) {
	pro, con = d.Pro[:min(len(d.Pro), n)], d.Con[:min(len(d.Con), n)]
	return pro, con, len(d.Pro) - len(pro) + len(d.Con) - len(con)
}

// Gloss says in a few words what the values are, for a heading's brackets.
func (d Deciders) Gloss() string {
	switch d.Func {
	case score.Shapley:
		return "Shapley values: these add up to the margin, " + Margin(d.Margin)
	case score.Restricted:
		return "restricted removal: what each does at its own strength, its answers cut off"
	case score.Gradient:
		return "gradient: how fast the margin moves with each one's strength"
	}
	return "removal: the margin minus the margin without it"
}

// Why says in a sentence or two which contribution function the values come from and why it was
// chosen, for the brief.
func (d Deciders) Why() string {
	margin := Margin(d.Margin)
	switch d.Func {
	case score.Shapley:
		why := fmt.Sprintf("Each argument's share is its Shapley value (Kampik et al. 2024), its average effect on the margin over every order in which the arguments could be added, chosen because the shares add up to the margin (%s) and none vanishes merely because other arguments already carry the verdict, as it can when arguments are removed one at a time.", margin)
		if m := d.Shapley; m != nil && !m.Exact {
			why += fmt.Sprintf(" With %d arguments reaching the thesis, the values are estimated from %d sampled orders (seed %d); the column after each gives its standard error.", m.Players, m.Samples, m.Seed)
		}
		return why
	case score.Restricted:
		return "Each argument's share is its restricted removal contribution (Kampik et al. 2024): the margin it adds at its own strength with its own supporters and attackers cut off, chosen to credit each argument only with what it brings itself; the shares need not add up to the margin (" + margin + ")."
	case score.Gradient:
		return "Each argument's share is the gradient of the margin in its strength (Kampik et al. 2024), chosen to show which strengths the verdict is most sensitive to; the values are rates, not shares, and need not add up to the margin (" + margin + ")."
	}
	return "Each argument's share is the margin minus the margin without it (removal, Kampik et al. 2024), chosen to say what losing that one argument would change; the shares need not add up to the margin (" + margin + ")."
}

// SampleNote says how sampled Shapley values were estimated, or "" when they were not.
func (d Deciders) SampleNote() string {
	if !d.Sampled() {
		return ""
	}
	m := d.Shapley
	return fmt.Sprintf("%d arguments: estimated from %d sampled orders (seed %d)", m.Players, m.Samples, m.Seed)
}

// Legend names contribution function f for one argument's value, as show's legend does.
func Legend(f score.ContributionFunc, margin float64) string {
	switch f {
	case score.Shapley:
		return "Shapley value: share of the margin " + Margin(margin) + ", the shares adding up to it"
	case score.Restricted:
		return "restricted removal: the margin it adds at its own strength, its answers cut off"
	case score.Gradient:
		return "gradient: change in the margin per unit of its strength"
	}
	return "removal: the margin minus the margin without it"
}

// ShareMeaning names contribution function f as a list's heading ("By Shapley value:") and says
// in a sentence what a share means, without the numbers, for a view whose numbers move (the
// HTML page). It knows Shapley values and removal, the functions the page computes.
func ShareMeaning(f score.ContributionFunc) (label, meaning string) {
	if f == score.Shapley {
		return "By Shapley value:", "each argument's share is its average effect on the margin over every order in which the arguments could be added (Kampik et al. 2024); the shares add up to the margin."
	}
	return "By removal:", "each argument's share is the margin minus the margin without it (Kampik et al. 2024), what losing that one argument would change; the shares need not add up to the margin."
}
