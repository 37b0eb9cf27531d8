package tui

import (
	"testing"

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
