package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/synth"
)

// probeDebates are the graphs the strength probes are checked on: the shared synthetic debates
// (levelled, sides respected, long chains, with and without cycles), tangled ones where paths
// of both signs meet, and random ones with strengths of exactly 0 and 1 (DF-QuAD's zero
// factors).
func probeDebates(rng *rand.Rand) []*argument.Debate {
	var ds []*argument.Debate
	for k, n := range []int{12, 40, 150} {
		ds = append(ds,
			synth.Generate(synth.Options{Arguments: n, Seed: int64(k + 1)}),
			synth.Generate(synth.Options{Arguments: n, Cycles: 1 + n/20, Seed: int64(k + 1)}))
	}
	for range 4 {
		ds = append(ds, tangledDebate(rng, 10+rng.IntN(30), false), tangledDebate(rng, 5+rng.IntN(12), true))
		ds = append(ds, randomDebate(rng, 5+rng.IntN(30), false), randomDebate(rng, 5+rng.IntN(12), true))
	}
	return ds
}

// TestMarginWithStrength compares each probe, pushed forward from the full solution, with a
// plain re-scoring of the whole graph with the strength overridden, and checks that the probe
// leaves the model as it found it.
func TestMarginWithStrength(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 12))
	probes := 0
	for di, d := range probeDebates(rng) {
		g := argument.NewGraph(d)
		w := randWeights(rng)
		lam := w.LambdaFor(g)
		for _, sem := range graphSemantics {
			fast, plain := NewModel(g, sem), NewModel(g, sem)
			fast.Margin(lam, nil)
			fast.prepareRemovals()
			sigma, ov := slices.Clone(fast.sigma), slices.Clone(fast.ov)
			tau := slices.Clone(plain.Base())
			// A cycle is solved to within its precision from slightly different inputs.
			tol := 1e-12
			if !fast.Acyclic() {
				tol = 1e-9
			}
			for i := 1; i < g.Len(); i++ {
				for _, x := range []float64{0, 1, rng.Float64(), tau[i]} {
					got, gotOK := fast.marginWithStrength(fast.pos[i], x)
					tau[i] = x
					want, wantOK := plain.Margin(lam, tau)
					tau[i] = plain.Base()[i]
					probes++
					if math.Abs(got-want) > tol || gotOK != wantOK {
						t.Errorf("debate %d, %s, weights %v: %s at %g: probe %v (converged %v), plain %v (converged %v)",
							di, sem, w, g.ID(i), x, got, gotOK, want, wantOK)
					}
				}
			}
			if !slices.Equal(fast.sigma, sigma) || !slices.Equal(fast.ov, ov) || !slices.Equal(fast.taus, fast.tau) {
				t.Errorf("debate %d, %s: the probes left the model changed", di, sem)
			}
		}
	}
	if probes < 5000 {
		t.Errorf("only %d probes compared", probes)
	}
}

// plainBounds is boundMargin the plain way: every node reached re-evaluated from all its
// parents, supporters taken from one bound and attackers from the other.
func plainBounds(m *Model, reach []int32, p int32) (lo, hi float64) {
	l, h := slices.Clone(m.sigma), slices.Clone(m.sigma)
	bound := func(q int32, tau float64, up bool) float64 {
		sup, att := l, h
		if up {
			sup, att = h, l
		}
		ps, pa, e := 1.0, 1.0, 0.0
		for k := m.inStart[q]; k < m.inStart[q+1]; k++ {
			s := m.inSrc[k]
			if m.inAtt[k] {
				pa *= 1 - m.w[s]*att[s]
				e -= m.w[s] * att[s]
			} else {
				ps *= 1 - m.w[s]*sup[s]
				e += m.w[s] * sup[s]
			}
		}
		if m.sem == DFQuAD {
			return clamp01(dfquad(tau, 1-ps, 1-pa))
		}
		return m.fromEnergy(tau, e)
	}
	for _, b := range reach {
		q := m.blockStart[b]
		tlo, thi := m.taus[q], m.taus[q]
		if q == p {
			tlo, thi = 0, 1
		}
		l[q], h[q] = bound(q, tlo, false), bound(q, thi, true)
	}
	t := m.taus[m.thesis]
	return l[m.thesis] - t, h[m.thesis] - t
}

