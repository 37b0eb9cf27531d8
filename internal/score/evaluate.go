// Package score turns a debate and a user's category weights into numbers: each argument's
// final strength under a quantitative bipolar argumentation semantics, the thesis's score, the
// verdict and margin, and how much each argument decides it. It returns numbers, never text
// for people (the JSON encoding of a Result is its one exception, kept beside the type so that
// every command writes the same document).
package score

import (
	"fmt"
	"math"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
)

// Verdict is which way the scored debate comes out.
type Verdict string

// The three verdicts.
const (
	VerdictPro Verdict = "pro"
	VerdictCon Verdict = "con"
	VerdictTie Verdict = "tie"
)

// VerdictOf is the verdict a margin gives: a tie within Tolerance.
func VerdictOf(margin float64) Verdict {
	switch {
	case margin > Tolerance:
		return VerdictPro
	case margin < -Tolerance:
		return VerdictCon
	default:
		return VerdictTie
	}
}

// Result is a scored debate. It mirrors the JSON document of argmap score.
type Result struct {
	Semantics  Semantics
	Categories []string // the debate's categories, in order: the order of Weights and ByCategory
	Weights    Weights  // as given, every category present (a category left out at 1)
	Lambda     map[string]float64

	Thesis     ThesisScore
	Verdict    Verdict
	Margin     float64 // σ(thesis) − τ(thesis); for Sum, pro total minus con total
	Converged  bool
	Iterations int
	Residual   float64

	Totals     SideTotals            // Σ λ·strength by side
	ByCategory map[string]SideTotals // the same per category

	Arguments []ArgumentScore // every argument of the graph, in corpus order

	// ContributionFuncs lists the contribution functions asked for by name (Options.Contributions),
	// the one that explains the verdict first; nil when none were (removal alone is then
	// computed, into Contribution). Shapley says how its values were found, when they were.
	ContributionFuncs []ContributionFunc
	Shapley           *ShapleyMethod

	// Check is the CI gate the caller applied to the result, for the JSON document; scoring
	// never sets it.
	Check *wire.Check

	// Warnings are things a person should know about the numbers (a cycle that did not
	// converge); they are not part of the JSON document.
	Warnings []string
}

// ThesisScore is the thesis's base and final score. Sum propagates nothing, so under Sum the
// thesis has no score (HasScore is false; JSON null).
type ThesisScore struct {
	ID       string
	Base     float64
	Score    float64
	HasScore bool
}

// SideTotals are sums of λ·strength for each side.
type SideTotals struct {
	Pro, Con float64
}

// ArgumentScore is one argument's numbers.
type ArgumentScore struct {
	ID       string
	Side     argument.Side
	Category string
	Weight   float64 // its category's weight as given
	Lambda   float64 // its category's normalised weight
	Base     float64 // τ: the corpus strength
	Score    float64 // σ: the strength once its supporters and attackers count (Sum: τ)
	// Contribution is the margin minus the margin with this argument removed (the removal
	// contribution function): positive when it pushes toward pro. 0 for an argument with no
	// path to the thesis, under every function.
	Contribution float64
	Connected    bool // it has a path of relations to the thesis

	// The other contribution functions (see ContributionFunc), 0 unless asked for. ShapleySE is
	// the standard error of a sampled Shapley value (0 when exact).
	Shapley, ShapleySE float64
	Restricted         float64
	Gradient           float64
}

// Evaluate scores g under the weights and semantics, with every argument's contribution.
//
// Cost: the scores take one pass, linear in edges, on acyclic graphs (cycles are iterated). The
// contributions push each removal's change forward from the full solution, through the
// argument's descendants only, stopping where a score comes out unchanged; a node outside
// cycles is updated by its changed parents alone, so a thesis with thousands of direct
// arguments costs the same as one with three. In all: about n × the average number of
// descendants (the depth, in a tree-shaped debate); quadratic only for one long chain, and
// cycles reached by a change are solved again whole. Arguments with no path to the thesis
// contribute 0 and cost nothing. Use EvaluateWith and Options.NoContributions to skip them.
func Evaluate(g *argument.Graph, w Weights, sem Semantics) (*Result, error) {
	return EvaluateWith(g, w, sem, Options{})
}

