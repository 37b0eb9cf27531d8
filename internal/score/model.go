package score

import (
	"math"
	"slices"

	"github.com/argmap/argmap/internal/argument"
)

// Tolerance is the largest change between two sweeps (or RK4 steps) at which a cycle counts as
// settled, and the margin within which the verdict is a tie.
const Tolerance = 1e-9

// precision is the change at which the solver stops early. It is finer than Tolerance because a
// last change of 1e-9 can leave an error of several 1e-9 when iteration converges slowly, and
// results are printed to 1e-9; a solve that runs out of bounds between the two still counts as
// converged.
const precision = 1e-12

// Solver limits. Plain iteration gives up on a cycle after maxPlain sweeps (or earlier when it
// stops shrinking), then the continuous form takes over for at most maxSteps RK4 steps of size
// rk4Step. Past both the result is reported as not converged.
const (
	maxPlain  = 1000
	stallSpan = 100 // sweeps between checks that plain iteration still makes progress
	maxSteps  = 20000
	rk4Step   = 0.5
)

// solveBudget bounds the node updates one cycle's solve may spend, so that a cycle of 10,000
// arguments costs about as much as the bounds above give a cycle of 50: a large cycle gets
// fewer sweeps and RK4 steps (never fewer than minSweeps and minSteps), and is reported as not
// converged if they do not settle it. contribBudget bounds the node updates that re-solving
// cycles for contributions may spend across all arguments; past it the rest are not computed.
const (
	solveBudget   = 20_000_000
	minSweeps     = 100
	minSteps      = 100
	contribBudget = 20_000_000
	// sensitivityBudget is contribBudget for sensitivity's probes of strengths, shared by
	// the workers.
	sensitivityBudget = 40_000_000
	// categoryBudget bounds the node updates of sensitivity's scans of category weights on a
	// cyclic graph, by coarsening the grid down to minCategorySteps.
	categoryBudget   = 60_000_000
	minCategorySteps = 16
)

// limits are the solver bounds a model uses; tests lower them.
type limits struct {
	plain, steps int
	iterateAll   bool // solve every node as one block by iteration (tests compare it with one pass)
}

// Model is a graph compiled for repeated scoring under one semantics. Nodes are renumbered in
// evaluation order (their position), so that one pass reads the packed arrays front to back;
// each source's influence λ·σ is kept beside its score so that an edge costs one lookup. It is
// the fast path for sensitivity analysis: Margin re-scores the whole graph in time linear in
// its edges (acyclic graphs) without allocating.
//
// A Model is not safe for concurrent use: its scratch space is shared. Give each goroutine its
// own Clone.
type Model struct {
	sem  Semantics
	cats []string // debate categories, then any other category an argument uses

	n       int
	thesis  int32     // position of the thesis
	node    []int32   // node index at each position
	pos     []int32   // position of each node index
	tauNode []float64 // corpus strengths by node index; [0] is the thesis's base

	// By position.
	cat  []int32   // index into cats; -1 for the thesis
	tau  []float64 // corpus strength
	sign []float64 // +1 pro, -1 con, 0 thesis

	inStart []int32 // incoming edges of position p are inSrc[inStart[p]:inStart[p+1]]
	inSrc   []int32 // source positions
	inAtt   []bool  // the edge is an attack

	outStart []int32 // outgoing edges, for passing on what a removal changes
	outDst   []int32
	outAtt   []bool

	// Blocks in topological order of the condensation: a block is one node, or a strongly
	// connected component (a cycle) solved by iteration. Block b holds the positions
	// blockStart[b] to blockStart[b+1]-1.
	blockStart []int32
	blockCyc   []bool
	blockOf    []int32 // by position
	acyclic    bool
	maxBlock   int
	limits     limits
	work       int64 // node updates spent solving cycles, for contribBudget

	scratch
}

// scratch is the per-call working memory of a Model.
type scratch struct {
	sigma  []float64 // by position: the scores
	ov     []float64 // by position: w·σ, what the node passes on
	w      []float64 // by position: λ of its category, 0 for the thesis and a removed node
	taus   []float64 // by position: the τ in use
	out    []float64 // by node index: the scores, for Scores
	lamCat []float64 // per category
	buf    [5][]float64
	rm     *removal // contributions' working memory, made on first use
	pin    int32    // a position in a cycle whose parents are cut off (restricted removal); -1 for none
	bt     *batch   // batched scoring's working memory, made on first use
}

