package score

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// sidedDebate builds an acyclic n-argument debate that respects sides: each argument answers one
// or two of the thesis and the arguments before it, supporting its own side and attacking the
// other. Every path from an argument to the thesis then has the sign of its side.
func sidedDebate(rng *rand.Rand, n int) *argument.Debate {
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "T", Base: 0.5},
		Categories: []string{"moral", "strategic", "political"},
		Arguments:  make([]*argument.Argument, n),
	}
	for i := range n {
		a := &argument.Argument{
			ID:       fmt.Sprintf("a%d", i),
			Side:     []argument.Side{argument.Pro, argument.Con}[rng.IntN(2)],
			Category: d.Categories[rng.IntN(3)],
			Strength: math.Round(rng.Float64()*100) / 100,
		}
		for range 1 + rng.IntN(2) {
			t := rng.IntN(i+1) - 1 // -1: the thesis
			if i < 10 {
				t = -1
			}
			switch {
			case t < 0 && a.Side == argument.Pro:
				a.Supports = append(a.Supports, "T")
			case t < 0:
				a.Attacks = append(a.Attacks, "T")
			case d.Arguments[t].Side == a.Side:
				a.Supports = append(a.Supports, d.Arguments[t].ID)
			default:
				a.Attacks = append(a.Attacks, d.Arguments[t].ID)
			}
		}
		a.Supports, a.Attacks = slices.Compact(a.Supports), slices.Compact(a.Attacks)
		d.Arguments[i] = a
	}
	return d
}

// tangledDebate builds an n-argument debate whose relations ignore sides, so that an argument
// can reach the thesis along paths of both signs; with cyclic set, relations may also point at
// later arguments.
func tangledDebate(rng *rand.Rand, n int, cyclic bool) *argument.Debate {
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "T", Base: math.Round(rng.Float64()*100) / 100},
		Categories: []string{"moral", "strategic", "political"},
	}
	for i := range n {
		a := &argument.Argument{
			ID:       fmt.Sprintf("a%d", i),
			Side:     []argument.Side{argument.Pro, argument.Con}[rng.IntN(2)],
			Category: d.Categories[rng.IntN(3)],
			Strength: math.Round(rng.Float64()*100) / 100,
		}
		for range 1 + rng.IntN(3) {
			target := "T"
			switch {
			case cyclic && rng.IntN(3) > 0:
				if j := rng.IntN(n); j != i {
					target = fmt.Sprintf("a%d", j)
				}
			case i > 0 && rng.IntN(3) > 0:
				target = fmt.Sprintf("a%d", rng.IntN(i))
			}
			if target == "T" && a.Side == argument.Pro || target != "T" && rng.IntN(2) == 0 {
				a.Supports = append(a.Supports, target)
			} else {
				a.Attacks = append(a.Attacks, target)
			}
		}
		d.Arguments = append(d.Arguments, a)
	}
	return d
}

// sensWeights draws weights from [0,3] with one category sometimes left out or at 0.
func sensWeights(rng *rand.Rand) Weights {
	w := Weights{}
	for _, c := range []string{"moral", "strategic", "political"} {
		switch rng.IntN(5) {
		case 0: // left out: weighs 1
		case 1:
			w[c] = 0
		default:
			w[c] = math.Round(rng.Float64()*300) / 100
		}
	}
	if w.Check([]string{"moral", "strategic", "political"}) != nil {
		w["strategic"] = 1
	}
	return w
}

// marginWith scores the debate afresh, through Evaluate rather than the sensitivity code's own
// paths, with one category's weight or one argument's strength changed.
func marginWith(t *testing.T, d *argument.Debate, w Weights, sem Semantics, category string, weight float64, arg int, strength float64) float64 {
	t.Helper()
	if arg >= 0 {
		c := *d
		c.Arguments = slices.Clone(d.Arguments)
		a := *c.Arguments[arg]
		a.Strength = strength
		c.Arguments[arg] = &a
		d = &c
	}
	if category != "" {
		w = w.Full(d.Categories)
		w[category] = weight
		if w.Check(d.Categories) != nil {
			return math.NaN() // every weight 0: no verdict
		}
	}
	r, err := Evaluate(argument.NewGraph(d), w, sem)
	if err != nil {
		t.Fatalf("Evaluate(%v, %s; %s=%g, argument %d=%g): %v", w, sem, category, weight, arg, strength, err)
	}
	return r.Margin
}

