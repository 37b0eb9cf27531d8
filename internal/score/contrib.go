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
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

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
// the same on every run. Past ShapleyBudget / DefaultShapleySamples players (10,000) the
// default count shrinks so that the walks remove at most ShapleyBudget players in all (26
// permutations at 100,000), never below MinShapleySamples: a debate of 100,000 arguments is
// still scored in seconds, with wider standard errors.
const (
	ExactShapleyPlayers   = 20
	DefaultShapleySamples = 256
	ShapleyBudget         = 2_560_000
	MinShapleySamples     = 16
	ShapleySeed           = 14
)

// DefaultSamples is the permutation count used for n players when none is asked for.
func DefaultSamples(n int) int {
	s := DefaultShapleySamples
	if n > 0 && n*s > ShapleyBudget {
		s = max(MinShapleySamples, ShapleyBudget/n)
	}
	return s + s%2 // walked in pairs
}

// ExactShapleyCyclic is the limit on a graph with cycles, where every coalition solves a cycle
// again by iteration (up to a thousand sweeps) rather than updating a few nodes.
const ExactShapleyCyclic = 12

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
	// Each removal that reaches a cycle solves it again: a cycle of thousands would take
	// minutes. Past the budget the remaining contributions that reach a cycle are left at 0
	// and said so.
	skipped, work0, below := 0, m.work, cyclesBelow(m)
	defer func() {
		if skipped > 0 {
			r.Warnings = append(r.Warnings, fmt.Sprintf(
				"the contributions of %d arguments were not computed (shown as 0): removing each means solving a large cycle again, past argmap's bound of %d node updates; the scores and the verdict do not depend on them",
				skipped, contribBudget))
		}
	}()
	for k := range r.Arguments {
		i := k + 1
		if !connected[i] {
			continue
		}
		if below != nil && below[m.blockOf[m.pos[i]]] && m.work-work0 > contribBudget {
			skipped++
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
		phi, se, method, okS := shapley(m, players, samples)
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

	// A graph of at most 64 blocks queues them in a bit set rather than the model's heap: the
	// exact values of a small debate take a million changes, and this is most of their cost.
	small bool
	dirty uint64

	// Sampling: the full graph's state, and a walk's order and credits.
	snap   coalitionState
	order  []int
	credit []float64
}

// shapleyChunks is how many pieces the work is cut into. It is fixed, not the number of
// processors, so that every piece starts from the same state on every machine and the values
// come out the same to the last bit.
const shapleyChunks = 8

// shapley computes the Shapley values of the players (positions); full holds the full solution.
// The work is shared among up to GOMAXPROCS goroutines, each with its own Clone of full. se is
// nil when exact.
func shapley(full *Model, players []int32, samples int) (phi, se []float64, method ShapleyMethod, ok bool) {
	n := len(players)
	method = ShapleyMethod{Players: n}
	if n == 0 {
		method.Exact = true
		return nil, nil, method, true
	}
	lam := append([]float64(nil), full.w...)
	workers := min(runtime.GOMAXPROCS(0), shapleyChunks)
	cos := make([]*coalition, workers)
	for k := range cos {
		c := full.Clone()
		copy(c.w, full.w)
		copy(c.taus, full.taus)
		cos[k] = &coalition{m: c, lam: lam, olds: make([]float64, max(c.maxBlock, 1)), ok: true, small: len(c.blockCyc) <= 64}
	}
	limit := exactShapleyLimit
	if !full.acyclic {
		limit = min(limit, ExactShapleyCyclic)
	}
	if n <= limit {
		method.Exact = true
		v := make([]float64, 1<<n)
		chunk := max(1, (1<<n)/shapleyChunks)
		parallel(cos, (1<<n+chunk-1)/chunk, func(co *coalition, c int) {
			co.values(players, v, c*chunk, min((c+1)*chunk, 1<<n))
		})
		phi = shapleyFromValues(v, n)
	} else {
		if samples <= 0 {
			samples = DefaultSamples(n)
		}
		pairs := max(1, samples/2)
		method.Samples, method.Seed = 2*pairs, ShapleySeed
		sums := make([][2][]float64, shapleyChunks) // per chunk: Σ and Σ² of the pairs' credits
		for c := range sums {
			sums[c] = [2][]float64{make([]float64, n), make([]float64, n)}
		}
		for _, co := range cos {
			co.resync()
			co.snap = co.snapshot()
		}
		parallel(cos, shapleyChunks, func(co *coalition, c int) {
			for p := c; p < pairs; p += shapleyChunks {
				co.pair(players, p, full.margin(), sums[c][0], sums[c][1])
			}
		})
		phi, se = make([]float64, n), make([]float64, n)
		for j := range n {
			sum, sumSq := 0.0, 0.0
			for c := range sums { // in chunk order, whichever goroutine did them
				sum += sums[c][0][j]
				sumSq += sums[c][1][j]
			}
			mean := sum / float64(pairs)
			phi[j] = mean
			if pairs > 1 {
				v := (sumSq - float64(pairs)*mean*mean) / float64(pairs-1)
				se[j] = math.Sqrt(max(v, 0) / float64(pairs))
			}
		}
	}
	ok = true
	for _, co := range cos {
		ok = ok && co.ok
	}
	return phi, se, method, ok
}

// parallel runs do on the chunks 0 to chunks-1, each coalition (one per goroutine) taking the
// next chunk left.
func parallel(cos []*coalition, chunks int, do func(co *coalition, c int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for _, co := range cos {
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				do(co, c)
			}
		})
	}
	wg.Wait()
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