// Solution says how a solve went.
type Solution struct {
	Converged  bool
	Iterations int     // 1 for an exact pass; sweeps plus RK4 steps for the worst cycle
	Residual   float64 // largest change in the last sweep or step (0 for an exact pass)
}

// NewModel compiles g for scoring under sem, which must be one of AllSemantics.
func NewModel(g *argument.Graph, sem Semantics) *Model {
	if !sem.Valid() {
		panic("score: unknown semantics " + string(sem))
	}
	n := g.Len()
	m := &Model{sem: sem, n: n, limits: limits{plain: maxPlain, steps: maxSteps}}
	m.cats = append([]string(nil), g.Debate.Categories...)
	m.plan(g)
	m.pos = make([]int32, n)
	for p, v := range m.node {
		m.pos[v] = int32(p)
	}
	m.thesis = m.pos[argument.ThesisNode]

	m.tauNode = make([]float64, n)
	m.cat = make([]int32, n)
	m.tau = make([]float64, n)
	m.sign = make([]float64, n)
	m.inStart = make([]int32, n+1)
	m.outStart = make([]int32, n+1)
	for p, v := range m.node {
		m.inStart[p+1] = m.inStart[p] + int32(len(g.In(int(v))))
		m.outStart[p+1] = m.outStart[p] + int32(len(g.Out(int(v))))
	}
	m.inSrc = make([]int32, m.inStart[n])
	m.inAtt = make([]bool, m.inStart[n])
	m.outDst = make([]int32, m.outStart[n])
	m.outAtt = make([]bool, m.outStart[n])
	for p, v := range m.node {
		a := g.Argument(int(v))
		switch {
		case a == nil:
			m.cat[p] = -1
			m.tau[p] = g.Debate.Thesis.Base
		default:
			c := slices.Index(m.cats, a.Category)
			if c < 0 {
				m.cats = append(m.cats, a.Category)
				c = len(m.cats) - 1
			}
			m.cat[p] = int32(c)
			m.tau[p] = a.Strength
			m.sign[p] = 1
			if a.Side == argument.Con {
				m.sign[p] = -1
			}
		}
		m.tauNode[v] = m.tau[p]
		for k, e := range g.In(int(v)) {
			m.inSrc[int(m.inStart[p])+k] = m.pos[e.Node]
			m.inAtt[int(m.inStart[p])+k] = e.Type == argument.Attack
		}
		for k, e := range g.Out(int(v)) {
			m.outDst[int(m.outStart[p])+k] = m.pos[e.Node]
			m.outAtt[int(m.outStart[p])+k] = e.Type == argument.Attack
		}
	}
	m.scratch = m.newScratch()
	return m
}

