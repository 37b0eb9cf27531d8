package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// randomFilter picks a filter that keeps part of a debate: a category, a side, a floor on
// strength, or two of them.
func randomFilter(rng *rand.Rand) argument.Filter {
	var f argument.Filter
	for f.IsZero() {
		if rng.IntN(2) == 0 {
			f.Categories = []string{[]string{"moral", "strategic", "political"}[rng.IntN(3)]}
		}
		if rng.IntN(3) == 0 {
			f.Sides = []argument.Side{[]argument.Side{argument.Pro, argument.Con}[rng.IntN(2)]}
		}
		if rng.IntN(3) == 0 {
			f.MinStrength = math.Round(rng.Float64()*60) / 100
		}
	}
	return f
}

// TestOneLambdaRuleUnderFilters is the contract between score and sensitivity on a filtered
// graph: sensitivity's margin is score's, where it finds no flip no weight in the range gives
// the other verdict through Evaluate, and where it finds one Evaluate's verdict differs on
// either side of it. Before λ had one rule, sensitivity scaled by the categories the filtered
// graph holds and Evaluate by those the whole debate holds, and the two disagreed.
func TestOneLambdaRuleUnderFilters(t *testing.T) {
	const delta = 1e-5
	rng := rand.New(rand.NewPCG(14, 1))
	flips, filtered := 0, 0
	for trial := range 80 {
		var d *argument.Debate
		if trial%2 == 0 {
			d = sidedDebate(rng, 3+rng.IntN(12))
		} else {
			d = tangledDebate(rng, 3+rng.IntN(10), trial%4 == 3)
		}
		flt := randomFilter(rng)
		g := argument.NewGraph(d).Subgraph(flt.Match)
		if g.Len() < argument.NewGraph(d).Len() {
			filtered++
		}
		w := sensWeights(rng)
		marginAt := func(sem Semantics, c string, x float64) float64 {
			wx := w.Full(d.Categories)
			wx[c] = x
			if wx.Check(d.Categories) != nil {
				return math.NaN()
			}
			r, err := Evaluate(g, wx, sem)
			if err != nil {
				t.Fatal(err)
			}
			return r.Margin
		}
		for _, sem := range AllSemantics {
			s, err := AnalyzeSensitivity(g, w, sem, SensitivityOptions{To: 4})
			if err != nil {
				t.Fatal(err)
			}
			r, err := Evaluate(g, w, sem)
			if err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("trial %d, filter %+v, %s, weights %v", trial, flt, sem, s.Weights)
			if math.Abs(s.Margin-r.Margin) > 1e-12 {
				t.Errorf("%s: sensitivity's margin %g, score's %g", where, s.Margin, r.Margin)
			}
			if !s.Converged {
				continue
			}
			for _, c := range s.ByCategory {
				for _, f := range c.Flips {
					flips++
					below := marginAt(sem, c.Category, f.At-delta)
					above := marginAt(sem, c.Category, f.At+delta)
					checkFlip(t, fmt.Sprintf("%s: %s at %g", where, c.Category, f.At), f, below, above)
				}
				checkNoneMissed(t, where+": "+c.Category, c.Flips, c.From, c.To, func(x float64) float64 {
					return marginAt(sem, c.Category, x)
				})
			}
		}
	}
	if flips < 40 || filtered < 50 {
		t.Errorf("%d flips checked on %d filtered graphs: the trials do not exercise the rule", flips, filtered)
	}
}

// TestFilteredLambdaIsTheWholeDebates pins the rule itself: λ of a filtered graph is the λ of
// the whole debate, so a category that lost its arguments to the filter still sets the scale.
func TestFilteredLambdaIsTheWholeDebates(t *testing.T) {
	d := debate(0.5, "m pro moral 0.8 +T", "s con strategic 0.5 -T", "e con moral 0.3 -T")
	d.Categories = append(d.Categories, "empty")
	w := Weights{"moral": 1, "strategic": 4, "empty": 10}
	whole := w.LambdaFor(argument.NewGraph(d))
	moral := w.LambdaFor(argument.NewGraph(d).Subgraph(func(a *argument.Argument) bool { return a.Category == "moral" }))
	want := map[string]float64{"moral": 0.25, "strategic": 1, "political": 0.25, "empty": 1}
	for c, l := range want {
		if whole[c] != l || moral[c] != l {
			t.Errorf("λ(%s) = %g whole, %g filtered; want %g in both", c, whole[c], moral[c], l)
		}
	}
}
