package export

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// Layout turns a DOT graph into a picture. Graphviz's dot does it for argmap (DotProgram);
// tests swap in their own.
type Layout interface {
	// Render lays out graph and returns it in format, "svg" or "png".
	Render(ctx context.Context, graph []byte, format string) ([]byte, error)
}

// ErrNoGraphviz says that Graphviz's dot is not installed.
var ErrNoGraphviz = errors.New("graphviz's dot is not on PATH: install it (apt-get install graphviz, brew install graphviz) and try again")

// DotProgram runs Graphviz's dot: no shell, the graph on standard input, a timeout and a bound
// on what goes in and comes out, so that no corpus text reaches a command line and a pathological
// graph cannot hang the export.
type DotProgram struct {
	Path    string        // the dot binary
	Timeout time.Duration // how long one layout may take
}

// maxDOT and maxPicture bound dot's input and output.
const (
	maxDOT     = 64 << 20
	maxPicture = 256 << 20
)

// FindDot finds dot on PATH, or returns ErrNoGraphviz.
func FindDot() (*DotProgram, error) {
	p, err := exec.LookPath("dot")
	if err != nil {
		return nil, ErrNoGraphviz
	}
	return &DotProgram{Path: p, Timeout: 60 * time.Second}, nil
}

// Render runs dot -Tformat on graph.
func (d *DotProgram) Render(ctx context.Context, graph []byte, format string) ([]byte, error) {
	if format != "svg" && format != "png" {
		return nil, fmt.Errorf("graphviz cannot write %q here: use svg or png", format)
	}
	if len(graph) > maxDOT {
		return nil, fmt.Errorf("the graph is %d MB, more than Graphviz is given (%d MB): export a filtered part with --category, --side or --search", len(graph)>>20, maxDOT>>20)
	}
	if d.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, d.Path, "-T"+format)
	cmd.Stdin = bytes.NewReader(graph)
	var out limitedBuffer
	out.max = maxPicture
	var stderr limitedBuffer
	stderr.max = 4 << 10
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, fmt.Errorf("graphviz's dot took longer than %s: export a filtered part with --category, --side or --search", d.Timeout)
	}
	if out.over {
		return nil, fmt.Errorf("graphviz's dot wrote more than %d MB: export a filtered part with --category, --side or --search", maxPicture>>20)
	}
	if err != nil {
		msg := strings.TrimSpace(safetext.Line(stderr.String()))
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("graphviz's dot failed: %s", msg)
	}
	return out.Bytes(), nil
}

// limitedBuffer keeps at most max bytes and notes whether more came.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.over = true
		p = p[:max(0, b.max-b.Len())]
	}
	b.Buffer.Write(p)
	return len(p), nil
}

// MapOptions style the map.
type MapOptions struct {
	// Result gives each edge its width: the size of its source argument's contribution. Nil
	// draws every edge at the same width.
	Result *score.Result
	// GroupCategory draws each category as a cluster.
	GroupCategory bool
}

// mapLabelWidth is where the map's titles wrap: narrower than the DOT export's, so that the map
// of a debate of twenty arguments is readable at a page's width.
const mapLabelWidth = 22

// Edge widths, in points: the largest contribution gets maxPen.
const (
	minPen = 1.0
	maxPen = 6.0
)

