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

// limits are the solver bounds a model uses; tests lower them.
type limits struct {
	plain, steps int
	iterateAll   bool // solve every node as one block by iteration (tests compare it with one pass)
}

// Model is a graph compiled for repeated scoring under one semantics: incoming edges packed in
// arrays, an evaluation order fixed once, and scratch space reused by every call. It is the fast
// path for sensitivity analysis: Margin re-scores the whole graph in time linear in its edges
// (acyclic graphs) without allocating.
//
// A Model is not safe for concurrent use: its scratch space is shared. Give each goroutine its
// own Clone.
type Model struct {
	sem  Semantics
	cats []string // debate categories, then any other category an argument uses

	n    int
	cat  []int32   // per node: index into cats; -1 for the thesis
	tau  []float64 // per node: corpus strength; [0] is the thesis's base
	sign []float64 // per node: +1 pro, -1 con, 0 thesis

	inStart []int32 // incoming edges of node i are inSrc[inStart[i]:inStart[i+1]]
	inSrc   []int32
	inAtt   []bool // the edge is an attack

	outStart []int32 // outgoing edges, for finding what a removal changes
	outDst   []int32

	// Evaluation order: blocks in topological order of the condensation. A block is one node, or
	// a strongly connected component (a cycle) solved by iteration.
	order      []int32 // nodes, block by block
	blockStart []int32 // block b is order[blockStart[b]:blockStart[b+1]]
	blockCyc   []bool
	blockOf    []int32 // per node
	acyclic    bool
	maxBlock   int
	limits     limits

	scratch
}

// scratch is the per-call working memory of a Model.
type scratch struct {
	sigma  []float64 // per node: the result
	w      []float64 // per node: λ of its category, 0 for a removed node
	lamCat []float64 // per category
	taus   []float64 // per node: the τ in use
	buf    [5][]float64
	mark   []uint32 // per block: generation stamp for removal walks
	gen    uint32
	stack  []int32
	blocks []int32
	saved  []float64
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
	m.cat = make([]int32, n)
	m.tau = make([]float64, n)
	m.sign = make([]float64, n)
	m.cat[0] = -1
	m.tau[0] = g.Debate.Thesis.Base
	for i := 1; i < n; i++ {
		a := g.Argument(i)
		c := slices.Index(m.cats, a.Category)
		if c < 0 {
			m.cats = append(m.cats, a.Category)
			c = len(m.cats) - 1
		}
		m.cat[i] = int32(c)
		m.tau[i] = a.Strength
		if a.Side == argument.Con {
			m.sign[i] = -1
		} else {
			m.sign[i] = 1
		}
	}
	m.inStart = make([]int32, n+1)
	m.outStart = make([]int32, n+1)
	for i := range n {
		m.inStart[i+1] = m.inStart[i] + int32(len(g.In(i)))
		m.outStart[i+1] = m.outStart[i] + int32(len(g.Out(i)))
	}
	m.inSrc = make([]int32, m.inStart[n])
	m.inAtt = make([]bool, m.inStart[n])
	m.outDst = make([]int32, m.outStart[n])
	for i := range n {
		for k, e := range g.In(i) {
			m.inSrc[int(m.inStart[i])+k] = int32(e.Node)
			m.inAtt[int(m.inStart[i])+k] = e.Type == argument.Attack
		}
		for k, e := range g.Out(i) {
			m.outDst[int(m.outStart[i])+k] = int32(e.Node)
		}
	}
	m.plan(g)
	m.scratch = m.newScratch()
	return m
}

