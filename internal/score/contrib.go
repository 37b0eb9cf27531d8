package score

// Contribution functions after Kampik, Potyka, Yin, Čyras and Toni, "Contribution functions for
// quantitative bipolar argumentation graphs: a principle-based analysis" (IJAR 2024). The topic
// is the thesis and what is explained is the margin σ(thesis) − τ(thesis), so that each value
// says how much an argument moves the verdict:
//
//   - removal: the margin minus the margin with the argument removed (its node and edges);
//   - restricted (the paper's intrinsic removal): the same, in the graph where the argument's
//     own supporters and attackers are cut off, so that it counts with its base strength and
//     what its answers do to it is theirs, not its;
//   - shapley: the Shapley value of the game whose players are the arguments with a path to the
//     thesis and whose value of a coalition S is the margin of the graph restricted to S and
//     the thesis. The values add up to the margin (the empty coalition leaves σ = τ);
//   - gradient: ∂margin/∂τ(argument), by central differences of step 1e-6 (one-sided at the
//     ends of [0, 1]), as the paper's reference implementation approximates it.
//
// The paper defines them on acyclic graphs. On a graph with cycles argmap applies the same
// definitions to the fixed point its solver reaches for each graph involved (restricted,
// removed, pinned or perturbed), so they inherit the solver's tolerance. Under Sum, which
// propagates nothing, the margin is additive: removal, restricted and Shapley are each
// argument's ±λ·τ and the gradient its ±λ.

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"strings"

	"github.com/argmap/argmap/internal/argument"
)

// ContributionFunc names a contribution function.
type ContributionFunc string

// The contribution functions argmap offers.
const (
	Shapley    ContributionFunc = "shapley"
	Removal    ContributionFunc = "removal"
	Restricted ContributionFunc = "restricted"
	Gradient   ContributionFunc = "gradient"
)

// AllContributionFuncs lists them in the order JSON writes them.
var AllContributionFuncs = []ContributionFunc{Shapley, Removal, Restricted, Gradient}

// DefaultContributionFunc explains verdicts unless another is asked for: its values add up to
// the margin, so a reader can weigh one side's list against the other's.
const DefaultContributionFunc = Shapley

