// Package synth generates synthetic debates of any size, shaped like real ones, so that loading,
// scoring, rendering and exporting can be measured and stress-tested. It is a development tool:
// nothing in the argmap binary imports it.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/argmap/argmap/internal/argument"
)

// ThesisID is the id of every generated thesis.
const ThesisID = "thesis"

// Options shape a generated debate. The zero value of every field but Arguments picks a default.
type Options struct {
	// Arguments is how many arguments the debate has.
	Arguments int
	// Categories are the debate's categories; nil means argument.DefaultCategories.
	Categories []string
	// Depth is the deepest level ordinary arguments reach, counting arguments that relate to
	// the thesis directly as level 1; 0 means 6. Levels follow a hump: few at level 1, most in
	// the middle, few at the bottom.
	Depth int
	// LongChains is how many chains of 2×Depth further arguments hang below the deepest level,
	// each argument replying to the one before; 0 means one per 1,000 arguments (at least one
	// when the debate is big enough), and a negative value means none.
	LongChains int
	// Cycles is how many back-edges to add, each closing a cycle of its own (a separate strongly
	// connected component); 0 keeps the graph acyclic. A debate too small to hold them gets as
	// many as fit.
	Cycles int
	// Seed makes the debate: the same options and seed give the same debate.
	Seed int64
	// QuotesPerArgument is how many quotes each argument carries; 0 means 1.
	QuotesPerArgument int
	// Sources is how many sources the quotes come from; 0 means one per 100 arguments, between
	// 1 and 100. Every source is quoted at least once when there are enough quotes.
	Sources int
}

func (o Options) withDefaults() Options {
	if o.Arguments < 0 {
		o.Arguments = 0
	}
	if len(o.Categories) == 0 {
		o.Categories = argument.DefaultCategories
	}
	if o.Depth <= 0 {
		o.Depth = 6
	}
	if o.QuotesPerArgument <= 0 {
		o.QuotesPerArgument = 1
	}
	if o.Sources <= 0 {
		o.Sources = min(max(o.Arguments/100, 1), 100)
	}
	chainLen := 2 * o.Depth
	if o.LongChains == 0 {
		o.LongChains = o.Arguments / 1000
		if o.LongChains == 0 && o.Arguments >= 4*(o.Depth+chainLen) {
			o.LongChains = 1
		}
	}
	// Chains never take more than a quarter of the arguments, and need a full-depth spine of
	// ordinary arguments to hang from.
	if o.LongChains > 0 {
		fit := o.Arguments / 4 / chainLen
		if o.Arguments-fit*chainLen < o.Depth {
			fit = 0
		}
		o.LongChains = min(o.LongChains, fit)
	}
	o.LongChains = max(o.LongChains, 0)
	o.Cycles = max(o.Cycles, 0)
	return o
}

// node is an argument while the graph is being shaped.
type node struct {
	level  int
	parent int // index into nodes, or -1 for the thesis
	side   argument.Side
	extra  int // a second target at a lower level: node index, -1 for the thesis, -2 for none
	back   int // the node this one closes a cycle to, or -2 for none
	inLoop bool
}

const none = -2

// Generate builds a debate from the options. Relations respect sides (pro arguments support
// the thesis and other pro arguments and attack con ones; con arguments mirror that), every
// argument is connected to the thesis and quotes a source, and the graph has exactly
// opts.Cycles cycles when the debate is big enough for them.
func Generate(opts Options) *argument.Debate {
	o := opts.withDefaults()
	rng := rand.New(rand.NewPCG(uint64(o.Seed), 0x5eed_a59a_1234_abcd))
	g := &gen{rng: rng, opts: o}
	g.shape()
	return g.debate()
}

type gen struct {
	rng     *rand.Rand
	opts    Options
	nodes   []node
	byLevel [][]int // byLevel[l] lists the nodes at level l; byLevel[0] is empty (the thesis)
}

// levelWeight is the share of ordinary arguments at level l of d: a hump that peaks around
// the middle, so most arguments sit two to five levels below the thesis.
func levelWeight(l, d int) int { return min(2*l-1, d+1-l) }

