package score

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// BenchmarkSensitivity is argmap sensitivity on a 10,000-argument acyclic graph: every
// category's weight scanned and bisected, every argument's strength analysed. "sided" graphs
// respect sides, so every argument's margin is monotone and two probes decide it; "tangled"
// ones relate arguments regardless of side, so most arguments need the 32-step scan.
func BenchmarkSensitivity(b *testing.B) {
	const n = 10_000
	graphs := []struct {
		name string
		g    *argument.Graph
	}{
		{"sided", argument.NewGraph(sidedDebate(rand.New(rand.NewPCG(n, 1)), n))},
		{"tangled", argument.NewGraph(tangledDebate(rand.New(rand.NewPCG(n, 2)), n, false))},
	}
	for _, gr := range graphs {
		for _, sem := range []Semantics{DFQuAD, MLP, Sum} {
			for _, workers := range []int{1, 2} {
				name := fmt.Sprintf("%s/%s/n=%d/workers=%d", gr.name, sem, n, workers)
				b.Run(name, func(b *testing.B) {
					var s *Sensitivity
					for b.Loop() {
						var err error
						s, err = AnalyzeSensitivity(gr.g, Weights{"moral": 2}, sem, SensitivityOptions{Workers: workers})
						if err != nil {
							b.Fatal(err)
						}
					}
					flips := 0
					for _, a := range s.Arguments {
						flips += len(a.Flips)
					}
					b.ReportMetric(float64(flips), "arg-flips")
				})
			}
		}
	}
}

// BenchmarkSensitivityScanAll is the worst case for the arguments: every one scanned in 32
// steps (and bisected where it flips), as when no shortcut applies, each probe pushed forward
// through what it reaches.
func BenchmarkSensitivityScanAll(b *testing.B) {
	const n = 10_000
	for _, shape := range []string{"sided", "tangled"} {
		var d *argument.Debate
		if shape == "sided" {
			d = sidedDebate(rand.New(rand.NewPCG(n, 1)), n)
		} else {
			d = tangledDebate(rand.New(rand.NewPCG(n, 2)), n, false)
		}
		g := argument.NewGraph(d)
		b.Run(fmt.Sprintf("%s/dfquad/n=%d", shape, n), func(b *testing.B) {
			for b.Loop() {
				if _, err := AnalyzeSensitivity(g, Weights{"moral": 2}, DFQuAD, SensitivityOptions{scanAll: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