// TestBoundMargin compares the bounds pushed along out-edges with the plain ones, and checks
// that they hold the margin at every strength of a fine grid.
func TestBoundMargin(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 55))
	checked := 0
	for di, d := range probeDebates(rng) {
		g := argument.NewGraph(d)
		w := randWeights(rng)
		full := w.Full(d.Categories)
		for _, sem := range graphSemantics {
			m := NewModel(g, sem)
			if !m.Acyclic() {
				continue // bounds are only taken on an acyclic reach
			}
			lambda := full.LambdaFor(g)
			margin, _ := m.Margin(lambda, nil)
			a := &analysis{g: g, m: m, sem: sem, cats: d.Categories, w: full, lambda: lambda, margin: margin}
			a.prepare()
			wk := &worker{a: a, m: m, conv: true}
			_, plain := plainMargins(g, w, sem)
			m.prepareRemovals()
			for i := 1; i < g.Len(); i++ {
				p := m.pos[i]
				wk.reach(p)
				lo, hi := wk.boundMargin(p)
				wantLo, wantHi := plainBounds(m, wk.blocks, p)
				where := fmt.Sprintf("debate %d, %s, weights %v, %s", di, sem, full, g.ID(i))
				if math.Abs(lo-wantLo) > 1e-12 || math.Abs(hi-wantHi) > 1e-12 {
					t.Errorf("%s: bounds [%v, %v], plain [%v, %v]", where, lo, hi, wantLo, wantHi)
				}
				for k := 0; k <= 20; k++ {
					x := float64(k) / 20
					if mg := plain(i-1, x); mg < lo-1e-12 || mg > hi+1e-12 {
						t.Errorf("%s: margin %v at %g outside the bounds [%v, %v]", where, mg, x, lo, hi)
					}
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d arguments' bounds checked", checked)
	}
}

// TestSensitivityProbesMatchPlainScan is the property that matters for the output: on the
// shared synthetic debates, with and without cycles, under random weights and every semantics,
// the argument flips found through the pushed-forward probes (scanning every argument, and
// with the shortcuts) are those of a plain scan that re-scores the whole graph at each probe.
// The weights are moved next to a category's flip so that the verdict is close and strengths
// do flip.
func TestSensitivityProbesMatchPlainScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 71))
	flips := 0
	for trial := range 24 {
		d := synth.Generate(synth.Options{Arguments: 20 + rng.IntN(100), Cycles: trial % 3 * 2, Seed: int64(trial)})
		g := argument.NewGraph(d)
		for _, sem := range AllSemantics {
			w := closeWeights(t, g, randWeights(rng), sem)
			slow := forceScan(t, g, w, sem)
			for _, opts := range []SensitivityOptions{
				{ArgSteps: 64, Workers: 1, scanAll: true},
				{ArgSteps: 64, Workers: 2},
			} {
				fast, err := AnalyzeSensitivity(g, w, sem, opts)
				if err != nil {
					t.Fatal(err)
				}
				for i, a := range fast.Arguments {
					if opts.scanAll {
						flips += len(a.Flips)
					}
					if !closeAll(flipAts(a.Flips), flipAts(slow[i]), FlipTolerance) {
						t.Errorf("trial %d, %s, weights %v, scan all %v: %s: %v, plain scan %v",
							trial, sem, fast.Weights, opts.scanAll, a.ID, a.Flips, slow[i])
					}
				}
			}
		}
	}
	t.Logf("%d argument flips compared", flips)
	if flips < 200 {
		t.Errorf("only %d argument flips compared", flips)
	}
}

// closeWeights moves w next to the first flip of one of its categories' weights, when there is
// one, so that the verdict is close.
func closeWeights(t *testing.T, g *argument.Graph, w Weights, sem Semantics) Weights {
	t.Helper()
	s, err := AnalyzeSensitivity(g, w, sem, SensitivityOptions{Steps: 64})
	if err != nil {
		t.Fatal(err)
	}
	w = s.Weights
	for _, c := range s.ByCategory {
		if len(c.Flips) > 0 {
			w[c.Category] = c.Flips[0].At * (1 + 1e-3)
			break
		}
	}
	return w
}

// FuzzStrengthProbe checks a probe pushed forward from the full solution against a plain
// re-scoring, on random debates under fuzzed strengths and semantics.
func FuzzStrengthProbe(f *testing.F) {
	f.Add(uint64(1), uint8(8), false, uint8(0), 0.5)
	f.Add(uint64(2), uint8(20), true, uint8(1), 0.0)
	f.Add(uint64(3), uint8(3), false, uint8(2), 1.0)
	f.Add(uint64(4), uint8(30), true, uint8(3), 0.999999)
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, cyclic bool, semIndex uint8, x float64) {
		if !(x >= 0 && x <= 1) {
			return
		}
		rng := rand.New(rand.NewPCG(seed, seed>>3))
		d := randomDebate(rng, 1+int(n%40), cyclic)
		g := argument.NewGraph(d)
		sem := graphSemantics[int(semIndex)%len(graphSemantics)]
		lam := randWeights(rng).LambdaFor(g)
		fast, plain := NewModel(g, sem), NewModel(g, sem)
		fast.Margin(lam, nil)
		fast.prepareRemovals()
		tau := slices.Clone(plain.Base())
		for i := 1; i < g.Len(); i++ {
			got, gotOK := fast.marginWithStrength(fast.pos[i], x)
			tau[i] = x
			want, wantOK := plain.Margin(lam, tau)
			tau[i] = plain.Base()[i]
			if gotOK && wantOK && math.Abs(got-want) > 1e-9 || gotOK != wantOK && fast.Acyclic() {
				t.Fatalf("%s, %s at %g: probe %v (converged %v), plain %v (converged %v)", sem, g.ID(i), x, got, gotOK, want, wantOK)
			}
		}
	})
}

// TestCyclesBelow checks the blocks marked as reaching a cycle against what each position's
// reach holds.
func TestCyclesBelow(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	marked := 0
	for k := range 12 {
		d := synth.Generate(synth.Options{Arguments: 30 + rng.IntN(60), Cycles: 1 + k%4, Seed: int64(k)})
		if k%2 == 1 {
			d = tangledDebate(rng, 10+rng.IntN(20), true)
		}
		m := NewModel(argument.NewGraph(d), DFQuAD)
		below := cyclesBelow(m)
		if m.Acyclic() || below == nil {
			t.Fatalf("debate %d: acyclic %v, marks %v", k, m.Acyclic(), below)
		}
		wk := &worker{m: m}
		for p := range int32(m.n) {
			wk.reach(p)
			want := false
			for _, b := range wk.blocks {
				want = want || m.blockCyc[b]
			}
			if got := below[m.blockOf[p]]; got != want {
				t.Errorf("debate %d, position %d: marked %v, a cycle in its reach %v", k, p, got, want)
			}
			if want {
				marked++
			}
		}
	}
	if marked == 0 {
		t.Error("no position reaches a cycle: the debates do not exercise the marks")
	}
	if cyclesBelow(NewModel(argument.NewGraph(synth.Generate(synth.Options{Arguments: 50})), DFQuAD)) != nil {
		t.Error("an acyclic graph has marks")
	}
}
