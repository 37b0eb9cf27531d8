package tui

import (
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
)

// This file is the explorer's own walk of the argument tree, kept small and apart so that it can
// give way to a shared, medium-free tree builder: it follows show's rules (each argument drawn in
// full at its shallowest place, reading down, and referenced elsewhere; cycles cut where they
// close; arguments with no path to the thesis in trees of their own).

// rowKind says how a row shows its node.
type rowKind int

const (
	rowFull     rowKind = iota // the node in full
	rowRef                     // shown in full above
	rowRefBelow                // shown in full further down
	rowCycle                   // an ancestor on its own path
)

// node is one place in the tree before folding.
type node struct {
	id      int // graph index
	depth   int
	rel     argument.RelationType // how it bears on its parent; "" for a root
	kind    rowKind
	context bool // kept only because a match lies below it
	kids    []*node
	loose   bool // the root of a tree with no path to the thesis
}

// forest is the tree from the thesis and the trees of the arguments not connected to it.
type forest struct {
	g               *argument.Graph
	visible, match  []bool
	printed, onPath []bool
	home, homeTree  []int
	trees           int
	roots           []*node
	full            map[int]*node // where each node is drawn in full
	parent          map[*node]*node
	connected       []bool
}

// buildForest walks g under the view filter: matches and their ancestors (what they support or
// attack, transitively) stay; the ancestors that do not match are context.
func buildForest(g *argument.Graph, flt argument.Filter) *forest {
	n := g.Len()
	f := &forest{g: g, visible: make([]bool, n), match: make([]bool, n), printed: make([]bool, n),
		onPath: make([]bool, n), home: make([]int, n), homeTree: make([]int, n),
		full: map[int]*node{}, parent: map[*node]*node{}, connected: g.Connected()}
	var queue []int
	for i := range n {
		a := g.Argument(i)
		f.match[i] = a != nil && flt.Match(a)
		if f.match[i] || i == argument.ThesisNode {
			f.visible[i] = true
			queue = append(queue, i)
		}
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, e := range g.Out(x) {
			if !f.visible[e.Node] {
				f.visible[e.Node] = true
				queue = append(queue, e.Node)
			}
		}
	}
	f.roots = append(f.roots, f.plant(argument.ThesisNode))
	loose := func(i int) bool { return i != argument.ThesisNode && !f.connected[i] && f.visible[i] }
	for pass := range 2 {
		for i := 1; i < n; i++ {
			if !loose(i) || f.homeTree[i] != 0 {
				continue
			}
			sink := true
			for _, e := range g.Out(i) {
				if loose(e.Node) {
					sink = false
					break
				}
			}
			// First the arguments that bear on no other loose one, then any left (in cycles).
			if sink || pass == 1 {
				r := f.plant(i)
				r.loose = true
				f.roots = append(f.roots, r)
			}
		}
	}
	return f
}

// children lists the visible supporters of x, then its visible attackers, in corpus order.
func (f *forest) children(x int) []argument.Edge {
	var kids []argument.Edge
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		for _, e := range f.g.In(x) {
			if e.Type == t && f.visible[e.Node] {
				kids = append(kids, e)
			}
		}
	}
	return kids
}

func (f *forest) plant(root int) *node {
	f.trees++
	f.home[root], f.homeTree[root] = 0, f.trees
	queue := []int{root}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, e := range f.children(x) {
			if f.homeTree[e.Node] == 0 {
				f.home[e.Node], f.homeTree[e.Node] = f.home[x]+1, f.trees
				queue = append(queue, e.Node)
			}
		}
	}
	return f.build(root, 0, "")
}

// build recurses once per level, and levels stop at render.MaxDepth, so a deep chain cannot
// exhaust the stack.
func (f *forest) build(x, depth int, rel argument.RelationType) *node {
	nd := &node{id: x, depth: depth, rel: rel}
	switch {
	case f.onPath[x]:
		nd.kind = rowCycle
		return nd
	case f.printed[x]:
		nd.kind = rowRef
		return nd
	case f.homeTree[x] != f.trees || f.home[x] != depth:
		nd.kind = rowRefBelow
		return nd
	}
	f.printed[x] = true
	f.full[x] = nd
	nd.context = f.g.Argument(x) != nil && !f.match[x]
	if depth >= render.MaxDepth {
		return nd
	}
	f.onPath[x] = true
	for _, e := range f.children(x) {
		k := f.build(e.Node, depth+1, e.Type)
		f.parent[k] = nd
		nd.kids = append(nd.kids, k)
	}
	f.onPath[x] = false
	return nd
}

// row is one visible line of the tree pane.
type row struct {
	*node
	prefix string // the connectors before it
}

// flatten lists the rows the folds leave open, with their connectors.
func (f *forest) flatten(folded map[int]bool, gl render.Glyphs) []row {
	var rows []row
	var walk func(nd *node, prefix, lead string)
	walk = func(nd *node, prefix, lead string) {
		rows = append(rows, row{node: nd, prefix: prefix + lead})
		if nd.kind != rowFull || folded[nd.id] {
			return
		}
		next := prefix
		if nd.depth > 0 {
			if lead == gl.LastBranch {
				next += gl.Gap
			} else {
				next += gl.Pipe
			}
		}
		for i, k := range nd.kids {
			l := gl.Branch
			if i == len(nd.kids)-1 {
				l = gl.LastBranch
			}
			walk(k, next, l)
		}
	}
	for _, r := range f.roots {
		walk(r, "", "")
	}
	return rows
}

// unfoldTo opens every fold above the place where x is drawn in full.
func (f *forest) unfoldTo(x int, folded map[int]bool) {
	nd := f.full[x]
	for nd != nil {
		nd = f.parent[nd]
		if nd != nil {
			delete(folded, nd.id)
		}
	}
}