// WriteMapDOT writes the graph as DOT styled for a picture: what export --format dot writes,
// with each side's own shape (pro rounded, con square with cut corners) besides its colour,
// supports solid green, attacks dashed red, edges as wide as their argument's contribution, and
// optionally the categories as clusters.
func WriteMapDOT(out io.Writer, g *argument.Graph, opts MapOptions) error {
	w := newWriter(out)
	pen := edgeWidths(g, opts.Result)
	fmt.Fprintln(w, "digraph argmap {")
	// nslimit bounds the iterations dot spends placing boxes across a row at three per node:
	// the built-in debate's map is the same as without, a generated 1,000-argument one takes
	// 2.5 s instead of 14 (measured on a shared machine).
	fmt.Fprintf(w, "  graph [rankdir=BT, labelloc=t, fontname=\"Helvetica\", fontsize=20, nodesep=0.12, ranksep=0.35, newrank=true, nslimit=3, label=%s];\n",
		dotString(safetext.DOT(safetext.Flat(g.Debate.Title))))
	fmt.Fprintln(w, `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=14, margin="0.15,0.08", penwidth=1.5];`)
	fmt.Fprintln(w, `  edge [fontname="Helvetica", arrowsize=0.8];`)
	fmt.Fprintf(w, "  %s [id=%q, label=%s, style=\"bold,filled\", penwidth=2.5, fontsize=16, color=%q, fillcolor=%q];\n",
		nodeID(argument.ThesisNode), "arg_"+nodeID(argument.ThesisNode),
		dotLabel(append([]string{"THESIS"}, wrap(safetext.Flat(g.Debate.Thesis.Claim), labelWidth)...)), thesisStroke, thesisFill)
	writeNode := func(i int, indent string) {
		a := g.Argument(i)
		stroke, fill := sideColours(a.Side)
		lines := append(wrap(safetext.Flat(a.Title), mapLabelWidth), strings.ToUpper(string(a.Side))+" · "+a.Category)
		writeStrings(w, indent)
		writeNodeID(w, i)
		writeStrings(w, ` [id="arg_`, nodeID(i), `", label=`, dotLabel(lines), `, color="`, stroke, `", fillcolor="`, fill, `"`)
		if a.Side == argument.Con {
			// Not colour alone: a con is a square box with cut corners, a pro a rounded one.
			w.WriteString(`, style="filled,diagonals"`)
		}
		w.WriteString("];\n")
	}
	// The thesis's pro arguments get the left columns and its cons the right, or with
	// clusters, each category its own columns, so that a cluster stands in a block.
	bands := mapBands{count: 2, of: func(i int) int {
		if g.Argument(i).Side == argument.Con {
			return 1
		}
		return 0
	}}
	var cats []string
	byCat := map[string][]int{}
	if opts.GroupCategory {
		catIndex := map[string]int{}
		for i := 1; i < g.Len(); i++ {
			c := g.Argument(i).Category
			if _, ok := byCat[c]; !ok {
				catIndex[c] = len(cats)
				cats = append(cats, c)
			}
			byCat[c] = append(byCat[c], i)
		}
		bands = mapBands{count: len(cats), of: func(i int) int { return catIndex[g.Argument(i).Category] }, keep: true}
	}
	at := mapLayout(g, bands)
	if opts.GroupCategory {
		for k, c := range cats {
			fmt.Fprintf(w, "  subgraph cluster_%d {\n    label=%s; style=\"rounded\"; color=\"#8c959f\"; fontcolor=\"#24292f\"; fontsize=16;\n", k, dotString(safetext.DOT(safetext.Flat(c))))
			for _, i := range byCat[c] {
				writeNode(i, "    ")
			}
			fmt.Fprintln(w, "  }")
		}
	} else {
		for i := 1; i < g.Len(); i++ {
			writeNode(i, "  ")
		}
	}
	for _, r := range edges(g) {
		// Each arrow spans the rows mapGrid put between its ends, so dot keeps those rows;
		// one that would point down (it closes a cycle, or runs between subtrees against the
		// rows) is drawn but does not rank.
		rows := ", minlen=" + strconv.Itoa(at[r.From].row-at[r.To].row)
		if at[r.From].row <= at[r.To].row {
			rows = ", constraint=false"
		}
		style, colour := "solid", proStroke
		if r.Type == argument.Attack {
			style, colour = "dashed", conStroke
		}
		writeStrings(w, "  ")
		writeNodeID(w, r.From)
		w.WriteString(" -> ")
		writeNodeID(w, r.To)
		writeStrings(w, ` [id="rel_`, nodeID(r.From), "_", nodeID(r.To), `", style=`, style, `, color="`, colour, `", penwidth=`, pen[r.From], rows, "];\n")
	}
	writeGridEdges(w, g, at)
	fmt.Fprintln(w, "}")
	return w.Flush()
}

