package argument

// Edge is one end of a relation as seen from a node: Node is the other end's index.
type Edge struct {
	Node  int
	Type  RelationType
	Basis Basis // as declared: "" when the corpus gave none, which counts as Stated
}

// Inferred reports whether the relation is the curators' reading rather than the source's.
func (e Edge) Inferred() bool { return e.Basis == Inferred }

// Relation is a support or attack from one node to another, named by id, with where it comes
// from: Basis as declared ("" when the corpus gave none, which counts as Stated), the Quote
// from Source that states it, and the Note that says why an inferred one is read in.
type Relation struct {
	From   string
	To     string
	Type   RelationType
	Basis  Basis
	Quote  string
	Source string
	Note   string
	Pos    Pos
	// SourceAt is where the source id stands, for Check's problems.
	SourceAt Span
}

// Inferred reports whether the relation is the curators' reading rather than the source's.
func (r Relation) Inferred() bool { return r.Basis == Inferred }

// Bare reports whether the relation says nothing of where it comes from, as a bare id.
func (r Relation) Bare() bool {
	return r.Basis == "" && r.Quote == "" && r.Source == "" && r.Note == ""
}

// EffectiveBasis is the basis the relation counts as: Stated when it declares none.
func (r Relation) EffectiveBasis() Basis {
	if r.Basis == "" {
		return Stated
	}
	return r.Basis
}

// Graph is the debate as nodes and edges. Node 0 is the thesis; node i+1 is Debate.Arguments[i],
// so index order is corpus order and everything built on it is stable.
//
// The graph is built from a validated debate: references to unknown ids are skipped (the loader
// reports them) and duplicate relations are kept once.
type Graph struct {
	Debate *Debate
	args   []*Argument
	ids    []string
	index  map[string]int
	in     [][]Edge
	out    [][]Edge
	nrel   int

	statedOnly bool // the inferred relations are left out
}

// ThesisNode is the index of the thesis.
const ThesisNode = 0

// NewGraph builds the graph of a debate.
func NewGraph(d *Debate) *Graph {
	return newGraph(d, d.Arguments, false)
}

func newGraph(d *Debate, args []*Argument, statedOnly bool) *Graph {
	n := len(args) + 1
	g := &Graph{
		Debate:     d,
		statedOnly: statedOnly,
		args:       args,
		ids:        make([]string, n),
		index:      make(map[string]int, n),
		in:         make([][]Edge, n),
		out:        make([][]Edge, n),
	}
	g.ids[0] = d.Thesis.ID
	g.index[d.Thesis.ID] = 0
	for i, a := range args {
		g.ids[i+1] = a.ID
		if _, dup := g.index[a.ID]; !dup {
			g.index[a.ID] = i + 1
		}
	}
	g.link()
	return g
}

// link resolves every relation, then lays the edges out in one array for the ends they leave
// and one for the ends they reach, each node's edges a slice of them: four allocations for
// the whole graph rather than one or two a relation. Edges keep corpus order.
func (g *Graph) link() {
	type rel struct {
		from, to int
		typ      RelationType
		basis    Basis
	}
	count := 0
	for _, a := range g.args {
		count += len(a.Supports) + len(a.Attacks)
	}
	rels := make([]rel, 0, count)
	outDeg := make([]int, len(g.ids))
	inDeg := make([]int, len(g.ids))
	for i, a := range g.args {
		from, first := i+1, len(rels)
		// Duplicates are looked for along the argument's relations so far, or in a map when it
		// has many: a list of 40,000 must not cost 800 million comparisons.
		var seen map[rel]bool
		if len(a.Supports)+len(a.Attacks) > 16 {
			seen = make(map[rel]bool, len(a.Supports)+len(a.Attacks))
		}
		for _, t := range [...]RelationType{Support, Attack} {
			targets := a.Supports
			if t == Attack {
				targets = a.Attacks
			}
		next:
			for k, id := range targets {
				to, ok := g.index[id]
				if !ok || to == from {
					continue
				}
				var basis Basis
				if len(a.Relations) > 0 {
					basis = a.Provenance(t, k).Basis
				}
				if g.statedOnly && basis == Inferred {
					continue
				}
				r := rel{from, to, t, basis}
				if seen != nil {
					key := rel{from: from, to: to, typ: t}
					if seen[key] {
						continue // a duplicate is kept once
					}
					seen[key] = true
				} else {
					for _, prev := range rels[first:] {
						if prev.to == r.to && prev.typ == r.typ {
							continue next
						}
					}
				}
				rels = append(rels, r)
				outDeg[from]++
				inDeg[to]++
			}
		}
	}
	g.nrel = len(rels)
	outs, ins := make([]Edge, len(rels)), make([]Edge, len(rels))
	for v := range g.ids {
		if outDeg[v] > 0 {
			g.out[v], outs = outs[:0:outDeg[v]], outs[outDeg[v]:]
		}
		if inDeg[v] > 0 {
			g.in[v], ins = ins[:0:inDeg[v]], ins[inDeg[v]:]
		}
	}
	for _, r := range rels {
		g.out[r.from] = append(g.out[r.from], Edge{Node: r.to, Type: r.typ, Basis: r.basis})
		g.in[r.to] = append(g.in[r.to], Edge{Node: r.from, Type: r.typ, Basis: r.basis})
	}
}

