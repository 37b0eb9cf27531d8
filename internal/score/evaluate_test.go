package score

import (
	"math"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The smallest debate: one pro argument supports the thesis, one con argument attacks it.
// Expected values worked by hand from the formulas in the issue.
func TestEvaluateTwoArguments(t *testing.T) {
	d := debate(0.5, "A pro strategic 0.8 +T", "B con political 0.6 -T")
	tests := []struct {
		sem    Semantics
		score  float64
		margin float64
	}{
		{DFQuAD, 0.6, 0.1}, // vs .8 > va .6: .5 + .5·.2
		{QuadraticEnergy, 0.5 + 0.5*0.04/1.04, 0.5 * 0.04 / 1.04}, // E = .2
		{Euler, 1 - 0.75/(1+0.5*math.Exp(0.2)), 1 - 0.75/(1+0.5*math.Exp(0.2)) - 0.5},
		{MLP, 1 / (1 + math.Exp(-0.2)), 1/(1+math.Exp(-0.2)) - 0.5},
		{Sum, 0, 0.2},
	}
	for _, tt := range tests {
		r, err := Evaluate(argument.NewGraph(d), nil, tt.sem)
		if err != nil {
			t.Fatalf("%s: %v", tt.sem, err)
		}
		if tt.sem != Sum && !near(r.Thesis.Score, tt.score) {
			t.Errorf("%s: thesis score = %v, want %v", tt.sem, r.Thesis.Score, tt.score)
		}
		if !near(r.Margin, tt.margin) {
			t.Errorf("%s: margin = %v, want %v", tt.sem, r.Margin, tt.margin)
		}
		if r.Verdict != VerdictPro || !r.Converged || r.Iterations != 1 {
			t.Errorf("%s: verdict %s converged %v iterations %d, want pro true 1", tt.sem, r.Verdict, r.Converged, r.Iterations)
		}
	}
}

func TestDFQuADContributions(t *testing.T) {
	d := debate(0.5, "A pro strategic 0.8 +T", "B con political 0.6 -T", "C con moral 0.9")
	r, err := Evaluate(argument.NewGraph(d), nil, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	// Without A: .5 − .5·.6 = .2, margin −.3; without B: .5 + .5·.8 = .9, margin .4.
	want := map[string]float64{"A": 0.1 - -0.3, "B": 0.1 - 0.4, "C": 0}
	for _, a := range r.Arguments {
		if !near(a.Contribution, want[a.ID]) {
			t.Errorf("contribution of %s = %v, want %v", a.ID, a.Contribution, want[a.ID])
		}
	}
	if r.Arguments[2].Connected {
		t.Errorf("C has no relation yet is marked connected")
	}
}
