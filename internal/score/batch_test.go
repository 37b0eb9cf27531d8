package score

import (
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/synth"
)

// TestBatchMargins checks each lane of a batched scoring against Margin under the same λ, to the
// bit, on acyclic debates with strengths of exactly 0 and 1, λ of 0 and 1, and every semantics.
func TestBatchMargins(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 13))
	var ds []*argument.Debate
	for k, n := range []int{1, 15, 60, 400} {
		ds = append(ds, synth.Generate(synth.Options{Arguments: n, Seed: int64(k)}))
		ds = append(ds, randomDebate(rng, n, false), tangledDebate(rng, n, false))
	}
	lamAt := func(n int) []float64 {
		lam := make([]float64, n)
		for c := range lam {
			switch rng.IntN(4) {
			case 0:
				lam[c] = 0
			case 1:
				lam[c] = 1
			default:
				lam[c] = rng.Float64()
			}
		}
		return lam
	}
	compared := 0
	for di, d := range ds {
		g := argument.NewGraph(d)
		for _, sem := range graphSemantics {
			m, plain := NewModel(g, sem), NewModel(g, sem)
			for range 5 {
				var lam [lanes][]float64
				var got [lanes]float64
				for l := range lam {
					lam[l] = lamAt(len(m.Categories()))
				}
				m.batchMargins(&lam, &got)
				for l := range lam {
					byName := map[string]float64{}
					for c, name := range m.Categories() {
						byName[name] = lam[l][c]
					}
					want, _ := plain.Margin(byName, nil)
					if got[l] != want {
						t.Errorf("debate %d, %s, λ %v: lane %d gives %v, Margin %v", di, sem, lam[l], l, got[l], want)
					}
					compared++
				}
			}
		}
	}
	if compared < 400 {
		t.Errorf("only %d lanes compared", compared)
	}
}

// TestSensitivityCurveIsMargin checks a category scan's curve, sampled in batches, point by
// point against a plain re-scoring at the same weight, to the bit, with an argument in a
// category the debate does not list (it weighs 1).
func TestSensitivityCurveIsMargin(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	points := 0
	for k := range 6 {
		d := synth.Generate(synth.Options{Arguments: 20 + 30*k, Seed: int64(k)})
		if k%2 == 1 {
			d = tangledDebate(rng, 10+5*k, false)
		}
		d.Arguments[0].Category = "unlisted"
		g := argument.NewGraph(d)
		w := randWeights(rng)
		for _, sem := range graphSemantics {
			s, err := AnalyzeSensitivity(g, w, sem, SensitivityOptions{Steps: 37})
			if err != nil {
				t.Fatal(err)
			}
			byWeight, _ := plainMargins(g, w, sem)
			for _, c := range s.ByCategory {
				for _, pt := range c.Curve {
					if want := byWeight(c.Category, pt.X); pt.Margin != want {
						t.Errorf("debate %d, %s, weights %v: %s at %g: curve %v, Margin %v", k, sem, s.Weights, c.Category, pt.X, pt.Margin, want)
					}
					points++
				}
			}
		}
	}
	if points < 1000 {
		t.Errorf("only %d points compared", points)
	}
}
