package tui

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/synth"
)

var update = flag.Bool("update", false, "rewrite the golden screens")

func builtin(t testing.TB) *argument.Graph {
	t.Helper()
	g, _, err := corpus.LoadGraph(arguments.FS, ".", "")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func newModel(t testing.TB, g *argument.Graph, opts Options, w, h int) *Model {
	t.Helper()
	opts.Graph = g
	m, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// press sends keys to the model: named keys (up, enter, tab, ...) or runs of text.
func press(m *Model, keys ...string) {
	named := map[string]rune{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace, "pgdown": tea.KeyPgDown, "end": tea.KeyEnd,
	}
	for _, k := range keys {
		if c, ok := named[k]; ok {
			msg := tea.KeyPressMsg{Code: c}
			if c == tea.KeySpace {
				msg.Text = " "
			}
			m.Update(msg)
			continue
		}
		for _, r := range k {
			m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
}

// escaped makes a screen readable in a golden file: escapes shown as \e.
func escaped(s string) string { return strings.ReplaceAll(s, "\x1b", `\e`) + "\n" }

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/tui -update)", err)
	}
	if got != string(want) {
		t.Errorf("screen %s differs from %s (run with -update to accept)\ngot:\n%s\nwant:\n%s", name, path, got, want)
	}
}

func TestScreens(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		name string
		opts Options
		w, h int
		keys []string
	}{
		{"start-120x40-color", Options{Color: true}, 120, 40, nil},
		{"start-60x30", Options{}, 60, 30, nil},
		{"start-60x30-ascii", Options{ASCII: true}, 60, 30, nil},
		{"select-argument-120x40", Options{}, 120, 40, []string{"down"}},
		{"select-reference-60x30-color", Options{Color: true}, 60, 30, []string{"down", "down"}},
		{"fold-120x40", Options{}, 120, 40, []string{"down", "enter", "down", "down", "down", "down", "space"}},
		{"go-to-target-60x30", Options{}, 60, 30, []string{"down", "down", "down", "down", "down", "down", "g"}},
		{"weight-flip-120x40-color", Options{Color: true, Weights: score.Weights{"moral": 1, "strategic": 2, "political": 1}}, 120, 40, []string{"tab", "down", "0", "enter"}},
		{"weight-step-60x30", Options{}, 60, 30, []string{"tab", "right", "right"}},
		{"semantics-60x30", Options{}, 60, 30, []string{"s", "s"}},
		{"profile-picker-60x30", Options{}, 60, 30, []string{"p", "down"}},
		{"profile-applied-60x30", Options{}, 60, 30, []string{"p", "down", "enter"}},
		{"search-120x40", Options{}, 120, 40, []string{"/", "putin"}},
		{"filters-120x40", Options{}, 120, 40, []string{"f", "f", "c"}},
		{"help-60x30", Options{}, 60, 30, []string{"?"}},
		{"help-120x40-ascii", Options{ASCII: true}, 120, 40, []string{"?"}},
		{"resize-to-60x30", Options{}, 120, 40, nil},
	}
	synthetic := argument.NewGraph(synth.Generate(synth.Options{Arguments: 40, Cycles: 2, Seed: 3,
		Categories: []string{"moral", "strategic", "political", "legal", "economic"}}))
	tests = append(tests, struct {
		name string
		opts Options
		w, h int
		keys []string
	}{"five-categories-cycles-60x30", Options{}, 60, 30, []string{"tab", "down", "down", "down", "right", "tab", "end"}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			graph := g
			if strings.HasPrefix(tt.name, "five-categories") {
				graph = synthetic
			}
			m := newModel(t, graph, tt.opts, tt.w, tt.h)
			press(m, tt.keys...)
			if tt.name == "resize-to-60x30" {
				m.Update(tea.WindowSizeMsg{Width: 60, Height: 30})
			}
			screen := m.Render()
			for i, l := range strings.Split(screen, "\n") {
				if w := lineWidth(l); w > max(tt.w, 60) {
					t.Errorf("line %d is %d columns wide, more than the terminal's %d: %q", i+1, w, tt.w, l)
				}
			}
			if n := strings.Count(screen, "\n") + 1; n > tt.h {
				t.Errorf("screen has %d lines, more than the terminal's %d", n, tt.h)
			}
			if !tt.opts.Color && strings.Contains(screen, "\x1b") {
				t.Errorf("colour off, but the screen holds an escape sequence")
			}
			if tt.opts.ASCII {
				for _, r := range screen {
					if r > 127 {
						t.Errorf("--ascii, but the screen holds %q", r)
						break
					}
				}
			}
			checkGolden(t, tt.name, escaped(screen))
		})
	}
}

