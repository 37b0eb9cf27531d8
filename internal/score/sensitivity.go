package score

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
)

// Sensitivity analysis: how far each category's weight, and each argument's strength, can move
// before the verdict changes. What counts as a flip is documented on Flip.
//
// Flips are found by evaluating the margin on a grid and bisecting every grid step whose ends
// disagree; two flips closer together than one grid step can be missed. Under Sum the flips
// come from the closed form instead (see sumCategoryFlip and sumArgumentFlip). For an argument
// whose every path to the thesis has the same sign on an acyclic graph the margin is monotone in
// its strength, so its two ends decide whether it flips at all; for any other argument on an
// acyclic graph, bounds carried through what it reaches (see boundMargin) rule out a flip
// before any scan when they can.

// Sensitivity defaults and limits.
const (
	// FlipTolerance is how closely a flip is located: the bracket it lies in is narrower.
	FlipTolerance = 1e-6

	DefaultRangeFrom = 0.0
	DefaultRangeTo   = 10.0

	defaultSteps    = 256 // grid steps across the weight range
	defaultArgSteps = 32  // grid steps across [0,1] for an argument's strength
	bisectTol       = FlipTolerance / 10
	maxSteps1D      = 1 << 16
	argChunk        = 64 // arguments handed to a worker at a time
)

// SensitivityOptions tune AnalyzeSensitivity. The zero value asks for the defaults.
type SensitivityOptions struct {
	// From and To bound the weights scanned for each category (default 0 to 10). A category
	// whose weight lies outside is scanned as far as its weight, so that the interval it is
	// stable in is never cut short.
	From, To float64
	// Steps is the number of grid steps across the weight span (default 256); ArgSteps the
	// number across [0,1] for an argument's strength when its margin is not known to be
	// monotone (default 32). Flips closer together than a step can be missed.
	Steps, ArgSteps int
	// Workers is the number of goroutines (default GOMAXPROCS).
	Workers int

	scanSum bool // tests: find Sum's flips by scanning, as for the graph semantics
	scanAll bool // benchmarks: scan every argument's strength, without the shortcuts
}

// Sensitivity is where the verdict flips: for each category's weight, the others held, and for
// each argument's strength, the others held. It is plain data, in the debate's order, for the
// terminal view, the JSON document and the brief alike.
type Sensitivity struct {
	Semantics  Semantics
	Categories []string // the debate's categories, in order
	Weights    Weights  // as given, every category present
	From, To   float64  // the weight range asked for

	Verdict   Verdict
	Margin    float64
	Converged bool // every probe converged (false only on a cyclic graph)

	ByCategory []CategorySensitivity // in Categories order
	// Critical is the category whose weight needs the smallest relative change to flip the
	// verdict, "" when no weight in the range flips it.
	Critical string

	Arguments []ArgumentSensitivity // every argument of the graph, in corpus order

	// Check is the CI gate the caller applied (--expect-stable), for the JSON document.
	Check *wire.Check

	// Warnings are things a person should know about the numbers; not in the JSON document.
	Warnings []string
}

// CategorySensitivity is what moving one category's weight does, the others held.
type CategorySensitivity struct {
	Category string
	Weight   float64 // as given
	From, To float64 // the span scanned: the range, widened to hold Weight
	// HasArguments says whether any argument of the graph is in the category. One with none
	// can still flip a graph semantics' verdict above the others' largest weight: λ = w/max(w)
	// then shrinks every other category's λ.
	HasArguments bool

	Flips  []Flip // in increasing order of weight
	Stable Stable // the interval around Weight where the verdict holds

	// Nearest is the flip closest to Weight (meaningless when there are no flips); Change is
	// |Nearest − Weight| / Weight, +Inf when nothing flips or Weight is 0.
	Nearest float64
	Change  float64

	// Curve is the margin sampled across [From, To] (the grid, the current weight and the
	// point where the weight crosses the others' largest), in increasing order: for charts.
	Curve []Point
}

// ArgumentSensitivity is what moving one argument's strength across [0,1] does, the others
// held.
type ArgumentSensitivity struct {
	ID       string
	Side     argument.Side
	Category string
	Strength float64 // τ, the corpus strength
	// Connected says whether it has a path to the thesis; under a graph semantics one without
	// never flips anything.
	Connected bool

	Flips []Flip // strengths in (0,1) where the verdict flips, in increasing order
	// Nearest is the flip closest to Strength; Change is |Nearest − Strength|, +Inf when
	// nothing flips.
	Nearest float64
	Change  float64
}

// Flip is a point where the verdict changes: From just below At, To just above.
//
// The verdict is pro, con or tie (a margin within Tolerance of 0). A tie is a verdict of its
// own only where it lasts at least one grid step of the scan; a shorter one is what the margin
// does near 0. Between pro and con it is passed through: one flip, placed where the margin
// changes sign (under quadratic energy the margin is flat where it crosses 0, so the tie band
// can be 1e-4 wide). Between two equal verdicts the margin only touched 0, and at an end of the
// scanned span it only starts or ends there: neither is a flip. Flips closer together than one
// grid step can be missed; each is located to within FlipTolerance.
type Flip struct {
	At       float64
	From, To Verdict
}

