package score

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/argmap/argmap/internal/argument"
)

// The atlas: the verdict at every weighting of the categories, on a lattice over the simplex of
// relative weights (each at least 0, together 1). Weights are relative, so the simplex holds
// every weighting there is; three categories make a triangle, two a strip. A debate of four or
// more shows three of them (the axes) with the others held.

// DefaultAtlasResolution is the number of steps along an edge of the simplex when none is asked
// for: finer than the terminal picture's pixels, and still a few milliseconds for the built-in
// debate (5,151 weightings).
const DefaultAtlasResolution = 100

// MaxAtlasResolution bounds --resolution: 125,751 weightings.
const MaxAtlasResolution = 500

// AtlasOptions choose the lattice and what is marked on it.
type AtlasOptions struct {
	// Resolution is the number of steps along each edge, 1 to MaxAtlasResolution.
	Resolution int
	// Axes are the categories at the corners, in corner order: three of the debate's (two when
	// it has only two). Nil takes the debate's first three.
	Axes []string
	// Marks are weightings to locate on the map (profiles, the user's own), each scored at its
	// own weights.
	Marks []AtlasMark
}

// AtlasMark is a named weighting to place on the map.
type AtlasMark struct {
	Name    string
	Weights Weights
}

// Atlas is the verdict over the simplex under one semantics.
type Atlas struct {
	Semantics  Semantics
	Categories []string // the debate's
	Axes       []string // the corners
	// Held are the weights of the categories off the axes (four or more categories), and Total
	// the weight the axes share: the axes' own total in the weighting given, so that it lies on
	// the map. With three categories or fewer, Held is empty and Total is 1.
	Held       Weights
	Total      float64
	Resolution int

	Cells     []Cell // the lattice points, in Index order
	Shares    Shares
	Boundary  [][]Coord // the level line where the margin crosses 0, as polylines
	Points    []LocatedMark
	Converged bool
}

// Coord is a point of the simplex: the share of each axis (Axes order; the third is 0 on a
// strip), together 1.
type Coord [3]float64

// Cell is one lattice point: it stands for the part of the simplex nearer to it than to any
// other point.
type Cell struct {
	At      Coord
	Margin  float64
	Verdict Verdict
	area    int // its share of the simplex, in units of Shares' denominator
}

// Shares are the parts of the simplex under each verdict, together 1.
type Shares struct {
	Pro, Con, Tie float64
}

// LocatedMark is a mark placed on the map, with the verdict at its own weights.
type LocatedMark struct {
	Name    string
	Weights Weights // every category, as given
	At      Coord
	// Placed is false when the mark gives every axis 0 (it has no place on the simplex); OnMap
	// is false when it holds the categories off the axes at other weights than the map does,
	// so that the verdict under it can differ from the map's at its place.
	Placed, OnMap bool
	Margin        float64
	Verdict       Verdict
}

// Index is the position in Cells of the lattice point with i steps of the first axis and j of
// the second (the third has Resolution − i − j). On a strip j is Resolution − i.
func (a *Atlas) Index(i, j int) int {
	if len(a.Axes) == 2 {
		return i
	}
	return triIndex(a.Resolution, i, j)
}

// triIndex numbers the points of row i (i steps of the first axis) after the rows before it,
// each row j from 0 to n − i.
func triIndex(n, i, j int) int { return i*(n+1) - i*(i-1)/2 + j }

// Weights is the weighting a coordinate stands for: the axes sharing Total, the held categories
// at their weights. These are the weights scored, so argmap score --weights with them gives the
// cell's margin to the bit.
func (a *Atlas) Weights(at Coord) Weights {
	w := make(Weights, len(a.Categories))
	for k, c := range a.Axes {
		w[c] = a.Total * at[k]
	}
	for c, v := range a.Held {
		w[c] = v
	}
	return w
}

