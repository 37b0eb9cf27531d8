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

// The e-democracy example of Rago, Toni, Aurisicchio and Baroni (KR 2016), as reproduced in
// Potyka's Uncertainpy: DF-QuAD gives A1 0.862, A2 0.85 and P2 0.08. A1 stands in for the
// thesis (base 0.5); A2 hangs off it through no relation, so its score is checked directly.
func TestDFQuADRagoEDemocracy(t *testing.T) {
	d := debate(0.5,
		"A2 pro moral 0.5",
		"P1 pro moral 0.7 +T",
		"P2 pro moral 0.5 +T",
		"P3 pro moral 0.9 +A2",
		"C1 con moral 0.2 -A2",
		"C2 con moral 0.2 -P2",
		"C3 con moral 0.6 -P2",
		"C4 con moral 0.5 -P2",
	)
	r, err := Evaluate(argument.NewGraph(d), nil, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Thesis.Score, 0.862) {
		t.Errorf("A1 (thesis) = %v, want 0.862", r.Thesis.Score)
	}
	want := map[string]float64{"A2": 0.85, "P1": 0.7, "P2": 0.08, "P3": 0.9, "C1": 0.2}
	for _, a := range r.Arguments {
		if w, ok := want[a.ID]; ok && !near(a.Score, w) {
			t.Errorf("%s = %v, want %v", a.ID, a.Score, w)
		}
	}
}

// A chain of depth two, worked by hand: C attacks B, B supports the thesis.
func TestChainAllSemantics(t *testing.T) {
	d := debate(0.4, "B pro moral 0.6 +T", "C con strategic 0.5 -B")
	// σ(B) and then σ(T) from σ(B), for each semantics.
	sigB := map[Semantics]float64{
		DFQuAD:          0.6 - 0.6*0.5,
		QuadraticEnergy: 0.6 - 0.6*0.25/1.25,
		Euler:           1 - (1-0.36)/(1+0.6*math.Exp(-0.5)),
		MLP:             1 / (1 + math.Exp(-(math.Log(0.6/0.4) - 0.5))),
	}
	sigT := func(sem Semantics, b float64) float64 {
		switch sem {
		case DFQuAD:
			return 0.4 + 0.6*b
		case QuadraticEnergy:
			return 0.4 + 0.6*b*b/(1+b*b)
		case Euler:
			return 1 - (1-0.16)/(1+0.4*math.Exp(b))
		default:
			return 1 / (1 + math.Exp(-(math.Log(0.4/0.6) + b)))
		}
	}
	for sem, b := range sigB {
		r, err := Evaluate(argument.NewGraph(d), nil, sem)
		if err != nil {
			t.Fatal(err)
		}
		if !near(r.Arguments[0].Score, b) {
			t.Errorf("%s: σ(B) = %v, want %v", sem, r.Arguments[0].Score, b)
		}
		if want := sigT(sem, b); !near(r.Thesis.Score, want) {
			t.Errorf("%s: σ(T) = %v, want %v", sem, r.Thesis.Score, want)
		}
		// Without C, B keeps its base; C's contribution is what that costs the margin.
		if want := sigT(sem, b) - sigT(sem, 0.6); !near(r.Arguments[1].Contribution, want) {
			t.Errorf("%s: contribution of C = %v, want %v", sem, r.Arguments[1].Contribution, want)
		}
	}
}