// writeGridEdges writes the invisible edges that hold the grid: each box to the one above it
// in its column, where no relation does it already, and to the thesis each box that nothing
// holds below it (it answers nothing, or only the rest of its cycle). dot draws none of them.
func writeGridEdges(w *bufio.Writer, g *argument.Graph, at []cell) {
	columns := 0
	for _, c := range at {
		columns = max(columns, c.col+1)
	}
	column := make([][]int, columns)
	for i := range at {
		column[at[i].col] = append(column[at[i].col], i)
	}
	for _, nodes := range column {
		slices.SortFunc(nodes, func(a, b int) int { return cmp.Compare(at[a].row, at[b].row) })
		for k := 1; k < len(nodes); k++ {
			above, below := nodes[k-1], nodes[k]
			if !slices.ContainsFunc(g.Out(below), func(e argument.Edge) bool { return e.Node == above }) {
				writeInvisible(w, below, above, at[below].row-at[above].row, "")
			}
		}
	}
	for i := 1; i < len(at); i++ {
		if !slices.ContainsFunc(g.Out(i), func(e argument.Edge) bool { return at[e.Node].row < at[i].row }) {
			// weight 0: it holds the row without pulling the box towards the thesis.
			writeInvisible(w, i, argument.ThesisNode, at[i].row, ", weight=0")
		}
	}
}

// writeInvisible writes an edge dot ranks by but does not draw.
func writeInvisible(w *bufio.Writer, from, to, rows int, attrs string) {
	w.WriteString("  ")
	writeNodeID(w, from)
	w.WriteString(" -> ")
	writeNodeID(w, to)
	writeStrings(w, " [style=invis, minlen=", strconv.Itoa(rows), attrs, "];\n")
}

// mapColumns is how many boxes wide the map is laid out. Four boxes of mapLabelWidth
// characters keep the text of the built-in debate's map about 14 px high when it is shown
// 1,000 px wide (TestMapReadable); a bigger debate grows downwards, until mapCrossings.
const mapColumns = 4

// mapCrossings bounds the rows the map's arrows cross, all told, before the map gets more
// columns: dot lays out each row an arrow crosses as a node of its own, and past a few thousand
// it takes seconds. Generated debates (synth, seed 1) in four columns: 200 arguments cross
// 1,376 rows (dot takes 0.1 s), 500 cross 7,746 (2 s), 1,000 cross 29,183 (more than a
// minute); in eight columns 500 cross 4,756 (0.7 s), in 32 columns 1,000 cross 5,709 (2 s).
const mapCrossings = 6000

// mapLayout lays the map out in mapColumns columns, or, when its arrows would cross more than
// mapCrossings rows, in twice as many, and so on.
func mapLayout(g *argument.Graph, bands mapBands) []cell {
	rels := edges(g)
	for columns := mapColumns; ; columns *= 2 {
		at := mapGrid(g, columns, bands)
		crossed := 0
		for _, r := range rels {
			crossed += max(0, at[r.From].row-at[r.To].row-1)
		}
		if crossed <= mapCrossings || columns >= g.Len() {
			return at
		}
	}
}

// mapBands splits the map's columns into bands, one for each group of the thesis's arguments.
type mapBands struct {
	count int
	of    func(i int) int // argument i's group, 0 to count-1
	// keep hangs an argument under a target in its own group when it has one (or the thesis),
	// so that a category drawn as a cluster stays in its own columns.
	keep bool
}

// cell is a node's place in the map's grid.
type cell struct{ row, col int }

