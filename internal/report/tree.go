package report

import (
	"fmt"
	"slices"

	"github.com/argmap/argmap/internal/argument"
)

// MaxDepth is the deepest level a tree reaches below its root. A deeper chain is cut there, and
// the tree says so (Tree.Capped): a renderer recurses once per level, and no reader follows a
// branch 64 levels deep anyway.
const MaxDepth = 64

// TreeOptions choose what a tree holds.
type TreeOptions struct {
	Root   string          // id of the node to grow from; "" (or the thesis id) is the thesis
	Depth  int             // levels below the root; 0 is every level up to MaxDepth
	Filter argument.Filter // arguments to keep; the ancestors of a match stay, as context

	// Scores, when not nil, are each node's score by id (the thesis's too). A node missing
	// from a non-nil map is shown as unscored in a scored tree.
	Scores map[string]float64
}

// UnknownNodeError is a Root that names no node of the graph.
type UnknownNodeError struct{ ID string }

func (e *UnknownNodeError) Error() string {
	return fmt.Sprintf("no argument with id %q", e.ID)
}

// RowKind says what a row stands for.
type RowKind int

const (
	RowFull     RowKind = iota // the node in full
	RowRef                     // drawn in full above: a second path to it
	RowRefBelow                // drawn in full further down, where its path is shorter
	RowCycle                   // an ancestor on its own path
	RowMore                    // children cut by the depth limit
)

// Row is one node of a tree, with what lies below it. Node and ID name the node (the thesis is
// node argument.ThesisNode, with a nil Argument); for a RowMore they name the node whose
// children were cut.
type Row struct {
	Node     int
	ID       string
	Argument *argument.Argument    // nil for the thesis
	Depth    int                   // 0 for a root
	Rel      argument.RelationType // how the node bears on its parent; "" for a root
	// Edge is the relation to the parent as the parent's In list holds it (Edge.Node is this
	// row's node; zero for a root and a RowMore), so that whatever a relation carries beyond
	// its type reaches every view.
	Edge     argument.Edge
	Kind     RowKind
	Context  bool    // kept only because a match lies below it
	Hidden   int     // RowMore: how many children were cut
	Capped   bool    // RowMore: cut by MaxDepth rather than by TreeOptions.Depth
	Score    float64 // when Scored
	Scored   bool
	Children []*Row
	// Full is, for a RowRef, RowRefBelow or RowCycle, the row where the node is in full (in
	// this tree or an unconnected one), for a view that links or jumps to it; nil otherwise.
	Full *Row
}

// IsThesis says whether the row is the thesis.
func (r *Row) IsThesis() bool { return r.Node == argument.ThesisNode }

// Tree is the argument map as a reader walks it: the root (the thesis, or TreeOptions.Root) with
// each argument under what it supports or attacks, then, from the thesis, the arguments with no
// path to it. Each node is in full once, at its shallowest place; elsewhere it is a reference.
type Tree struct {
	Root *Row
	// Unconnected are the trees of the visible arguments with no path of supports or attacks
	// to the thesis; only a tree grown from the thesis has them.
	Unconnected []*Row
	// UnconnectedCount is the number of visible arguments among them.
	UnconnectedCount int

	FromThesis bool // grown from the thesis
	Filtered   bool // a filter was given
	Depth      int  // TreeOptions.Depth as given
	Scored     bool // TreeOptions.Scores was not nil

	Counts Counts

	// What the rows use, so a legend names only what is there.
	AnyCut      bool // a RowMore cut by Depth
	AnyCapped   bool // a RowMore cut by MaxDepth
	AnyRef      bool
	AnyRefBelow bool
	AnyInferred bool // some relation drawn is inferred
	AnyCycle    bool
}

// Counts are the tree's arguments below its root: Total in scope, Matched by the filter (every
// one when there is none), Context kept only as ancestors of a match; Pro, Con and
// PerCategory count the matches.
type Counts struct {
	Total, Matched, Context int
	Pro, Con                int
	PerCategory             []CategoryCount
}

// CategoryCount is the number of matches in one category. The debate's categories come first,
// in their order, each even at 0; any other category a corpus uses follows, sorted.
type CategoryCount struct {
	Category string
	N        int
}

