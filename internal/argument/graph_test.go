package argument

import (
	"fmt"
	"slices"
	"testing"
)

// debate builds a debate from "id side category strength rel target..." specs.
func debate(args ...*Argument) *Debate {
	return &Debate{
		ID:         "d",
		Thesis:     Thesis{ID: "t", Base: DefaultBase},
		Categories: DefaultCategories,
		Arguments:  args,
	}
}

func arg(id string, side Side, supports, attacks []string) *Argument {
	return &Argument{ID: id, Side: side, Category: "moral", Strength: 0.5, Supports: supports, Attacks: attacks}
}

func TestGraphEdges(t *testing.T) {
	g := NewGraph(debate(
		arg("a", Pro, []string{"t"}, nil),
		arg("b", Con, nil, []string{"t", "a"}),
		arg("c", Pro, []string{"a", "a", "missing", "c"}, []string{"b"}), // duplicate, unknown and self are dropped
	))
	if got, want := g.Len(), 4; got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
	if got, want := g.NumRelations(), 5; got != want {
		t.Errorf("NumRelations() = %d, want %d", got, want)
	}
	want := []Relation{
		{From: "a", To: "t", Type: Support},
		{From: "b", To: "t", Type: Attack}, {From: "b", To: "a", Type: Attack},
		{From: "c", To: "a", Type: Support}, {From: "c", To: "b", Type: Attack},
	}
	if got := g.Relations(); !slices.Equal(got, want) {
		t.Errorf("Relations() = %v, want %v", got, want)
	}
	a, _ := g.Index("a")
	if got, want := g.In(a), []Edge{{Node: 2, Type: Attack}, {Node: 3, Type: Support}}; !slices.Equal(got, want) {
		t.Errorf("In(a) = %v, want %v", got, want)
	}
	if g.Argument(ThesisNode) != nil {
		t.Errorf("Argument(thesis) should be nil")
	}
	if got := g.Argument(a).ID; got != "a" {
		t.Errorf("Argument(%d).ID = %q, want a", a, got)
	}
}

// TestGraphLongRelationLists drops duplicates from lists long enough to be checked through a
// map, as from short ones, and keeps the first of each in order.
func TestGraphLongRelationLists(t *testing.T) {
	args := []*Argument{arg("hub", Pro, nil, nil)}
	var supports, attacks []string
	for i := range 30 {
		id := fmt.Sprintf("x%d", i)
		args = append(args, arg(id, Con, nil, nil))
		supports = append(supports, id, id) // each twice
		attacks = append(attacks, id)       // and attacked once: a different relation
	}
	args[0].Supports, args[0].Attacks = append(supports, "hub", "missing"), attacks
	g := NewGraph(debate(args...))
	if got, want := g.NumRelations(), 60; got != want {
		t.Fatalf("NumRelations() = %d, want %d", got, want)
	}
	out := g.Out(1)
	for i := range 30 {
		if want := (Edge{Node: i + 2, Type: Support}); out[i] != want {
			t.Fatalf("Out(hub)[%d] = %v, want %v", i, out[i], want)
		}
		if want := (Edge{Node: i + 2, Type: Attack}); out[30+i] != want {
			t.Fatalf("Out(hub)[%d] = %v, want %v", 30+i, out[30+i], want)
		}
	}
	if got := g.In(2); len(got) != 2 || cap(got) != 2 {
		t.Errorf("In(x0) = %v (cap %d), want 2 edges with no room to append over a neighbour", got, cap(got))
	}
}

func TestTopoOrder(t *testing.T) {
	g := NewGraph(debate(
		arg("a", Pro, []string{"t"}, nil),
		arg("b", Pro, []string{"a"}, nil),
		arg("c", Con, nil, []string{"b"}),
	))
	order, ok := g.TopoOrder()
	if !ok {
		t.Fatal("TopoOrder() reported a cycle in an acyclic graph")
	}
	pos := make([]int, g.Len())
	for i, v := range order {
		pos[v] = i
	}
	for _, r := range g.Relations() {
		from, _ := g.Index(r.From)
		to, _ := g.Index(r.To)
		if pos[from] >= pos[to] {
			t.Errorf("%s comes after %s, which it %ss", r.From, r.To, r.Type)
		}
	}
}