// Beyond is the verdict on the other side of the flip as seen from x (a current weight or
// strength): To for a flip above x, From for one at or below it.
func (f Flip) Beyond(x float64) Verdict {
	if f.At > x {
		return f.To
	}
	return f.From
}

// Stable is an interval where the verdict holds. FromFlip and ToFlip say whether each end is a
// flip; otherwise it is the end of the span scanned.
type Stable struct {
	From, To         float64
	FromFlip, ToFlip bool
}

// Point is one sample of a margin curve.
type Point struct {
	X, Margin float64
}

// Flipped reports whether anything in the analysis flips the verdict.
func (s *Sensitivity) Flipped() bool {
	for _, c := range s.ByCategory {
		if len(c.Flips) > 0 {
			return true
		}
	}
	for _, a := range s.Arguments {
		if len(a.Flips) > 0 {
			return true
		}
	}
	return false
}

// Category returns the analysis of one category, or nil.
func (s *Sensitivity) Category(name string) *CategorySensitivity {
	for i := range s.ByCategory {
		if s.ByCategory[i].Category == name {
			return &s.ByCategory[i]
		}
	}
	return nil
}

// CheckRange reports what is wrong with a weight range: both ends finite, From at least 0 and
// below To.
func CheckRange(from, to float64) error {
	switch {
	case math.IsNaN(from) || math.IsInf(from, 0) || math.IsNaN(to) || math.IsInf(to, 0):
		return errors.New("the range ends must be finite numbers")
	case from < 0:
		return fmt.Errorf("the range starts at %g: weights are 0 or more", from)
	case to <= from:
		return fmt.Errorf("the range ends at %g, not above its start %g", to, from)
	}
	return nil
}

// AnalyzeSensitivity finds where the verdict of g under the weights and semantics flips.
//
// Cost, with E edges: for each category about Steps + 20 per flip full solves, O(E) each on an
// acyclic graph, the grid's made eight at a time in one pass over the graph (see
// Model.batchMargins). For each argument connected to the thesis, two probes when its margin
// is monotone, else one pass of bounds, and a scan of ArgSteps probes plus 20 per flip only
// when the bounds leave room for a flip (always on a cycle). A probe and a pass of bounds cost
// the nodes the argument reaches and their out-edges, not their in-degrees (a probe stops
// where a score does not move; cycles it reaches are solved again whole). The work is shared
// among Workers goroutines, each with its own Clone of the model.
func AnalyzeSensitivity(g *argument.Graph, w Weights, sem Semantics, opts SensitivityOptions) (*Sensitivity, error) {
	if !sem.Valid() {
		_, err := ParseSemantics(string(sem))
		return nil, err
	}
	cats := g.Debate.Categories
	if err := w.Check(cats); err != nil {
		return nil, err
	}
	if opts.From == 0 && opts.To == 0 {
		opts.From, opts.To = DefaultRangeFrom, DefaultRangeTo
	}
	if err := CheckRange(opts.From, opts.To); err != nil {
		return nil, fmt.Errorf("invalid weight range: %w", err)
	}
	if opts.Steps <= 0 {
		opts.Steps = defaultSteps
	}
	if opts.ArgSteps <= 0 {
		opts.ArgSteps = defaultArgSteps
	}
	opts.Steps, opts.ArgSteps = min(opts.Steps, maxSteps1D), min(opts.ArgSteps, maxSteps1D)
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}

	m := NewModel(g, sem)
	full := w.Full(cats)
	lambda := full.LambdaFor(g)
	margin, conv := m.Margin(lambda, nil)
	s := &Sensitivity{
		Semantics: sem, Categories: cats, Weights: full,
		From: opts.From, To: opts.To,
		Margin: finite(margin), Verdict: VerdictOf(finite(margin)), Converged: conv,
		ByCategory: make([]CategorySensitivity, len(cats)),
		Arguments:  make([]ArgumentSensitivity, g.Len()-1),
	}
	var coarse string
	if cost := max(m.work, 1); !m.acyclic && cost*int64(opts.Steps*len(cats)) > categoryBudget {
		// A solve that costs this much (a large cycle) makes a fine grid cost minutes.
		steps := int(max(minCategorySteps, categoryBudget/(cost*int64(len(cats)))))
		if steps < opts.Steps {
			coarse = fmt.Sprintf("the category weights were scanned in %d steps rather than %d: one solve of this graph's cycles takes %d node updates, and argmap's bound is %d; flips closer together than a step may be missed",
				steps, opts.Steps, cost, categoryBudget)
			opts.Steps = steps
		}
	}
	a := &analysis{g: g, m: m, sem: sem, cats: cats, w: full, lambda: lambda, margin: margin, opts: opts}
	a.prepare()
	a.run(s)
	s.Critical = critical(s.ByCategory)
	if coarse != "" {
		s.Warnings = append(s.Warnings, coarse)
	}
	if n := a.skipped.Load(); n > 0 {
		s.Warnings = append(s.Warnings, fmt.Sprintf(
			"the strengths of %d arguments in or above a large cycle were not scanned for flips: each probe solves the cycle again, past argmap's bound of %d node updates",
			n, sensitivityBudget))
	}
	if !s.Converged {
		s.Warnings = append(s.Warnings, "some probes did not converge on a cycle: flips near them may be misplaced")
	}
	return s, nil
}

