package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// randomDebate makes a debate of n arguments. Acyclic: each argument relates only to the thesis
// or to arguments made before it; the corpus order is then shuffled so that index order says
// nothing. Cyclic: relations go anywhere. Strengths include the edges 0 and 1.
func randomDebate(rng *rand.Rand, n int, cyclic bool) *argument.Debate {
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "T", Base: randStrength(rng)},
		Categories: []string{"moral", "strategic", "political"},
	}
	for i := range n {
		a := &argument.Argument{
			ID:       fmt.Sprintf("a%d", i),
			Side:     []argument.Side{argument.Pro, argument.Con}[rng.IntN(2)],
			Category: d.Categories[rng.IntN(3)],
			Strength: randStrength(rng),
		}
		for range rng.IntN(4) {
			target, t := "T", argument.Support
			if a.Side == argument.Con {
				t = argument.Attack
			}
			switch {
			case cyclic && n > 1 && rng.IntN(4) > 0:
				target = fmt.Sprintf("a%d", rng.IntN(n))
				t = []argument.RelationType{argument.Support, argument.Attack}[rng.IntN(2)]
			case !cyclic && i > 0 && rng.IntN(3) > 0:
				target = fmt.Sprintf("a%d", rng.IntN(i))
				t = []argument.RelationType{argument.Support, argument.Attack}[rng.IntN(2)]
			}
			if t == argument.Support {
				a.Supports = append(a.Supports, target)
			} else {
				a.Attacks = append(a.Attacks, target)
			}
		}
		d.Arguments = append(d.Arguments, a)
	}
	rng.Shuffle(len(d.Arguments), func(i, j int) { d.Arguments[i], d.Arguments[j] = d.Arguments[j], d.Arguments[i] })
	return d
}

func randStrength(rng *rand.Rand) float64 {
	switch rng.IntN(10) {
	case 0:
		return 0
	case 1:
		return 1
	}
	return math.Round(rng.Float64()*100) / 100
}

func randWeights(rng *rand.Rand) Weights {
	w := Weights{}
	for _, c := range []string{"moral", "strategic", "political"} {
		switch rng.IntN(4) {
		case 0: // left out: weighs 1
		case 1:
			w[c] = 0
		default:
			w[c] = rng.Float64() * 3
		}
	}
	if w.Check([]string{"moral", "strategic", "political"}) != nil {
		w["moral"] = 1
	}
	return w
}

var graphSemantics = []Semantics{DFQuAD, QuadraticEnergy, Euler, MLP}

func TestPropertiesAcyclic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		d := randomDebate(rng, 1+rng.IntN(25), false)
		g := argument.NewGraph(d)
		if _, ok := g.TopoOrder(); !ok {
			t.Fatalf("trial %d: generator made a cycle", trial)
		}
		w := randWeights(rng)
		for _, sem := range graphSemantics {
			r, err := Evaluate(g, w, sem)
			if err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("trial %d %s", trial, sem)
			if !r.Converged || r.Iterations != 1 || r.Residual != 0 {
				t.Errorf("%s: converged %v iterations %d residual %v, want one exact pass", where, r.Converged, r.Iterations, r.Residual)
			}
			checkScores(t, where, g, r)
			checkZeroWeightDeletesEdges(t, where, d, w, r)
			checkReorder(t, where, rng, d, w, r)
			checkIterationAgrees(t, where, g, w, r)
			checkContributions(t, where, d, w, r)
		}
	}
}

// checkScores: every score in [0,1]; an argument without parents keeps its base.
func checkScores(t *testing.T, where string, g *argument.Graph, r *Result) {
	t.Helper()
	if s := r.Thesis.Score; !(s >= 0 && s <= 1) {
		t.Errorf("%s: thesis score %v out of [0,1]", where, s)
	}
	for i, a := range r.Arguments {
		if !(a.Score >= 0 && a.Score <= 1) {
			t.Errorf("%s: %s score %v out of [0,1]", where, a.ID, a.Score)
		}
		if len(g.In(i+1)) == 0 && a.Score != a.Base {
			t.Errorf("%s: %s has no parents but moved from %v to %v", where, a.ID, a.Base, a.Score)
		}
	}
}

// checkZeroWeightDeletesEdges: giving a category weight 0 scores like deleting the relations
// that start from its arguments.
func checkZeroWeightDeletesEdges(t *testing.T, where string, d *argument.Debate, w Weights, r *Result) {
	t.Helper()
	for c, v := range w {
		if v != 0 {
			continue
		}
		cut := cloneDebate(d)
		for _, a := range cut.Arguments {
			if a.Category == c {
				a.Supports, a.Attacks = nil, nil
			}
		}
		// The same weights: c at 0 sets no scale, and with its edges gone its arguments
		// influence nothing whatever its λ.
		r2, err := Evaluate(argument.NewGraph(cut), w, r.Semantics)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(r2.Margin-r.Margin) > 1e-12 {
			t.Errorf("%s: weight 0 on %s gives margin %v, deleting its edges %v", where, c, r.Margin, r2.Margin)
		}
	}
}