// ResolveAxes checks a choice of axes against the debate's categories (nil picks the first
// three, or both of two).
func ResolveAxes(categories, axes []string) ([]string, error) {
	switch {
	case len(categories) < 2:
		return nil, fmt.Errorf("the debate has %d category: an atlas needs two or more to weigh against each other; argmap score gives its verdict", len(categories))
	case len(axes) == 0 && len(categories) == 2:
		return slices.Clone(categories), nil
	case len(axes) == 0:
		return slices.Clone(categories[:3]), nil
	}
	want := min(3, len(categories))
	if len(axes) != want {
		return nil, fmt.Errorf("%d axes given: name %d of %s", len(axes), want, strings.Join(categories, ", "))
	}
	for i, c := range axes {
		if !slices.Contains(categories, c) {
			return nil, fmt.Errorf("unknown category %q: use %s", c, strings.Join(categories, ", "))
		}
		if slices.Contains(axes[:i], c) {
			return nil, fmt.Errorf("category %q is given twice: name %d different categories", c, want)
		}
	}
	return slices.Clone(axes), nil
}

// NewAtlas scores g at every point of the lattice, under the weights w for the categories off
// the axes. It checks the options as the CLI's flags need (errors say what to give).
//
// Cost: one evaluation of the graph per lattice point, (N+1)(N+2)/2 of them for resolution N,
// eight at a time on acyclic graphs (Model.batchMargins), on every core for big graphs.
func NewAtlas(g *argument.Graph, w Weights, sem Semantics, opts AtlasOptions) (*Atlas, error) {
	if !sem.Valid() {
		_, err := ParseSemantics(string(sem))
		return nil, err
	}
	cats := g.Debate.Categories
	if err := w.Check(cats); err != nil {
		return nil, err
	}
	if opts.Resolution < 1 || opts.Resolution > MaxAtlasResolution {
		return nil, fmt.Errorf("resolution %d is out of range: give 1 to %d steps an edge", opts.Resolution, MaxAtlasResolution)
	}
	axes, err := ResolveAxes(cats, opts.Axes)
	if err != nil {
		return nil, err
	}
	a := &Atlas{Semantics: sem, Categories: cats, Axes: axes, Held: Weights{}, Total: 1, Resolution: opts.Resolution, Converged: true}
	if len(cats) > 3 {
		total := 0.0
		for _, c := range axes {
			total += w.Get(c)
		}
		if total > 0 {
			a.Total = total
		}
		for _, c := range cats {
			if !slices.Contains(axes, c) {
				a.Held[c] = w.Get(c)
			}
		}
	}
	a.lattice()
	m := NewModel(g, sem)
	a.score(g, m)
	a.share()
	a.boundary()
	for _, mk := range opts.Marks {
		a.Points = append(a.Points, a.locate(g, m, mk))
	}
	return a, nil
}

// lattice lays out the cells with their coordinates and areas. Each coordinate is an integer
// over N, so that it prints as the decimal it is (3/10 as 0.3) and reads back to the same bits.
// Areas are in thirds of a small triangle: a point inside touches six, one on an edge three,
// a corner one, and takes a third of each (on a strip: halves of a step).
func (a *Atlas) lattice() {
	n := a.Resolution
	fn := float64(n)
	if len(a.Axes) == 2 {
		a.Cells = make([]Cell, n+1)
		for i := range n + 1 {
			area := 2
			if i == 0 || i == n {
				area = 1
			}
			a.Cells[i] = Cell{At: Coord{float64(i) / fn, float64(n-i) / fn}, area: area}
		}
		return
	}
	a.Cells = make([]Cell, 0, (n+1)*(n+2)/2)
	for i := range n + 1 {
		for j := range n - i + 1 {
			k := n - i - j
			zeros := 0
			for _, x := range [3]int{i, j, k} {
				if x == 0 {
					zeros++
				}
			}
			area := [3]int{6, 3, 1}[zeros]
			a.Cells = append(a.Cells, Cell{At: Coord{float64(i) / fn, float64(j) / fn, float64(k) / fn}, area: area})
		}
	}
}

// parallelWork is the nodes × points past which the lattice is split across cores: below it
// the goroutines cost more than they save.
const parallelWork = 2_000_000