// Weights scale each source's influence by its category's λ: moral=2 makes the strategic
// argument count half.
func TestWeightsScaleInfluence(t *testing.T) {
	d := debate(0.5, "A pro strategic 0.8 +T", "B con moral 0.6 -T")
	w := Weights{"moral": 2}
	r, err := Evaluate(argument.NewGraph(d), w, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	// λ: moral 1, strategic .5, political .5. vs = .4, va = .6: .5 − .5·.2 = .4.
	if !near(r.Thesis.Score, 0.4) || r.Verdict != VerdictCon {
		t.Errorf("thesis %v verdict %s, want 0.4 con", r.Thesis.Score, r.Verdict)
	}
	if r.Weights["moral"] != 2 || r.Weights["strategic"] != 1 || r.Weights["political"] != 1 {
		t.Errorf("weights = %v, want as given with the rest at 1", r.Weights)
	}
	if !near(r.Totals.Pro, 0.4) || !near(r.Totals.Con, 0.6) {
		t.Errorf("totals = %+v, want pro .4 con .6", r.Totals)
	}
	if c := r.ByCategory["strategic"]; !near(c.Pro, 0.4) || c.Con != 0 {
		t.Errorf("strategic = %+v, want pro .4", c)
	}
	if c := r.ByCategory["political"]; c.Pro != 0 || c.Con != 0 {
		t.Errorf("political = %+v, want zeros", c)
	}
	if a := r.Arguments[0]; a.Weight != 1 || a.Lambda != 0.5 {
		t.Errorf("A weight %v λ %v, want 1 and 0.5", a.Weight, a.Lambda)
	}

	// Sum: .5·.8 − 1·.6.
	r, _ = Evaluate(argument.NewGraph(d), w, Sum)
	if !near(r.Margin, -0.2) || r.Verdict != VerdictCon || r.Thesis.HasScore {
		t.Errorf("sum margin %v verdict %s has score %v, want -0.2 con false", r.Margin, r.Verdict, r.Thesis.HasScore)
	}
	if !near(r.Arguments[0].Contribution, 0.4) || !near(r.Arguments[1].Contribution, -0.6) {
		t.Errorf("sum contributions %v %v, want 0.4 -0.6", r.Arguments[0].Contribution, r.Arguments[1].Contribution)
	}
}

func TestEvaluateRejectsBadInput(t *testing.T) {
	g := argument.NewGraph(debate(0.5, "A pro moral 0.5 +T"))
	if _, err := Evaluate(g, Weights{"x": 1}, DFQuAD); err == nil {
		t.Error("unknown category accepted")
	}
	if _, err := Evaluate(g, nil, "nope"); err == nil {
		t.Error("unknown semantics accepted")
	}
}

func TestEmptyDebate(t *testing.T) {
	for _, sem := range AllSemantics {
		r, err := Evaluate(argument.NewGraph(debate(0.7)), nil, sem)
		if err != nil {
			t.Fatal(err)
		}
		if r.Margin != 0 || r.Verdict != VerdictTie || len(r.Arguments) != 0 {
			t.Errorf("%s: margin %v verdict %s args %d, want a tie with nothing", sem, r.Margin, r.Verdict, len(r.Arguments))
		}
	}
}

func TestEvaluateWithoutContributions(t *testing.T) {
	d := debate(0.5, "A pro strategic 0.8 +T", "B con political 0.6 -T")
	full, _ := Evaluate(argument.NewGraph(d), nil, MLP)
	r, err := EvaluateWith(argument.NewGraph(d), nil, MLP, Options{NoContributions: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Margin != full.Margin || r.Arguments[0].Score != full.Arguments[0].Score {
		t.Errorf("scores differ without contributions: %v vs %v", r.Margin, full.Margin)
	}
	if r.Arguments[0].Contribution != 0 || full.Arguments[0].Contribution == 0 {
		t.Errorf("contributions %v (skipped) and %v (full)", r.Arguments[0].Contribution, full.Arguments[0].Contribution)
	}
}

// A full-strength supporter makes DF-QuAD's support aggregate 1 on its own (a factor of 0 in
// the product). B is one; A would be, but C halves it. Removing A or C changes nothing while B
// stands; removing B leaves A's .5. The contributions keep products with a count of zero
// factors; this pins that bookkeeping.
func TestDFQuADSaturatedSupport(t *testing.T) {
	d := debate(0.5, "A pro moral 1 +T", "B pro moral 1 +T", "C con moral 0.5 -A", "D con moral 0.4 -T")
	r, err := Evaluate(argument.NewGraph(d), nil, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	// vs = 1, va = .4: .5 + .5·.6 = .8.
	if !near(r.Thesis.Score, 0.8) {
		t.Fatalf("thesis = %v, want 0.8", r.Thesis.Score)
	}
	// Without D: .5 + .5·1 = 1, so D contributes −.2. Without B: vs .5, va .4: .55, so B
	// contributes .25.
	want := map[string]float64{"A": 0, "B": 0.25, "C": 0, "D": -0.2}
	for _, a := range r.Arguments {
		if !near(a.Contribution, want[a.ID]) {
			t.Errorf("contribution of %s = %v, want %v", a.ID, a.Contribution, want[a.ID])
		}
	}
}