// gray is the k-th coalition in Gray-code order: each differs from the one before by one player.
func gray(k int) int { return k ^ k>>1 }

// values scores the coalitions gray(k) for k from lo to hi-1 into v (indexed by coalition), from
// a fresh solve of the first, each next one changed by its one player.
func (co *coalition) values(players []int32, v []float64, lo, hi int) {
	m := co.m
	start := gray(lo)
	for j, p := range players {
		if start&(1<<j) != 0 {
			m.w[p] = co.lam[p]
		} else {
			m.w[p] = 0
		}
	}
	co.resync()
	v[start] = m.margin()
	for k := lo + 1; k < hi; k++ {
		bit := bits.TrailingZeros(uint(k))
		mask := gray(k)
		co.set(players[bit], mask&(1<<bit) != 0)
		if (k-lo)%256 == 0 {
			co.resync()
		}
		v[mask] = m.margin()
	}
}

// shapleyFromValues turns the values of every coalition of n players into Shapley values.
func shapleyFromValues(v []float64, n int) []float64 {
	// weight[s] = s!(n−s−1)!/n!, the chance that a random order puts exactly the s players of
	// one coalition before a given player; 0 past n−1, where no player is left to add.
	weight := make([]float64, n+2)
	for s := range n {
		weight[s+1] = math.Exp(lgamma(s+1) + lgamma(n-s) - lgamma(n+1))
	}
	// φ_i = Σ_{T∋i} v(T)·weight(|T|−1) − Σ_{T∌i} v(T)·weight(|T|)
	//     = Σ_{T∋i} c(T) − B, with c(T) = v(T)·(weight(|T|−1) + weight(|T|)) and B = Σ_T v(T)·weight(|T|).
	// The sums over the coalitions holding i are taken through the low and the high half of
	// the bits apart, which costs 2ⁿ rather than n·2ⁿ⁻¹.
	lo := n / 2
	sumLo, sumHi := make([]float64, 1<<lo), make([]float64, 1<<(n-lo))
	total := 0.0
	for h := range 1 << (n - lo) {
		acc := 0.0
		for l := range 1 << lo {
			t := h<<lo | l
			size := bits.OnesCount(uint(t))
			c := v[t] * (weight[size] + weight[size+1])
			sumLo[l] += c
			acc += c
			total += v[t] * weight[size+1]
		}
		sumHi[h] = acc
	}
	phi := make([]float64, n)
	for l, c := range sumLo {
		for i := range lo {
			if l&(1<<i) != 0 {
				phi[i] += c
			}
		}
	}
	for h, c := range sumHi {
		for i := lo; i < n; i++ {
			if h&(1<<(i-lo)) != 0 {
				phi[i] += c
			}
		}
	}
	for i := range phi {
		phi[i] -= total
	}
	return phi
}

func lgamma(x int) float64 {
	l, _ := math.Lgamma(float64(x))
	return l
}

// pair walks permutation number p of the sample and its reverse, each from the full graph down
// to the empty one, removing one player at a time; a player is credited with the drop in the
// margin its removal causes (the reverse of adding it to the players after it). A walk's
// credits add up to the margin exactly, so the estimates do too. The pair's mean credits, and
// their squares for the standard error, are added to sum and sumSq. Permutation p comes from a
// generator seeded by ShapleySeed and p alone, so it does not depend on who walks it.
func (co *coalition) pair(players []int32, p int, margin float64, sum, sumSq []float64) {
	m := co.m
	n := len(players)
	if cap(co.order) < n {
		co.order, co.credit = make([]int, n), make([]float64, n)
	}
	order, credit := co.order[:n], co.credit[:n]
	for k := range order {
		order[k] = k
	}
	rng := rand.New(rand.NewPCG(ShapleySeed, uint64(p)))
	rng.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
	clear(credit)
	for _, reverse := range [2]bool{false, true} {
		co.restoreSnapshot(co.snap)
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
	for j, c := range credit {
		y := c / 2
		sum[j] += y
		sumSq[j] += y * y
	}
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
	if !co.small {
		m.begin()
	}
	if in {
		m.w[p] = co.lam[p]
	} else {
		m.w[p] = 0
	}
	if b := m.blockOf[p]; m.blockCyc[b] {
		co.enqueue(b)
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
		co.enqueue(bd)
	}
}

func (co *coalition) enqueue(b int32) {
	if co.small {
		co.dirty |= 1 << b
		return
	}
	co.m.enqueue(b)
}

// next takes the earliest queued block, or reports that none is left.
func (co *coalition) next() (int32, bool) {
	if co.small {
		if co.dirty == 0 {
			return 0, false
		}
		b := int32(bits.TrailingZeros64(co.dirty))
		co.dirty &^= 1 << b
		return b, true
	}
	if len(co.m.rm.heap) == 0 {
		return 0, false
	}
	return co.m.pop(), true
}

// run solves the queued blocks in evaluation order, passing each change on.
func (co *coalition) run() {
	m := co.m
	r := m.rm
	for {
		b, ok := co.next()
		if !ok {
			return
		}
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