// analysis is the state shared by the workers: read only once prepare has run.
type analysis struct {
	g      *argument.Graph
	m      *Model
	sem    Semantics
	cats   []string
	w      Weights
	lambda map[string]float64
	margin float64
	opts   SensitivityOptions

	hasArgs []bool    // per category index: any argument of the graph in it
	scale   []bool    // per category index: any argument of the whole debate in it (it sets λ's scale)
	diff    []float64 // per category index: Σ τ over pro minus Σ τ over con (Sum's closed form)
	signs   []uint8   // by model position: the signs of its paths to the thesis (1 +, 2 −)
	cycles  []bool    // by block: a cycle lies at or below it; nil on an acyclic graph

	// Node updates spent solving cycles again for the arguments' probes, and the arguments
	// not scanned once that passed sensitivityBudget.
	work, skipped atomic.Int64
}

func (a *analysis) prepare() {
	a.hasArgs = make([]bool, len(a.cats))
	a.scale = make([]bool, len(a.cats))
	for _, c := range usedCategories(a.g) {
		a.scale[slices.Index(a.cats, c)] = true
	}
	a.diff = make([]float64, len(a.cats))
	for i := 1; i < a.g.Len(); i++ {
		arg := a.g.Argument(i)
		c := slices.Index(a.cats, arg.Category)
		if c < 0 {
			continue // a category the debate does not list: its weight is fixed at 1
		}
		a.hasArgs[c] = true
		if arg.Side == argument.Con {
			a.diff[c] -= arg.Strength
		} else {
			a.diff[c] += arg.Strength
		}
	}
	a.signs = pathSigns(a.m)
	a.cycles = cyclesBelow(a.m)
}

// cyclesBelow marks the blocks that are a cycle or from which one can be reached: what a
// strength there changes is solved by iteration somewhere. Blocks are in evaluation order, so
// one pass from the last decides each from those below it. nil on an acyclic graph.
func cyclesBelow(m *Model) []bool {
	if m.acyclic {
		return nil
	}
	below := slices.Clone(m.blockCyc)
	for b := len(below) - 1; b >= 0; b-- {
		for q := m.blockStart[b]; q < m.blockStart[b+1] && !below[b]; q++ {
			for k := m.outStart[q]; k < m.outStart[q+1]; k++ {
				if below[m.blockOf[m.outDst[k]]] {
					below[b] = true
					break
				}
			}
		}
	}
	return below
}

// pathSigns marks, for every node (by model position), the signs of its paths to the thesis:
// bit 1 when some path has an even number of attacks (raising the node's strength pushes the
// thesis up along it), bit 2 when some path has an odd number. A node with one bit moves the
// margin one way only; 0 means no path. Each node's bits only grow, so the worklist ends after
// at most two visits per node, cycles included.
func pathSigns(m *Model) []uint8 {
	signs := make([]uint8, m.n)
	signs[m.thesis] = 1
	work := []int32{m.thesis}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for k := m.inStart[v]; k < m.inStart[v+1]; k++ {
			s, bits := m.inSrc[k], signs[v]
			if m.inAtt[k] {
				bits = (bits&1)<<1 | (bits&2)>>1
			}
			if signs[s]|bits != signs[s] {
				signs[s] |= bits
				work = append(work, s)
			}
		}
	}
	return signs
}

// run shares the categories and the arguments (in chunks) among the workers.
func (a *analysis) run(s *Sensitivity) {
	nc, na := len(a.cats), a.g.Len()-1
	tasks := nc + (na+argChunk-1)/argChunk
	var next atomic.Int64
	var allConv atomic.Bool
	allConv.Store(true)
	models := []*Model{a.m}
	for len(models) < min(a.opts.Workers, tasks) {
		models = append(models, a.m.Clone())
	}
	var wg sync.WaitGroup
	for _, m := range models {
		wg.Go(func() {
			wk := &worker{a: a, m: m, lambda: make(map[string]float64, len(a.m.cats)), conv: true}
			for {
				t := int(next.Add(1) - 1)
				if t >= tasks {
					break
				}
				if t < nc {
					s.ByCategory[t] = wk.category(t)
					continue
				}
				lo := (t - nc) * argChunk
				for i := lo; i < min(lo+argChunk, na); i++ {
					s.Arguments[i] = wk.argument(i + 1)
				}
			}
			if !wk.conv {
				allConv.Store(false)
			}
		})
	}
	wg.Wait()
	s.Converged = s.Converged && allConv.Load()
}