// checkReorder: the corpus order changes no number.
func checkReorder(t *testing.T, where string, rng *rand.Rand, d *argument.Debate, w Weights, r *Result) {
	t.Helper()
	sh := cloneDebate(d)
	rng.Shuffle(len(sh.Arguments), func(i, j int) { sh.Arguments[i], sh.Arguments[j] = sh.Arguments[j], sh.Arguments[i] })
	r2, err := Evaluate(argument.NewGraph(sh), w, r.Semantics)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r2.Margin-r.Margin) > 1e-12 {
		t.Errorf("%s: reordering moves the margin from %v to %v", where, r.Margin, r2.Margin)
	}
	byID := map[string]ArgumentScore{}
	for _, a := range r2.Arguments {
		byID[a.ID] = a
	}
	for _, a := range r.Arguments {
		b := byID[a.ID]
		if math.Abs(a.Score-b.Score) > 1e-12 || math.Abs(a.Contribution-b.Contribution) > 1e-12 {
			t.Errorf("%s: reordering moves %s from %v/%v to %v/%v", where, a.ID, a.Score, a.Contribution, b.Score, b.Contribution)
		}
	}
}

// checkIterationAgrees: iterating every node together to the fixed point lands where the one
// exact pass does.
func checkIterationAgrees(t *testing.T, where string, g *argument.Graph, w Weights, r *Result) {
	t.Helper()
	m := NewModel(g, r.Semantics)
	m.limits.iterateAll = true
	m.scratch = m.newScratch()
	sigma, margin, sol := m.Scores(w.LambdaFor(g), nil)
	if !sol.Converged {
		t.Errorf("%s: iteration did not converge on an acyclic graph", where)
	}
	if math.Abs(margin-r.Margin) > 1e-8 {
		t.Errorf("%s: iteration margin %v, one pass %v", where, margin, r.Margin)
	}
	for i, a := range r.Arguments {
		if math.Abs(sigma[i+1]-a.Score) > 1e-8 {
			t.Errorf("%s: iteration gives %s %v, one pass %v", where, a.ID, sigma[i+1], a.Score)
		}
	}
}

// checkContributions: each contribution is the margin minus the margin of the debate without
// that argument, weighed on the debate's scale (Subgraph keeps the debate, and with it the
// categories that set the scale of λ).
// checkContributions: each contribution equals the margin minus the margin of the debate
// scored again from scratch without that argument.
func checkContributions(t *testing.T, where string, d *argument.Debate, w Weights, r *Result) {
	t.Helper()
	for i, a := range r.Arguments {
		removed := d.Arguments[i]
		without := argument.NewGraph(d).Subgraph(func(b *argument.Argument) bool { return b != removed })
		r2, err := Evaluate(without, w, r.Semantics)
		if err != nil {
			t.Fatal(err)
		}
		if want := r.Margin - r2.Margin; math.Abs(a.Contribution-want) > 1e-7 {
			t.Errorf("%s: contribution of %s = %v, removing it and scoring again gives %v", where, a.ID, a.Contribution, want)
		}
	}
}

func cloneDebate(d *argument.Debate) *argument.Debate {
	c := *d
	c.Arguments = make([]*argument.Argument, len(d.Arguments))
	for i, a := range d.Arguments {
		b := *a
		b.Supports = slices.Clone(a.Supports)
		b.Attacks = slices.Clone(a.Attacks)
		c.Arguments[i] = &b
	}
	return &c
}

// On a flat graph (every argument straight on the thesis, nothing else) quadratic energy, Euler
// and MLP all move the thesis the way the energy points, and the energy is the sum's margin:
// their verdicts are the sum's.
func TestFlatGraphVerdictsMatchSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 500 {
		n := 1 + rng.IntN(12)
		d := &argument.Debate{
			Thesis:     argument.Thesis{ID: "T", Base: 0.05 + 0.9*rng.Float64()},
			Categories: []string{"moral", "strategic", "political"},
		}
		for i := range n {
			a := &argument.Argument{ID: fmt.Sprint("a", i), Side: argument.Pro, Category: d.Categories[rng.IntN(3)], Strength: rng.Float64()}
			if rng.IntN(2) == 0 {
				a.Side = argument.Con
				a.Attacks = []string{"T"}
			} else {
				a.Supports = []string{"T"}
			}
			d.Arguments = append(d.Arguments, a)
		}
		g := argument.NewGraph(d)
		w := randWeights(rng)
		sum, _ := Evaluate(g, w, Sum)
		if math.Abs(sum.Margin) < 1e-6 {
			continue
		}
		for _, sem := range []Semantics{QuadraticEnergy, Euler, MLP} {
			r, _ := Evaluate(g, w, sem)
			if r.Verdict != sum.Verdict {
				t.Errorf("trial %d: %s says %s (margin %v), sum says %s (margin %v)", trial, sem, r.Verdict, r.Margin, sum.Verdict, sum.Margin)
			}
		}
	}
}

// Cyclic graphs: every semantics settles (flags set), scores stay in [0,1], per-component
// solving agrees with iterating every node together, and contributions agree with scoring
// again from scratch.
func TestPropertiesCyclic(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	cycles := 0
	for trial := range 150 {
		d := randomDebate(rng, 2+rng.IntN(15), true)
		g := argument.NewGraph(d)
		if _, ok := g.TopoOrder(); ok {
			continue
		}
		cycles++
		w := randWeights(rng)
		for _, sem := range graphSemantics {
			r, err := Evaluate(g, w, sem)
			if err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("trial %d %s", trial, sem)
			if !r.Converged || r.Residual >= Tolerance {
				t.Errorf("%s: converged %v residual %v", where, r.Converged, r.Residual)
				continue
			}
			for _, a := range r.Arguments {
				if !(a.Score >= 0 && a.Score <= 1) {
					t.Errorf("%s: %s = %v out of [0,1]", where, a.ID, a.Score)
				}
			}
			checkIterationAgrees(t, where, g, w, r)
			checkContributions(t, where, d, w, r)
		}
	}
	if cycles < 50 {
		t.Fatalf("only %d of the random graphs had cycles", cycles)
	}
}
