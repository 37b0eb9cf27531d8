package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// refGraph is a reference scorer written from the README's formulas, independent of Model:
// plain recursion from the thesis over its parents, memoised, on an acyclic debate. It knows
// nothing of positions, blocks, aggregates or pushed changes.
type refGraph struct {
	d       *argument.Debate
	sem     Semantics
	lambda  map[string]float64
	tau     map[string]float64  // strength overrides
	removed map[string]bool     // arguments left out, with their relations
	cut     map[string]bool     // arguments whose supporters and attackers are cut off
	parents map[string][]refRel // by target id
	memo    map[string]float64
}

type refRel struct {
	from   *argument.Argument
	attack bool
}

func newRef(d *argument.Debate, w Weights, sem Semantics) *refGraph {
	return &refGraph{d: d, sem: sem, lambda: w.LambdaFor(argument.NewGraph(d)),
		tau: map[string]float64{}, removed: map[string]bool{}, cut: map[string]bool{}}
}

// link lists each argument's parents: relations to unknown ids and to itself are dropped, and a
// relation given twice counts once, as the corpus format says.
func (r *refGraph) link() {
	r.parents = map[string][]refRel{}
	known := map[string]bool{r.d.Thesis.ID: true}
	for _, a := range r.d.Arguments {
		if !r.removed[a.ID] {
			known[a.ID] = true
		}
	}
	for _, a := range r.d.Arguments {
		if r.removed[a.ID] {
			continue
		}
		seen := map[string]bool{}
		for _, rel := range []struct {
			targets []string
			attack  bool
		}{{a.Supports, false}, {a.Attacks, true}} {
			for _, t := range rel.targets {
				key := fmt.Sprint(t, rel.attack)
				if !known[t] || t == a.ID || seen[key] {
					continue
				}
				seen[key] = true
				r.parents[t] = append(r.parents[t], refRel{a, rel.attack})
			}
		}
	}
	r.memo = map[string]float64{}
}

func (r *refGraph) base(id string) float64 {
	if t, ok := r.tau[id]; ok {
		return t
	}
	if id == r.d.Thesis.ID {
		return r.d.Thesis.Base
	}
	return r.d.Argument(id).Strength
}

func (r *refGraph) sigma(id string) float64 {
	if s, ok := r.memo[id]; ok {
		return s
	}
	tau := r.base(id)
	var s float64
	var ps []refRel
	if !r.cut[id] {
		ps = r.parents[id]
	}
	switch r.sem {
	case DFQuAD:
		keepS, keepA := 1.0, 1.0
		for _, p := range ps {
			x := 1 - r.lambda[p.from.Category]*r.sigma(p.from.ID)
			if p.attack {
				keepA *= x
			} else {
				keepS *= x
			}
		}
		vs, va := 1-keepS, 1-keepA
		if va >= vs {
			s = tau - tau*(va-vs)
		} else {
			s = tau + (1-tau)*(vs-va)
		}
	default:
		e := 0.0
		for _, p := range ps {
			x := r.lambda[p.from.Category] * r.sigma(p.from.ID)
			if p.attack {
				e -= x
			} else {
				e += x
			}
		}
		h := func(x float64) float64 { x = math.Max(x, 0); return x * x / (1 + x*x) }
		switch r.sem {
		case QuadraticEnergy:
			s = tau - tau*h(-e) + (1-tau)*h(e)
		case Euler:
			s = 1 - (1-tau*tau)/(1+tau*math.Exp(e))
		case MLP:
			switch {
			case tau == 0:
				s = 0
			case tau == 1:
				s = 1
			default:
				s = 1 / (1 + math.Exp(-(math.Log(tau/(1-tau)) + e)))
			}
		}
	}
	r.memo[id] = s
	return s
}

// margin is σ(thesis) − τ(thesis), or Sum's pro total minus con total.
func (r *refGraph) margin() float64 {
	r.link()
	if r.sem == Sum {
		m := 0.0
		for _, a := range r.d.Arguments {
			if r.removed[a.ID] {
				continue
			}
			x := r.lambda[a.Category] * r.base(a.ID)
			if a.Side == argument.Con {
				x = -x
			}
			m += x
		}
		return m
	}
	return r.sigma(r.d.Thesis.ID) - r.base(r.d.Thesis.ID)
}

