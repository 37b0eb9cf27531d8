package render

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

func show(t *testing.T, d *argument.Debate, opts ShowOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Show(&b, argument.NewGraph(d), opts); err != nil {
		t.Fatalf("Show: %v", err)
	}
	return b.String()
}

var (
	plain80  = Options{Width: 80}
	color80  = Options{Width: 80, Color: true}
	plain200 = Options{Width: 200}
	color200 = Options{Width: 200, Color: true}
)

func TestShowGolden(t *testing.T) {
	tests := []struct {
		name string
		opts ShowOptions
	}{
		{"plain-80", ShowOptions{Options: plain80}},
		{"color-80", ShowOptions{Options: color80}},
		{"plain-200", ShowOptions{Options: plain200}},
		{"color-200", ShowOptions{Options: color200}},
		{"ascii-80", ShowOptions{Options: Options{Width: 80, ASCII: true}}},
		{"wide-quotes-80", ShowOptions{Options: plain80, Wide: true, Quotes: true}},
		{"depth-1", ShowOptions{Options: plain80, Depth: 1}},
		{"root-labour", ShowOptions{Options: plain80, Root: "labour-shortage"}},
		{"side-con", ShowOptions{Options: plain80, Filter: argument.Filter{Sides: []argument.Side{argument.Con}}}},
		{"side-con-color", ShowOptions{Options: color80, Filter: argument.Filter{Sides: []argument.Side{argument.Con}}}},
		{"search-nothing", ShowOptions{Options: plain80, Filter: argument.Filter{Search: "zzz"}}},
		{"scores", ShowOptions{Options: plain80, Scores: map[string]float64{"open-harbour": 0.62, "duty-of-rescue": 0.9}, ScoreLabel: "score, even profile", Verdict: "Verdict: grant (0.62)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "show/harbour-"+tt.name, []byte(show(t, harbour(), tt.opts)))
		})
	}
}

// Colour changes how the output looks, never what it says.
func TestShowColorOnlyAddsStyle(t *testing.T) {
	for _, o := range []ShowOptions{
		{}, {Wide: true, Quotes: true}, {Depth: 1}, {Filter: argument.Filter{Search: "voters"}}, {Root: "overwhelmed-services"},
	} {
		for _, w := range []int{80, 200} {
			o.Width, o.Color = w, false
			plain := show(t, harbour(), o)
			o.Color = true
			colored := show(t, harbour(), o)
			if strings.Contains(plain, "\x1b") {
				t.Errorf("%+v: plain output holds an escape", o)
			}
			if !strings.Contains(colored, "\x1b[") {
				t.Errorf("%+v: coloured output holds no style", o)
			}
			if got := stripSGR(colored); got != plain {
				t.Errorf("%+v: coloured output without its styles differs from the plain output:\n%s\n---\n%s", o, got, plain)
			}
		}
	}
}

func TestShowLinesFitTheWidth(t *testing.T) {
	for _, w := range []int{60, 80, 120, 200} {
		for _, o := range []ShowOptions{{}, {Wide: true, Quotes: true}} {
			o.Width = w
			for i, l := range strings.Split(show(t, harbour(), o), "\n") {
				if width(l) > w {
					t.Errorf("width %d: line %d is %d columns: %q", w, i+1, width(l), l)
				}
				if strings.HasSuffix(l, " ") {
					t.Errorf("width %d: line %d ends in a space: %q", w, i+1, l)
				}
			}
		}
	}
}

func TestShowStructure(t *testing.T) {
	out := show(t, harbour(), ShowOptions{Options: plain200})
	for _, want := range []string{
		// Every argument is drawn in full exactly once: its id is in an id column once.
		"Not connected (4)",
		"+ ↓ see labour-shortage",     // drawn in full further down, under the thesis
		"↑ see smugglers-win (cycle)", // smugglers-win <- pull-factor <- smugglers-win
		"↑ see loop-a (cycle)",        // the loose cycle
		"11 arguments  6 pro  5 con  moral 5  strategic 3  political 2  legal 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q:\n%s", want, out)
		}
	}
	for _, a := range harbour().Arguments {
		if n := strings.Count(out, "  "+a.ID+"\n"); n != 1 {
			t.Errorf("%s drawn in full %d times, want 1:\n%s", a.ID, n, out)
		}
	}
}

