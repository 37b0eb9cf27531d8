package score

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/synth"
)

func atlasDebates() []*argument.Debate {
	rng := rand.New(rand.NewPCG(7, 15))
	return []*argument.Debate{
		debate(0.5,
			"a pro moral 0.8 +T", "b con strategic 0.6 -T", "c pro political 0.3 +T",
			"d con moral 0.5 -a", "e pro strategic 0.4 -b"),
		randomDebate(rng, 40, false),
		randomDebate(rng, 25, true),
		tangledDebate(rng, 30, false),
		synth.Generate(synth.Options{Arguments: 200, Seed: 3}),
		synth.Generate(synth.Options{Arguments: 120, Seed: 4, Cycles: 2}),
	}
}

// TestAtlasAgreesWithEvaluate checks sampled cells, under every semantics, against Evaluate at
// the cell's weights: the same margin to the bit and the same verdict.
func TestAtlasAgreesWithEvaluate(t *testing.T) {
	for di, d := range atlasDebates() {
		g := argument.NewGraph(d)
		for _, sem := range AllSemantics {
			a, err := NewAtlas(g, Weights{}, sem, AtlasOptions{Resolution: 12})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(a.Cells), 13*14/2; got != want {
				t.Fatalf("debate %d %s: %d cells, want %d", di, sem, got, want)
			}
			for k := 0; k < len(a.Cells); k += 7 {
				c := a.Cells[k]
				r, err := EvaluateWith(g, a.Weights(c.At), sem, Options{NoContributions: true})
				if err != nil {
					t.Fatal(err)
				}
				if c.Margin != r.Margin || c.Verdict != r.Verdict {
					t.Errorf("debate %d %s at %v: atlas margin %v (%s), score %v (%s)", di, sem, c.At, c.Margin, c.Verdict, r.Margin, r.Verdict)
				}
			}
		}
	}
}

// TestAtlasParallel checks the lattice split across cores (a graph big enough to pass
// parallelWork) against Evaluate, cell by sampled cell.
func TestAtlasParallel(t *testing.T) {
	for _, opts := range []synth.Options{{Arguments: 2000, Seed: 5}, {Arguments: 2000, Seed: 6, Cycles: 3}} {
		g := argument.NewGraph(synth.Generate(opts))
		for _, sem := range []Semantics{DFQuAD, MLP, Sum} {
			a, err := NewAtlas(g, Weights{}, sem, AtlasOptions{Resolution: 50})
			if err != nil {
				t.Fatal(err)
			}
			if g.Len()*len(a.Cells) <= parallelWork {
				t.Fatalf("%d nodes × %d cells is not past parallelWork", g.Len(), len(a.Cells))
			}
			for k := 0; k < len(a.Cells); k += 97 {
				c := a.Cells[k]
				r, err := EvaluateWith(g, a.Weights(c.At), sem, Options{NoContributions: true})
				if err != nil {
					t.Fatal(err)
				}
				if c.Margin != r.Margin {
					t.Errorf("cycles %d %s at %v: atlas margin %v, score %v", opts.Cycles, sem, c.At, c.Margin, r.Margin)
				}
			}
		}
	}
}

// TestAtlasSumBoundary checks every cell under sum against the closed form: the margin's sign is
// the sign of Σ w_k·d_k, d_k being category k's pro strengths minus its con strengths, so the
// boundary is the straight line Σ w_k·d_k = 0.
func TestAtlasSumBoundary(t *testing.T) {
	for di, d := range atlasDebates() {
		g := argument.NewGraph(d)
		a, err := NewAtlas(g, Weights{}, Sum, AtlasOptions{Resolution: 60})
		if err != nil {
			t.Fatal(err)
		}
		diff := map[string]float64{}
		for _, arg := range d.Arguments {
			s := arg.Strength
			if arg.Side == argument.Con {
				s = -s
			}
			diff[arg.Category] += s
		}
		checked := 0
		for _, c := range a.Cells {
			line := 0.0
			for k, cat := range a.Axes {
				line += c.At[k] * diff[cat]
			}
			if math.Abs(line) < 1e-9 {
				continue // on the line
			}
			want := VerdictCon
			if line > 0 {
				want = VerdictPro
			}
			checked++
			if c.Verdict != want {
				t.Errorf("debate %d at %v: verdict %s, the line says %s (Σ w·d = %v)", di, c.At, c.Verdict, want, line)
			}
		}
		if checked == 0 {
			t.Errorf("debate %d: no cell off the line", di)
		}
		// Every boundary point lies on the line.
		for _, pl := range a.Boundary {
			for _, p := range pl {
				line := 0.0
				for k, cat := range a.Axes {
					line += p[k] * diff[cat]
				}
				if math.Abs(line) > 1e-9 {
					t.Errorf("debate %d: boundary point %v is %v off the line", di, p, line)
				}
			}
		}
	}
}