// plainMargins scores through a fresh Model with Weights.LambdaFor and a strength override: the
// plain way, none of the sensitivity code's shortcuts.
func plainMargins(g *argument.Graph, w Weights, sem Semantics) (byWeight func(string, float64) float64, byStrength func(int, float64) float64) {
	m := NewModel(g, sem)
	cats := g.Debate.Categories
	tau := slices.Clone(m.Base())
	byWeight = func(c string, x float64) float64 {
		wx := w.Full(cats)
		wx[c] = x
		if wx.Check(cats) != nil {
			return math.NaN()
		}
		mg, _ := m.Margin(wx.LambdaFor(g), nil)
		return mg
	}
	lam := w.LambdaFor(g)
	byStrength = func(i int, x float64) float64 {
		tau[i+1] = x
		mg, _ := m.Margin(lam, tau)
		tau[i+1] = m.Base()[i+1]
		return mg
	}
	return byWeight, byStrength
}

func TestScanFlips(t *testing.T) {
	grid := func(lo, hi float64, steps int, extra ...float64) []float64 {
		g := append(uniform(lo, hi, steps), extra...)
		slices.Sort(g)
		return slices.Compact(g)
	}
	tests := []struct {
		name string
		f    func(float64) float64
		grid []float64
		want []Flip
	}{
		{"linear", func(x float64) float64 { return x - 2.5 }, grid(0, 10, 256),
			[]Flip{{2.5, VerdictCon, VerdictPro}}},
		{"two crossings", func(x float64) float64 { return -(x - 1) * (x - 3) }, grid(0, 10, 256),
			[]Flip{{1, VerdictCon, VerdictPro}, {3, VerdictPro, VerdictCon}}},
		{"touches 0 at a grid point", func(x float64) float64 { return (x - 2) * (x - 2) }, grid(0, 10, 256, 2),
			nil},
		{"touches 0 between grid points", func(x float64) float64 { return (x - 2.01) * (x - 2.01) }, grid(0, 10, 256),
			nil},
		{"flat crossing through a wide tie band", func(x float64) float64 { return math.Pow(x-4, 3) }, grid(0, 10, 256),
			[]Flip{{4, VerdictCon, VerdictPro}}},
		{"a tie plateau between two pros", func(x float64) float64 {
			switch {
			case x < 3:
				return 3 - x
			case x > 4:
				return x - 4
			}
			return 0
		}, grid(0, 10, 256), []Flip{{3, VerdictPro, VerdictTie}, {4, VerdictTie, VerdictPro}}},
		{"a tie only at the start", func(x float64) float64 { return x }, grid(0, 10, 256), nil},
		{"a tie only at the end", func(x float64) float64 { return 10 - x }, grid(0, 10, 256), nil},
		{"constant", func(x float64) float64 { return -1 }, grid(0, 10, 256), nil},
		{"undefined at the start", func(x float64) float64 {
			if x == 0 {
				return math.NaN()
			}
			return 1
		}, grid(0, 10, 256), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := scan(tt.f, tt.grid, 10.0/256)
			if len(got) != len(tt.want) {
				t.Fatalf("flips = %v, want %v", got, tt.want)
			}
			for i := range got {
				if math.Abs(got[i].At-tt.want[i].At) > FlipTolerance || got[i].From != tt.want[i].From || got[i].To != tt.want[i].To {
					t.Errorf("flip %d = %+v, want %+v (within %g)", i, got[i], tt.want[i], FlipTolerance)
				}
			}
		})
	}
}