// mapGrid places every node of g in a grid columns wide, the thesis in row 0, so that dot,
// told the rows, lays out a map about that many boxes wide. Left to itself dot puts every
// answer to an argument beside its siblings, under it: the map is as wide as the debate has
// leaves, and the built-in debate's twelve arguments on the thesis stand in one row.
//
// Each argument hangs under one of its targets, the one farthest from the thesis (so the
// others are above it and its arrows point up), which makes a tree; each subtree is packed as
// a block: its root on top, its children's blocks side by side when they fit, otherwise
// stacked like bricks, the tallest first, each as high as the blocks already there allow, its
// outline fitting theirs. Each band of the thesis's arguments (bands) gets its own columns, in
// proportion to its size. A relation that closes a cycle, or that runs between subtrees
// against the rows, is drawn but does not rank (see WriteMapDOT).
func mapGrid(g *argument.Graph, columns int, bands mapBands) []cell {
	n := g.Len()
	order, back := answerOrder(g)
	depth := make([]int, n)
	parent := make([]int, n)
	band := make([]int, n)
	for _, v := range order {
		if v == argument.ThesisNode {
			continue
		}
		parent[v], depth[v] = argument.ThesisNode, 1 // what answers nothing placed hangs from the thesis
		best := -1
		home := func(t int) bool { return bands.keep && (t == argument.ThesisNode || band[t] == bands.of(v)) }
		for _, e := range g.Out(v) {
			if back[[2]int{v, e.Node}] {
				continue
			}
			if best < 0 || home(e.Node) && !home(best) || home(e.Node) == home(best) && (depth[e.Node] > depth[best] || depth[e.Node] == depth[best] && e.Node < best) {
				best = e.Node
			}
		}
		if best >= 0 {
			parent[v], depth[v] = best, depth[best]+1
		}
		band[v] = bands.of(v)
		if parent[v] != argument.ThesisNode {
			band[v] = band[parent[v]]
		}
	}
	kids := make([][]int, n)
	for v := 1; v < n; v++ {
		kids[parent[v]] = append(kids[parent[v]], v)
	}
	// From here on, the tree's own order: each node before its children.
	order = append(order[:0], argument.ThesisNode)
	for k := 0; k < len(order); k++ {
		order = append(order, kids[order[k]]...)
	}
	size := make([]int, n)
	for k := len(order) - 1; k >= 0; k-- {
		v := order[k]
		size[v]++
		if v != argument.ThesisNode {
			size[parent[v]] += size[v]
		}
	}
	// Room: each group of the thesis's arguments gets its own band of columns.
	groups := make([][]int, bands.count)
	weight := make([]int, bands.count)
	for _, c := range kids[argument.ThesisNode] {
		k := bands.of(c)
		groups[k] = append(groups[k], c)
		weight[k] += size[c]
	}
	widths := splitColumns(weight, columns)
	if widths == nil {
		groups, widths = [][]int{kids[argument.ThesisNode]}, []int{columns}
	}
	room := make([]int, n)
	room[argument.ThesisNode] = columns
	for k, grp := range groups {
		for _, c := range grp {
			room[c] = widths[k]
		}
	}
	for _, v := range order {
		if v != argument.ThesisNode && parent[v] != argument.ThesisNode {
			room[v] = room[parent[v]]
		}
	}
	blocks := make([]block, n)
	off := make([]cell, n) // each child's block, from the top left of its parent's children
	for k := len(order) - 1; k >= 0; k-- {
		v := order[k]
		if v == argument.ThesisNode {
			blocks[v] = packBlock(blocks, off, groups, widths)
		} else {
			blocks[v] = packBlock(blocks, off, [][]int{kids[v]}, []int{room[v]})
		}
		for _, c := range kids[v] {
			blocks[c].top, blocks[c].bottom = nil, nil
		}
	}
	at := make([]cell, n)
	left := make([]int, n) // each block's first column
	at[argument.ThesisNode] = cell{0, blocks[argument.ThesisNode].root}
	for _, v := range order {
		for _, c := range kids[v] {
			left[c] = left[v] + off[c].col
			at[c] = cell{at[v].row + 1 + off[c].row, left[c] + blocks[c].root}
		}
	}
	return at
}