// worker is one goroutine's model and scratch space.
type worker struct {
	a      *analysis
	m      *Model
	lambda map[string]float64
	wts    []float64 // per category index, during a category scan
	conv   bool
	base   bool // m holds the full solution at the given weights and strengths

	// What one argument reaches, for its bounds.
	mark   []uint32 // per block: generation stamp
	gen    uint32
	stack  []int32
	blocks []int32
	slot   []int32 // by position: its index in blocks, for a position in the reach
	// By slot: what the bounds of a node's parents do to its aggregate, for its lower bound
	// (supporters low, attackers high) and its upper one.
	loCh, hiCh changes
}

// category scans one category's weight.
func (wk *worker) category(c int) CategorySensitivity {
	a := wk.a
	name := a.cats[c]
	cur := a.w.Get(name)
	res := CategorySensitivity{
		Category: name, Weight: cur, HasArguments: a.hasArgs[c],
		From: min(a.opts.From, cur), To: max(a.opts.To, cur),
	}
	wk.base = false
	wk.wts = wk.wts[:0]
	othersMax := 0.0
	for k, n := range a.cats {
		wk.wts = append(wk.wts, a.w.Get(n))
		if k != c && a.scale[k] {
			othersMax = max(othersMax, a.w.Get(n))
		}
	}
	f := func(x float64) float64 { return wk.marginAtWeight(c, x) }

	grid := uniform(res.From, res.To, a.opts.Steps)
	grid = append(grid, cur)
	if othersMax > res.From && othersMax < res.To {
		grid = append(grid, othersMax) // λ has a kink where this weight becomes the largest
	}
	slices.Sort(grid)
	grid = slices.Compact(grid)

	var flips []Flip
	switch {
	case a.sem == Sum && !a.opts.scanSum:
		res.Curve = sample(f, grid)
		flips = sumCategoryFlip(a.diff, wk.wts, a.scale, c, res.From, res.To)
	case a.sem != Sum && wk.m.Acyclic():
		res.Curve = wk.sampleWeights(c, grid)
		flips = locate(f, res.Curve, (res.To-res.From)/float64(a.opts.Steps))
	default:
		res.Curve, flips = scan(f, grid, (res.To-res.From)/float64(a.opts.Steps))
	}
	res.Flips = flips
	res.Stable = stableAround(flips, cur, res.From, res.To)
	res.Nearest, res.Change = nearest(flips, cur)
	if cur > 0 {
		res.Change /= cur
	} else {
		res.Change = math.Inf(1)
	}
	return res
}

// marginAtWeight is the margin with category c's weight at x and the others as given; NaN when
// that leaves every weight at 0.
func (wk *worker) marginAtWeight(c int, x float64) float64 {
	if !wk.lambdaAtWeight(c, x) {
		return math.NaN()
	}
	mg, ok := wk.m.Margin(wk.lambda, nil)
	wk.conv = wk.conv && ok
	return mg
}

// sampleWeights is sample(f, grid) for the margin at category c's weights on the grid, on an
// acyclic graph: the same points, scored lanes at a time.
func (wk *worker) sampleWeights(c int, grid []float64) []Point {
	m := wk.m
	pts := make([]Point, 0, len(grid))
	var lam [lanes][]float64
	var margins [lanes]float64
	var defined [lanes]bool
	for l := range lam {
		lam[l] = make([]float64, len(m.cats))
	}
	for i := 0; i < len(grid); i += lanes {
		for l := range lanes {
			// Lanes past the end score the last point again, unread.
			defined[l] = wk.lambdaAtWeight(c, grid[min(i+l, len(grid)-1)])
			m.lambdaByCat(wk.lambda, lam[l])
		}
		m.batchMargins(&lam, &margins)
		for l := range lanes {
			if i+l < len(grid) && defined[l] {
				pts = append(pts, Point{X: grid[i+l], Margin: margins[l]})
			}
		}
	}
	return pts
}

// lambdaAtWeight puts in wk.lambda the λ of every category with category c's weight at x and
// the others as given, and reports whether that weighs anything (false: every weight is 0).
func (wk *worker) lambdaAtWeight(c int, x float64) bool {
	a := wk.a
	// Weights that are all 0 are no weighting at all; otherwise the scale is the largest
	// weight among the categories that hold arguments of the whole debate, filtered or not
	// (see Weights.LambdaFor).
	all, top := x, 0.0
	if a.scale[c] {
		top = x
	}
	for k, v := range wk.wts {
		if k != c {
			all = max(all, v)
			if a.scale[k] {
				top = max(top, v)
			}
		}
	}
	if !(all > 0) {
		return false
	}
	for k, n := range a.cats {
		v := wk.wts[k]
		if k == c {
			v = x
		}
		if top > 0 {
			wk.lambda[n] = min(v/top, 1)
		} else {
			wk.lambda[n] = 0
		}
	}
	return true
}

