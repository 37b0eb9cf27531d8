package report

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// pier is a small debate with a second path to an argument, a cycle through the thesis's
// subtree, an argument with no path to the thesis and a chain three levels deep.
func pier() *argument.Debate {
	return &argument.Debate{
		ID:         "pier",
		Thesis:     argument.Thesis{ID: "build-pier", Claim: "Build the pier.", Base: 0.5},
		Categories: []string{"moral", "strategic", "legal"},
		Arguments: []*argument.Argument{
			{ID: "jobs", Side: argument.Pro, Category: "strategic", Title: "Jobs", Strength: 0.7, Supports: []string{"build-pier"}},
			{ID: "tourism", Side: argument.Pro, Category: "strategic", Title: "Tourism", Strength: 0.4, Supports: []string{"build-pier", "jobs"}},
			{ID: "cost", Side: argument.Con, Category: "moral", Title: "Cost", Strength: 0.6, Attacks: []string{"build-pier"}},
			{ID: "grants", Side: argument.Pro, Category: "strategic", Title: "Grants", Strength: 0.5, Attacks: []string{"cost"}, Supports: []string{"deadline"}},
			{ID: "deadline", Side: argument.Con, Category: "moral", Title: "Deadline", Strength: 0.3, Attacks: []string{"grants", "jobs"}},
			{ID: "birds", Side: argument.Con, Category: "other", Title: "Birds", Strength: 0.2, Attacks: []string{"nothing-here"}},
		},
	}
}

// outline writes a tree one row a line: indent, kind, relation, id, flags.
func outline(t *Tree) string {
	var b strings.Builder
	kinds := map[RowKind]string{RowFull: "", RowRef: "ref ", RowRefBelow: "below ", RowCycle: "cycle ", RowMore: "more "}
	t.Walk(func(r *Row) bool {
		fmt.Fprintf(&b, "%s%s%s%s", strings.Repeat("  ", r.Depth), kinds[r.Kind], r.Rel, map[bool]string{true: " ", false: ""}[r.Rel != ""])
		b.WriteString(r.ID)
		if r.Context {
			b.WriteString(" (context)")
		}
		if r.Kind == RowMore {
			fmt.Fprintf(&b, " %d capped=%v", r.Hidden, r.Capped)
		}
		if r.Scored {
			fmt.Fprintf(&b, " =%.2f", r.Score)
		}
		b.WriteString("\n")
		return true
	})
	return b.String()
}

