package score

import (
	"math"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// Two arguments of strength 1 attacking each other: under DF-QuAD plain iteration from the
// bases flips between (1,1) and (0,0) forever; the continuous form settles at (½,½).
func TestOscillatingCycleConvergesThroughRK4(t *testing.T) {
	d := debate(0.5, "A pro moral 1 -B +T", "B con moral 1 -A -T")
	r, err := Evaluate(argument.NewGraph(d), nil, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Converged || r.Iterations <= maxPlain/10 {
		t.Fatalf("converged %v after %d iterations, want converged through the fallback", r.Converged, r.Iterations)
	}
	for _, a := range r.Arguments {
		if !near(a.Score, 0.5) {
			t.Errorf("%s = %v, want 0.5", a.ID, a.Score)
		}
	}
	// Supported and attacked by the same amount: the thesis keeps its base.
	if !near(r.Thesis.Score, 0.5) || r.Verdict != VerdictTie {
		t.Errorf("thesis %v verdict %s, want 0.5 tie", r.Thesis.Score, r.Verdict)
	}
}

// From Kampik's QBAF-Py tests: under DF-QuAD, a (base 1) and b (base 0.5) attacking each
// other settle at a = 1, b = 0. Plain iteration gets there (slowly: it halves every two sweeps).
func TestTwoCycleDFQuADKampik(t *testing.T) {
	d := debate(0.5, "a pro moral 1 -b +T", "b con moral 0.5 -a")
	r, err := Evaluate(argument.NewGraph(d), nil, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Converged || r.Iterations < 2 || r.Iterations > maxPlain {
		t.Errorf("converged %v after %d iterations, want plain iteration to settle", r.Converged, r.Iterations)
	}
	if a, b := r.Arguments[0].Score, r.Arguments[1].Score; math.Abs(a-1) > 1e-8 || math.Abs(b) > 1e-8 {
		t.Errorf("a = %v, b = %v, want 1 and 0", a, b)
	}
	// a supports the thesis with all its strength: .5 + .5·1.
	if math.Abs(r.Thesis.Score-1) > 1e-8 {
		t.Errorf("thesis = %v, want 1", r.Thesis.Score)
	}
}

// A 4-cycle of supports and attacks under every semantics: converged, reported, in range, and a
// fixed point (each score is what the semantics makes of its parents' scores).
func TestFourCycleEverySemantics(t *testing.T) {
	d := debate(0.5,
		"a pro moral 0.7 +b +T",
		"b pro strategic 0.4 -c",
		"c con political 0.9 +d -T",
		"d con moral 0.3 -a",
	)
	g := argument.NewGraph(d)
	for _, sem := range graphSemantics {
		r, err := Evaluate(g, Weights{"political": 2}, sem)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Converged || r.Iterations < 2 || r.Residual >= Tolerance {
			t.Errorf("%s: converged %v iterations %d residual %v", sem, r.Converged, r.Iterations, r.Residual)
		}
		m := NewModel(g, sem)
		m.Scores(lambdaScaled(Weights{"political": 2}, d.Categories, d.Categories), nil)
		for p := range int32(g.Len()) {
			if f := m.eval(p); math.Abs(f-m.sigma[p]) > 1e-8 {
				t.Errorf("%s: node %s = %v but its parents make it %v", sem, g.ID(int(m.node[p])), m.sigma[p], f)
			}
		}
	}
}

// Past the bounds the solver stops and says so; it never loops forever.
func TestNonConvergenceIsReported(t *testing.T) {
	d := debate(0.5, "A pro moral 1 -B +T", "B con moral 1 -A -T")
	g := argument.NewGraph(d)
	m := NewModel(g, DFQuAD)
	m.limits.plain, m.limits.steps = 10, 3
	r := evaluate(g, nil, m, Options{})
	if r.Converged || r.Iterations != 13 || !(r.Residual > Tolerance) {
		t.Errorf("converged %v iterations %d residual %v, want false 13 and the last change", r.Converged, r.Iterations, r.Residual)
	}
	if len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0], "did not converge") {
		t.Errorf("warnings = %q, want one saying the scores did not converge", r.Warnings)
	}
	for _, a := range r.Arguments {
		if !(a.Score >= 0 && a.Score <= 1) {
			t.Errorf("%s = %v", a.ID, a.Score)
		}
	}
}