// sumCategoryFlip is Sum's closed form. The margin is Σ_k λ_k·d_k with λ_k = w_k / W, W the
// largest weight among the categories in scale (a category outside it holds no argument, so its
// d_k is 0), so its sign is the sign of S(x) = Σ_{k≠c} w_k·d_k + x·d_c: linear in x, with one
// zero at most, at x = −Σ_{k≠c} w_k·d_k / d_c. As for a scan, it counts when the verdicts at
// the ends of the span are pro and con (not a tie within Tolerance of a zero at the very end).
func sumCategoryFlip(diff, wts []float64, scale []bool, c int, from, to float64) []Flip {
	d := diff[c]
	rest, others := 0.0, 0.0
	for k, v := range wts {
		if k != c {
			rest += v * diff[k]
			if scale[k] {
				others = max(others, v)
			}
		}
	}
	margin := func(x float64) float64 {
		top := others
		if scale[c] {
			top = max(top, x)
		}
		if top == 0 {
			return 0
		}
		return (rest + x*d) / top
	}
	if d == 0 {
		return nil // S does not depend on x: its sign never changes
	}
	return linearFlip(margin(from), margin(to), -rest/d)
}

// linearFlip is the flip of a margin linear (in sign) between two ends with the given margins,
// whose zero is at: one flip when the ends are pro and con.
func linearFlip(lo, hi, at float64) []Flip {
	vlo, vhi := VerdictOf(lo), VerdictOf(hi)
	if vlo == vhi || vlo == VerdictTie || vhi == VerdictTie {
		return nil
	}
	return []Flip{{At: at, From: vlo, To: vhi}}
}

// argument analyses node i's strength.
func (wk *worker) argument(i int) ArgumentSensitivity {
	a := wk.a
	arg := a.g.Argument(i)
	p := wk.m.pos[i]
	res := ArgumentSensitivity{
		ID: arg.ID, Side: arg.Side, Category: arg.Category, Strength: arg.Strength,
		Connected: a.signs[p] != 0,
		Nearest:   math.NaN(), Change: math.Inf(1),
	}
	switch {
	case a.sem == Sum && !a.opts.scanSum:
		lam := a.lambda[arg.Category]
		if _, ok := a.lambda[arg.Category]; !ok {
			lam = 1
		}
		res.Flips = sumArgumentFlip(a.margin, wk.m.sign[p], lam, arg.Strength)
	case a.sem != Sum && !res.Connected:
		// No path to the thesis: its strength changes nothing there.
	default:
		res.Flips = wk.scanArgument(p)
	}
	res.Nearest, res.Change = nearest(res.Flips, arg.Strength)
	return res
}

// sumArgumentFlip is Sum's closed form for one argument: the margin is m0 + sign·λ·(τ − τ0),
// linear in τ, so it flips at τ0 − m0/(sign·λ) when that lies inside (0,1).
func sumArgumentFlip(m0, sign, lam, tau0 float64) []Flip {
	if !(lam > 0) || sign == 0 {
		return nil
	}
	slope := sign * lam
	return linearFlip(m0-slope*tau0, m0+slope*(1-tau0), tau0-m0/slope)
}

// scanArgument finds the flips of the strength of the argument at model position p over [0,1].
// Each probe pushes the change of strength forward from the full solution (see
// Model.marginWithStrength), so that it costs what the change reaches and moves, not the
// in-degrees of the nodes on the way: a large debate's thesis has thousands of direct
// arguments, and every probe reaches it.
func (wk *worker) scanArgument(p int32) []Flip {
	m := wk.m
	if !wk.base {
		m.Margin(wk.a.lambda, nil)
		if m.sem != Sum {
			m.prepareRemovals()
		}
		wk.base = true
	}
	f := func(tau float64) float64 {
		if m.sem == Sum {
			tau0 := m.taus[p]
			m.taus[p] = tau
			mg := m.margin()
			m.taus[p] = tau0
			return mg
		}
		mg, ok := m.marginWithStrength(p, tau)
		if !ok {
			wk.conv = false
		}
		return mg
	}
	tau0 := m.tau[p]
	var flips []Flip
	bits := wk.a.signs[p]
	cyclic := m.sem != Sum && wk.a.cycles != nil && wk.a.cycles[m.blockOf[p]]
	if cyclic {
		// Every probe solves a cycle again: past the budget, the rest are not looked at.
		if wk.a.work.Load() > sensitivityBudget {
			wk.a.skipped.Add(1)
			return nil
		}
		defer func(w0 int64) { wk.a.work.Add(m.work - w0) }(m.work)
	}
	if !wk.a.opts.scanAll && (m.sem == Sum || (!cyclic && bits != 3)) {
		// Monotone in τ: the verdicts at 0 and 1 tell whether it flips at all.
		v0, v1 := VerdictOf(f(0)), VerdictOf(f(1))
		if v0 != v1 {
			_, flips = scan(f, slices.Compact([]float64{0, tau0, 1}), 1/float64(wk.a.opts.ArgSteps))
		}
	} else if wk.a.opts.scanAll || cyclic || wk.boundsStraddle(p) {
		grid := append(uniform(0, 1, wk.a.opts.ArgSteps), tau0)
		slices.Sort(grid)
		_, flips = scan(f, slices.Compact(grid), 1/float64(wk.a.opts.ArgSteps))
	}
	return flips
}

