// Package importtest holds what the readers' tests share: a graph's shape for round trips to
// compare, and the round trip import makes (check, encode, load back, score), with the check
// that every export of what a reader let through stays inert. For tests only, it sits above
// export in the layers.
package importtest

import (
	"fmt"
	"slices"

	"github.com/argmap/argmap/internal/argument"
)

// Shape is a graph's ids, sides and relations, each relation "FROM supports|attacks TO",
// sorted: what a round trip must keep. key maps each node to the name compared (its id, or
// its claim where the format keeps no ids).
func Shape(g *argument.Graph, key func(g *argument.Graph, i int) string) []string {
	var out []string
	for i := 1; i < g.Len(); i++ {
		out = append(out, fmt.Sprintf("%s is %s", key(g, i), g.Argument(i).Side))
	}
	for _, r := range g.Relations() {
		from, _ := g.Index(r.From)
		to, _ := g.Index(r.To)
		out = append(out, fmt.Sprintf("%s %s %s", key(g, from), r.Type, key(g, to)))
	}
	slices.Sort(out)
	return out
}

// ByID names a node by its id.
func ByID(g *argument.Graph, i int) string { return g.ID(i) }

// ByClaim names a node by its claim.
func ByClaim(g *argument.Graph, i int) string {
	if i == argument.ThesisNode {
		return "thesis: " + g.Debate.Thesis.Claim
	}
	return g.Argument(i).Claim
}

// Diff lists the lines of got and want that the other lacks.
func Diff(got, want []string) []string {
	var out []string
	for _, s := range want {
		if !slices.Contains(got, s) {
			out = append(out, "missing: "+s)
		}
	}
	for _, s := range got {
		if !slices.Contains(want, s) {
			out = append(out, "extra:   "+s)
		}
	}
	return out
}
