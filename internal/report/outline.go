package report

import (
	"slices"

	"github.com/argmap/argmap/internal/argument"
)

// Group is the arguments of one side and category, by node index in corpus order: the
// sections a brief (Markdown, HTML) and an Argdown document are laid out in.
type Group struct {
	Side     argument.Side
	Category string
	Nodes    []int
}

// Groups sorts the arguments into sides (pro first) and, within a side, categories in the
// debate's order (categories the debate does not list follow in order of appearance); empty
// groups are left out. An argument of neither side (which the loader refuses) goes with pro,
// so that none is lost.
func Groups(g *argument.Graph) []Group {
	cats := append([]string(nil), g.Debate.Categories...)
	for _, a := range g.Arguments() {
		if !slices.Contains(cats, a.Category) {
			cats = append(cats, a.Category)
		}
	}
	var out []Group
	for _, side := range [...]argument.Side{argument.Pro, argument.Con} {
		for _, c := range cats {
			gr := Group{Side: side, Category: c}
			for i := 1; i < g.Len(); i++ {
				a := g.Argument(i)
				if a.Category == c && (a.Side == side || side == argument.Pro && a.Side != argument.Con) {
					gr.Nodes = append(gr.Nodes, i)
				}
			}
			if len(gr.Nodes) > 0 {
				out = append(out, gr)
			}
		}
	}
	return out
}

// SideName is a side as a heading names it: "Pro" or "Con".
func SideName(s argument.Side) string {
	if s == argument.Con {
		return "Con"
	}
	return "Pro"
}