func lineWidth(s string) int {
	return len([]rune(regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(s, "")))
}

var (
	marginRe  = regexp.MustCompile(`margin ([+-]\d\.\d{3})`)
	thesisRe  = regexp.MustCompile(`thesis (\d\.\d{3}) vs base (\d\.\d{3})`)
	verdictRe = regexp.MustCompile(`Verdict (PRO|CON|TIE)`)
	rowRe     = regexp.MustCompile(`(\d\.\d\d) [█▌░]{5} ([+-]\d\.\d{3})$`)
)

// TestScoresMatchScore checks that what the screen shows is what score computes for the same
// weights, under every semantics: the verdict, the thesis, the margin and every row's score and
// contribution.
func TestScoresMatchScore(t *testing.T) {
	g := builtin(t)
	for _, keys := range [][]string{nil, {"tab", "right", "right", "down", "left"}, {"tab", "down", "0", "enter"}} {
		for si, sem := range score.AllSemantics {
			t.Run(fmt.Sprintf("%s/%s", strings.Join(keys, "-"), sem), func(t *testing.T) {
				m := newModel(t, g, Options{}, 120, 80)
				press(m, keys...)
				for range si {
					press(m, "s")
				}
				want, err := score.Evaluate(g, expectWeights(keys), sem)
				if err != nil {
					t.Fatal(err)
				}
				screen := m.Render()
				if got := verdictRe.FindStringSubmatch(screen); got == nil || got[1] != strings.ToUpper(string(want.Verdict)) {
					t.Errorf("verdict on screen %v, score says %s", got, want.Verdict)
				}
				if got := marginRe.FindStringSubmatch(screen); got == nil || got[1] != signed(want.Margin) {
					t.Errorf("margin on screen %v, score says %s", got, signed(want.Margin))
				}
				if want.Thesis.HasScore {
					got := thesisRe.FindStringSubmatch(screen)
					if got == nil || got[1] != fixed3(want.Thesis.Score) || got[2] != fixed3(want.Thesis.Base) {
						t.Errorf("thesis on screen %v, score says %.3f vs base %.3f", got, want.Thesis.Score, want.Thesis.Base)
					}
				}
				lines := strings.Split(screen, "\n")
				top := m.layout().barH + 1 // the bar, the message line and the pane heading
				checked := 0
				for i, r := range m.rows {
					if r.Kind != report.RowFull || r.Node == argument.ThesisNode {
						continue
					}
					line := lines[top+i-m.offset]
					left := ansi.Truncate(line, m.layout().treeW, "")
					got := rowRe.FindStringSubmatch(strings.TrimRight(left, " "))
					a := want.Arguments[r.Node-1]
					if got == nil || got[1] != fixed2(a.Score) || got[2] != signed(a.Contribution) {
						t.Errorf("row of %s shows %v, score says %s %s", a.ID, got, fixed2(a.Score), signed(a.Contribution))
					}
					checked++
				}
				if checked != g.Len()-1-countRefs(m) {
					t.Errorf("checked %d rows, want one per argument", checked)
				}
			})
		}
	}
}