// Len is the number of nodes, the thesis included.
func (g *Graph) Len() int { return len(g.ids) }

// NumRelations is the number of edges.
func (g *Graph) NumRelations() int { return g.nrel }

// ID returns the id of node i.
func (g *Graph) ID(i int) string { return g.ids[i] }

// Index returns the node index of an id.
func (g *Graph) Index(id string) (int, bool) {
	i, ok := g.index[id]
	return i, ok
}

// Argument returns the argument at node i, or nil for the thesis.
func (g *Graph) Argument(i int) *Argument {
	if i == ThesisNode {
		return nil
	}
	return g.args[i-1]
}

// In lists the supporters and attackers of node i, in corpus order of the relations.
func (g *Graph) In(i int) []Edge { return g.in[i] }

// Out lists what node i supports and attacks.
func (g *Graph) Out(i int) []Edge { return g.out[i] }

// Relations lists every edge in corpus order: by source argument, supports before attacks.
func (g *Graph) Relations() []Relation {
	rels := make([]Relation, 0, g.nrel)
	for from := 1; from < len(g.ids); from++ {
		for _, t := range [...]RelationType{Support, Attack} {
			for _, e := range g.out[from] {
				if e.Type == t {
					rels = append(rels, g.Relation(from, e.Node, t))
				}
			}
		}
	}
	return rels
}

// TopoOrder returns the nodes so that every node comes after all its supporters and attackers,
// ties broken by corpus order. ok is false when the graph has a cycle; the order then holds only
// the nodes outside cycles and those downstream of none.
func (g *Graph) TopoOrder() (order []int, ok bool) {
	n := len(g.ids)
	indeg := make([]int, n)
	for i := range n {
		indeg[i] = len(g.in[i])
	}
	order = make([]int, 0, n)
	// A min-ordered frontier would cost a heap; a FIFO seeded in index order is stable enough
	// and linear.
	for i := range n {
		if indeg[i] == 0 {
			order = append(order, i)
		}
	}
	for head := 0; head < len(order); head++ {
		for _, e := range g.out[order[head]] {
			indeg[e.Node]--
			if indeg[e.Node] == 0 {
				order = append(order, e.Node)
			}
		}
	}
	return order, len(order) == n
}

// Cycles returns the strongly connected components that form cycles, each in index order,
// the list ordered by each component's first node. It runs without recursion so that deep
// chains cannot exhaust the stack.
func (g *Graph) Cycles() [][]int {
	n := len(g.ids)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var comps [][]int
	next := 0
	type frame struct{ v, e int }
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{v: root}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			if f.e < len(g.out[f.v]) {
				w := g.out[f.v][f.e].Node
				f.e++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{v: w})
				} else if onStack[w] && index[w] < low[f.v] {
					low[f.v] = index[w]
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				if low[v] < low[p] {
					low[p] = low[v]
				}
			}
			if low[v] != index[v] {
				continue
			}
			var comp []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			if len(comp) > 1 {
				sortInts(comp)
				comps = append(comps, comp)
			}
		}
	}
	sortComps(comps)
	return comps
}

// Connected marks the nodes that have a path of relations to the thesis (the thesis included).
func (g *Graph) Connected() []bool {
	seen := make([]bool, len(g.ids))
	seen[ThesisNode] = true
	queue := []int{ThesisNode}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.in[v] {
			if !seen[e.Node] {
				seen[e.Node] = true
				queue = append(queue, e.Node)
			}
		}
	}
	return seen
}

// Subgraph keeps the thesis and the arguments for which keep is true, with the relations among
// them.
func (g *Graph) Subgraph(keep func(*Argument) bool) *Graph {
	var args []*Argument
	for _, a := range g.args {
		if keep(a) {
			args = append(args, a)
		}
	}
	return newGraph(g.Debate, args, g.statedOnly)
}

// StatedOnly is the graph with only the relations the source itself makes: the inferred ones
// are left out, the arguments all stay.
func (g *Graph) StatedOnly() *Graph {
	return newGraph(g.Debate, g.args, true)
}

// Relation returns the relation of type t from node from to node to, with its provenance.
func (g *Graph) Relation(from, to int, t RelationType) Relation {
	r := Relation{From: g.ids[from], To: g.ids[to], Type: t}
	a := g.Argument(from)
	if a == nil || len(a.Relations) == 0 {
		return r
	}
	for _, p := range a.Relations {
		if p.To == r.To && p.Type == t {
			p.Pos, p.SourceAt = Pos{}, Span{} // where it was read is the loader's business
			return p
		}
	}
	return r
}

// Arguments lists the graph's arguments in corpus order.
func (g *Graph) Arguments() []*Argument { return g.args }