// Walk visits every row of the tree in reading order, the main tree and then the unconnected
// ones, parents before children. It stops when visit returns false.
func (t *Tree) Walk(visit func(*Row) bool) {
	var walk func(r *Row) bool
	walk = func(r *Row) bool {
		if !visit(r) {
			return false
		}
		for _, k := range r.Children {
			if !walk(k) {
				return false
			}
		}
		return true
	}
	for _, r := range append([]*Row{t.Root}, t.Unconnected...) {
		if !walk(r) {
			return
		}
	}
}

// Rows lists every row in reading order (see Walk).
func (t *Tree) Rows() []*Row {
	var rows []*Row
	t.Walk(func(r *Row) bool { rows = append(rows, r); return true })
	return rows
}

// treeBuilder holds the state of one BuildTree call.
type treeBuilder struct {
	g     *argument.Graph
	opts  TreeOptions
	t     *Tree
	limit int

	root      int
	inScope   []bool // under the root (everything, from the thesis)
	match     []bool // in scope and passing the filter
	visible   []bool // a match or an ancestor of one
	printed   []bool
	onPath    []bool
	connected []bool
	home      []int // depth a node is in full at, in tree homeTree
	homeTree  []int // which tree (1, 2, ...) a node is in; 0 for none yet
	trees     int
}

// BuildTree grows the tree of g that opts describe. The only error is an *UnknownNodeError
// for a Root that names no node.
func BuildTree(g *argument.Graph, opts TreeOptions) (*Tree, error) {
	b := &treeBuilder{g: g, opts: opts, root: argument.ThesisNode}
	if opts.Root != "" {
		i, ok := g.Index(opts.Root)
		if !ok {
			return nil, &UnknownNodeError{ID: opts.Root}
		}
		b.root = i
	}
	b.limit = MaxDepth
	if opts.Depth > 0 && opts.Depth < MaxDepth {
		b.limit = opts.Depth
	}
	b.t = &Tree{
		FromThesis: b.root == argument.ThesisNode,
		Filtered:   !opts.Filter.IsZero(),
		Depth:      opts.Depth,
		Scored:     opts.Scores != nil,
	}
	b.selectNodes()
	n := g.Len()
	b.printed, b.onPath = make([]bool, n), make([]bool, n)
	b.home, b.homeTree = make([]int, n), make([]int, n)
	b.t.Root = b.plant(b.root)
	if b.t.FromThesis {
		b.t.Unconnected = b.unconnected()
		for i := 1; i < n; i++ {
			if !b.connected[i] && b.visible[i] {
				b.t.UnconnectedCount++
			}
		}
	}
	b.count()
	b.link()
	return b.t, nil
}

// link points each reference at the row of its node in full.
func (b *treeBuilder) link() {
	full := map[int]*Row{}
	b.t.Walk(func(r *Row) bool {
		if r.Kind == RowFull {
			full[r.Node] = r
		}
		return true
	})
	b.t.Walk(func(r *Row) bool {
		switch r.Kind {
		case RowRef, RowRefBelow, RowCycle:
			r.Full = full[r.Node]
		}
		return true
	})
}

// selectNodes works out which nodes are in scope, which match the filter and which stay visible.
func (b *treeBuilder) selectNodes() {
	g, n := b.g, b.g.Len()
	b.connected = g.Connected()
	b.inScope = make([]bool, n)
	if b.root == argument.ThesisNode {
		for i := range b.inScope {
			b.inScope[i] = true
		}
	} else {
		b.inScope[b.root] = true
		queue := []int{b.root}
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			for _, e := range g.In(x) {
				if !b.inScope[e.Node] {
					b.inScope[e.Node] = true
					queue = append(queue, e.Node)
				}
			}
		}
	}
	b.match = make([]bool, n)
	b.visible = make([]bool, n)
	var queue []int
	for i := range n {
		if !b.inScope[i] {
			continue
		}
		a := g.Argument(i)
		b.match[i] = a != nil && b.opts.Filter.Match(a)
		if b.match[i] || i == b.root {
			b.visible[i] = true
			queue = append(queue, i)
		}
	}
	// The ancestors of a match are what it supports or attacks, transitively.
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, e := range g.Out(x) {
			if b.inScope[e.Node] && !b.visible[e.Node] {
				b.visible[e.Node] = true
				queue = append(queue, e.Node)
			}
		}
	}
}

// children lists the visible supporters of n, then its visible attackers, in corpus order.
func (b *treeBuilder) children(n int) []argument.Edge {
	var kids []argument.Edge
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		for _, e := range b.g.In(n) {
			if e.Type == t && b.visible[e.Node] {
				kids = append(kids, e)
			}
		}
	}
	return kids
}