// countRefs counts the arguments not drawn in full anywhere (none in the built-in debate).
func countRefs(m *Model) int {
	n := 0
	for i := 1; i < m.g.Len(); i++ {
		if _, ok := m.forest.full[i]; !ok {
			n++
		}
	}
	return n
}

// expectWeights are the weights the key sequences of TestScoresMatchScore set, worked out by
// hand: tab goes to the moral slider, right adds a step, down goes to the next category.
func expectWeights(keys []string) score.Weights {
	switch strings.Join(keys, " ") {
	case "tab right right down left":
		return score.Weights{"moral": 1.5, "strategic": 0.75, "political": 1}
	case "tab down 0 enter":
		return score.Weights{"strategic": 0}
	}
	return score.Weights{}
}

func TestFlipNamesTheWeight(t *testing.T) {
	g := builtin(t)
	// Strategy counted twice, the built-in debate comes out pro; without it, con.
	m := newModel(t, g, Options{Weights: score.Weights{"moral": 1, "strategic": 2, "political": 1}}, 120, 40)
	before := m.Result().Verdict
	press(m, "tab", "down", "0", "enter")
	after := m.Result().Verdict
	if before == after {
		t.Fatalf("strategic 0 kept the verdict %s; the test needs a flip", after)
	}
	want := fmt.Sprintf("verdict flipped %s → %s: strategic 2 → 0", strings.ToUpper(string(before)), strings.ToUpper(string(after)))
	if !strings.Contains(m.Render(), want) {
		t.Errorf("screen does not say %q:\n%s", want, m.Render())
	}
}

func TestCommand(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		keys []string
		opts Options
		want string
	}{
		{nil, Options{}, "argmap score --weights moral=1,strategic=1,political=1 --semantics dfquad"},
		{[]string{"tab", "right", "down", "left", "left", "s", "s"}, Options{}, "argmap score --weights moral=1.25,strategic=0.5,political=1 --semantics euler"},
		{[]string{"p", "down", "enter", "s"}, Options{}, "argmap score --profile humanitarian --semantics quadratic-energy"},
		{[]string{"p", "down", "enter", "tab", "right"}, Options{}, "argmap score --weights moral=3.25,strategic=1,political=1 --semantics dfquad"},
		{nil, Options{Profile: "it's", Weights: score.Weights{}}, "argmap score --profile 'it'\\''s' --semantics dfquad"},
		{nil, Options{Semantics: score.Sum, ScoreArgs: []string{"--corpus", "my debate", "--side", "con"}},
			"argmap score --corpus 'my debate' --side con --weights moral=1,strategic=1,political=1 --semantics sum"},
	}
	for _, tt := range tests {
		m := newModel(t, g, tt.opts, 80, 24)
		press(m, tt.keys...)
		if got := m.Command(); got != tt.want {
			t.Errorf("after %v: command\n got %s\nwant %s", tt.keys, got, tt.want)
		}
	}
}

func TestGoToTarget(t *testing.T) {
	g := builtin(t)
	id := func(m *Model) string { return m.g.ID(m.selected()) }
	m := newModel(t, g, Options{}, 120, 40)
	// cut-out-the-middleman supports the thesis and attacks two arguments.
	if !m.selectNode(mustIndex(t, g, "cut-out-the-middleman")) {
		t.Fatal("cut-out-the-middleman is not in the tree")
	}
	want := []string{}
	for _, e := range g.Out(m.selected()) {
		if e.Type == "support" {
			want = append(want, g.ID(e.Node))
		}
	}
	for _, e := range g.Out(m.selected()) {
		if e.Type == "attack" {
			want = append(want, g.ID(e.Node))
		}
	}
	if len(want) < 2 {
		t.Fatalf("cut-out-the-middleman bears on %v; the test needs two", want)
	}
	press(m, "]", "g")
	if got := id(m); got != want[1] {
		t.Errorf("] then g went to %s, want %s", got, want[1])
	}
	press(m, "b")
	if got := id(m); got != "cut-out-the-middleman" {
		t.Errorf("b went back to %s, want cut-out-the-middleman", got)
	}
	press(m, "g")
	if got := id(m); got != want[0] {
		t.Errorf("g went to %s, want %s", got, want[0])
	}
}

