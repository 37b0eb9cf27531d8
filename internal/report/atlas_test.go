package report

import (
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// TestDrawAtlas checks that the picture puts each corner where its category has all the
// weight: moral (pro only) at the top, strategic (no argument: a tie) bottom left, political
// (con only) bottom right; the boundary between them; the marks at their places.
func TestDrawAtlas(t *testing.T) {
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "t", Base: 0.5},
		Categories: []string{"moral", "strategic", "political"},
		Arguments: []*argument.Argument{
			{ID: "a", Side: argument.Pro, Category: "moral", Strength: 0.8, Supports: []string{"t"}},
			{ID: "b", Side: argument.Con, Category: "political", Strength: 0.6, Attacks: []string{"t"}},
		},
	}
	marks := []score.AtlasMark{{Name: "moral only", Weights: score.Weights{"moral": 1, "strategic": 0, "political": 0}}, {Name: "even", Weights: score.Weights{}}}
	a, err := score.NewAtlas(argument.NewGraph(d), score.Weights{}, score.Sum, score.AtlasOptions{Resolution: 60, Marks: marks})
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{21, 40, 64} {
		p := DrawAtlas(a, width)
		rows := len(p.Rows)
		if want := (width*866/1000 + 1) / 2; rows < want-1 || rows > want+1 {
			t.Errorf("width %d: %d rows, want about %d", width, rows, want)
		}
		first := func(r []Pixel) Pixel {
			for _, px := range r {
				if px.Ink != InkNone {
					return px
				}
			}
			return Pixel{}
		}
		last := func(r []Pixel) Pixel {
			for i := len(r) - 1; i >= 0; i-- {
				if r[i].Ink != InkNone {
					return r[i]
				}
			}
			return Pixel{}
		}
		bottom := p.Rows[rows-1]
		// Sum: pro where 0.8·moral > 0.6·political, so the boundary runs into the strategic
		// corner, a tie (strategic holds nothing).
		if got := first(bottom); got.Ink != InkTie && got.Ink != InkLine {
			t.Errorf("width %d: bottom left is %+v, want the tie or the boundary", width, got)
		}
		if got := last(bottom); got.Ink != InkCon {
			t.Errorf("width %d: bottom right is %+v, want con", width, got)
		}
		// The top row holds the moral-only mark (mark 0) or pro cells.
		top := p.Rows[0]
		if got := first(top); got.Ink != InkPro && !(got.Ink == InkMark && got.Mark == 0) {
			t.Errorf("width %d: top is %+v, want pro or mark 0", width, got)
		}
		lines, evenAt := 0, -1
		for r, row := range p.Rows {
			for _, px := range row {
				if px.Ink == InkLine {
					lines++
				}
				if px.Ink == InkMark && px.Mark == 1 {
					evenAt = r
				}
			}
		}
		if lines == 0 {
			t.Errorf("width %d: no boundary drawn", width)
		}
		if want := rows * 2 / 3; evenAt < want-1 || evenAt > want+1 {
			t.Errorf("width %d: the centre mark is on row %d of %d, want about %d", width, evenAt, rows, want)
		}
	}
	if got := Marker(0, 3, false) + Marker(8, 12, false) + Marker(9, 12, false) + Marker(11, 12, true); got != "19A*" {
		t.Errorf("markers %q, want 19A*", got)
	}
}