// ParseContributionFunc reads a contribution function's name; the error lists the valid ones.
func ParseContributionFunc(s string) (ContributionFunc, error) {
	for _, f := range AllContributionFuncs {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(AllContributionFuncs))
	for i, f := range AllContributionFuncs {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown contribution function %q: use one of %s", s, strings.Join(names, ", "))
}

// Shapley values are exact (every coalition of the players) up to ExactShapleyPlayers players,
// and estimated by permutation sampling beyond: DefaultShapleySamples permutations, in
// antithetic pairs (a permutation and its reverse), from a fixed seed, so that the output is
// the same on every run.
const (
	ExactShapleyPlayers   = 20
	DefaultShapleySamples = 256
	ShapleySeed           = 14
)

// exactShapleyLimit is ExactShapleyPlayers; tests lower it to compare sampling with the exact
// values.
var exactShapleyLimit = ExactShapleyPlayers

// gradientStep is the step of the central differences.
const gradientStep = 1e-6

// ShapleyMethod says how the Shapley values were found.
type ShapleyMethod struct {
	Players int  // the arguments with a path to the thesis (every argument under Sum)
	Exact   bool // every coalition scored; else sampled
	Samples int  // permutations sampled (0 when exact)
	Seed    uint64
}

// Value is the contribution of a under f.
func (a ArgumentScore) Value(f ContributionFunc) float64 {
	switch f {
	case Shapley:
		return a.Shapley
	case Restricted:
		return a.Restricted
	case Gradient:
		return a.Gradient
	default:
		return a.Contribution
	}
}

// contributions fills the requested contribution functions of r, whose model m holds the full
// solution at r's weights. It reports whether every solve converged.
func (r *Result) contributions(m *Model, connected []bool, funcs []ContributionFunc, samples int) bool {
	ok := true
	want := func(f ContributionFunc) bool {
		for _, g := range funcs {
			if g == f {
				return true
			}
		}
		return false
	}
	if m.sem == Sum {
		for k := range r.Arguments {
			a := &r.Arguments[k]
			s := 1.0
			if a.Side == argument.Con {
				s = -1
			}
			a.Contribution = s * a.Lambda * a.Base
			if want(Restricted) {
				a.Restricted = a.Contribution
			}
			if want(Shapley) {
				a.Shapley = a.Contribution
			}
			if want(Gradient) {
				a.Gradient = s * a.Lambda
			}
		}
		if want(Shapley) {
			r.Shapley = &ShapleyMethod{Players: len(r.Arguments), Exact: true}
		}
		return true
	}
	full := m.margin()
	m.prepareRemovals()
	for k := range r.Arguments {
		i := k + 1
		if !connected[i] {
			continue
		}
		a := &r.Arguments[k]
		without, okW := m.marginWithout(i, full)
		ok = ok && okW
		a.Contribution = finite(full - without) // removal: always, as the JSON has always carried it
		if want(Restricted) {
			pinned, okP := m.marginPinned(i)
			ok = ok && okP
			a.Restricted = finite(pinned - without)
		}
		if want(Gradient) {
			p := m.pos[i]
			tau := m.taus[p]
			lo, hi := max(0, tau-gradientStep), min(1, tau+gradientStep)
			mlo, ok1 := m.marginWithStrength(p, lo)
			mhi, ok2 := m.marginWithStrength(p, hi)
			ok = ok && ok1 && ok2
			if hi > lo {
				a.Gradient = finite((mhi - mlo) / (hi - lo))
			}
		}
	}
	if want(Shapley) {
		var players []int32
		for i := 1; i < m.n; i++ {
			if connected[i] {
				players = append(players, m.pos[i])
			}
		}
		phi, se, method, okS := shapley(m.Clone(), m, players, samples)
		ok = ok && okS
		r.Shapley = &method
		for k, p := range players {
			a := &r.Arguments[m.node[p]-1]
			a.Shapley = finite(phi[k])
			if se != nil {
				a.ShapleySE = finite(se[k])
			}
		}
	}
	return ok
}

// marginPinned returns the margin with the supporters and attackers of the argument at node
// index i cut off from it (it keeps its base strength), given that the model holds the full
// solution and the aggregates of prepareRemovals. The model is left as it was.
func (m *Model) marginPinned(i int) (margin float64, ok bool) {
	p := m.pos[i]
	m.begin()
	if b := m.blockOf[p]; m.blockCyc[b] {
		m.pin = p
		m.enqueue(b)
	} else if m.sigma[p] != m.taus[p] {
		m.record(p)
		old := m.ov[p]
		m.set(p, m.taus[p])
		if m.ov[p] != old {
			m.push(p, old, m.ov[p])
		}
	}
	ok = m.propagate()
	margin = m.sigma[m.thesis] - m.taus[m.thesis]
	m.pin = -1
	m.restore()
	return margin, ok
}

// coalition scores the graph restricted to a set of players, changed one player at a time: a
// change is pushed forward from the player through its descendants, and committed (unlike a
// removal, which is undone). The aggregates of prepareRemovals are kept current as it goes.
type coalition struct {
	m    *Model
	lam  []float64 // by position: λ in the full graph
	olds []float64 // a cycle's outputs before it is solved again
	ok   bool
}

// shapley computes the Shapley values of the players (positions) on c, a clone of full that
// holds no solution yet; full holds the full solution. se is nil when exact.
func shapley(c, full *Model, players []int32, samples int) (phi, se []float64, method ShapleyMethod, ok bool) {
	n := len(players)
	method = ShapleyMethod{Players: n}
	if n == 0 {
		method.Exact = true
		return nil, nil, method, true
	}
	copy(c.w, full.w)
	copy(c.taus, full.taus)
	co := &coalition{m: c, lam: append([]float64(nil), full.w...), olds: make([]float64, max(c.maxBlock, 1)), ok: true}
	if n <= exactShapleyLimit {
		method.Exact = true
		phi = co.exact(players)
		return phi, nil, method, co.ok
	}
	if samples <= 0 {
		samples = DefaultShapleySamples
	}
	pairs := max(1, samples/2)
	method.Samples, method.Seed = 2*pairs, ShapleySeed
	phi, se = co.sampled(players, pairs, full.margin())
	return phi, se, method, co.ok
}

// resync solves the current coalition from scratch and records its aggregates afresh, so that
// committed changes do not pile up rounding.
func (co *coalition) resync() {
	m := co.m
	if !m.solveAll().Converged {
		co.ok = false
	}
	m.prepareRemovals()
}

// exact scores every coalition, visiting them in Gray-code order so that each differs from the
// one before by one player, then sums each player's weighted marginal contributions.
func (co *coalition) exact(players []int32) []float64 {
	m := co.m
	n := len(players)
	for _, p := range players {
		m.w[p] = 0
	}
	co.resync()
	v := make([]float64, 1<<n)
	v[0] = m.margin()
	mask := 0
	for k := 1; k < 1<<n; k++ {
		bit := bits.TrailingZeros(uint(k))
		mask ^= 1 << bit
		co.set(players[bit], mask&(1<<bit) != 0)
		if k%256 == 0 {
			co.resync()
		}
		v[mask] = m.margin()
	}
	// weight[s] = s!(n−s−1)!/n!, the chance that a random order puts exactly the s players of
	// one coalition before a given player.
	weight := make([]float64, n)
	for s := range n {
		weight[s] = math.Exp(lgamma(s+1) + lgamma(n-s) - lgamma(n+1))
	}
	phi := make([]float64, n)
	for s := range 1 << n {
		size := bits.OnesCount(uint(s))
		if size == n {
			continue // no player left out of it
		}
		ws := weight[size]
		for i := range n {
			if s&(1<<i) == 0 {
				phi[i] += ws * (v[s|1<<i] - v[s])
			}
		}
	}
	return phi
}

func lgamma(x int) float64 {
	l, _ := math.Lgamma(float64(x))
	return l
}

// sampled estimates the Shapley values from pairs of permutations: each is walked from the full
// graph down to the empty one, removing one player at a time, and a player is credited with the
// drop in the margin its removal causes (the reverse of adding it to the players after it). A
// permutation's credits add up to the margin exactly, so the estimates do too. The standard
// error is over the pairs' means.
func (co *coalition) sampled(players []int32, pairs int, margin float64) (phi, se []float64) {
	m := co.m
	n := len(players)
	co.resync()
	snap := co.snapshot()
	rng := rand.New(rand.NewPCG(ShapleySeed, uint64(n)))
	order := make([]int, n)
	for k := range order {
		order[k] = k
	}
	credit := make([]float64, n)
	sum, sumSq := make([]float64, n), make([]float64, n)
	walk := func(reverse bool) {
		co.restoreSnapshot(snap)
		prev := margin
		for k := range n {
			j := order[k]
			if reverse {
				j = order[n-1-k]
			}
			co.set(players[j], false)
			now := m.margin()
			credit[j] += prev - now
			prev = now
		}
	}
	for range pairs {
		rng.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
		clear(credit)
		walk(false)
		walk(true)
		for j, c := range credit {
			y := c / 2
			sum[j] += y
			sumSq[j] += y * y
		}
	}
	phi, se = make([]float64, n), make([]float64, n)
	for j := range n {
		mean := sum[j] / float64(pairs)
		phi[j] = mean
		if pairs > 1 {
			v := (sumSq[j] - float64(pairs)*mean*mean) / float64(pairs-1)
			se[j] = math.Sqrt(max(v, 0) / float64(pairs))
		}
	}
	return phi, se
}

// coalitionState is what a walk changes: restoring it starts the next walk from the full graph.
type coalitionState struct {
	sigma, ov, w, e, sProd, aProd []float64
	sZero, aZero                  []int32
}

func (co *coalition) snapshot() coalitionState {
	m, r := co.m, co.m.rm
	c := func(x []float64) []float64 { return append([]float64(nil), x...) }
	return coalitionState{sigma: c(m.sigma), ov: c(m.ov), w: c(m.w), e: c(r.e), sProd: c(r.sProd), aProd: c(r.aProd),
		sZero: append([]int32(nil), r.sZero...), aZero: append([]int32(nil), r.aZero...)}
}

func (co *coalition) restoreSnapshot(s coalitionState) {
	m, r := co.m, co.m.rm
	copy(m.sigma, s.sigma)
	copy(m.ov, s.ov)
	copy(m.w, s.w)
	copy(r.e, s.e)
	copy(r.sProd, s.sProd)
	copy(r.aProd, s.aProd)
	copy(r.sZero, s.sZero)
	copy(r.aZero, s.aZero)
}

// set puts the player at position p in the coalition or takes it out, and scores what that
// changes.
func (co *coalition) set(p int32, in bool) {
	m := co.m
	m.begin()
	if in {
		m.w[p] = co.lam[p]
	} else {
		m.w[p] = 0
	}
	if b := m.blockOf[p]; m.blockCyc[b] {
		m.enqueue(b)
	} else {
		old := m.ov[p]
		m.ov[p] = m.w[p] * m.sigma[p]
		co.pass(p, old, m.ov[p])
	}
	co.run()
}

// pass commits a change in what q passes on (old to now) to the aggregates of its children
// outside its block, and queues their blocks.
func (co *coalition) pass(q int32, old, now float64) {
	if old == now {
		return
	}
	m := co.m
	r := m.rm
	bq := m.blockOf[q]
	for k := m.outStart[q]; k < m.outStart[q+1]; k++ {
		d := m.outDst[k]
		bd := m.blockOf[d]
		if bd == bq {
			continue
		}
		if !m.blockCyc[bd] { // a cycle is solved from its parents' outputs, not from aggregates
			att := m.outAtt[k]
			switch {
			case m.sem != DFQuAD && att:
				r.e[d] -= now - old
			case m.sem != DFQuAD:
				r.e[d] += now - old
			case att:
				r.aProd[d], r.aZero[d] = swapFactor(r.aProd[d], r.aZero[d], 1-old, 1-now)
			default:
				r.sProd[d], r.sZero[d] = swapFactor(r.sProd[d], r.sZero[d], 1-old, 1-now)
			}
		}
		m.enqueue(bd)
	}
}

// run solves the queued blocks in evaluation order, passing each change on.
func (co *coalition) run() {
	m := co.m
	r := m.rm
	for len(r.heap) > 0 {
		b := m.pop()
		lo, hi := m.blockStart[b], m.blockStart[b+1]
		if !m.blockCyc[b] {
			var x float64
			if m.sem == DFQuAD {
				ps := product(r.sProd[lo], r.sZero[lo], 1, 0)
				pa := product(r.aProd[lo], r.aZero[lo], 1, 0)
				x = clamp01(dfquad(m.taus[lo], 1-ps, 1-pa))
			} else {
				x = m.fromEnergy(m.taus[lo], r.e[lo])
			}
			if x == m.sigma[lo] {
				continue
			}
			old := m.ov[lo]
			m.set(lo, x)
			co.pass(lo, old, m.ov[lo])
			continue
		}
		olds := co.olds[:hi-lo]
		copy(olds, m.ov[lo:hi])
		if !m.iterate(lo, hi).Converged {
			co.ok = false
		}
		for p := lo; p < hi; p++ {
			co.pass(p, olds[p-lo], m.ov[p])
		}
	}
}
