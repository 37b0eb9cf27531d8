package score

import (
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// ringDebate is one cycle of n arguments, each supporting or attacking the next (all attacks
// when attack is set), the first also supporting the thesis: the worst case for the cycle
// solver, one block of n.
func ringDebate(n int, strength float64, attack bool) *argument.Debate {
	lines := make([]string, n)
	for i := range n {
		rel := "+"
		if attack || i%2 == 1 {
			rel = "-"
		}
		line := fmt.Sprintf("a%d pro moral %g %sa%d", i, strength, rel, (i+1)%n)
		if i == 0 {
			line += " +T"
		}
		lines[i] = line
	}
	return debate(0.5, lines...)
}

// TestLargeCycleIsBounded scores rings too large to solve again once per argument: the solve
// stays within solveBudget node updates, the contributions within contribBudget, and what was
// left out is said.
func TestLargeCycleIsBounded(t *testing.T) {
	tests := []struct {
		name string
		d    *argument.Debate
	}{
		{"settling ring", ringDebate(10000, 0.5, false)},
		// Strength 1 attacks around an even ring: plain iteration flips until it stalls, and
		// RK4 takes over.
		{"oscillating ring", ringDebate(10000, 1, true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := argument.NewGraph(tt.d)
			m := NewModel(g, DFQuAD)
			r := evaluate(g, nil, m, Options{})
			if !r.Converged {
				t.Errorf("not converged after %d iterations", r.Iterations)
			}
			// One solve, then the removals up to the budget, the last of which may overrun it
			// by one solve.
			if limit := int64(contribBudget + 3*solveBudget); m.work > limit {
				t.Errorf("spent %d node updates, want at most %d", m.work, limit)
			}
			var warned bool
			for _, w := range r.Warnings {
				warned = warned || strings.Contains(w, "were not computed")
			}
			if !warned {
				t.Errorf("warnings %q, want one about contributions not computed", r.Warnings)
			}
		})
	}
}

// A small cycle is still solved for every contribution, with no warning.
func TestSmallCycleContributionsComplete(t *testing.T) {
	r, err := Evaluate(argument.NewGraph(ringDebate(50, 0.5, false)), nil, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings %q, want none", r.Warnings)
	}
	if r.Arguments[0].Contribution == 0 {
		t.Errorf("a0's contribution is 0, want it computed")
	}
}

func BenchmarkLargeCycle(b *testing.B) {
	g := argument.NewGraph(ringDebate(10000, 0.5, false))
	for b.Loop() {
		if _, err := Evaluate(g, nil, DFQuAD); err != nil {
			b.Fatal(err)
		}
	}
}