// splitColumns shares columns among groups in proportion to their weights, at least one each to
// a group that has any (largest remainders first, then the earlier group); an empty group gets
// none. It returns nil when there are more groups than columns.
func splitColumns(weight []int, columns int) []int {
	total, groups := 0, 0
	for _, w := range weight {
		total += w
		if w > 0 {
			groups++
		}
	}
	if groups == 0 || groups > columns {
		return nil
	}
	share := make([]int, len(weight))
	rest := make([]int, len(weight)) // remainders, in units of 1/total column
	left := columns
	for k, w := range weight {
		if w > 0 {
			share[k] = 1
			left--
		}
	}
	spare := left
	for k, w := range weight {
		if w > 0 {
			share[k] += spare * w / total
			rest[k] = spare * w % total
			left -= spare * w / total
		}
	}
	for ; left > 0; left-- {
		best := -1
		for k, w := range weight {
			if w > 0 && (best < 0 || rest[k] > rest[best]) {
				best = k
			}
		}
		share[best]++
		rest[best] = -1
	}
	return share
}

// block is a subtree packed into the grid: its root's column, and for each of its columns the
// first row it fills and the row after its last, counted from the root's row.
type block struct {
	root        int
	top, bottom []int
}

// free is the top of a column a block leaves empty.
const free = math.MaxInt32

// packBlock packs the children of one node, each group into its own band of columns (the
// thesis's pro and con arguments), and returns the node's block. off gets each child's place.
func packBlock(blocks []block, off []cell, groups [][]int, bands []int) block {
	width, all := 0, 0
	for _, grp := range groups {
		for _, c := range grp {
			width += len(blocks[c].top)
			all++
		}
	}
	if all == 0 {
		return block{root: 0, top: []int{0}, bottom: []int{1}}
	}
	total := 0
	for _, w := range bands {
		total += w
	}
	var b block
	if width <= total {
		// Side by side under their parent, in order: no row is wasted.
		x := 0
		for _, grp := range groups {
			for _, c := range grp {
				off[c] = cell{0, x}
				x += len(blocks[c].top)
			}
		}
		b = block{top: make([]int, width), bottom: make([]int, width)}
	} else {
		b = block{top: make([]int, total), bottom: make([]int, total)}
		x0 := 0
		for k, grp := range groups {
			packBand(blocks, off, grp, bands[k], x0)
			x0 += bands[k]
		}
	}
	for j := range b.top {
		b.top[j] = free
	}
	first := -1
	for _, grp := range groups {
		for _, c := range grp {
			cb := blocks[c]
			for j := range cb.top {
				b.top[off[c].col+j] = min(b.top[off[c].col+j], 1+off[c].row+cb.top[j])
				b.bottom[off[c].col+j] = max(b.bottom[off[c].col+j], 1+off[c].row+cb.bottom[j])
			}
			if first < 0 || off[c].row < off[first].row || off[c].row == off[first].row && off[c].col+cb.root < off[first].col+blocks[first].root {
				first = c
			}
		}
	}
	// The node stands over its first child, on top of the column.
	b.root = off[first].col + blocks[first].root
	b.top[b.root] = 0
	for len(b.top) > 1 && b.top[len(b.top)-1] == free {
		b.top, b.bottom = b.top[:len(b.top)-1], b.bottom[:len(b.bottom)-1]
	}
	return b
}

// packBand stacks blocks into a band of width columns starting at column x0: the tallest (then
// widest) first, each where it sits highest, then where it leaves the band shallowest, then
// leftmost.
func packBand(blocks []block, off []cell, kids []int, width, x0 int) {
	sorted := slices.Clone(kids)
	height := func(c int) int { return slices.Max(blocks[c].bottom) }
	slices.SortFunc(sorted, func(a, b int) int {
		return cmp.Or(height(b)-height(a), len(blocks[b].top)-len(blocks[a].top), a-b)
	})
	skyline := make([]int, width) // the row after the last one filled, per column
	for _, c := range sorted {
		cb := blocks[c]
		w := len(cb.top)
		bestX, bestY, bestDepth := -1, 0, 0
		for x := 0; x+w <= width; x++ {
			y := 0
			for j := range w {
				y = max(y, skyline[x+j]-cb.top[j])
			}
			depth := 0
			for j := range w {
				depth = max(depth, skyline[x+j], y+cb.bottom[j])
			}
			if bestX < 0 || y < bestY || y == bestY && depth < bestDepth {
				bestX, bestY, bestDepth = x, y, depth
			}
		}
		for j := range w {
			if cb.top[j] != free {
				skyline[bestX+j] = max(skyline[bestX+j], bestY+cb.bottom[j])
			}
		}
		off[c] = cell{bestY, x0 + bestX}
	}
}

