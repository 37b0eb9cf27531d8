package score

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/synth"
)

// synthDebate builds an n-argument debate shaped like a large real one: every argument answers
// one earlier argument or the thesis (a random recursive tree, so depth grows like log n), half
// of them a second one too. With cyclic set, one argument in a hundred also answers one of its
// own answerers, closing a cycle.
func synthDebate(n int, cyclic bool) *argument.Debate {
	rng := rand.New(rand.NewPCG(uint64(n), 42))
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "T", Base: 0.5},
		Categories: []string{"moral", "strategic", "political"},
		Arguments:  make([]*argument.Argument, n),
	}
	id := func(i int) string {
		if i < 0 {
			return "T"
		}
		return fmt.Sprintf("a%d", i)
	}
	for i := range n {
		a := &argument.Argument{ID: id(i), Side: argument.Pro, Category: d.Categories[i%3], Strength: rng.Float64()}
		if rng.IntN(2) == 0 {
			a.Side = argument.Con
		}
		targets := 1 + rng.IntN(2)
		for range targets {
			t := rng.IntN(i+1) - 1 // -1 is the thesis
			if i < 20 {
				t = -1
			}
			if t < 0 && a.Side == argument.Con || t >= 0 && rng.IntN(2) == 0 {
				a.Attacks = append(a.Attacks, id(t))
			} else {
				a.Supports = append(a.Supports, id(t))
			}
		}
		d.Arguments[i] = a
	}
	if cyclic {
		for i := 100; i < n; i += 100 {
			a := d.Arguments[i]
			// Its first target answers it back.
			var t string
			if len(a.Supports) > 0 {
				t = a.Supports[0]
			} else {
				t = a.Attacks[0]
			}
			if b := d.Argument(t); b != nil {
				b.Attacks = append(b.Attacks, a.ID)
			}
		}
	}
	return d
}

var benchSizes = []int{10_000, 100_000, 1_000_000}

// BenchmarkMargin is one full re-scoring, the unit of work of sensitivity analysis. Time per
// edge stays flat as the graph grows: linear in edges.
func BenchmarkMargin(b *testing.B) {
	for _, cyclic := range []bool{false, true} {
		for _, n := range benchSizes {
			d := synthDebate(n, cyclic)
			g := argument.NewGraph(d)
			lam := lambdaScaled(Weights{"moral": 2}, d.Categories, d.Categories)
			for _, sem := range []Semantics{DFQuAD, MLP} {
				m := NewModel(g, sem)
				name := fmt.Sprintf("%s/%s/n=%d", shape(cyclic), sem, n)
				b.Run(name, func(b *testing.B) {
					var conv bool
					for b.Loop() {
						_, conv = m.Margin(lam, nil)
					}
					if !conv {
						b.Fatal("did not converge")
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(g.NumRelations()), "ns/edge")
				})
			}
		}
	}
}

// BenchmarkEvaluate is argmap score on a 100,000-argument graph: compile, solve, and every
// argument's contribution.
func BenchmarkEvaluate(b *testing.B) {
	for _, cyclic := range []bool{false, true} {
		d := synthDebate(100_000, cyclic)
		g := argument.NewGraph(d)
		for _, sem := range []Semantics{DFQuAD, Sum} {
			b.Run(fmt.Sprintf("%s/%s/n=100000", shape(cyclic), sem), func(b *testing.B) {
				for b.Loop() {
					if _, err := Evaluate(g, nil, sem); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("%s/dfquad-no-contributions/n=100000", shape(cyclic)), func(b *testing.B) {
			for b.Loop() {
				if _, err := EvaluateWith(g, nil, DFQuAD, Options{NoContributions: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewModel is the one-off cost of compiling a graph.
func BenchmarkNewModel(b *testing.B) {
	for _, cyclic := range []bool{false, true} {
		g := argument.NewGraph(synthDebate(100_000, cyclic))
		b.Run(fmt.Sprintf("%s/n=100000", shape(cyclic)), func(b *testing.B) {
			for b.Loop() {
				NewModel(g, DFQuAD)
			}
		})
	}
}

func shape(cyclic bool) string {
	if cyclic {
		return "cyclic"
	}
	return "acyclic"
}

func TestSynthDebateShape(t *testing.T) {
	for _, cyclic := range []bool{false, true} {
		g := argument.NewGraph(synthDebate(5000, cyclic))
		_, acyclic := g.TopoOrder()
		if acyclic == cyclic {
			t.Errorf("synthDebate(cyclic=%v) made an acyclic graph: %v", cyclic, acyclic)
		}
		if cyclic && len(g.Cycles()) < 10 {
			t.Errorf("only %d cycles", len(g.Cycles()))
		}
	}
}

// BenchmarkSynth scores the shared synthetic debates (internal/synth: levelled like a real
// debate, with long reply chains, and with Cycles separate cycles) of 100,000 arguments:
// Margin is one re-scoring; Evaluate is argmap score's work, contributions included.
func BenchmarkSynth(b *testing.B) {
	for _, cycles := range []int{0, 1000} {
		d := synth.Generate(synth.Options{Arguments: 100_000, Cycles: cycles, Seed: 1})
		g := argument.NewGraph(d)
		lam := lambdaScaled(Weights{}, d.Categories, d.Categories)
		name := fmt.Sprintf("cycles=%d/n=100000/edges=%d", cycles, g.NumRelations())
		m := NewModel(g, DFQuAD)
		b.Run("margin/"+name, func(b *testing.B) {
			for b.Loop() {
				if _, ok := m.Margin(lam, nil); !ok {
					b.Fatal("did not converge")
				}
			}
		})
		b.Run("evaluate/"+name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Evaluate(g, nil, DFQuAD); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkShapley is the default contribution function: exact on a debate of 19 players like
// the built-in one, sampled at the default count on a 10,000-argument synthetic debate.
func BenchmarkShapley(b *testing.B) {
	small := synth.Generate(synth.Options{Arguments: 19, Depth: 2, Seed: 1})
	large := synth.Generate(synth.Options{Arguments: 10_000, Seed: 1})
	for _, c := range []struct {
		name string
		d    *argument.Debate
	}{{"exact/n=19", small}, {"sampled/n=10000", large}} {
		g := argument.NewGraph(c.d)
		for _, sem := range []Semantics{DFQuAD, MLP} {
			b.Run(fmt.Sprintf("%s/%s", c.name, sem), func(b *testing.B) {
				opts := Options{Contributions: []ContributionFunc{Shapley}}
				for b.Loop() {
					if _, err := EvaluateWith(g, nil, sem, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