func TestShowFilterKeepsAncestorsDimmed(t *testing.T) {
	out := show(t, harbour(), ShowOptions{Options: plain200, Filter: argument.Filter{Search: "VOTERS"}})
	for _, want := range []string{"voters-object\n", "overwhelmed-services (context)", "labour-shortage (context)",
		"1 of 11 arguments matches  0 pro  1 con", "(context) 3 kept"} {
		if !strings.Contains(out, want) {
			t.Errorf("filtered output lacks %q:\n%s", want, out)
		}
	}
	for _, gone := range []string{"treaty-obliges", "smugglers-win", "Not connected"} {
		if strings.Contains(out, gone) {
			t.Errorf("filtered output still holds %q:\n%s", gone, out)
		}
	}
	colored := show(t, harbour(), ShowOptions{Options: color200, Filter: argument.Filter{Search: "voters"}})
	if !strings.Contains(colored, "\x1b[2m") {
		t.Errorf("context is not dimmed:\n%q", colored)
	}
}

func TestShowUnknownRoot(t *testing.T) {
	err := Show(new(bytes.Buffer), argument.NewGraph(harbour()), ShowOptions{Root: "nope"})
	var u *UnknownNodeError
	if !errors.As(err, &u) || u.ID != "nope" {
		t.Fatalf("got %v, want an UnknownNodeError for nope", err)
	}
}

func TestShowDeepChainIsCapped(t *testing.T) {
	out := show(t, chain(3000), ShowOptions{Options: plain80})
	if !strings.Contains(out, "depth capped at 64") {
		t.Errorf("the cap is not said:\n%s", out)
	}
	if !strings.Contains(out, "… 1 more below depth 64: run argmap show c0063 to go on") {
		t.Errorf("the cut does not say where to go on:\n%s", out)
	}
	if n := strings.Count(out, "\n"); n > 200 {
		t.Errorf("a capped chain printed %d lines", n)
	}
	if strings.Contains(out, "c0064\n") {
		t.Errorf("drew below the cap")
	}
	// Depth from a root deep in the chain: the cap counts from the root.
	out = show(t, chain(3000), ShowOptions{Options: plain80, Root: "c2990"})
	if !strings.Contains(out, "c2999") || strings.Contains(out, "capped") {
		t.Errorf("show from c2990 should reach the end of the chain without the cap:\n%s", out)
	}
}

func TestShowHostileIsInert(t *testing.T) {
	for _, o := range []ShowOptions{
		{Options: plain80, Wide: true, Quotes: true},
		{Options: color80, Wide: true, Quotes: true},
		{Options: Options{Width: 200, ASCII: true}, Wide: true, Quotes: true},
		{Options: color80, Filter: argument.Filter{Search: "T2"}, Scores: map[string]float64{}, ScoreLabel: "\x1b[31mlabel", Verdict: "\x1b]52;c;x\x07 verdict"},
	} {
		out := show(t, hostile(), o)
		assertInert(t, "show", out)
		if !strings.Contains(out, `\x1b[31mRED`) || !strings.Contains(out, `\u202e`) {
			t.Errorf("the hostile text should be visible, escaped:\n%s", out)
		}
	}
}

func BenchmarkShow(b *testing.B) {
	g := argument.NewGraph(chain(2000))
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Show(&buf, g, ShowOptions{Options: color80}); err != nil {
			b.Fatal(err)
		}
	}
}

// broad is a debate of n arguments, each supporting the thesis and the one before it: every
// argument is reached by two paths.
func broad(n int) *argument.Debate {
	d := &argument.Debate{Title: "Broad", Thesis: argument.Thesis{ID: "t", Claim: "Many reasons."},
		Categories: []string{"moral", "strategic"}}
	for i := range n {
		a := &argument.Argument{ID: fmt.Sprintf("b%04d", i), Side: argument.Pro, Category: "moral",
			Title: "A reason with a title long enough to wrap at eighty columns, like the real ones", Strength: 0.5,
			Supports: []string{"t"}}
		if i > 0 {
			a.Supports = append(a.Supports, fmt.Sprintf("b%04d", i-1))
		}
		d.Arguments = append(d.Arguments, a)
	}
	return d
}

func TestShowBroadDrawsEachOnce(t *testing.T) {
	out := show(t, broad(300), ShowOptions{Options: plain200})
	for _, id := range []string{"b0000", "b0150", "b0299"} {
		if n := strings.Count(out, "  "+id+"\n"); n != 1 {
			t.Errorf("%s drawn in full %d times", id, n)
		}
	}
	// Every argument in full once and once as a reference: the output grows with the edges.
	if n := strings.Count(out, "\n"); n > 2*300+20 {
		t.Errorf("%d lines for 300 arguments and 599 relations", n)
	}
}

func BenchmarkShowBroad(b *testing.B) {
	g := argument.NewGraph(broad(2000))
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Show(&buf, g, ShowOptions{Options: color80}); err != nil {
			b.Fatal(err)
		}
	}
}