// TestSensitivitySumClosedForm checks Sum's closed form against a scan of the same margin, and
// both against the formula worked out here: the flip of category c is where Σ w·d = 0, d being
// each category's pro strengths minus its con strengths.
func TestSensitivitySumClosedForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	checked := 0
	for trial := range 200 {
		d := tangledDebate(rng, 1+rng.IntN(12), false)
		w := sensWeights(rng)
		g := argument.NewGraph(d)
		closed, err := AnalyzeSensitivity(g, w, Sum, SensitivityOptions{})
		if err != nil {
			t.Fatal(err)
		}
		scanned, err := AnalyzeSensitivity(g, w, Sum, SensitivityOptions{scanSum: true})
		if err != nil {
			t.Fatal(err)
		}
		diff := map[string]float64{}
		for _, a := range d.Arguments {
			if a.Side == argument.Pro {
				diff[a.Category] += a.Strength
			} else {
				diff[a.Category] -= a.Strength
			}
		}
		full := w.Full(d.Categories)
		where := fmt.Sprintf("trial %d, weights %v", trial, full)
		for k, c := range closed.ByCategory {
			var want []float64
			if dc := diff[c.Category]; math.Abs(dc) > 1e-12 {
				rest := 0.0
				for _, o := range d.Categories {
					if o != c.Category {
						rest += full[o] * diff[o]
					}
				}
				if x := -rest / dc; x > c.From && x < c.To {
					want = append(want, x)
				}
			}
			if got := flipAts(c.Flips); !closeAll(got, want, 1e-9) {
				t.Errorf("%s: %s: closed form %v, want %v", where, c.Category, got, want)
			}
			// A scan misses a flip only when it sits within the tie band's reach of an end.
			if got := flipAts(scanned.ByCategory[k].Flips); !closeAll(got, want, FlipTolerance) {
				t.Errorf("%s: %s: scanned %v, closed form %v", where, c.Category, got, want)
			}
			checked += len(want)
		}
		for i, a := range closed.Arguments {
			if got, scan := flipAts(a.Flips), flipAts(scanned.Arguments[i].Flips); !closeAll(got, scan, FlipTolerance) {
				t.Errorf("%s: argument %s: closed form %v, scanned %v", where, a.ID, got, scan)
			}
			checked += len(a.Flips)
		}
	}
	if checked < 100 {
		t.Errorf("only %d flips checked: the trials do not exercise the closed form", checked)
	}
}

func flipAts(fs []Flip) []float64 {
	var xs []float64
	for _, f := range fs {
		xs = append(xs, f.At)
	}
	return xs
}

