package tui

import (
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/synth"
)

// BenchmarkWeightChange is one key on a slider to the next frame: the weight moves, the whole
// debate is re-scored (with every contribution) and the screen is drawn again.
func BenchmarkWeightChange(b *testing.B) {
	cases := []struct {
		name string
		g    func() *argument.Graph
	}{
		{"builtin", func() *argument.Graph { return builtin(b) }},
		{"synth-1000", func() *argument.Graph {
			return argument.NewGraph(synth.Generate(synth.Options{Arguments: 1000, Seed: 1}))
		}},
		{"synth-10000", func() *argument.Graph {
			return argument.NewGraph(synth.Generate(synth.Options{Arguments: 10000, Seed: 1}))
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			m := newModel(b, c.g(), Options{Color: true}, 120, 40)
			press(m, "tab")
			right, left := tea.KeyPressMsg{Code: tea.KeyRight}, tea.KeyPressMsg{Code: tea.KeyLeft}
			b.ReportAllocs()
			b.ResetTimer()
			defer reportCPU(b)()
			for i := 0; b.Loop(); i++ {
				k := right
				if i%2 == 1 {
					k = left
				}
				m.Update(k)
				_ = m.View()
			}
		})
	}
}

// BenchmarkStartup is start-up to the first frame on the built-in debate: load and check the
// embedded corpus, score it, build the tree and draw the screen.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		g, _, err := corpus.LoadGraph(arguments.FS, ".", "")
		if err != nil {
			b.Fatal(err)
		}
		m, err := New(Options{Graph: g, Color: true})
		if err != nil {
			b.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// reportCPU adds the process's CPU time per operation to a benchmark's figures: on a shared
// machine the wall time per operation also counts the other processes' turns, the CPU time only
// this one's work (garbage collection included). Call it before the loop and defer what it
// returns.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