// score fills every cell's margin and verdict.
func (a *Atlas) score(g *argument.Graph, m *Model) {
	workers := 1
	if m.Len()*len(a.Cells) > parallelWork {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	chunk := (len(a.Cells) + workers - 1) / workers
	conv := make([]bool, workers)
	// Every clone is made before any worker starts: the first scores with m itself, whose
	// scratch it writes, and Clone reads m.
	models := []*Model{m}
	for range workers - 1 {
		models = append(models, m.Clone())
	}
	var wg sync.WaitGroup
	for k, mk := range models {
		lo, hi := min(k*chunk, len(a.Cells)), min((k+1)*chunk, len(a.Cells))
		wg.Go(func() { conv[k] = a.scoreRange(g, mk, a.Cells[lo:hi]) })
	}
	wg.Wait()
	for _, ok := range conv {
		a.Converged = a.Converged && ok
	}
	for i := range a.Cells {
		a.Cells[i].Margin = finite(a.Cells[i].Margin)
		a.Cells[i].Verdict = VerdictOf(a.Cells[i].Margin)
	}
}

// scoreRange scores cells with m, eight at a time where the graph allows. λ comes from
// Weights.LambdaFor at each cell's weights, as argmap score computes it, so that each margin
// is score's to the bit.
func (a *Atlas) scoreRange(g *argument.Graph, m *Model, cells []Cell) bool {
	if !m.Acyclic() || m.Semantics() == Sum {
		ok := true
		for i := range cells {
			mg, conv := m.Margin(a.Weights(cells[i].At).LambdaFor(g), nil)
			cells[i].Margin, ok = mg, ok && conv
		}
		return ok
	}
	var lam [lanes][]float64
	var margins [lanes]float64
	for l := range lam {
		lam[l] = make([]float64, len(m.Categories()))
	}
	for i := 0; i < len(cells); i += lanes {
		for l := range lanes {
			// Lanes past the end score the last cell again, unread.
			c := cells[min(i+l, len(cells)-1)]
			m.lambdaByCat(a.Weights(c.At).LambdaFor(g), lam[l])
		}
		m.batchMargins(&lam, &margins)
		for l := range lanes {
			if i+l < len(cells) {
				cells[i+l].Margin = margins[l]
			}
		}
	}
	return true
}

// share adds up the cells' areas by verdict.
func (a *Atlas) share() {
	var pro, con, tie int
	for _, c := range a.Cells {
		switch c.Verdict {
		case VerdictPro:
			pro += c.area
		case VerdictCon:
			con += c.area
		default:
			tie += c.area
		}
	}
	total := float64(pro + con + tie)
	a.Shares = Shares{Pro: float64(pro) / total, Con: float64(con) / total, Tie: float64(tie) / total}
}

// scale is the largest weight at a coordinate. A margin times it is what the crossing is
// interpolated on: under sum that is Σ w·d, linear in the weights, so the crossing lands on the
// exact line; under the graph semantics it is a smoother guess than the margin itself.
func (a *Atlas) scale(at Coord) float64 {
	top := a.Total * max(at[0], at[1], at[2])
	for _, v := range a.Held {
		top = max(top, v)
	}
	return top
}

// boundary traces where the margin crosses from pro to not pro: marching triangles over the
// lattice's small triangles, each crossing placed on its edge by linear interpolation, the
// segments joined into polylines at the edges they share. On a strip each crossing is a
// polyline of one point.
func (a *Atlas) boundary() {
	a.Boundary = nil
	pro := func(i int) bool { return a.Cells[i].Verdict == VerdictPro }
	cross := func(p, q int) Coord {
		if pro(q) {
			p, q = q, p
		}
		fp, fq := a.Cells[p].Margin*a.scale(a.Cells[p].At), a.Cells[q].Margin*a.scale(a.Cells[q].At)
		t := 0.0
		if d := fp - fq; d > 0 {
			t = math.Min(1, math.Max(0, fp/d))
		}
		var c Coord
		for k := range c {
			c[k] = a.Cells[p].At[k] + t*(a.Cells[q].At[k]-a.Cells[p].At[k])
		}
		return c
	}
	n := a.Resolution
	if len(a.Axes) == 2 {
		for i := range n {
			if pro(i) != pro(i+1) {
				a.Boundary = append(a.Boundary, []Coord{cross(i, i+1)})
			}
		}
		return
	}
	type edge struct{ p, q int }
	key := func(p, q int) edge {
		if p > q {
			p, q = q, p
		}
		return edge{p, q}
	}
	var segs [][2]edge
	tri := func(v [3]int) {
		var es []edge
		for k := range 3 {
			p, q := v[k], v[(k+1)%3]
			if pro(p) != pro(q) {
				es = append(es, key(p, q))
			}
		}
		if len(es) == 2 {
			segs = append(segs, [2]edge{es[0], es[1]})
		}
	}
	for i := range n {
		for j := range n - i {
			tri([3]int{triIndex(n, i, j), triIndex(n, i+1, j), triIndex(n, i, j+1)})
			if i+j < n-1 {
				tri([3]int{triIndex(n, i+1, j), triIndex(n, i+1, j+1), triIndex(n, i, j+1)})
			}
		}
	}
	at := map[edge][]int{}
	for s, e := range segs {
		at[e[0]] = append(at[e[0]], s)
		at[e[1]] = append(at[e[1]], s)
	}
	used := make([]bool, len(segs))
	walk := func(start edge, s int) []Coord {
		line := []Coord{cross(start.p, start.q)}
		e := start
		for !used[s] {
			used[s] = true
			next := segs[s][0]
			if next == e {
				next = segs[s][1]
			}
			line = append(line, cross(next.p, next.q))
			e = next
			s = -1
			for _, t := range at[e] {
				if !used[t] {
					s = t
				}
			}
			if s < 0 {
				break
			}
		}
		return line
	}
	// Open lines first, from an end on the border of the simplex, then closed loops.
	for s, e := range segs {
		for _, end := range e {
			if !used[s] && len(at[end]) == 1 {
				a.Boundary = append(a.Boundary, walk(end, s))
			}
		}
	}
	for s, e := range segs {
		if !used[s] {
			a.Boundary = append(a.Boundary, walk(e[0], s))
		}
	}
}

// locate places a mark and scores its own weights.
func (a *Atlas) locate(g *argument.Graph, m *Model, mk AtlasMark) LocatedMark {
	full := mk.Weights.Full(a.Categories)
	lm := LocatedMark{Name: mk.Name, Weights: full, OnMap: true}
	sum := 0.0
	for _, c := range a.Axes {
		sum += full[c]
	}
	if sum > 0 {
		lm.Placed = true
		for k, c := range a.Axes {
			lm.At[k] = full[c] / sum
		}
		// Off the axes the map holds weights relative to Total; the mark's own are relative to
		// its axes' sum. Equal ratios put it on the map.
		for c, v := range a.Held {
			if math.Abs(full[c]/sum-v/a.Total) > 1e-12 {
				lm.OnMap = false
			}
		}
	}
	mg, _ := m.Margin(full.LambdaFor(g), nil)
	lm.Margin = finite(mg)
	lm.Verdict = VerdictOf(lm.Margin)
	return lm
}

// Nearest is the cell nearest to a coordinate (the one whose part of the simplex holds it).
func (a *Atlas) Nearest(at Coord) *Cell {
	n := float64(a.Resolution)
	if len(a.Axes) == 2 {
		i := int(math.Round(at[0] * n))
		return &a.Cells[min(max(i, 0), a.Resolution)]
	}
	// Round two coordinates and fix the third; when rounding leaves the sum off by one, move
	// the coordinate that rounded furthest.
	x := [3]float64{at[0] * n, at[1] * n, at[2] * n}
	r := [3]int{int(math.Round(x[0])), int(math.Round(x[1])), int(math.Round(x[2]))}
	for s := r[0] + r[1] + r[2]; s != a.Resolution; s = r[0] + r[1] + r[2] {
		best, bestD := 0, -1.0
		for k := range 3 {
			d := float64(r[k]) - x[k]
			if s < a.Resolution {
				d = -d
			}
			if d > bestD {
				best, bestD = k, d
			}
		}
		if s > a.Resolution {
			r[best]--
		} else {
			r[best]++
		}
	}
	for k := range r {
		r[k] = min(max(r[k], 0), a.Resolution)
	}
	return &a.Cells[triIndex(a.Resolution, r[0], min(r[1], a.Resolution-r[0]))]
}