func closeAll(a, b []float64, tol float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

// TestSensitivityFlipsAreFlips checks every reported flip from the outside, by scoring the
// debate afresh just below and just above it: the verdicts are the ones reported, and across a
// pro–con flip the margins have opposite signs. It checks too that a fine grid of fresh scores
// finds no change of verdict that no reported flip explains.
func TestSensitivityFlipsAreFlips(t *testing.T) {
	const delta = 1e-5
	rng := rand.New(rand.NewPCG(3, 5))
	flips := 0
	for trial := range 60 {
		cyclic := trial%4 == 3
		var d *argument.Debate
		if trial%2 == 0 {
			d = sidedDebate(rng, 2+rng.IntN(12))
		} else {
			d = tangledDebate(rng, 2+rng.IntN(10), cyclic)
		}
		w := sensWeights(rng)
		g := argument.NewGraph(d)
		for _, sem := range AllSemantics {
			byWeight, byStrength := plainMargins(g, w, sem)
			s, err := AnalyzeSensitivity(g, w, sem, SensitivityOptions{To: 4})
			if err != nil {
				t.Fatal(err)
			}
			if !s.Converged {
				continue
			}
			where := fmt.Sprintf("trial %d, %s, weights %v", trial, sem, s.Weights)
			for _, c := range s.ByCategory {
				for _, f := range c.Flips {
					flips++
					below := marginWith(t, d, w, sem, c.Category, f.At-delta, -1, 0)
					above := marginWith(t, d, w, sem, c.Category, f.At+delta, -1, 0)
					checkFlip(t, fmt.Sprintf("%s: %s at %g", where, c.Category, f.At), f, below, above)
				}
				checkNoneMissed(t, where+": "+c.Category, c.Flips, c.From, c.To, func(x float64) float64 {
					return byWeight(c.Category, x)
				})
			}
			for i, a := range s.Arguments {
				for _, f := range a.Flips {
					flips++
					below := marginWith(t, d, w, sem, "", 0, i, f.At-delta)
					above := marginWith(t, d, w, sem, "", 0, i, f.At+delta)
					checkFlip(t, fmt.Sprintf("%s: %s at %g", where, a.ID, f.At), f, below, above)
				}
				checkNoneMissed(t, where+": "+a.ID, a.Flips, 0, 1, func(x float64) float64 {
					return byStrength(i, x)
				})
			}
		}
	}
	if flips < 200 {
		t.Errorf("only %d flips checked: the trials do not exercise the search", flips)
	}
}

func checkFlip(t *testing.T, where string, f Flip, below, above float64) {
	t.Helper()
	if f.From == f.To {
		t.Errorf("%s: a flip from %s to itself", where, f.From)
	}
	if f.From != VerdictTie && f.To != VerdictTie {
		if !(below*above < 0) || (below > 0) != (f.From == VerdictPro) {
			t.Errorf("%s: %s to %s, but the margin goes from %g to %g", where, f.From, f.To, below, above)
		}
		return
	}
	if VerdictOf(below) != f.From || VerdictOf(above) != f.To {
		t.Errorf("%s: %s to %s, but the margin goes from %g to %g", where, f.From, f.To, below, above)
	}
}

// checkNoneMissed scores 200 points across [lo, hi] and demands a reported flip within every
// step where the verdict's sign changes.
func checkNoneMissed(t *testing.T, where string, flips []Flip, lo, hi float64, margin func(float64) float64) {
	t.Helper()
	const n = 200
	sign := func(m float64) int {
		switch VerdictOf(m) {
		case VerdictPro:
			return 1
		case VerdictCon:
			return -1
		}
		return 0
	}
	prevX, prev := lo, 0
	for k := 0; k <= n; k++ {
		x := lo + (hi-lo)*float64(k)/n
		m := margin(x)
		if math.IsNaN(m) {
			continue
		}
		s := sign(m)
		if s != 0 && prev != 0 && s != prev {
			found := false
			for _, f := range flips {
				if f.At >= prevX-FlipTolerance && f.At <= x+FlipTolerance {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the verdict changes between %g and %g, but the flips are %v", where, prevX, x, flips)
			}
		}
		if s != 0 {
			prevX, prev = x, s
		}
	}
}

// doubleFlip is a DF-QuAD debate whose moral weight flips the verdict twice. With strategic and
// political at 1 and moral at w ≤ 1, λ_moral = w and
//
//	σ(T) − τ(T) = ½·[(1−a)(1−c·w) − (1−p·w)²]
//
// (two pro supporters of strength p, a con attacker c in moral, a con attacker a in
// strategic): a downward parabola, negative at 0 and 1, with two roots in between.
func doubleFlip() (*argument.Debate, []float64) {
	const p, c, a = 0.9, 0.99, 0.2
	d := debate(0.5,
		"p1 pro moral 0.9 +T",
		"p2 pro moral 0.9 +T",
		"c1 con moral 0.99 -T",
		"a1 con strategic 0.2 -T",
	)
	// (1−a)(1−c·w) − (1−p·w)² = −p²w² + (2p − (1−a)c)w − a
	qa, qb, qc := -p*p, 2*p-(1-a)*c, -a
	disc := math.Sqrt(qb*qb - 4*qa*qc)
	return d, []float64{(-qb + disc) / (2 * qa), (-qb - disc) / (2 * qa)}
}

func TestSensitivityDFQuADFlipsTwice(t *testing.T) {
	d, roots := doubleFlip()
	s, err := AnalyzeSensitivity(argument.NewGraph(d), Weights{"moral": 0.5}, DFQuAD, SensitivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	moral := s.Category("moral")
	if got := flipAts(moral.Flips); !closeAll(got, roots, FlipTolerance) {
		t.Fatalf("moral flips at %v, want %v", got, roots)
	}
	if moral.Flips[0].From != VerdictCon || moral.Flips[0].To != VerdictPro || moral.Flips[1].From != VerdictPro || moral.Flips[1].To != VerdictCon {
		t.Errorf("moral flips %+v, want con→pro then pro→con", moral.Flips)
	}
	want := Stable{From: roots[0], To: roots[1], FromFlip: true, ToFlip: true}
	if got := moral.Stable; math.Abs(got.From-want.From) > FlipTolerance || math.Abs(got.To-want.To) > FlipTolerance || !got.FromFlip || !got.ToFlip {
		t.Errorf("stable %+v, want %+v", got, want)
	}
	if s.Verdict != VerdictPro {
		t.Errorf("verdict %s at moral=0.5, want pro", s.Verdict)
	}
	// The nearer root is the lower one: 0.5 → 0.2477 is a 50% cut, 0.5 → 0.9967 a 99% rise.
	if math.Abs(moral.Nearest-roots[0]) > FlipTolerance || math.Abs(moral.Change-(0.5-roots[0])/0.5) > 1e-5 {
		t.Errorf("nearest %g change %g, want %g and %g", moral.Nearest, moral.Change, roots[0], (0.5-roots[0])/0.5)
	}
}

// TestSensitivityEmptyCategory: a category no argument is in never flips a verdict, under any
// semantics, at any weight: it does not set the scale of λ (see Weights.LambdaFor).
func TestSensitivityEmptyCategory(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for trial := range 40 {
		d := tangledDebate(rng, 1+rng.IntN(10), false)
		for _, a := range d.Arguments {
			if a.Category == "political" {
				a.Category = "moral"
			}
		}
		w := sensWeights(rng)
		w["political"] = 0
		if w.Check(d.Categories) != nil {
			w["moral"] = 1
		}
		g := argument.NewGraph(d)
		for _, sem := range AllSemantics {
			opts := SensitivityOptions{To: 50}
			s, err := AnalyzeSensitivity(g, w, sem, opts)
			if err != nil {
				t.Fatal(err)
			}
			pol := s.Category("political")
			if pol.HasArguments || len(pol.Flips) > 0 || pol.Stable.FromFlip || pol.Stable.ToFlip {
				t.Errorf("trial %d, %s, weights %v: political %+v, want no arguments and no flips", trial, sem, s.Weights, pol)
			}
		}
	}
	// Were λ scaled by every category's weight, political at p ≥ 1 in the double-flip debate
	// would give every argument λ = u = 1/p and σ(T) − τ(T) = ½·u·(0.61 − 0.612·u): con at
	// p = 1, pro from p = 0.612/0.61. It holds no argument, so it must not flip anything.
	d, _ := doubleFlip()
	s, err := AnalyzeSensitivity(argument.NewGraph(d), nil, DFQuAD, SensitivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if pol := s.Category("political"); pol.HasArguments || len(pol.Flips) != 0 {
		t.Errorf("political in the double-flip debate: %+v, want no arguments and no flips", pol.Flips)
	}
}

// TestSensitivitySumByHand works one debate through by hand. Pro moral 0.8, con strategic 0.5,
// con political 0.2, all weights 1: S = 0.8 − 0.5 − 0.2 = 0.1, margin 0.1, pro.
//   - moral: 0.8·m − 0.7 = 0 at m = 0.875; stable from 0.875 up.
//   - strategic: 0.6 − 0.5·s = 0 at s = 1.2; stable from 0 to 1.2, a 20% rise.
//   - political: 0.3 − 0.2·p = 0 at p = 1.5; a 50% rise.
//   - arguments: the pro one at 0.7 (margin 0.1 − 0.8 + τ), the con ones at 0.6 and 0.3.
func TestSensitivitySumByHand(t *testing.T) {
	d := debate(0.5, "m pro moral 0.8 +T", "s con strategic 0.5 -T", "p con political 0.2 -T")
	s, err := AnalyzeSensitivity(argument.NewGraph(d), nil, Sum, SensitivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Verdict != VerdictPro || math.Abs(s.Margin-0.1) > 1e-12 {
		t.Errorf("verdict %s margin %g, want pro 0.1", s.Verdict, s.Margin)
	}
	want := map[string]struct {
		flip   float64
		stable Stable
		change float64
	}{
		"moral":     {0.875, Stable{From: 0.875, To: 10, FromFlip: true}, 0.125},
		"strategic": {1.2, Stable{From: 0, To: 1.2, ToFlip: true}, 0.2},
		"political": {1.5, Stable{From: 0, To: 1.5, ToFlip: true}, 0.5},
	}
	for _, c := range s.ByCategory {
		w := want[c.Category]
		if len(c.Flips) != 1 || math.Abs(c.Flips[0].At-w.flip) > 1e-12 {
			t.Errorf("%s flips %v, want [%g]", c.Category, c.Flips, w.flip)
			continue
		}
		if c.Stable != w.stable && !(math.Abs(c.Stable.From-w.stable.From) < 1e-12 && math.Abs(c.Stable.To-w.stable.To) < 1e-12) {
			t.Errorf("%s stable %+v, want %+v", c.Category, c.Stable, w.stable)
		}
		if math.Abs(c.Change-w.change) > 1e-12 {
			t.Errorf("%s change %g, want %g", c.Category, c.Change, w.change)
		}
	}
	if s.Critical != "moral" {
		t.Errorf("critical %q, want moral (a 12.5%% cut)", s.Critical)
	}
	for i, wantAt := range []float64{0.7, 0.6, 0.3} {
		a := s.Arguments[i]
		if len(a.Flips) != 1 || math.Abs(a.Flips[0].At-wantAt) > 1e-12 {
			t.Errorf("%s flips %v, want [%g]", a.ID, a.Flips, wantAt)
		}
	}
}

func TestSensitivityNothingFlips(t *testing.T) {
	// a at 1 makes DF-QuAD's support aggregate 1, so c at strength 1 only ties at the very end.
	d := debate(0.5, "a pro moral 1 +T", "b pro strategic 0.4 +T", "c con political 0.1 -T", "loose con moral 1")
	for _, sem := range AllSemantics {
		s, err := AnalyzeSensitivity(argument.NewGraph(d), nil, sem, SensitivityOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if sem != Sum && s.Flipped() {
			t.Errorf("%s: something flips: %+v", sem, s)
		}
		if sem != Sum && s.Critical != "" {
			t.Errorf("%s: critical %q, want none", sem, s.Critical)
		}
		loose := s.Arguments[3]
		if sem != Sum && (loose.Connected || len(loose.Flips) > 0) {
			t.Errorf("%s: an argument with no path to the thesis: %+v", sem, loose)
		}
		for _, c := range s.ByCategory {
			if sem != Sum && (c.Stable.ToFlip || c.Stable.FromFlip || c.Stable.From != 0 || c.Stable.To != 10) {
				t.Errorf("%s: %s stable %+v, want the whole range", sem, c.Category, c.Stable)
			}
		}
	}
}

// TestSensitivityMonotoneShortcut compares the two-probe answer for arguments whose paths all
// have one sign with a full scan.
func TestSensitivityMonotoneShortcut(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 30 {
		d := sidedDebate(rng, 5+rng.IntN(40))
		w := sensWeights(rng)
		g := argument.NewGraph(d)
		m := NewModel(g, DFQuAD)
		signs := pathSigns(m)
		for i := 1; i < g.Len(); i++ {
			if want := map[argument.Side]uint8{argument.Pro: 1, argument.Con: 2}[g.Argument(i).Side]; signs[m.pos[i]] != want {
				t.Fatalf("trial %d: %s (%s) has path signs %b, want %b", trial, g.ID(i), g.Argument(i).Side, signs[m.pos[i]], want)
			}
		}
		for _, sem := range []Semantics{DFQuAD, QuadraticEnergy, Euler, MLP} {
			fast, _ := AnalyzeSensitivity(g, w, sem, SensitivityOptions{})
			slow := forceScan(t, g, w, sem)
			for i, a := range fast.Arguments {
				if !closeAll(flipAts(a.Flips), flipAts(slow[i]), FlipTolerance) {
					t.Errorf("trial %d, %s, %s: shortcut %v, full scan %v", trial, sem, a.ID, a.Flips, slow[i])
				}
			}
		}
	}
}

// forceScan finds each argument's flips with a 64-step scan through Model.Margin and a strength
// override: the slow, plain way.
func forceScan(t *testing.T, g *argument.Graph, w Weights, sem Semantics) [][]Flip {
	t.Helper()
	m := NewModel(g, sem)
	lam := w.LambdaFor(g)
	tau := slices.Clone(m.Base())
	out := make([][]Flip, g.Len()-1)
	for i := 1; i < g.Len(); i++ {
		f := func(x float64) float64 {
			tau[i] = x
			mg, _ := m.Margin(lam, tau)
			return mg
		}
		grid := append(uniform(0, 1, 64), m.Base()[i])
		slices.Sort(grid)
		_, out[i-1] = scan(f, slices.Compact(grid), 1.0/64)
		tau[i] = m.Base()[i]
	}
	return out
}

func TestSensitivityRejectsBadInput(t *testing.T) {
	g := argument.NewGraph(debate(0.5, "a pro moral 0.5 +T"))
	tests := []struct {
		w    Weights
		sem  Semantics
		opts SensitivityOptions
		want string
	}{
		{nil, "nope", SensitivityOptions{}, `unknown semantics "nope"`},
		{Weights{"moral": -1}, DFQuAD, SensitivityOptions{}, "negative"},
		{Weights{"moral": 0, "strategic": 0, "political": 0}, DFQuAD, SensitivityOptions{}, "every category weighs 0"},
		{nil, DFQuAD, SensitivityOptions{From: 5, To: 2}, "not above its start"},
		{nil, DFQuAD, SensitivityOptions{From: -1, To: 2}, "weights are 0 or more"},
		{nil, DFQuAD, SensitivityOptions{From: 0, To: math.Inf(1)}, "finite"},
	}
	for _, tt := range tests {
		_, err := AnalyzeSensitivity(g, tt.w, tt.sem, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("AnalyzeSensitivity(%v, %s, %+v) = %v, want an error containing %q", tt.w, tt.sem, tt.opts, err, tt.want)
		}
	}
}

// TestSensitivityWidensToTheWeight: a weight beyond the range is scanned up to, so the interval
// it is stable in is whole.
func TestSensitivityWidensToTheWeight(t *testing.T) {
	d := debate(0.5, "m pro moral 0.8 +T", "s con strategic 0.5 -T", "p con political 0.2 -T")
	s, err := AnalyzeSensitivity(argument.NewGraph(d), Weights{"moral": 20}, Sum, SensitivityOptions{From: 0, To: 5})
	if err != nil {
		t.Fatal(err)
	}
	moral := s.Category("moral")
	if moral.From != 0 || moral.To != 20 || moral.Stable.To != 20 || moral.Stable.ToFlip {
		t.Errorf("moral scanned %g to %g, stable %+v; want 0 to 20, open above", moral.From, moral.To, moral.Stable)
	}
	if c := moral.Curve; c[0].X != 0 || c[len(c)-1].X != 20 {
		t.Errorf("curve from %g to %g, want 0 to 20", c[0].X, c[len(c)-1].X)
	}
}

// TestSensitivityWorkersAgree: the answer does not depend on how many goroutines find it.
func TestSensitivityWorkersAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for _, d := range []*argument.Debate{tangledDebate(rng, 400, false), tangledDebate(rng, 30, true)} {
		g := argument.NewGraph(d)
		one, _ := AnalyzeSensitivity(g, Weights{"moral": 2}, DFQuAD, SensitivityOptions{Workers: 1})
		four, _ := AnalyzeSensitivity(g, Weights{"moral": 2}, DFQuAD, SensitivityOptions{Workers: 4})
		a, _ := json.Marshal(one)
		b, _ := json.Marshal(four)
		if string(a) != string(b) {
			t.Errorf("1 worker and 4 workers disagree:\n%s\n%s", a, b)
		}
	}
}

func TestSensitivityJSON(t *testing.T) {
	d := debate(0.5, "m pro moral 0.8 +T", "s con strategic 0.5 -T", "p con political 0.2 -T")
	s, err := AnalyzeSensitivity(argument.NewGraph(d), Weights{"moral": 1, "strategic": 1}, Sum, SensitivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"argmap":1,"semantics":"sum","weights":{"moral":1,"strategic":1,"political":1},"range":{"from":0,"to":10},` +
		`"verdict":"pro","margin":0.1,"converged":true,"categories":[` +
		`{"category":"moral","weight":1,"flips":[0.875],"stable":{"from":0.875,"to":null},"nearest":0.875,"change":0.125},` +
		`{"category":"strategic","weight":1,"flips":[1.2],"stable":{"from":0,"to":1.2},"nearest":1.2,"change":0.2},` +
		`{"category":"political","weight":1,"flips":[1.5],"stable":{"from":0,"to":1.5},"nearest":1.5,"change":0.5}],` +
		`"critical":"moral","arguments":[` +
		`{"id":"m","side":"pro","category":"moral","strength":0.8,"flips":[0.7]},` +
		`{"id":"s","side":"con","category":"strategic","strength":0.5,"flips":[0.6]},` +
		`{"id":"p","side":"con","category":"political","strength":0.2,"flips":[0.3]}]}`
	if string(got) != want {
		t.Errorf("JSON:\n got %s\nwant %s", got, want)
	}

	// Nothing flips: critical, nearest and change are null, flips empty lists.
	d = debate(0.5, "a pro moral 0.9 +T")
	s, _ = AnalyzeSensitivity(argument.NewGraph(d), nil, DFQuAD, SensitivityOptions{From: 1, To: 3})
	got, _ = json.Marshal(s)
	for _, frag := range []string{`"critical":null`, `"flips":[]`, `"stable":{"from":1,"to":null},"nearest":null,"change":null`, `"range":{"from":1,"to":3}`} {
		if !strings.Contains(string(got), frag) {
			t.Errorf("JSON %s lacks %s", got, frag)
		}
	}
}

func TestFlipBeyond(t *testing.T) {
	f := Flip{At: 2, From: VerdictPro, To: VerdictCon}
	if f.Beyond(1) != VerdictCon || f.Beyond(3) != VerdictPro || f.Beyond(2) != VerdictPro {
		t.Errorf("Beyond: from 1 %s, from 3 %s, from 2 %s; want con, pro, pro", f.Beyond(1), f.Beyond(3), f.Beyond(2))
	}
}

func TestFlipPositionJSON(t *testing.T) {
	for x, want := range map[float64]string{2.4999999512: "2.5", 0.1010967: "0.101097", -1e-9: "0", 1e12: "1000000000000"} {
		if got, _ := at(x).MarshalJSON(); string(got) != want {
			t.Errorf("at(%v) = %s, want %s", x, got, want)
		}
	}
	if got, err := at(math.NaN()).MarshalJSON(); err == nil {
		t.Errorf("at(NaN) = %s: want an error, not a number", got)
	}
}

// TestSensitivityArgumentFlipsTwice: x reaches the thesis along a negative path (it attacks P,
// which supports T) and a positive one (it supports Q, which supports T), so the margin is not
// monotone in its strength. Under DF-QuAD with every λ 1, σ(P) = 0.9 − 0.9τ, σ(Q) = τ and
//
//	σ(T) − τ(T) has the sign of 0.2 − (0.1 + 0.9τ)(1 − τ) = 0.9τ² − 0.8τ + 0.1,
//
// whose roots are (0.8 ± √0.28)/1.8: pro below the first, con between, pro above the second.
func TestSensitivityArgumentFlipsTwice(t *testing.T) {
	d := debate(0.5,
		"x pro strategic 0.5 -P +Q",
		"P pro moral 0.9 +T",
		"Q pro moral 0 +T",
		"A con political 0.8 -T",
	)
	roots := []float64{(0.8 - math.Sqrt(0.28)) / 1.8, (0.8 + math.Sqrt(0.28)) / 1.8}
	s, err := AnalyzeSensitivity(argument.NewGraph(d), nil, DFQuAD, SensitivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	x := s.Arguments[0]
	if got := flipAts(x.Flips); !closeAll(got, roots, FlipTolerance) {
		t.Fatalf("x flips at %v, want %v", got, roots)
	}
	if x.Flips[0].From != VerdictPro || x.Flips[0].To != VerdictCon || x.Flips[1].To != VerdictPro {
		t.Errorf("x flips %+v, want pro→con then con→pro", x.Flips)
	}
	if s.Verdict != VerdictCon {
		t.Errorf("verdict %s, want con", s.Verdict)
	}
}

// TestSensitivityArgumentsMatchPlainScan compares every argument's flips with a plain scan on
// graphs where paths of both signs and cycles are common: the re-solve of what one argument
// reaches, and putting the scores back after it, must not change any answer.
func TestSensitivityArgumentsMatchPlainScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	flips := 0
	for trial := range 24 {
		cyclic := trial%3 == 2
		d := tangledDebate(rng, 20+rng.IntN(30), false)
		if cyclic {
			d = tangledDebate(rng, 5+rng.IntN(10), true)
		}
		// Strong arguments on both sides keep the margin near 0, where strengths flip it.
		w := sensWeights(rng)
		g := argument.NewGraph(d)
		for _, sem := range []Semantics{DFQuAD, QuadraticEnergy, Euler, MLP, Sum} {
			fast, err := AnalyzeSensitivity(g, w, sem, SensitivityOptions{ArgSteps: 64, Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			slow := forceScan(t, g, w, sem)
			for i, a := range fast.Arguments {
				flips += len(a.Flips)
				if !closeAll(flipAts(a.Flips), flipAts(slow[i]), FlipTolerance) {
					t.Errorf("trial %d, %s, weights %v, %s: %v, plain scan %v", trial, sem, fast.Weights, a.ID, a.Flips, slow[i])
				}
			}
		}
	}
	if flips < 100 {
		t.Errorf("only %d argument flips compared", flips)
	}
}