// boundsStraddle reports whether the margin's bounds over the strength at position p in [0,1]
// (see boundMargin) allow more than one verdict. Only for an acyclic reach.
func (wk *worker) boundsStraddle(p int32) bool {
	wk.reach(p)
	lo, hi := wk.boundMargin(p)
	return VerdictOf(lo) != VerdictOf(hi)
}

// boundMargin bounds the margin over every strength in [0,1] of the argument at position p.
// Every semantics' update is increasing in a node's own τ and in its supporters' scores and
// decreasing in its attackers', so carrying through the reach, in order, a lower bound
// (supporters low, attackers high) and an upper one encloses every score the strength can
// give: exact when all its paths have one sign, wider when they mix. As for a probe, each
// node's bounds come from the full solution's aggregates changed by its parents' bounds, pushed
// along out-edges: work in the edges out of the reach, not into it. The reach is acyclic, so
// each block is one position, and the model holds the full solution and its aggregates.
func (wk *worker) boundMargin(p int32) (lo, hi float64) {
	m := wk.m
	n := len(wk.blocks)
	if len(wk.slot) != m.n {
		wk.slot = make([]int32, m.n)
	}
	wk.loCh.resize(m.sem == DFQuAD, n)
	wk.hiCh.resize(m.sem == DFQuAD, n)
	for k, b := range wk.blocks {
		wk.slot[m.blockStart[b]] = int32(k)
		wk.loCh.reset(int32(k))
		wk.hiCh.reset(int32(k))
	}
	lo, hi = m.margin(), m.margin() // the thesis out of reach: nothing moves it
	for k, b := range wk.blocks {
		q := m.blockStart[b]
		tlo, thi := m.taus[q], m.taus[q]
		if q == p {
			tlo, thi = 0, 1
		}
		l := m.scoreWith(q, tlo, &wk.loCh, int32(k))
		h := m.scoreWith(q, thi, &wk.hiCh, int32(k))
		if q == m.thesis {
			t := m.taus[q]
			lo, hi = l-t, h-t
		}
		ov, wl, wh := m.ov[q], m.w[q]*l, m.w[q]*h
		for e := m.outStart[q]; e < m.outStart[q+1]; e++ {
			c := wk.slot[m.outDst[e]]
			if m.outAtt[e] {
				wk.loCh.swap(c, true, ov, wh)
				wk.hiCh.swap(c, true, ov, wl)
			} else {
				wk.loCh.swap(c, false, ov, wl)
				wk.hiCh.swap(c, false, ov, wh)
			}
		}
	}
	return lo, hi
}

// reach puts in wk.blocks, in evaluation order, the blocks whose scores depend on the strength
// at position p: its own block and every block downstream.
func (wk *worker) reach(p int32) {
	m := wk.m
	if len(wk.mark) != len(m.blockCyc) {
		wk.mark = make([]uint32, len(m.blockCyc))
		wk.gen = 0
	}
	wk.gen++
	if wk.gen == 0 { // wrapped: old stamps would look current
		clear(wk.mark)
		wk.gen = 1
	}
	start := m.blockOf[p]
	wk.mark[start] = wk.gen
	wk.stack = append(wk.stack[:0], start)
	wk.blocks = wk.blocks[:0]
	for len(wk.stack) > 0 {
		b := wk.stack[len(wk.stack)-1]
		wk.stack = wk.stack[:len(wk.stack)-1]
		wk.blocks = append(wk.blocks, b)
		for q := m.blockStart[b]; q < m.blockStart[b+1]; q++ {
			for k := m.outStart[q]; k < m.outStart[q+1]; k++ {
				if c := m.blockOf[m.outDst[k]]; wk.mark[c] != wk.gen {
					wk.mark[c] = wk.gen
					wk.stack = append(wk.stack, c)
				}
			}
		}
	}
	slices.Sort(wk.blocks)
}

// uniform returns steps+1 evenly spaced points from lo to hi, both included exactly.
func uniform(lo, hi float64, steps int) []float64 {
	xs := make([]float64, 0, steps+3)
	for k := range steps {
		xs = append(xs, lo+(hi-lo)*float64(k)/float64(steps))
	}
	return append(xs, hi)
}