func (g *gen) shape() {
	o := g.opts
	chainLen := 2 * o.Depth
	ordinary := o.Arguments - o.LongChains*chainLen
	maxLevel := o.Depth + chainLen*min(o.LongChains, 1)
	g.byLevel = make([][]int, maxLevel+1)
	g.nodes = make([]node, 0, o.Arguments)

	// A spine first, so that every level up to Depth has somewhere to attach.
	levels := make([]int, ordinary)
	top := min(ordinary, o.Depth)
	for i := range top {
		levels[i] = i + 1
	}
	total := 0
	for l := 1; l <= top; l++ {
		total += levelWeight(l, o.Depth)
	}
	for i := top; i < ordinary; i++ {
		r := g.rng.IntN(total)
		l := 1
		for ; r >= levelWeight(l, o.Depth); l++ {
			r -= levelWeight(l, o.Depth)
		}
		levels[i] = l
	}
	for _, l := range levels {
		g.byLevel[l] = append(g.byLevel[l], len(g.nodes))
		g.nodes = append(g.nodes, node{level: l, extra: none, back: none})
	}
	// Parents and sides, level by level so that a parent's side is known before its replies.
	for l := 1; l <= top; l++ {
		for _, i := range g.byLevel[l] {
			g.attach(i, g.pick(l-1))
		}
	}
	// Long chains: each link replies to the one before, mostly as a rebuttal.
	for range o.LongChains {
		prev := g.pick(o.Depth)
		for k := 1; k <= chainLen; k++ {
			i := len(g.nodes)
			l := o.Depth + k
			g.nodes = append(g.nodes, node{level: l, extra: none, back: none})
			g.byLevel[l] = append(g.byLevel[l], i)
			g.attach(i, prev)
			prev = i
		}
	}
	// Some arguments bear on a second, higher argument (or the thesis) too. Edges always go
	// to a strictly lower level, so the graph stays acyclic.
	for i := range g.nodes {
		n := &g.nodes[i]
		if n.level < 2 || g.rng.Float64() >= 0.12 {
			continue
		}
		t := g.pick(g.rng.IntN(n.level))
		if t != n.parent {
			n.extra = t
		}
	}
	g.addCycles()
}

// pick returns a random node at level l, or -1 (the thesis) for level 0.
func (g *gen) pick(l int) int {
	if l == 0 {
		return -1
	}
	at := g.byLevel[l]
	return at[g.rng.IntN(len(at))]
}

// attach makes node i reply to parent: at level 1 it takes a side on the thesis, below that it
// either backs its parent (same side) or rebuts it (the other side).
func (g *gen) attach(i, parent int) {
	n := &g.nodes[i]
	n.parent = parent
	switch {
	case parent < 0 && g.rng.Float64() < 0.55:
		n.side = argument.Pro
	case parent < 0:
		n.side = argument.Con
	case g.rng.Float64() < 0.4:
		n.side = g.nodes[parent].side
	default:
		n.side = g.nodes[parent].side.Opposite()
	}
}

// addCycles closes each cycle with a back-edge from an ancestor A down to a descendant X on
// A's chain of parents. The nodes of one chain belong to no other cycle and lose their extra
// target, so every path out of a cycle climbs strictly above it: no two cycles can merge into
// one strongly connected component, and there are exactly as many cycles as back-edges.
func (g *gen) addCycles() {
	want := g.opts.Cycles
	if want == 0 {
		return
	}
	try := func(x int) bool {
		n := g.nodes[x]
		if n.level < 2 || n.inLoop {
			return false
		}
		steps := 1 + g.rng.IntN(min(n.level-1, 4))
		path := []int{x}
		for v := x; len(path) <= steps; {
			v = g.nodes[v].parent
			if v < 0 || g.nodes[v].inLoop {
				return false
			}
			path = append(path, v)
		}
		for _, v := range path {
			g.nodes[v].inLoop = true
			g.nodes[v].extra = none
		}
		g.nodes[path[len(path)-1]].back = x
		return true
	}
	made := 0
	for attempt := 0; made < want && attempt < 20*want; attempt++ {
		if try(g.rng.IntN(len(g.nodes))) {
			made++
		}
	}
	for x := 0; made < want && x < len(g.nodes); x++ {
		if try(x) {
			made++
		}
	}
}