// plant grows the tree below root. Each node is in full at its shallowest place in the tree
// (the first one, reading down), and a reference everywhere else, so that what bears directly
// on the root is never buried under a longer path.
func (b *treeBuilder) plant(root int) *Row {
	b.trees++
	b.home[root], b.homeTree[root] = 0, b.trees
	queue := []int{root}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, e := range b.children(x) {
			if b.homeTree[e.Node] == 0 {
				b.home[e.Node], b.homeTree[e.Node] = b.home[x]+1, b.trees
				queue = append(queue, e.Node)
			}
		}
	}
	return b.build(root, 0, argument.Edge{})
}

func (b *treeBuilder) row(n, depth int, e argument.Edge, kind RowKind) *Row {
	r := &Row{Node: n, ID: b.g.ID(n), Argument: b.g.Argument(n), Depth: depth, Rel: e.Type, Edge: e, Kind: kind}
	if b.opts.Scores != nil && kind != RowMore {
		r.Score, r.Scored = b.opts.Scores[r.ID]
	}
	return r
}

// build unfolds the graph below n into rows. It recurses once per level, and levels stop at
// b.limit (at most MaxDepth), so a deep chain cannot exhaust the stack.
func (b *treeBuilder) build(n, depth int, e argument.Edge) *Row {
	switch {
	case b.onPath[n]:
		b.t.AnyCycle = true
		return b.row(n, depth, e, RowCycle)
	case b.printed[n]:
		b.t.AnyRef = true
		return b.row(n, depth, e, RowRef)
	case b.homeTree[n] != b.trees || b.home[n] != depth:
		b.t.AnyRefBelow = true
		return b.row(n, depth, e, RowRefBelow)
	}
	r := b.row(n, depth, e, RowFull)
	b.printed[n] = true
	r.Context = r.Argument != nil && !b.match[n]
	kids := b.children(n)
	if len(kids) == 0 {
		return r
	}
	if depth >= b.limit {
		more := b.row(n, depth+1, argument.Edge{}, RowMore)
		more.Hidden, more.Capped = len(kids), b.limit == MaxDepth
		r.Children = []*Row{more}
		b.t.AnyCut = b.t.AnyCut || !more.Capped
		b.t.AnyCapped = b.t.AnyCapped || more.Capped
		return r
	}
	b.onPath[n] = true
	for _, k := range kids {
		b.t.AnyInferred = b.t.AnyInferred || k.Inferred()
		r.Children = append(r.Children, b.build(k.Node, depth+1, k))
	}
	b.onPath[n] = false
	return r
}

// unconnected grows the trees of the visible arguments with no path to the thesis: first from
// each one that bears on no other of them, then from any left over (those in cycles).
func (b *treeBuilder) unconnected() []*Row {
	n := b.g.Len()
	loose := func(i int) bool { return i != argument.ThesisNode && !b.connected[i] && b.visible[i] }
	var roots []*Row
	for i := 1; i < n; i++ {
		if !loose(i) || b.homeTree[i] != 0 {
			continue
		}
		sink := true
		for _, e := range b.g.Out(i) {
			if loose(e.Node) {
				sink = false
				break
			}
		}
		if sink {
			roots = append(roots, b.plant(i))
		}
	}
	for i := 1; i < n; i++ {
		if loose(i) && b.homeTree[i] == 0 {
			roots = append(roots, b.plant(i))
		}
	}
	return roots
}

// count fills in the tree's Counts.
func (b *treeBuilder) count() {
	g, c := b.g, &b.t.Counts
	perCat := map[string]int{}
	for i := 1; i < g.Len(); i++ {
		if !b.inScope[i] || i == b.root {
			continue
		}
		c.Total++
		switch {
		case b.match[i]:
			c.Matched++
			a := g.Argument(i)
			switch a.Side {
			case argument.Pro:
				c.Pro++
			case argument.Con:
				c.Con++
			}
			perCat[a.Category]++
		case b.visible[i]:
			c.Context++
		}
	}
	cats := slices.Clone(g.Debate.Categories)
	for cat := range perCat {
		if !slices.Contains(cats, cat) {
			cats = append(cats, cat)
		}
	}
	slices.Sort(cats[len(g.Debate.Categories):])
	for _, cat := range cats {
		c.PerCategory = append(c.PerCategory, CategoryCount{Category: cat, N: perCat[cat]})
	}
}