// TestModelMatchesReference compares the optimised model (one pass, and the removal probes)
// with the reference scorer on random acyclic graphs under every semantics.
func TestModelMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 7))
	for trial := range 150 {
		d := randomDebate(rng, 1+rng.IntN(25), false)
		w := randWeights(rng)
		g := argument.NewGraph(d)
		for _, sem := range AllSemantics {
			r, err := Evaluate(g, w, sem)
			if err != nil {
				t.Fatal(err)
			}
			ref := newRef(d, w, sem)
			where := fmt.Sprintf("trial %d, %s, weights %v", trial, sem, w)
			if want := ref.margin(); math.Abs(r.Margin-want) > 1e-9 {
				t.Errorf("%s: margin %.12g, reference %.12g", where, r.Margin, want)
			}
			for _, a := range r.Arguments {
				if want := ref.sigma(a.ID); sem != Sum && math.Abs(a.Score-want) > 1e-9 {
					t.Errorf("%s: σ(%s) = %.12g, reference %.12g", where, a.ID, a.Score, want)
				}
			}
			for i, a := range r.Arguments {
				ref.removed[a.ID] = true
				want := ref.margin()
				delete(ref.removed, a.ID)
				if a.Connected || sem == Sum {
					if got := r.Margin - a.Contribution; math.Abs(got-want) > 1e-9 {
						t.Errorf("%s: margin without %s (%d) %.12g, reference %.12g", where, a.ID, i, got, want)
					}
				}
			}
		}
	}
}

// TestUpdatesAreMonotone checks directly what sensitivity's shortcut and its bounds rest on:
// every semantics' update is non-decreasing in a node's own base strength and in the energy
// (DF-QuAD: in the support aggregate, non-increasing in the attack one), over a grid that
// includes the ends.
func TestUpdatesAreMonotone(t *testing.T) {
	const n = 40
	grid := func(k int) float64 { return float64(k) / n }
	energies := []float64{-50, -5, -2, -1, -0.5, -0.1, -1e-9, 0, 1e-9, 0.1, 0.5, 1, 2, 5, 50}
	m := &Model{}
	for _, sem := range []Semantics{QuadraticEnergy, Euler, MLP} {
		m.sem = sem
		for k := 0; k <= n; k++ {
			tau := grid(k)
			for j := 1; j < len(energies); j++ {
				if lo, hi := m.fromEnergy(tau, energies[j-1]), m.fromEnergy(tau, energies[j]); hi < lo-1e-15 {
					t.Errorf("%s: τ %g: σ falls from %g to %g as the energy rises from %g to %g", sem, tau, lo, hi, energies[j-1], energies[j])
				}
			}
			if k > 0 {
				for _, e := range energies {
					if lo, hi := m.fromEnergy(grid(k-1), e), m.fromEnergy(tau, e); hi < lo-1e-15 {
						t.Errorf("%s: energy %g: σ falls from %g to %g as τ rises to %g", sem, e, lo, hi, tau)
					}
				}
			}
		}
	}
	for a := 0; a <= n; a++ {
		for s := 0; s <= n; s++ {
			for k := 0; k <= n; k++ {
				here := dfquad(grid(k), grid(s), grid(a))
				if s > 0 && dfquad(grid(k), grid(s-1), grid(a)) > here+1e-15 {
					t.Errorf("dfquad: τ %g va %g: σ falls as vs rises to %g", grid(k), grid(a), grid(s))
				}
				if a > 0 && dfquad(grid(k), grid(s), grid(a-1)) < here-1e-15 {
					t.Errorf("dfquad: τ %g vs %g: σ rises as va rises to %g", grid(k), grid(s), grid(a))
				}
				if k > 0 && dfquad(grid(k-1), grid(s), grid(a)) > here+1e-15 {
					t.Errorf("dfquad: vs %g va %g: σ falls as τ rises to %g", grid(s), grid(a), grid(k))
				}
			}
		}
	}
}

// TestMarginMonotoneInOneSignedStrength is the shortcut's premise on whole graphs: an argument
// whose every path to the thesis has one sign (and whose reach has no cycle) moves the margin
// one way only as its strength goes from 0 to 1: up for paths that all support, down for
// paths that attack an odd number of times.
func TestMarginMonotoneInOneSignedStrength(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 8))
	checked := 0
	for trial := range 60 {
		d := tangledDebate(rng, 2+rng.IntN(15), trial%3 == 2)
		w := sensWeights(rng)
		g := argument.NewGraph(d)
		for _, sem := range graphSemantics {
			m := NewModel(g, sem)
			signs, below := pathSigns(m), cyclesBelow(m)
			lam := w.LambdaFor(g)
			tau := append([]float64(nil), m.Base()...)
			for i := 1; i < g.Len(); i++ {
				p := m.pos[i]
				bits := signs[p]
				if bits != 1 && bits != 2 || below != nil && below[m.blockOf[p]] {
					continue
				}
				checked++
				prev := math.Inf(-1)
				if bits == 2 {
					prev = math.Inf(1)
				}
				for k := 0; k <= 32; k++ {
					tau[i] = float64(k) / 32
					mg, _ := m.Margin(lam, tau)
					if bits == 1 && mg < prev-1e-12 || bits == 2 && mg > prev+1e-12 {
						t.Errorf("trial %d, %s: %s (path signs %b): margin %g after %g at strength %g", trial, sem, g.ID(i), bits, mg, prev, tau[i])
					}
					prev = mg
				}
				tau[i] = m.Base()[i]
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d arguments checked", checked)
	}
}