// relation says how an argument on side from bears on a target on side to.
func relation(from, to argument.Side) argument.RelationType {
	if from == to {
		return argument.Support
	}
	return argument.Attack
}

func (g *gen) debate() *argument.Debate {
	o := g.opts
	w := &writer{rng: g.rng}
	d := &argument.Debate{
		Version:    1,
		ID:         fmt.Sprintf("synthetic-%d-%d", o.Arguments, o.Seed),
		Title:      w.headline(),
		Question:   "Should Western countries grant asylum to men fleeing a wartime mobilization?",
		Thesis:     argument.Thesis{ID: ThesisID, Claim: "Western countries should grant asylum to men fleeing a wartime mobilization.", Base: argument.DefaultBase},
		Categories: slices.Clone(o.Categories),
	}
	for i := range o.Sources {
		d.Sources = append(d.Sources, w.source(i))
	}
	d.Profiles = profiles(o.Categories)

	// Corpus order is a shuffle, so that references point both forwards and backwards and
	// across files, as they do in a corpus that grew by hand.
	order := g.rng.Perm(len(g.nodes))
	ids := make([]string, len(g.nodes))
	args := make([]*argument.Argument, len(g.nodes))
	for i := range g.nodes {
		title := w.title()
		ids[i] = fmt.Sprintf("%s-%d", slug(title), i+1)
		args[i] = &argument.Argument{
			ID:        ids[i],
			Side:      g.nodes[i].side,
			Category:  o.Categories[g.rng.IntN(len(o.Categories))],
			Title:     title,
			Claim:     w.claim(),
			Reasoning: w.reasoning(),
			Strength:  math.Round((0.05+0.9*g.rng.Float64())*100) / 100,
			Tags:      w.tags(),
		}
	}
	quote := 0
	for i, n := range g.nodes {
		a := args[i]
		targets := []int{n.parent}
		if n.extra != none {
			targets = append(targets, n.extra)
		}
		if n.back != none {
			targets = append(targets, n.back)
		}
		for _, t := range targets {
			id, side := ThesisID, argument.Pro
			if t >= 0 {
				id, side = ids[t], g.nodes[t].side
			}
			if relation(n.side, side) == argument.Support {
				a.Supports = append(a.Supports, id)
			} else {
				a.Attacks = append(a.Attacks, id)
			}
		}
		for range o.QuotesPerArgument {
			// The first quotes go round the sources so that each is cited.
			src := quote % o.Sources
			if quote >= o.Sources {
				src = g.rng.IntN(o.Sources)
			}
			quote++
			a.Quotes = append(a.Quotes, argument.Passage{Source: d.Sources[src].ID, Text: w.quote()})
		}
		if g.rng.Float64() < 0.1 {
			a.Evidence = append(a.Evidence, argument.Passage{Source: d.Sources[g.rng.IntN(o.Sources)].ID, Text: w.evidence()})
		}
		if g.rng.Float64() < 0.15 {
			a.Note = w.note()
		}
	}
	d.Arguments = make([]*argument.Argument, len(args))
	for k, i := range order {
		d.Arguments[k] = args[i]
	}
	return d
}

// profiles returns an even weighting and one that puts each category first.
func profiles(cats []string) []argument.Profile {
	even := argument.Profile{Name: "even", Description: "Every consideration counts the same.", Weights: map[string]float64{}}
	ps := []argument.Profile{even}
	for _, c := range cats {
		even.Weights[c] = 1
	}
	for _, c := range cats {
		p := argument.Profile{
			Name:        slug(c) + "-first",
			Description: fmt.Sprintf("%s considerations count three times as much as the others.", capitalize(c)),
			Weights:     map[string]float64{},
		}
		for _, k := range cats {
			p.Weights[k] = 1
		}
		p.Weights[c] = 3
		ps = append(ps, p)
	}
	return ps
}