// Options choose what EvaluateWith leaves out.
type Options struct {
	// NoContributions skips the per-argument contributions (they stay 0): the one part whose
	// cost grows faster than the graph. A verdict table needs only the scores.
	NoContributions bool
	// Contributions lists the contribution functions to compute, the one that explains the
	// verdict first; removal is always among them. Empty: removal alone.
	Contributions []ContributionFunc
	// ShapleySamples is the number of permutations sampled when the players are too many for
	// exact Shapley values; 0 for DefaultShapleySamples.
	ShapleySamples int
}

// EvaluateWith is Evaluate with options.
func EvaluateWith(g *argument.Graph, w Weights, sem Semantics, opts Options) (*Result, error) {
	if !sem.Valid() {
		_, err := ParseSemantics(string(sem))
		return nil, err
	}
	cats := g.Debate.Categories
	if err := w.Check(cats); err != nil {
		return nil, err
	}
	return evaluate(g, w, NewModel(g, sem), opts), nil
}

// evaluate builds the result with a compiled model of g.
func evaluate(g *argument.Graph, w Weights, m *Model, opts Options) *Result {
	sem := m.sem
	cats := g.Debate.Categories
	lambda := w.LambdaFor(g)
	sigma, margin, sol := m.Scores(lambda, nil)
	r := &Result{
		Semantics:  sem,
		Categories: cats,
		Weights:    w.Full(cats),
		Lambda:     lambda,
		Thesis:     ThesisScore{ID: g.ID(argument.ThesisNode), Base: g.Debate.Thesis.Base},
		Margin:     finite(margin),
		Converged:  sol.Converged,
		Iterations: sol.Iterations,
		Residual:   finite(sol.Residual),
		ByCategory: make(map[string]SideTotals, len(cats)),
		Arguments:  make([]ArgumentScore, 0, g.Len()-1),
	}
	if sem.Graph() {
		r.Thesis.Score, r.Thesis.HasScore = finite(sigma[argument.ThesisNode]), true
	}
	r.Verdict = VerdictOf(r.Margin)
	if !sol.Converged {
		r.Warnings = append(r.Warnings, fmt.Sprintf(
			"the scores did not converge: a cycle still changes by %.3g after %d iterations; treat the verdict with care",
			sol.Residual, sol.Iterations))
	}
	connected := g.Connected()
	for i := 1; i < g.Len(); i++ {
		a := g.Argument(i)
		lam := m.lambdaOf(i)
		r.Arguments = append(r.Arguments, ArgumentScore{
			ID: a.ID, Side: a.Side, Category: a.Category,
			Weight: w.Get(a.Category), Lambda: lam,
			Base: a.Strength, Score: finite(sigma[i]),
			Connected: connected[i],
		})
		t := r.ByCategory[a.Category]
		if a.Side == argument.Con {
			t.Con += lam * a.Strength
			r.Totals.Con += lam * a.Strength
		} else {
			t.Pro += lam * a.Strength
			r.Totals.Pro += lam * a.Strength
		}
		r.ByCategory[a.Category] = t
	}
	if !opts.NoContributions {
		funcs := opts.Contributions
		if len(funcs) == 0 {
			funcs = []ContributionFunc{Removal}
		} else {
			r.ContributionFuncs = funcs // asked for by name: the JSON says which
		}
		if !r.contributions(m, connected, funcs, opts.ShapleySamples) {
			r.Warnings = append(r.Warnings, "some contributions come from cycles that did not converge once an argument was removed")
		}
	}
	for _, c := range cats {
		if _, ok := r.ByCategory[c]; !ok {
			r.ByCategory[c] = SideTotals{}
		}
	}
	return r
}

// finite turns NaN and infinities into 0 so that they never reach an output. Valid inputs never
// produce them; this is the last line of defence.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