func mustIndex(t *testing.T, g *argument.Graph, id string) int {
	t.Helper()
	i, ok := g.Index(id)
	if !ok {
		t.Fatalf("no %s in the debate", id)
	}
	return i
}

func TestEnterOnASliderLeavesTheTree(t *testing.T) {
	g := builtin(t)
	m := newModel(t, g, Options{}, 80, 24)
	press(m, "down", "tab", "enter", "space")
	if len(m.folded) != 0 {
		t.Errorf("enter and space on a slider folded %v", m.folded)
	}
}

func TestWeightsStayValid(t *testing.T) {
	g := builtin(t)
	m := newModel(t, g, Options{Weights: score.Weights{"strategic": 0, "political": 0}}, 80, 24)
	press(m, "tab", "left", "left", "left", "left", "left")
	if got := m.weights["moral"]; got != 0.25 {
		t.Errorf("moral went to %v; the last category above 0 must stay above 0", got)
	}
	if !strings.Contains(m.Render(), "one category at least must weigh above 0") {
		t.Errorf("screen does not say why the weight stopped")
	}
}

func TestUntrustedTextIsInert(t *testing.T) {
	d := &argument.Debate{
		ID: "evil", Title: "evil", Thesis: argument.Thesis{ID: "t", Claim: "claim \x1b]0;pwned\x07", Base: 0.5},
		Categories: []string{"moral\x1b[31m"},
		Arguments: []*argument.Argument{{ID: "a\x1b[2J", Side: argument.Pro, Category: "moral\x1b[31m",
			Title: "title \x1b[5mblink", Claim: "c\u202e", Reasoning: "r\x1b[H", Strength: 0.5, Supports: []string{"t"},
			Quotes: []argument.Passage{{Source: "s\x1b[1m", Text: "q\x1b[0m"}}}},
	}
	g := argument.NewGraph(d)
	m := newModel(t, g, Options{}, 120, 40)
	press(m, "down")
	screen := m.Render()
	if strings.ContainsAny(screen, "\x1b\x07\u202e") {
		t.Errorf("corpus text reached the screen raw:\n%q", screen)
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	g := builtin(t)
	m := newModel(t, g, Options{}, 120, 40)
	m.Update(tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	if m.cursor != 3 {
		t.Errorf("wheel over the tree: cursor at %d, want 3", m.cursor)
	}
	m.Update(tea.MouseWheelMsg{X: 100, Y: 10, Button: tea.MouseWheelDown})
	if m.detail != 3 {
		t.Errorf("wheel over the detail: scrolled %d lines, want 3", m.detail)
	}
}

// TestContributionsOption: the bars follow the first contribution function asked for, and
// Shapley's bars add up to the margin.
func TestContributionsOption(t *testing.T) {
	g := builtin(t)
	m := newModel(t, g, Options{Contributions: []score.ContributionFunc{score.Shapley}}, 120, 40)
	sum := 0.0
	for _, a := range m.res.Arguments {
		if got := m.contribution(a); got != a.Shapley {
			t.Errorf("%s: bar %g, Shapley %g", a.ID, got, a.Shapley)
		}
		sum += m.contribution(a)
	}
	if math.Abs(sum-m.res.Margin) > 1e-9 {
		t.Errorf("Shapley bars add up to %g, margin %g", sum, m.res.Margin)
	}
	plain := newModel(t, g, Options{}, 120, 40)
	for _, a := range plain.res.Arguments {
		if plain.contribution(a) != a.Contribution {
			t.Errorf("%s: bar %g without the option, removal %g", a.ID, plain.contribution(a), a.Contribution)
		}
	}
}
