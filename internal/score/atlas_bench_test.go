package score

import (
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/synth"
)

// BenchmarkAtlas scores the whole lattice of a generated debate: 10,000 arguments at resolution
// 50 (1,326 weightings) is the target of 2 s.
func BenchmarkAtlas(b *testing.B) {
	for _, bc := range []struct {
		name      string
		args, res int
		semantics Semantics
	}{
		{"10k/res50/dfquad", 10_000, 50, DFQuAD},
		{"10k/res50/mlp", 10_000, 50, MLP},
		{"10k/res50/sum", 10_000, 50, Sum},
		{"10k/res100/dfquad", 10_000, 100, DFQuAD},
	} {
		g := argument.NewGraph(synth.Generate(synth.Options{Arguments: bc.args, Seed: 1}))
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := NewAtlas(g, Weights{}, bc.semantics, AtlasOptions{Resolution: bc.res}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
