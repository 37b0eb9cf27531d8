package score

import (
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
