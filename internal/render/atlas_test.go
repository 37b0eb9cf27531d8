package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// hostileAtlas is an atlas whose category and profile names carry terminal escapes.
func hostileAtlas(t *testing.T, sems ...score.Semantics) []*score.Atlas {
	t.Helper()
	cats := []string{"mor\x1b[31mal", "strategic\u202e", "political"}
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "t", Base: 0.5},
		Categories: cats,
		Arguments: []*argument.Argument{
			{ID: "a", Side: argument.Pro, Category: cats[0], Strength: 0.8, Supports: []string{"t"}},
			{ID: "b", Side: argument.Con, Category: cats[1], Strength: 0.6, Attacks: []string{"t"}},
			{ID: "c", Side: argument.Con, Category: cats[2], Strength: 0.3, Attacks: []string{"a"}},
		},
	}
	g := argument.NewGraph(d)
	marks := []score.AtlasMark{{Name: "\x1b]52;c;Zm9v\x07evil", Weights: score.Weights{cats[0]: 2}}, {Name: "mine", Weights: score.Weights{}}}
	var out []*score.Atlas
	for _, sem := range sems {
		a, err := score.NewAtlas(g, score.Weights{}, sem, score.AtlasOptions{Resolution: 40, Marks: marks})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func TestAtlasView(t *testing.T) {
	tests := []struct {
		name         string
		color, ascii bool
		sems         []score.Semantics
		want         []string
	}{
		{"letters", false, false, []score.Semantics{score.DFQuAD}, []string{"P pro, C con", "◆", "semantics dfquad · 861 weightings (resolution 40)"}},
		{"ascii", false, true, []score.Semantics{score.DFQuAD}, []string{"P pro, C con", "*  your weights", "semantics dfquad - 861"}},
		{"colour", true, false, []score.Semantics{score.DFQuAD}, []string{"░▒▓█", "\x1b["}},
		{"multiples", false, false, score.AllSemantics, []string{"861 weightings each (resolution 40)", "half the largest on its map"}},
	}
	for _, tt := range tests {
		atlases := hostileAtlas(t, tt.sems...)
		var buf bytes.Buffer
		err := Atlas(&buf, atlases, AtlasOptions{
			Options: Options{Color: tt.color, ASCII: tt.ascii, Width: 100},
			Styles:  NewStyles(tt.color, atlases[0].Categories), Own: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: output lacks %q:\n%s", tt.name, w, got)
			}
		}
		if !tt.color && strings.ContainsRune(got, '\x1b') {
			t.Errorf("%s: an escape character without colour:\n%q", tt.name, got)
		}
		// Corpus text is inert: its escapes come out spelled, never raw.
		if !strings.Contains(got, `\x1b]52`) || !strings.Contains(got, `mor\x1b[31mal`) || strings.Contains(got, "\u202e") || strings.Contains(got, "\x07") {
			t.Errorf("%s: corpus escapes not made inert:\n%q", tt.name, got)
		}
		if tt.ascii {
			for _, r := range got {
				if r > unicode.MaxASCII {
					t.Fatalf("%s: non-ASCII %q in ASCII output", tt.name, r)
				}
			}
		}
		if tt.name == "multiples" {
			for _, s := range score.AllSemantics {
				if !strings.Contains(got, string(s)+strings.Repeat(" ", 17-len(s))+"PRO under") {
					t.Errorf("multiples: no headline line for %s", s)
				}
			}
		}
	}
}