// plan fixes the evaluation order: the topological order when the graph is acyclic, else the
// strongly connected components in topological order of the graph they make.
func (m *Model) plan(g *argument.Graph) {
	n := m.n
	m.blockOf = make([]int32, n)
	if topo, ok := g.TopoOrder(); ok {
		m.acyclic = true
		m.order = make([]int32, n)
		m.blockStart = make([]int32, n+1)
		m.blockCyc = make([]bool, n)
		for b, v := range topo {
			m.order[b] = int32(v)
			m.blockStart[b+1] = int32(b + 1)
			m.blockOf[v] = int32(b)
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
		for k := m.outStart[v]; k < m.outStart[v+1]; k++ {
			if w := m.outDst[k]; comp[w] != comp[v] {
				indeg[comp[w]]++
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
			for k := m.outStart[v]; k < m.outStart[v+1]; k++ {
				if c := comp[m.outDst[k]]; c != queue[head] {
					indeg[c]--
					if indeg[c] == 0 {
						queue = append(queue, c)
					}
				}
			}
		}
	}
	m.order = make([]int32, 0, n)
	m.blockStart = make([]int32, 1, nc+1)
	m.blockCyc = make([]bool, 0, nc)
	for b, c := range queue {
		ms := members(c)
		for _, v := range ms {
			m.blockOf[v] = int32(b)
		}
		m.order = append(m.order, ms...)
		m.blockStart = append(m.blockStart, int32(len(m.order)))
		m.blockCyc = append(m.blockCyc, cyc[c])
		m.maxBlock = max(m.maxBlock, len(ms))
	}
}

func (m *Model) newScratch() scratch {
	s := scratch{
		sigma:  make([]float64, m.n),
		w:      make([]float64, m.n),
		lamCat: make([]float64, len(m.cats)),
		taus:   make([]float64, m.n),
		mark:   make([]uint32, len(m.blockCyc)),
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
	c.scratch = m.newScratch()
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
func (m *Model) Base() []float64 { return m.tau }

// Acyclic reports whether the graph has no cycle, so that one pass scores it exactly.
func (m *Model) Acyclic() bool { return m.acyclic }

// Margin scores the graph and returns σ(thesis) − τ(thesis) (for Sum: Σλ·τ over pro arguments
// minus the same over con arguments).
//
// lambda gives λ per category, already normalised (see Weights.Lambda); a category missing
// from it weighs 1. strength overrides τ per node index (len Len(), [0] the thesis's base); nil
// uses the corpus strengths. converged is false when a cycle hit the iteration bounds. It does
// not allocate.
func (m *Model) Margin(lambda map[string]float64, strength []float64) (margin float64, converged bool) {
	m.setLambda(lambda)
	m.setTau(strength)
	sol := m.solveAll()
	return m.margin(), sol.Converged
}

// Scores is Margin that also returns every node's score (owned by the model, valid until its
// next call) and the solution statistics.
func (m *Model) Scores(lambda map[string]float64, strength []float64) (sigma []float64, margin float64, sol Solution) {
	m.setLambda(lambda)
	m.setTau(strength)
	sol = m.solveAll()
	return m.sigma, m.margin(), sol
}

func (m *Model) setLambda(lambda map[string]float64) {
	for c, name := range m.cats {
		l, ok := lambda[name]
		if !ok {
			l = 1
		}
		m.lamCat[c] = l
	}
	m.w[0] = 0
	for i := 1; i < m.n; i++ {
		m.w[i] = m.lamCat[m.cat[i]]
	}
}

func (m *Model) setTau(strength []float64) {
	if strength == nil {
		copy(m.taus, m.tau)
		return
	}
	copy(m.taus, strength)
}

func (m *Model) margin() float64 {
	if m.sem == Sum {
		s := 0.0
		for i := 1; i < m.n; i++ {
			s += m.sign[i] * m.w[i] * m.taus[i]
		}
		return s
	}
	return m.sigma[argument.ThesisNode] - m.taus[argument.ThesisNode]
}

// solveAll scores every node, block by block.
func (m *Model) solveAll() Solution {
	if m.sem == Sum {
		copy(m.sigma, m.taus)
		return Solution{Converged: true, Iterations: 1}
	}
	if m.limits.iterateAll {
		return m.iterate(m.order)
	}
	if m.acyclic {
		for _, v := range m.order {
			m.sigma[v] = m.eval(v, m.sigma)
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

// solveBlock scores the nodes of block b, whose inputs from other blocks are already scored.
func (m *Model) solveBlock(b int) Solution {
	nodes := m.order[m.blockStart[b]:m.blockStart[b+1]]
	if !m.blockCyc[b] {
		v := nodes[0]
		m.sigma[v] = m.eval(v, m.sigma)
		return Solution{Converged: true, Iterations: 1}
	}
	return m.iterate(nodes)
}

// iterate finds the fixed point of σ = f(σ) over the nodes of a cycle, all updated together
// from their bases. Where plain iteration does not settle (it oscillates or crawls), the
// continuous form dσ/dt = f(σ) − σ is integrated with RK4 from the bases instead.
func (m *Model) iterate(nodes []int32) Solution {
	for _, v := range nodes {
		m.sigma[v] = m.taus[v]
	}
	next := m.buf[0][:len(nodes)]
	res, checkpoint := math.Inf(1), math.Inf(1)
	for it := 1; it <= m.limits.plain; it++ {
		res = 0
		for k, v := range nodes {
			next[k] = m.eval(v, m.sigma)
			res = max(res, math.Abs(next[k]-m.sigma[v]))
		}
		for k, v := range nodes {
			m.sigma[v] = next[k]
		}
		if res < precision {
			return Solution{Converged: true, Iterations: it, Residual: res}
		}
		if it%stallSpan == 0 {
			if res > 0.5*checkpoint {
				return m.settle(nodes, it, res)
			}
			checkpoint = res
		}
	}
	return m.settle(nodes, m.limits.plain, res)
}

// settle ends plain iteration that stopped making progress: settled enough when the last change
// is within Tolerance, else handed to the continuous form.
func (m *Model) settle(nodes []int32, sweeps int, res float64) Solution {
	if res < Tolerance {
		return Solution{Converged: true, Iterations: sweeps, Residual: res}
	}
	return m.integrate(nodes, sweeps)
}

// integrate runs RK4 on dσ/dt = f(σ) − σ over the nodes of a cycle, after sweeps rounds of
// plain iteration that did not settle.
func (m *Model) integrate(nodes []int32, sweeps int) Solution {
	n := len(nodes)
	x0 := m.buf[0][:n]
	k1, k2, k3, k4 := m.buf[1][:n], m.buf[2][:n], m.buf[3][:n], m.buf[4][:n]
	for k, v := range nodes {
		m.sigma[v] = m.taus[v]
		x0[k] = m.taus[v]
	}
	// deriv writes f(σ) − σ at the current m.sigma into d.
	deriv := func(d []float64) {
		for k, v := range nodes {
			d[k] = m.eval(v, m.sigma) - m.sigma[v]
		}
	}
	// set puts x0 + h·d into m.sigma.
	set := func(d []float64, h float64) {
		for k, v := range nodes {
			m.sigma[v] = x0[k] + h*d[k]
		}
	}
	const h = rk4Step
	res := math.Inf(1)
	for step := 1; step <= m.limits.steps; step++ {
		deriv(k1)
		set(k1, h/2)
		deriv(k2)
		set(k2, h/2)
		deriv(k3)
		set(k3, h)
		deriv(k4)
		res = 0
		for k, v := range nodes {
			x := x0[k] + h/6*(k1[k]+2*k2[k]+2*k3[k]+k4[k])
			x = math.Max(0, math.Min(1, x))
			res = max(res, math.Abs(x-x0[k]))
			x0[k] = x
			m.sigma[v] = x
		}
		if res < precision {
			return Solution{Converged: true, Iterations: sweeps + step, Residual: res}
		}
	}
	return Solution{Converged: res < Tolerance, Iterations: sweeps + m.limits.steps, Residual: res}
}

// eval is the semantics' update for node v given the current scores of its parents.
func (m *Model) eval(v int32, sigma []float64) float64 {
	tau := m.taus[v]
	lo, hi := m.inStart[v], m.inStart[v+1]
	if m.sem == DFQuAD {
		ps, pa := 1.0, 1.0
		for k := lo; k < hi; k++ {
			s := m.inSrc[k]
			x := 1 - m.w[s]*sigma[s]
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
		s := m.inSrc[k]
		if m.inAtt[k] {
			e -= m.w[s] * sigma[s]
		} else {
			e += m.w[s] * sigma[s]
		}
	}
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

// marginWithout returns the margin with node a removed (its node and edges dropped), given that
// the model holds the full solution and its margin. Only a's descendants can change, so only the blocks
// reachable from a's are solved again, in order; their scores are restored afterwards. ok is
// false when a cycle hit the iteration bounds.
func (m *Model) marginWithout(a int32, full float64) (margin float64, ok bool) {
	if m.sem == Sum {
		return full - m.sign[a]*m.w[a]*m.taus[a], true
	}
	m.gen++
	if m.gen == 0 { // wrapped: stamps from 2³² walks ago would look current
		clear(m.mark)
		m.gen = 1
	}
	start := m.blockOf[a]
	m.mark[start] = m.gen
	m.stack = append(m.stack[:0], start)
	m.blocks = m.blocks[:0]
	for len(m.stack) > 0 {
		b := m.stack[len(m.stack)-1]
		m.stack = m.stack[:len(m.stack)-1]
		m.blocks = append(m.blocks, b)
		for _, v := range m.order[m.blockStart[b]:m.blockStart[b+1]] {
			for k := m.outStart[v]; k < m.outStart[v+1]; k++ {
				if c := m.blockOf[m.outDst[k]]; m.mark[c] != m.gen {
					m.mark[c] = m.gen
					m.stack = append(m.stack, c)
				}
			}
		}
	}
	if m.mark[m.blockOf[argument.ThesisNode]] != m.gen {
		return full, true // no path to the thesis: removing a changes nothing there
	}
	slices.Sort(m.blocks)
	m.saved = m.saved[:0]
	for _, b := range m.blocks {
		for _, v := range m.order[m.blockStart[b]:m.blockStart[b+1]] {
			m.saved = append(m.saved, m.sigma[v])
		}
	}
	wa := m.w[a]
	m.w[a] = 0
	ok = true
	for _, b := range m.blocks {
		if !m.solveBlock(int(b)).Converged {
			ok = false
		}
	}
	margin = m.margin()
	m.w[a] = wa
	i := 0
	for _, b := range m.blocks {
		for _, v := range m.order[m.blockStart[b]:m.blockStart[b+1]] {
			m.sigma[v] = m.saved[i]
			i++
		}
	}
	return margin, ok
}
