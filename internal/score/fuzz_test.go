package score

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// FuzzScoreInvariants scores random debates (acyclic and cyclic) under fuzzed weights with
// every semantics and checks what must hold whatever the input: no NaN or infinity anywhere,
// every score in [0,1], a verdict that agrees with the margin's sign, and the one-pass result
// of an acyclic graph equal to the compiled model's margin.
func FuzzScoreInvariants(f *testing.F) {
	f.Add(uint64(1), uint8(5), false, 1.0, 1.0, 1.0)
	f.Add(uint64(2), uint8(12), true, 0.0, 3.0, 0.5)
	f.Add(uint64(3), uint8(1), false, 0.0, 0.0, 1e-300)
	f.Add(uint64(4), uint8(30), true, 1e300, 1.0, 0.0)
	f.Add(uint64(5), uint8(8), true, math.SmallestNonzeroFloat64, 2.0, 2.0)
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, cyclic bool, moral, strategic, political float64) {
		w := Weights{"moral": moral, "strategic": strategic, "political": political}
		d := randomDebate(rand.New(rand.NewPCG(seed, seed>>1)), 1+int(n%40), cyclic)
		g := argument.NewGraph(d)
		if w.Check(d.Categories) != nil {
			if _, err := Evaluate(g, w, DFQuAD); err == nil {
				t.Fatalf("weights %v fail Check but Evaluate accepts them", w)
			}
			return
		}
		for _, sem := range AllSemantics {
			r, err := Evaluate(g, w, sem)
			if err != nil {
				t.Fatalf("%s: %v", sem, err)
			}
			for _, x := range []float64{r.Margin, r.Residual, r.Thesis.Score, r.Totals.Pro, r.Totals.Con} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("%s, weights %v: a non-finite figure in %+v", sem, w, r)
				}
			}
			if got := VerdictOf(r.Margin); got != r.Verdict {
				t.Fatalf("%s: verdict %s for margin %v", sem, r.Verdict, r.Margin)
			}
			for _, a := range r.Arguments {
				if !(a.Score >= 0 && a.Score <= 1) || math.IsNaN(a.Contribution) || math.IsInf(a.Contribution, 0) {
					t.Fatalf("%s, weights %v: %s scores %v, contributes %v", sem, w, a.ID, a.Score, a.Contribution)
				}
			}
			if !cyclic {
				m, ok := NewModel(g, sem).Margin(w.LambdaFor(g), nil)
				if !ok || m != r.Margin {
					t.Fatalf("%s: Model.Margin %v (converged %v), Evaluate %v", sem, m, ok, r.Margin)
				}
			}
		}
	})
}