// plan fixes the evaluation order (m.node) and the blocks: the topological order when the graph
// is acyclic, else the strongly connected components in topological order of the graph they
// make.
func (m *Model) plan(g *argument.Graph) {
	n := m.n
	m.blockOf = make([]int32, n)
	if topo, ok := g.TopoOrder(); ok {
		m.acyclic = true
		m.node = make([]int32, n)
		m.blockStart = make([]int32, n+1)
		m.blockCyc = make([]bool, n)
		for b, v := range topo {
			m.node[b] = int32(v)
			m.blockStart[b+1] = int32(b + 1)
			m.blockOf[b] = int32(b)
		}
		m.maxBlock = 1
		return
	}
	// Components: each cycle is one, every other node its own. Members are kept flat
	// (compStart/compNodes) so that 100,000 singletons cost no allocation each.
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	cycles := g.Cycles()
	var cyc []bool
	for id, c := range cycles {
		for _, v := range c {
			comp[v] = int32(id)
		}
		cyc = append(cyc, true)
	}
	nc := len(cycles)
	for i := range n {
		if comp[i] < 0 {
			comp[i] = int32(nc)
			nc++
			cyc = append(cyc, false)
		}
	}
	compStart := make([]int32, nc+1)
	for _, c := range comp {
		compStart[c+1]++
	}
	for c := range nc {
		compStart[c+1] += compStart[c]
	}
	compNodes := make([]int32, n)
	fill := append([]int32(nil), compStart[:nc]...)
	for v, c := range comp { // in index order, so each component lists its nodes sorted
		compNodes[fill[c]] = int32(v)
		fill[c]++
	}
	members := func(c int32) []int32 { return compNodes[compStart[c]:compStart[c+1]] }

	// Kahn's algorithm on the condensation, seeded by the smallest node of each component so
	// that the order is stable.
	indeg := make([]int32, nc)
	for v := range n {
		for _, e := range g.Out(v) {
			if comp[e.Node] != comp[v] {
				indeg[comp[e.Node]]++
			}
		}
	}
	queue := make([]int32, 0, nc)
	for v := range n {
		if c := comp[v]; indeg[c] == 0 && members(c)[0] == int32(v) {
			queue = append(queue, c)
		}
	}
	for head := 0; head < len(queue); head++ {
		for _, v := range members(queue[head]) {
			for _, e := range g.Out(int(v)) {
				if c := comp[e.Node]; c != queue[head] {
					indeg[c]--
					if indeg[c] == 0 {
						queue = append(queue, c)
					}
				}
			}
		}
	}
	m.node = make([]int32, 0, n)
	m.blockStart = make([]int32, 1, nc+1)
	m.blockCyc = make([]bool, 0, nc)
	for b, c := range queue {
		ms := members(c)
		for k := range ms {
			m.blockOf[len(m.node)+k] = int32(b)
		}
		m.node = append(m.node, ms...)
		m.blockStart = append(m.blockStart, int32(len(m.node)))
		m.blockCyc = append(m.blockCyc, cyc[c])
		m.maxBlock = max(m.maxBlock, len(ms))
	}
}

func (m *Model) newScratch() scratch {
	s := scratch{
		sigma:  make([]float64, m.n),
		ov:     make([]float64, m.n),
		w:      make([]float64, m.n),
		taus:   make([]float64, m.n),
		out:    make([]float64, m.n),
		lamCat: make([]float64, len(m.cats)),
		pin:    -1,
	}
	if size := m.maxBlock; !m.acyclic || m.limits.iterateAll {
		if m.limits.iterateAll {
			size = m.n
		}
		for k := range s.buf {
			s.buf[k] = make([]float64, size)
		}
	}
	return s
}

// Clone returns a Model that shares the compiled graph and has its own scratch space, for use
// on another goroutine.
func (m *Model) Clone() *Model {
	c := *m
	c.scratch = m.newScratch() // its own scores, buffers and removal memory
	return &c
}

// Semantics is the semantics the model scores with.
func (m *Model) Semantics() Semantics { return m.sem }

// Categories lists the categories λ is looked up for: the debate's, in order, then any other an
// argument uses (which weighs 1 unless given).
func (m *Model) Categories() []string { return m.cats }

// Len is the number of nodes, the thesis included; strength overrides are indexed by node.
func (m *Model) Len() int { return m.n }

// Base returns the corpus strengths by node index, [0] being the thesis's base. The slice is
// the model's own: copy it before changing it.
func (m *Model) Base() []float64 { return m.tauNode }

// Acyclic reports whether the graph has no cycle, so that one pass scores it exactly.
func (m *Model) Acyclic() bool { return m.acyclic }

// Margin scores the graph and returns σ(thesis) − τ(thesis) (for Sum: Σλ·τ over pro arguments
// minus the same over con arguments).
//
// lambda gives λ per category, already normalised (see Weights.LambdaFor); a category missing
// from it weighs 1. strength overrides τ per node index (len Len(), [0] the thesis's base); nil
// uses the corpus strengths. converged is false when a cycle hit the iteration bounds. It does
// not allocate.
func (m *Model) Margin(lambda map[string]float64, strength []float64) (margin float64, converged bool) {
	m.setLambda(lambda)
	m.setTau(strength)
	sol := m.solveAll()
	return m.margin(), sol.Converged
}