// sample evaluates f on the grid, leaving out the points where it is undefined (NaN).
func sample(f func(float64) float64, grid []float64) []Point {
	pts := make([]Point, 0, len(grid))
	for _, x := range grid {
		if y := f(x); !math.IsNaN(y) {
			pts = append(pts, Point{X: x, Margin: y})
		}
	}
	return pts
}

// bracket is a flip located between lo and hi.
type bracket struct {
	lo, hi   float64
	from, to Verdict
}

// scan samples f on the grid (increasing) and locates every change of verdict between
// neighbouring samples by bisection; a tie is a verdict of its own where it lasts at least
// minTie (see the notes at the top of the file).
func scan(f func(float64) float64, grid []float64, minTie float64) ([]Point, []Flip) {
	pts := sample(f, grid)
	return pts, locate(f, pts, minTie)
}

// locate is scan's search, given the samples (points where f is defined, in increasing order).
func locate(f func(float64) float64, pts []Point, minTie float64) []Flip {
	if len(pts) == 0 {
		return nil
	}
	verdict := func(x float64) Verdict { return VerdictOf(f(x)) }
	var bs []bracket
	for k := 1; k < len(pts); k++ {
		va, vb := VerdictOf(pts[k-1].Margin), VerdictOf(pts[k].Margin)
		if va != vb {
			bs = append(bs, refine(verdict, pts[k-1].X, va, pts[k].X, vb)...)
		}
	}
	bs = mergeTies(bs, minTie)
	lo, hi := pts[0].X, pts[len(pts)-1].X
	flips := make([]Flip, 0, len(bs))
	for k, b := range bs {
		// A short tie at an end of the span is the margin starting or ending near 0.
		if k == 0 && b.from == VerdictTie && b.lo-lo < minTie ||
			k == len(bs)-1 && b.to == VerdictTie && hi-b.hi < minTie {
			continue
		}
		if b.from != VerdictTie && b.to != VerdictTie {
			b = zeroCrossing(f, b)
		}
		flips = append(flips, Flip{At: b.lo + (b.hi-b.lo)/2, From: b.from, To: b.to})
	}
	return flips
}

// refine locates the change between a (verdict va) and b (vb ≠ va): where va stops, and where
// vb starts when a third verdict lies between.
func refine(verdict func(float64) Verdict, a float64, va Verdict, b float64, vb Verdict) []bracket {
	lo, hi, vhi := a, b, vb
	for hi-lo > bisectTol {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if v := verdict(mid); v == va {
			lo = mid
		} else {
			hi, vhi = mid, v
		}
	}
	if vhi == vb {
		return []bracket{{lo: lo, hi: hi, from: va, to: vb}}
	}
	first := bracket{lo: lo, hi: hi, from: va, to: vhi}
	lo2, hi2, vlo2 := hi, b, vhi
	for hi2-lo2 > bisectTol {
		mid := lo2 + (hi2-lo2)/2
		if mid <= lo2 || mid >= hi2 {
			break
		}
		if v := verdict(mid); v == vb {
			hi2 = mid
		} else {
			lo2, vlo2 = mid, v
		}
	}
	return []bracket{first, {lo: lo2, hi: hi2, from: vlo2, to: vb}}
}

// mergeTies joins a change into a tie with the change out of it when the tie is shorter than
// minTie: between pro and con into one flip, to be placed where the margin changes sign;
// between two equal verdicts into none.
func mergeTies(bs []bracket, minTie float64) []bracket {
	out := bs[:0]
	for k := 0; k < len(bs); k++ {
		b := bs[k]
		if k+1 < len(bs) && b.to == VerdictTie && bs[k+1].from == VerdictTie && bs[k+1].lo-b.hi < minTie {
			n := bs[k+1]
			k++
			if b.from == n.to {
				continue
			}
			b = bracket{lo: b.lo, hi: n.hi, from: b.from, to: n.to}
		}
		out = append(out, b)
	}
	return out
}

// zeroCrossing narrows a pro–con bracket to where the margin changes sign.
func zeroCrossing(f func(float64) float64, b bracket) bracket {
	below := f(b.lo) > 0
	for range 64 {
		mid := b.lo + (b.hi-b.lo)/2
		if mid <= b.lo || mid >= b.hi || b.hi-b.lo <= 1e-12*max(1, math.Abs(mid)) {
			break
		}
		if (f(mid) > 0) == below {
			b.lo = mid
		} else {
			b.hi = mid
		}
	}
	return b
}

// stableAround is the interval around x between its nearest flips, or the span's ends.
func stableAround(flips []Flip, x, from, to float64) Stable {
	s := Stable{From: from, To: to}
	for _, f := range flips {
		if f.At <= x {
			s.From, s.FromFlip = f.At, true
		} else if !s.ToFlip {
			s.To, s.ToFlip = f.At, true
		}
	}
	return s
}

