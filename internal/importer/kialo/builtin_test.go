package kialo

import (
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/importer"
	"github.com/argmap/argmap/internal/importer/importtest"
)

// kialoExport writes the graph as Kialo would export it, in the older grammar or the newer:
// each argument once, under the first claim it bears on in a walk from the thesis, labelled
// Pro or Con by that relation (so relative to its parent, as Kialo does); every other relation
// a "-> See PATH" link under its target. It is how the built-in debate reads as a Kialo
// discussion, written by a program instead of by hand so that it follows the corpus.
func kialoExport(g *argument.Graph, newer bool) string {
	var b strings.Builder
	if newer {
		fmt.Fprintf(&b, "Discussion Name:\n%s\n\n1. Thesis:\n%s\n", g.Debate.Title, g.Debate.Thesis.Claim)
	} else {
		fmt.Fprintf(&b, "Discussion Title: %s\r\n\r\n1. %s\r\n", g.Debate.Title, g.Debate.Thesis.Claim)
	}
	placed := map[int]bool{argument.ThesisNode: true}
	path := map[int]string{argument.ThesisNode: "1."}
	// A first walk places every argument, breadth first, so that each link's target has a path.
	type child struct {
		node  int
		label string
		link  bool
	}
	children := map[int][]child{}
	queue := []int{argument.ThesisNode}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range g.In(n) {
			label := "Pro"
			if e.Type == argument.Attack {
				label = "Con"
			}
			if placed[e.Node] {
				children[n] = append(children[n], child{e.Node, label, true})
				continue
			}
			placed[e.Node] = true
			children[n] = append(children[n], child{e.Node, label, false})
			queue = append(queue, e.Node)
		}
	}
	// Paths in the order the records are written, depth first.
	var assign func(n int)
	assign = func(n int) {
		for i, c := range children[n] {
			p := fmt.Sprintf("%s%d.", path[n], i+1)
			if c.link {
				continue
			}
			path[c.node] = p
			assign(c.node)
		}
	}
	assign(argument.ThesisNode)
	var write func(n int)
	write = func(n int) {
		for i, c := range children[n] {
			p := fmt.Sprintf("%s%d.", path[n], i+1)
			text := ""
			if c.link {
				text = "-> See " + path[c.node]
			} else {
				text = strings.ReplaceAll(g.Argument(c.node).Claim, "\n", " ")
			}
			if newer {
				indent := strings.Repeat("  ", strings.Count(p, ".")-1)
				fmt.Fprintf(&b, "\n%s%s %s:\n%s%s\n", indent, p, c.label, indent, text)
			} else {
				fmt.Fprintf(&b, "%s %s: %s\r\n", p, c.label, text)
			}
			if !c.link {
				write(c.node)
			}
		}
	}
	write(argument.ThesisNode)
	return b.String()
}

// TestBuiltin reads the built-in debate as a Kialo export in both grammars: the sides worked
// out from the parity of Con labels, and every relation (the tree's and the links'), are the
// corpus's own.
func TestBuiltin(t *testing.T) {
	g, _, err := corpus.LoadGraph(arguments.FS, ".", "builtin")
	if err != nil {
		t.Fatal(err)
	}
	for _, newer := range []bool{false, true} {
		t.Run(fmt.Sprintf("newer=%v", newer), func(t *testing.T) {
			text := kialoExport(g, newer)
			d, sum, err := Read([]byte(text), importer.Options{File: "builtin.txt", Strength: 0.5})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			// The built-in debate is a graph, not a tree: some relations can only be links.
			if len(d.Arguments) != g.Len()-1 || !strings.Contains(sum.String(), "link claims") {
				t.Errorf("%d arguments of %d; summary %s", len(d.Arguments), g.Len()-1, sum)
			}
			back := importtest.WriteAndScore(t, d)
			if diff := importtest.Diff(importtest.Shape(back, importtest.ByClaim), importtest.Shape(g, importtest.ByClaim)); len(diff) > 0 {
				t.Errorf("the Kialo reading changed the graph (%s):\n%s\n%s", sum, strings.Join(diff, "\n"), text)
			}
		})
	}
}