// Scores is Margin that also returns every node's score by node index (owned by the model,
// valid until its next call) and the solution statistics.
func (m *Model) Scores(lambda map[string]float64, strength []float64) (sigma []float64, margin float64, sol Solution) {
	m.setLambda(lambda)
	m.setTau(strength)
	sol = m.solveAll()
	for p, v := range m.node {
		m.out[v] = m.sigma[p]
	}
	return m.out, m.margin(), sol
}

// lambdaOf is the λ in use for the argument at node index i.
func (m *Model) lambdaOf(i int) float64 { return m.w[m.pos[i]] }

func (m *Model) setLambda(lambda map[string]float64) {
	for c, name := range m.cats {
		l, ok := lambda[name]
		if !ok {
			l = 1
		}
		m.lamCat[c] = l
	}
	for p, c := range m.cat {
		if c < 0 {
			m.w[p] = 0
		} else {
			m.w[p] = m.lamCat[c]
		}
	}
}

// lambdaByCat puts in dst the λ of each of m.cats, 1 for one missing from lambda, as
// setLambda does. setLambda keeps its own loop: calling this one would make Margin too big for
// the compiler to inline setTau and margin into it, which costs Sum's scans a tenth.
func (m *Model) lambdaByCat(lambda map[string]float64, dst []float64) {
	for c, name := range m.cats {
		l, ok := lambda[name]
		if !ok {
			l = 1
		}
		dst[c] = l
	}
}

func (m *Model) setTau(strength []float64) {
	if strength == nil {
		copy(m.taus, m.tau)
		return
	}
	for p, v := range m.node {
		m.taus[p] = strength[v]
	}
}

func (m *Model) margin() float64 {
	if m.sem == Sum {
		s := 0.0
		for p := range m.n {
			s += m.sign[p] * m.w[p] * m.taus[p]
		}
		return s
	}
	return m.sigma[m.thesis] - m.taus[m.thesis]
}

// set records the score of position p and what it passes on.
func (m *Model) set(p int32, x float64) {
	m.sigma[p] = x
	m.ov[p] = m.w[p] * x
}

// solveAll scores every node, block by block.
func (m *Model) solveAll() Solution {
	if m.sem == Sum {
		copy(m.sigma, m.taus)
		return Solution{Converged: true, Iterations: 1}
	}
	if m.limits.iterateAll {
		return m.iterate(0, int32(m.n))
	}
	if m.acyclic {
		for p := range int32(m.n) {
			m.set(p, m.eval(p))
		}
		return Solution{Converged: true, Iterations: 1}
	}
	sol := Solution{Converged: true, Iterations: 1}
	for b := range m.blockCyc {
		sol = merge(sol, m.solveBlock(b))
	}
	return sol
}

func merge(a, b Solution) Solution {
	return Solution{
		Converged:  a.Converged && b.Converged,
		Iterations: max(a.Iterations, b.Iterations),
		Residual:   max(a.Residual, b.Residual),
	}
}

// solveBlock scores the positions of block b, whose inputs from other blocks are scored.
func (m *Model) solveBlock(b int) Solution {
	lo, hi := m.blockStart[b], m.blockStart[b+1]
	if !m.blockCyc[b] {
		m.set(lo, m.eval(lo))
		return Solution{Converged: true, Iterations: 1}
	}
	return m.iterate(lo, hi)
}

// iterate finds the fixed point of σ = f(σ) over the positions lo to hi-1 (a cycle), all
// updated together from their bases. Where plain iteration does not settle (it oscillates or
// crawls), the continuous form dσ/dt = f(σ) − σ is integrated with RK4 from the bases instead.
func (m *Model) iterate(lo, hi int32) Solution {
	for p := lo; p < hi; p++ {
		m.set(p, m.taus[p])
	}
	next := m.buf[0][:hi-lo]
	res, checkpoint := math.Inf(1), math.Inf(1)
	size := int(hi - lo)
	plain := min(m.limits.plain, max(minSweeps, solveBudget/size))
	for it := 1; it <= plain; it++ {
		m.work += int64(size)
		res = 0
		for p := lo; p < hi; p++ {
			next[p-lo] = m.evalPinned(p)
			res = max(res, math.Abs(next[p-lo]-m.sigma[p]))
		}
		for p := lo; p < hi; p++ {
			m.set(p, next[p-lo])
		}
		if res < precision {
			return Solution{Converged: true, Iterations: it, Residual: res}
		}
		if it%stallSpan == 0 {
			if res > 0.5*checkpoint {
				return m.settle(lo, hi, it, res)
			}
			checkpoint = res
		}
	}
	return m.settle(lo, hi, plain, res)
}