func TestBuildTree(t *testing.T) {
	tests := []struct {
		name string
		opts TreeOptions
		want string
	}{
		{"whole", TreeOptions{}, `build-pier
  support jobs
    below support tourism
    attack deadline
      below support grants
  support tourism
  attack cost
    attack grants
      ref attack deadline
birds
`},
		{"depth 1", TreeOptions{Depth: 1}, `build-pier
  support jobs
    more jobs 2 capped=false
  support tourism
  attack cost
    more cost 1 capped=false
birds
`},
		{"root", TreeOptions{Root: "cost"}, `cost
  attack grants
    attack deadline
      cycle support grants
`},
		{"filter keeps ancestors as context", TreeOptions{Filter: argument.Filter{Search: "deadline"}}, `build-pier
  support jobs (context)
    attack deadline
      below support grants
  attack cost (context)
    attack grants (context)
      ref attack deadline
`},
		{"scores", TreeOptions{Depth: 1, Filter: argument.Filter{Sides: []argument.Side{argument.Pro}}, Scores: map[string]float64{"build-pier": 0.61, "jobs": 0.7}}, `build-pier =0.61
  support jobs =0.70
    more jobs 2 capped=false
  support tourism
  attack cost (context)
    more cost 1 capped=false
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := BuildTree(argument.NewGraph(pier()), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := outline(tree)
			if got != tt.want {
				t.Errorf("BuildTree(%+v):\ngot\n%s\nwant\n%s", tt.opts, got, tt.want)
			}
		})
	}
}

func TestBuildTreeFacts(t *testing.T) {
	g := argument.NewGraph(pier())
	tests := []struct {
		name string
		opts TreeOptions
		got  func(*Tree) any
		want any
	}{
		{"counts", TreeOptions{}, func(t *Tree) any { return t.Counts.Total }, 6},
		{"pro", TreeOptions{}, func(t *Tree) any { return t.Counts.Pro }, 3},
		{"con", TreeOptions{}, func(t *Tree) any { return t.Counts.Con }, 3},
		{"categories in debate order, others after", TreeOptions{}, func(t *Tree) any { return fmt.Sprint(t.Counts.PerCategory) }, "[{moral 2} {strategic 3} {legal 0} {other 1}]"},
		{"unconnected", TreeOptions{}, func(t *Tree) any { return t.UnconnectedCount }, 1},
		{"flags", TreeOptions{}, func(t *Tree) any {
			return fmt.Sprint(t.AnyRef, t.AnyRefBelow, t.AnyCycle, t.AnyCut, t.AnyCapped)
		}, "true true false false false"},
		{"matched and context", TreeOptions{Filter: argument.Filter{Search: "deadline"}}, func(t *Tree) any {
			return fmt.Sprint(t.Counts.Matched, t.Counts.Context, t.Filtered)
		}, "1 3 true"},
		{"under a root", TreeOptions{Root: "cost"}, func(t *Tree) any {
			return fmt.Sprint(t.FromThesis, t.Counts.Total, len(t.Unconnected))
		}, "false 2 0"},
		{"thesis row", TreeOptions{}, func(t *Tree) any { return fmt.Sprint(t.Root.IsThesis(), t.Root.Argument == nil) }, "true true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := BuildTree(g, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.got(tree); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBuildTreeUnknownRoot(t *testing.T) {
	_, err := BuildTree(argument.NewGraph(pier()), TreeOptions{Root: "nope"})
	var u *UnknownNodeError
	if !errors.As(err, &u) || u.ID != "nope" {
		t.Fatalf("got %v, want an *UnknownNodeError for nope", err)
	}
}

// A chain longer than MaxDepth is cut at MaxDepth, and the cut says so.
func TestBuildTreeCapsDepth(t *testing.T) {
	d := &argument.Debate{Thesis: argument.Thesis{ID: "t"}, Categories: []string{"moral"}}
	prev := "t"
	for i := range MaxDepth + 5 {
		id := fmt.Sprintf("c%d", i)
		d.Arguments = append(d.Arguments, &argument.Argument{ID: id, Side: argument.Pro, Category: "moral", Title: id, Supports: []string{prev}})
		prev = id
	}
	tree, err := BuildTree(argument.NewGraph(d), TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rows := tree.Rows()
	last := rows[len(rows)-1]
	if last.Kind != RowMore || !last.Capped || last.Depth != MaxDepth+1 || !tree.AnyCapped {
		t.Errorf("last row %+v, AnyCapped %v: want a capped RowMore at depth %d", last, tree.AnyCapped, MaxDepth+1)
	}
}

func TestGroups(t *testing.T) {
	got := fmt.Sprint(Groups(argument.NewGraph(pier())))
	// Node indices: jobs 1, tourism 2, cost 3, grants 4, deadline 5, birds 6.
	if want := "[{pro strategic [1 2 4]} {con moral [3 5]} {con other [6]}]"; got != want {
		t.Errorf("Groups = %s, want %s", got, want)
	}
}

// Every reference points at its node's row in full, which comes before it for a RowRef and a
// RowCycle and after it for a RowRefBelow.
func TestBuildTreeLinksReferences(t *testing.T) {
	tree, err := BuildTree(argument.NewGraph(pier()), TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rows := tree.Rows()
	pos := map[*Row]int{}
	for i, r := range rows {
		pos[r] = i
	}
	refs := 0
	for i, r := range rows {
		switch r.Kind {
		case RowRef, RowRefBelow, RowCycle:
			refs++
			if r.Full == nil || r.Full.Node != r.Node || r.Full.Kind != RowFull {
				t.Errorf("row %d (%s, kind %d): Full = %+v, want the row of %s in full", i, r.ID, r.Kind, r.Full, r.ID)
				continue
			}
			if below := pos[r.Full] > i; below != (r.Kind == RowRefBelow) {
				t.Errorf("row %d (%s, kind %d): its full row is at %d", i, r.ID, r.Kind, pos[r.Full])
			}
		default:
			if r.Full != nil {
				t.Errorf("row %d (%s, kind %d) has Full set", i, r.ID, r.Kind)
			}
		}
	}
	if refs == 0 {
		t.Fatal("the fixture has no reference: the test checks nothing")
	}
}

// Each row carries its relation to its parent as the graph holds it.
func TestBuildTreeEdges(t *testing.T) {
	tree, err := BuildTree(argument.NewGraph(pier()), TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range tree.Rows() {
		switch {
		case r.Depth == 0 || r.Kind == RowMore:
			if r.Edge != (argument.Edge{}) || r.Rel != "" && r.Depth == 0 {
				t.Errorf("%s at depth %d: edge %+v, want none", r.ID, r.Depth, r.Edge)
			}
		case r.Edge.Node != r.Node || r.Edge.Type != r.Rel:
			t.Errorf("%s: edge %+v, rel %s: want this node and its relation", r.ID, r.Edge, r.Rel)
		}
	}
}