// nearest returns the flip closest to x and its distance (NaN and +Inf when none).
func nearest(flips []Flip, x float64) (at, dist float64) {
	at, dist = math.NaN(), math.Inf(1)
	for _, f := range flips {
		if d := math.Abs(f.At - x); d < dist {
			at, dist = f.At, d
		}
	}
	return at, dist
}

// critical picks the category whose weight needs the smallest relative change to flip the
// verdict; among weights of 0 (an infinite relative change) the smallest absolute change; the
// first in debate order on a tie.
func critical(cs []CategorySensitivity) string {
	best := -1
	key := func(c CategorySensitivity) (float64, float64) { return c.Change, math.Abs(c.Nearest - c.Weight) }
	for k, c := range cs {
		if len(c.Flips) == 0 {
			continue
		}
		if best < 0 {
			best = k
			continue
		}
		r, d := key(c)
		br, bd := key(cs[best])
		if r < br || r == br && d < bd {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return cs[best].Category
}

// MarshalJSON writes the document argmap sensitivity prints: the fields of the issue in their
// order (with range, converged, nearest, change, side and category added), weights in the
// debate's category order, flips rounded to FlipTolerance and other numbers to 1e-9; null for a
// stable interval open above, for no critical category, and for no nearest flip.
func (s *Sensitivity) MarshalJSON() ([]byte, error) {
	d := sensitivityJSON{
		Argmap:     wire.Version,
		Check:      s.Check,
		Semantics:  s.Semantics,
		Weights:    orderedMap{keys: s.Categories},
		Range:      rangeJSON{From: num(s.From), To: num(s.To)},
		Verdict:    s.Verdict,
		Margin:     num(s.Margin),
		Converged:  s.Converged,
		Categories: make([]categorySensJSON, len(s.ByCategory)),
		Arguments:  make([]argumentSensJSON, len(s.Arguments)),
	}
	for _, c := range s.Categories {
		d.Weights.values = append(d.Weights.values, num(s.Weights.Get(c)))
	}
	for i, c := range s.ByCategory {
		j := categorySensJSON{
			Category: c.Category, Weight: num(c.Weight), Flips: flipPoints(c.Flips),
			Stable: stableJSON{From: at(c.Stable.From)},
		}
		if c.Stable.ToFlip {
			to := at(c.Stable.To)
			j.Stable.To = &to
		}
		if len(c.Flips) > 0 {
			n := at(c.Nearest)
			j.Nearest = &n
			if !math.IsInf(c.Change, 0) {
				ch := at(c.Change)
				j.Change = &ch
			}
		}
		d.Categories[i] = j
	}
	if s.Critical != "" {
		d.Critical = &s.Critical
	}
	for i, a := range s.Arguments {
		d.Arguments[i] = argumentSensJSON{ID: a.ID, Side: a.Side, Category: a.Category,
			Strength: num(a.Strength), Flips: flipPoints(a.Flips)}
	}
	return json.Marshal(d)
}

type sensitivityJSON struct {
	Argmap     int                `json:"argmap"`
	Semantics  Semantics          `json:"semantics"`
	Weights    orderedMap         `json:"weights"`
	Range      rangeJSON          `json:"range"`
	Verdict    Verdict            `json:"verdict"`
	Margin     num                `json:"margin"`
	Converged  bool               `json:"converged"`
	Categories []categorySensJSON `json:"categories"`
	Critical   *string            `json:"critical"`
	Check      *wire.Check        `json:"check,omitempty"`
	Arguments  []argumentSensJSON `json:"arguments"`
}

type rangeJSON struct {
	From num `json:"from"`
	To   num `json:"to"`
}

type categorySensJSON struct {
	Category string     `json:"category"`
	Weight   num        `json:"weight"`
	Flips    []at       `json:"flips"`
	Stable   stableJSON `json:"stable"`
	Nearest  *at        `json:"nearest"`
	Change   *at        `json:"change"`
}

type stableJSON struct {
	From at  `json:"from"`
	To   *at `json:"to"`
}

type argumentSensJSON struct {
	ID       string        `json:"id"`
	Side     argument.Side `json:"side"`
	Category string        `json:"category"`
	Strength num           `json:"strength"`
	Flips    []at          `json:"flips"`
}

// at is a flip's position, written rounded to FlipTolerance: the digits past it are noise of
// the bisection.
type at float64

func (x at) MarshalJSON() ([]byte, error) {
	v := float64(x)
	if err := wire.Finite(v, "a flip point is"); err != nil {
		return nil, err
	}
	if math.Abs(v) < 1e9 {
		v = math.Round(v/FlipTolerance) * FlipTolerance
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'f', 6, 64), 64)
	}
	if v == 0 {
		v = 0
	}
	return strconv.AppendFloat(nil, v, 'f', -1, 64), nil
}

func flipPoints(fs []Flip) []at {
	out := make([]at, len(fs))
	for i, f := range fs {
		out[i] = at(f.At)
	}
	return out
}