// answerOrder walks the graph from the thesis down to what answers it (then from each node not
// reached, in order): it returns the nodes so that each comes after every target it does not
// reach through a cycle, and the relations that close a cycle, as from-to pairs.
func answerOrder(g *argument.Graph) ([]int, map[[2]int]bool) {
	n := g.Len()
	const (
		unseen = iota
		open
		done
	)
	state := make([]byte, n)
	post := make([]int, 0, n)
	back := map[[2]int]bool{}
	type frame struct{ node, next int }
	var stack []frame
	for root := 0; root < n; root++ {
		if state[root] != unseen {
			continue
		}
		state[root] = open
		stack = append(stack[:0], frame{root, 0})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			in := g.In(f.node)
			if f.next == len(in) {
				state[f.node] = done
				post = append(post, f.node)
				stack = stack[:len(stack)-1]
				continue
			}
			u := in[f.next].Node
			f.next++
			switch state[u] {
			case unseen:
				state[u] = open
				stack = append(stack, frame{u, 0})
			case open:
				back[[2]int{u, f.node}] = true
			}
		}
	}
	slices.Reverse(post)
	return post, back
}

// edgeWidths gives each argument's outgoing edges a width in proportion to the size of its
// contribution, formatted once with a fixed precision so the picture is the same every time.
func edgeWidths(g *argument.Graph, res *score.Result) []string {
	pen := make([]string, g.Len())
	var contrib []float64
	largest := 0.0
	if res != nil && len(res.Arguments) == g.Len()-1 {
		contrib = make([]float64, g.Len())
		for i, a := range res.Arguments {
			contrib[i+1] = math.Abs(a.Contribution)
			largest = max(largest, contrib[i+1])
		}
	}
	for i := range pen {
		p := 2.0
		if contrib != nil {
			p = minPen
			if largest > 0 {
				p += (maxPen - minPen) * contrib[i] / largest
			}
		}
		pen[i] = strconv.FormatFloat(p, 'f', 2, 64)
	}
	return pen
}

// PictureEncoder writes the map as SVG or PNG, laid out by a Layout.
type PictureEncoder struct {
	w      io.Writer
	layout Layout
	format string
}

// NewPictureEncoder returns an encoder writing format ("svg" or "png") to w.
func NewPictureEncoder(w io.Writer, layout Layout, format string) *PictureEncoder {
	return &PictureEncoder{w: w, layout: layout, format: format}
}

// Encode lays the graph out and writes the picture; nothing is written when the layout fails.
func (e *PictureEncoder) Encode(ctx context.Context, g *argument.Graph, opts MapOptions) error {
	pic, err := RenderMap(ctx, e.layout, g, opts, e.format)
	if err != nil {
		return err
	}
	_, err = e.w.Write(pic)
	return err
}

// RenderMap returns the map of g as a picture in format.
func RenderMap(ctx context.Context, layout Layout, g *argument.Graph, opts MapOptions, format string) ([]byte, error) {
	var dot bytes.Buffer
	if err := WriteMapDOT(&dot, g, opts); err != nil {
		return nil, err
	}
	pic, err := layout.Render(ctx, dot.Bytes(), format)
	if err != nil {
		return nil, err
	}
	if format == "svg" {
		pic = cleanSVG(pic)
	}
	return pic, nil
}

// cleanSVG drops what Graphviz writes before the <svg> element (the XML declaration, the
// doctype and its version comment), so that the SVG can go inline in HTML as it is and the file
// is the same whichever Graphviz wrote it.
func cleanSVG(pic []byte) []byte {
	if i := bytes.Index(pic, []byte("<svg")); i > 0 {
		pic = append([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>`+"\n"), pic[i:]...)
	}
	return pic
}