// settle ends plain iteration that stopped making progress: settled enough when the last change
// is within Tolerance, else handed to the continuous form.
func (m *Model) settle(lo, hi int32, sweeps int, res float64) Solution {
	if res < Tolerance {
		return Solution{Converged: true, Iterations: sweeps, Residual: res}
	}
	return m.integrate(lo, hi, sweeps)
}

// integrate runs RK4 on dσ/dt = f(σ) − σ over the positions lo to hi-1 (a cycle), after
// sweeps rounds of plain iteration that did not settle.
func (m *Model) integrate(lo, hi int32, sweeps int) Solution {
	n := hi - lo
	x0 := m.buf[0][:n]
	k1, k2, k3, k4 := m.buf[1][:n], m.buf[2][:n], m.buf[3][:n], m.buf[4][:n]
	for p := lo; p < hi; p++ {
		m.set(p, m.taus[p])
		x0[p-lo] = m.taus[p]
	}
	// deriv writes f(σ) − σ at the current scores into d.
	deriv := func(d []float64) {
		for p := lo; p < hi; p++ {
			d[p-lo] = m.evalPinned(p) - m.sigma[p]
		}
	}
	// move puts x0 + h·d into the scores.
	move := func(d []float64, h float64) {
		for p := lo; p < hi; p++ {
			m.set(p, x0[p-lo]+h*d[p-lo])
		}
	}
	const h = rk4Step
	res := math.Inf(1)
	steps := min(m.limits.steps, max(minSteps, solveBudget/(4*int(n))))
	for step := 1; step <= steps; step++ {
		m.work += 4 * int64(n)
		deriv(k1)
		move(k1, h/2)
		deriv(k2)
		move(k2, h/2)
		deriv(k3)
		move(k3, h)
		deriv(k4)
		res = 0
		for p := lo; p < hi; p++ {
			k := p - lo
			x := x0[k] + h/6*(k1[k]+2*k2[k]+2*k3[k]+k4[k])
			x = math.Max(0, math.Min(1, x))
			res = max(res, math.Abs(x-x0[k]))
			x0[k] = x
			m.set(p, x)
		}
		if res < precision {
			return Solution{Converged: true, Iterations: sweeps + step, Residual: res}
		}
	}
	return Solution{Converged: res < Tolerance, Iterations: sweeps + steps, Residual: res}
}

// evalPinned is eval for a position in a cycle: a pinned one keeps its base strength.
func (m *Model) evalPinned(p int32) float64 {
	if p == m.pin {
		return m.taus[p]
	}
	return m.eval(p)
}

// eval is the semantics' update for position p given what its parents pass on now.
func (m *Model) eval(p int32) float64 {
	tau := m.taus[p]
	lo, hi := m.inStart[p], m.inStart[p+1]
	if m.sem == DFQuAD {
		ps, pa := 1.0, 1.0
		for k := lo; k < hi; k++ {
			x := 1 - m.ov[m.inSrc[k]]
			if m.inAtt[k] {
				pa *= x
			} else {
				ps *= x
			}
		}
		return clamp01(dfquad(tau, 1-ps, 1-pa))
	}
	e := 0.0
	for k := lo; k < hi; k++ {
		if m.inAtt[k] {
			e -= m.ov[m.inSrc[k]]
		} else {
			e += m.ov[m.inSrc[k]]
		}
	}
	return m.fromEnergy(tau, e)
}

// fromEnergy is the energy-based semantics' score for base tau and energy e.
func (m *Model) fromEnergy(tau, e float64) float64 {
	if e == 0 { // no parents, or none with any weight: exactly the base, free of rounding
		return tau
	}
	switch m.sem {
	case QuadraticEnergy:
		return clamp01(quadEnergy(tau, e))
	case Euler:
		return clamp01(euler(tau, e))
	default:
		return clamp01(mlp(tau, e))
	}
}

func clamp01(x float64) float64 {
	if !(x > 0) { // NaN included; cannot happen with valid inputs, but never let it out
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}
