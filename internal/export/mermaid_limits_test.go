package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/synth"
)

// TestMermaidFitsGitHub checks that the map of a debate of any size stays within what GitHub
// draws, and says when it was cut.
func TestMermaidFitsGitHub(t *testing.T) {
	for _, n := range []int{10, 300, 3000, 30000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			g := argument.NewGraph(synth.Generate(synth.Options{Arguments: n, Seed: 1}))
			var buf bytes.Buffer
			if err := NewMermaidEncoder(&buf).Encode(g); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			edges := strings.Count(out, " --> ") + strings.Count(out, " -.-> ")
			if edges > MermaidMaxEdges || len(out) > MermaidMaxChars {
				t.Errorf("%d edges and %d characters, want at most %d and %d", edges, len(out), MermaidMaxEdges, MermaidMaxChars)
			}
			cut := strings.Contains(out, "This map shows")
			if whole := len(g.Relations()) <= MermaidMaxEdges && !cut; !whole && !cut {
				t.Errorf("a map of %d relations was cut without a note", len(g.Relations()))
			}
			if cut && !strings.Contains(out, FullMapCommand) {
				t.Errorf("the note does not give the command for the full map")
			}
		})
	}
}