// TestAtlasShares checks that the shares add up to 1, and that a debate whose arguments all
// argue one side gives that side everything where any argument counts.
func TestAtlasShares(t *testing.T) {
	for di, d := range atlasDebates() {
		a, err := NewAtlas(argument.NewGraph(d), Weights{}, DFQuAD, AtlasOptions{Resolution: 20})
		if err != nil {
			t.Fatal(err)
		}
		if s := a.Shares.Pro + a.Shares.Con + a.Shares.Tie; math.Abs(s-1) > 1e-12 {
			t.Errorf("debate %d: shares add up to %v", di, s)
		}
	}
	tests := []struct {
		name string
		d    *argument.Debate
		want Shares
	}{
		{"all pro", debate(0.5, "a pro moral 0.8 +T", "b pro strategic 0.6 +T", "c pro political 0.3 +T", "d pro moral 0.5 +a"), Shares{Pro: 1}},
		{"all con", debate(0.5, "a con moral 0.8 -T", "b con strategic 0.6 -T", "c con political 0.3 -T"), Shares{Con: 1}},
		{"nothing", debate(0.5), Shares{Tie: 1}},
	}
	for _, tt := range tests {
		for _, sem := range AllSemantics {
			a, err := NewAtlas(argument.NewGraph(tt.d), Weights{}, sem, AtlasOptions{Resolution: 30})
			if err != nil {
				t.Fatal(err)
			}
			if a.Shares != tt.want {
				t.Errorf("%s, %s: shares %+v, want %+v", tt.name, sem, a.Shares, tt.want)
			}
			if len(a.Boundary) != 0 {
				t.Errorf("%s, %s: %d boundary lines, want none", tt.name, sem, len(a.Boundary))
			}
		}
	}
}

// TestAtlasAreas checks that the cells' areas tile the simplex: N² small triangles, three thirds each.
func TestAtlasAreas(t *testing.T) {
	for _, n := range []int{1, 2, 7, 100} {
		a := &Atlas{Axes: []string{"a", "b", "c"}, Resolution: n}
		a.lattice()
		sum := 0
		for i, c := range a.Cells {
			sum += c.area
			if s := c.At[0] + c.At[1] + c.At[2]; math.Abs(s-1) > 1e-12 {
				t.Errorf("n %d cell %d at %v: coordinates add up to %v", n, i, c.At, s)
			}
		}
		if sum != 3*n*n {
			t.Errorf("n %d: areas add up to %d thirds, want %d", n, sum, 3*n*n)
		}
		if got := a.Cells[a.Index(n, 0)].At; got != (Coord{1, 0, 0}) {
			t.Errorf("n %d: Index(n, 0) is at %v", n, got)
		}
		for i := 0; i <= n; i++ {
			for j := 0; j <= n-i; j++ {
				c := a.Cells[a.Index(i, j)]
				if near := a.Nearest(c.At); near.At != c.At {
					t.Errorf("n %d: Nearest(%v) is %v", n, c.At, near.At)
				}
			}
		}
	}
}

// TestAtlasStripAndHeld covers two categories (a strip) and five (three axes, two held).
func TestAtlasStripAndHeld(t *testing.T) {
	d := debate(0.5, "a pro moral 0.8 +T", "b con strategic 0.6 -T")
	d.Categories = []string{"moral", "strategic"}
	g := argument.NewGraph(d)
	a, err := NewAtlas(g, Weights{}, Sum, AtlasOptions{Resolution: 10})
	if err != nil {
		t.Fatal(err)
	}
	// Sum: 0.8·w − 0.6·(1 − w) > 0 above w = 3/7.
	if len(a.Cells) != 11 || len(a.Boundary) != 1 || math.Abs(a.Boundary[0][0][0]-3.0/7) > 1e-12 {
		t.Errorf("strip: %d cells, boundary %v; want 11 cells and a flip at 3/7", len(a.Cells), a.Boundary)
	}
	if math.Abs(a.Shares.Pro-(1-0.45)) > 1e-12 { // cells 5..10 are pro: 11 halves of 20
		t.Errorf("strip: pro share %v, want 0.55", a.Shares.Pro)
	}

	d = debate(0.5, "a pro moral 0.8 +T", "b con strategic 0.6 -T", "c con x 0.9 -T")
	d.Categories = []string{"moral", "strategic", "political", "x", "y"}
	g = argument.NewGraph(d)
	w := Weights{"moral": 2, "strategic": 1, "political": 1, "x": 0.5}
	a, err = NewAtlas(g, w, DFQuAD, AtlasOptions{Resolution: 8, Marks: []AtlasMark{{Name: "mine", Weights: w}, {Name: "other", Weights: Weights{"x": 3}}}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Total != 4 || a.Held["x"] != 0.5 || a.Held["y"] != 1 {
		t.Errorf("held: total %v, held %v; want 4 and x 0.5, y 1", a.Total, a.Held)
	}
	mine, other := a.Points[0], a.Points[1]
	if !mine.Placed || !mine.OnMap || mine.At != (Coord{0.5, 0.25, 0.25}) {
		t.Errorf("mine: %+v, want on the map at (0.5, 0.25, 0.25)", mine)
	}
	if c := a.Nearest(mine.At); c.Margin != mine.Margin {
		t.Errorf("mine: margin %v, the map's cell says %v", mine.Margin, c.Margin)
	}
	if !other.Placed || other.OnMap {
		t.Errorf("other: %+v, want placed, off the map's slice", other)
	}
	for _, bad := range [][]string{{"moral"}, {"moral", "moral", "x"}, {"moral", "z", "x"}} {
		if _, err := NewAtlas(g, w, DFQuAD, AtlasOptions{Resolution: 8, Axes: bad}); err == nil {
			t.Errorf("axes %v: no error", bad)
		}
	}
	if _, err := NewAtlas(g, w, DFQuAD, AtlasOptions{Resolution: 0}); err == nil {
		t.Error("resolution 0: no error")
	}
}