func TestCycles(t *testing.T) {
	g := NewGraph(debate(
		arg("a", Pro, []string{"t", "b"}, nil),
		arg("b", Pro, []string{"a"}, nil),
		arg("c", Pro, []string{"t"}, nil),
		arg("d", Con, nil, []string{"e"}),
		arg("e", Pro, []string{"f"}, []string{"d"}),
		arg("f", Pro, []string{"e"}, nil),
	))
	if _, ok := g.TopoOrder(); ok {
		t.Error("TopoOrder() = ok on a cyclic graph")
	}
	got := fmt.Sprint(g.Cycles())
	if want := "[[1 2] [4 5 6]]"; got != want {
		t.Errorf("Cycles() = %s, want %s", got, want)
	}
}

func TestCyclesDeepChainNoRecursion(t *testing.T) {
	const n = 200000
	args := make([]*Argument, n)
	for i := range n {
		target := "t"
		if i > 0 {
			target = fmt.Sprintf("a%d", i-1)
		}
		args[i] = arg(fmt.Sprintf("a%d", i), Pro, []string{target}, nil)
	}
	g := NewGraph(debate(args...))
	if c := g.Cycles(); len(c) != 0 {
		t.Errorf("Cycles() on a chain = %d components, want 0", len(c))
	}
	if order, ok := g.TopoOrder(); !ok || len(order) != n+1 {
		t.Errorf("TopoOrder() on a chain: ok=%v len=%d", ok, len(order))
	}
}

func TestConnectedAndSubgraph(t *testing.T) {
	g := NewGraph(debate(
		arg("a", Pro, []string{"t"}, nil),
		arg("b", Pro, []string{"a"}, nil),
		arg("lonely", Con, nil, []string{"island"}),
		arg("island", Pro, nil, nil),
	))
	conn := g.Connected()
	if got, want := fmt.Sprint(conn), "[true true true false false]"; got != want {
		t.Errorf("Connected() = %s, want %s", got, want)
	}
	sub := g.Subgraph(func(a *Argument) bool { return a.ID != "a" })
	if got, want := sub.Len(), 4; got != want {
		t.Fatalf("Subgraph Len() = %d, want %d", got, want)
	}
	if rels := sub.Relations(); len(rels) != 1 || rels[0].From != "lonely" {
		t.Errorf("Subgraph relations = %v, want only lonely -> island", rels)
	}
}

func TestFilter(t *testing.T) {
	a := &Argument{ID: "x", Side: Pro, Category: "moral", Title: "Spare Lives", Strength: 0.6, Tags: []string{"life"},
		Quotes: []Passage{{Text: "Dagger to the HEART"}}}
	tests := []struct {
		name string
		f    Filter
		want bool
	}{
		{"zero", Filter{}, true},
		{"side", Filter{Sides: []Side{Con}}, false},
		{"sides", Filter{Sides: []Side{Con, Pro}}, true},
		{"category", Filter{Categories: []string{"strategic"}}, false},
		{"tag", Filter{Tags: []string{"life"}}, true},
		{"tag miss", Filter{Tags: []string{"war"}}, false},
		{"strength", Filter{MinStrength: 0.7}, false},
		{"strength equal", Filter{MinStrength: 0.6}, true},
		{"search title", Filter{Search: "spare"}, true},
		{"search quote", Filter{Search: "heart"}, true},
		{"search miss", Filter{Search: "tampon"}, false},
	}
	for _, tt := range tests {
		if got := tt.f.Match(a); got != tt.want {
			t.Errorf("%s: Match() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFilterCheck(t *testing.T) {
	d := debate(&Argument{ID: "x", Side: Pro, Category: "moral", Tags: []string{"b", "a"}})
	tests := []struct {
		f    Filter
		want string
	}{
		{Filter{Sides: []Side{"maybe"}}, `invalid --side "maybe": use one of pro, con`},
		{Filter{Categories: []string{"legal"}}, `invalid --category "legal": use one of moral, strategic, political`},
		{Filter{Tags: []string{"c"}}, `invalid --tag "c": use one of a, b`},
		{Filter{MinStrength: 2}, `invalid --min-strength 2: give a number from 0 to 1`},
		{Filter{Tags: []string{"a"}, Categories: []string{"moral"}}, ``},
	}
	for _, tt := range tests {
		err := tt.f.Check(d)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("Check(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}
