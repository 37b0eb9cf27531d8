package score

import (
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

func TestModelMarginMatchesEvaluate(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 50 {
		d := randomDebate(rng, 1+rng.IntN(20), trial%2 == 1)
		g := argument.NewGraph(d)
		w := randWeights(rng)
		for _, sem := range AllSemantics {
			r, _ := Evaluate(g, w, sem)
			margin, ok := NewModel(g, sem).Margin(w.LambdaFor(g), nil)
			if !ok || margin != r.Margin {
				t.Errorf("trial %d %s: Margin = %v (converged %v), Evaluate = %v", trial, sem, margin, ok, r.Margin)
			}
		}
	}
}

// Strength overrides replace τ per node, the thesis's base at [0]; nil means the corpus's.
func TestModelStrengthOverrides(t *testing.T) {
	d := debate(0.5, "A pro strategic 0.8 +T", "B con political 0.6 -T")
	m := NewModel(argument.NewGraph(d), DFQuAD)
	lam := map[string]float64{"moral": 1, "strategic": 1, "political": 1}
	if margin, _ := m.Margin(lam, nil); !near(margin, 0.1) {
		t.Errorf("corpus margin %v, want 0.1", margin)
	}
	// B down to .2: vs .8, va .2: τ .3 + .7·.6 = .72, margin .42.
	if margin, _ := m.Margin(lam, []float64{0.3, 0.8, 0.2}); !near(margin, 0.72-0.3) {
		t.Errorf("overridden margin %v, want 0.42", margin)
	}
	// λ of political 0: B counts for nothing.
	if margin, _ := m.Margin(map[string]float64{"political": 0}, nil); !near(margin, 0.4) {
		t.Errorf("margin with political at 0 = %v, want 0.4", margin)
	}
	if got := m.Base(); got[0] != 0.5 || got[1] != 0.8 || got[2] != 0.6 {
		t.Errorf("Base = %v", got)
	}
	// Sum takes the overrides too.
	s := NewModel(argument.NewGraph(d), Sum)
	if margin, _ := s.Margin(lam, []float64{0.5, 0.1, 0.6}); !near(margin, -0.5) {
		t.Errorf("sum margin with A at .1 = %v, want -0.5", margin)
	}
}

func TestModelMarginDoesNotAllocate(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, cyclic := range []bool{false, true} {
		d := randomDebate(rng, 200, cyclic)
		g := argument.NewGraph(d)
		lam := lambdaScaled(Weights{"moral": 2}, d.Categories, d.Categories)
		strength := append([]float64(nil), NewModel(g, DFQuAD).Base()...)
		for _, sem := range AllSemantics {
			m := NewModel(g, sem)
			if n := testing.AllocsPerRun(20, func() { m.Margin(lam, strength) }); n != 0 {
				t.Errorf("cyclic %v %s: Margin allocates %v times per call", cyclic, sem, n)
			}
		}
	}
}

func TestModelCloneIsIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	d := randomDebate(rng, 100, true)
	m := NewModel(argument.NewGraph(d), Euler)
	c := m.Clone()
	lam := map[string]float64{}
	want, _ := m.Margin(lam, nil)
	done := make(chan float64)
	go func() {
		got, _ := c.Margin(lam, nil)
		done <- got
	}()
	m.Margin(map[string]float64{"moral": 0}, nil)
	if got := <-done; got != want {
		t.Errorf("clone gave %v, want %v", got, want)
	}
}

func TestVerdictOf(t *testing.T) {
	for margin, want := range map[float64]Verdict{0.1: VerdictPro, -0.1: VerdictCon, 0: VerdictTie, 5e-10: VerdictTie, -5e-10: VerdictTie, 2e-9: VerdictPro} {
		if got := VerdictOf(margin); got != want {
			t.Errorf("VerdictOf(%v) = %s, want %s", margin, got, want)
		}
	}
}
