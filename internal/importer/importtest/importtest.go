// Package importtest holds what the readers' tests share: writing an imported debate as a
// corpus, loading it back and scoring it, and comparing two graphs' shapes.
package importtest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/importer"
	"github.com/argmap/argmap/internal/score"
)

// WriteAndScore writes d as a corpus (which loads it back through the corpus loader), and
// scores the loaded graph under every semantics.
func WriteAndScore(t testing.TB, d *argument.Debate) *argument.Graph {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := importer.Write(dir, d, false); err != nil {
		t.Fatalf("write: %v", err)
	}
	g, _, err := corpus.LoadGraph(os.DirFS(dir), ".", dir)
	if err != nil {
		t.Fatalf("load back: %v", err)
	}
	for _, sem := range score.AllSemantics {
		if _, err := score.Evaluate(g, score.Weights{}, sem); err != nil {
			t.Fatalf("score under %s: %v", sem, err)
		}
	}
	return g
}

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
