package render

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// sensDebate is the debate the sum testscript works by hand: flips at moral 0.875, strategic
// 1.2, political 1.5; m at 0.7, s at 0.6, p at 0.3.
func sensDebate() *argument.Debate {
	return &argument.Debate{
		Thesis:     argument.Thesis{ID: "t", Base: 0.5},
		Categories: []string{"moral", "strategic", "political"},
		Arguments: []*argument.Argument{
			{ID: "m", Side: argument.Pro, Category: "moral", Strength: 0.8, Supports: []string{"t"}},
			{ID: "s", Side: argument.Con, Category: "strategic", Strength: 0.5, Attacks: []string{"t"}},
			{ID: "p", Side: argument.Con, Category: "political", Strength: 0.2, Attacks: []string{"t"}},
		},
	}
}

func sensRender(t *testing.T, d *argument.Debate, sem score.Semantics, o Options) string {
	t.Helper()
	s, err := score.AnalyzeSensitivity(argument.NewGraph(d), nil, sem, score.SensitivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return sensDraw(t, s, d, o)
}

func sensDraw(t *testing.T, s *score.Sensitivity, d *argument.Debate, o Options) string {
	t.Helper()
	var b bytes.Buffer
	err := Sensitivity(&b, s, SensitivityOptions{Options: o, Styles: NewStyles(o.Color, s.Categories), Top: 10, Debate: d})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var sensSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestSensitivityViewColorOnlyAddsStyle(t *testing.T) {
	for _, sem := range []score.Semantics{score.Sum, score.DFQuAD} {
		plain := sensRender(t, sensDebate(), sem, Options{Width: 80})
		if strings.Contains(plain, "\x1b") {
			t.Errorf("%s: escape sequences with colour off:\n%q", sem, plain)
		}
		colored := sensRender(t, sensDebate(), sem, Options{Width: 80, Color: true})
		if !strings.Contains(colored, "\x1b[") {
			t.Errorf("%s: no styles with colour on", sem)
		}
		if got := sensSGR.ReplaceAllString(colored, ""); got != plain {
			t.Errorf("%s: colour changes more than style:\n%s\nvs\n%s", sem, got, plain)
		}
	}
}

func TestSensitivityViewFitsTheWidth(t *testing.T) {
	for _, w := range []int{60, 72, 80, 100, 132} {
		for _, ascii := range []bool{false, true} {
			out := sensRender(t, sensDebate(), score.Sum, Options{Width: w, ASCII: ascii})
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if lipgloss.Width(line) > w {
					t.Errorf("width %d (ascii %v): line of %d columns: %q", w, ascii, lipgloss.Width(line), line)
				}
			}
			if ascii {
				for i, r := range out {
					if r >= utf8.RuneSelf {
						t.Fatalf("width %d: non-ASCII %q at byte %d with ASCII on", w, r, i)
					}
				}
			}
		}
	}
}

// TestSensitivityViewMarks checks the chart of moral (span 0–10, weight 1, flip at 0.875): the
// flip's × on the axis and the current weight's │ in their columns, pro points above the axis
// and con points below.
func TestSensitivityViewMarks(t *testing.T) {
	out := sensRender(t, sensDebate(), score.Sum, Options{Width: 80})
	lines := strings.Split(out, "\n")
	start := -1
	for i, l := range lines {
		if l == "moral weight 0–10" {
			start = i + 1
		}
	}
	if start < 0 {
		t.Fatalf("no chart for moral:\n%s", out)
	}
	rows := lines[start : start+chartRows]
	axis := -1
	for r, l := range rows {
		if strings.Contains(l, "┼") {
			axis = r
		}
	}
	if axis < 0 {
		t.Fatalf("no axis in\n%s", strings.Join(rows, "\n"))
	}
	origin := strings.Index(rows[axis], "┼") + len("┼")
	plot := func(r int) []rune { return []rune(rows[r][origin:]) }
	plotW := 80 - 2 - len("+0.730") - 2
	col := func(x float64) int { return int(math.Round(x / 10 * float64(plotW-1))) }
	if got := plot(axis); string(got[col(0.875)]) != "×" {
		t.Errorf("axis %q: no × at column %d", string(got), col(0.875))
	}
	for r := range rows {
		p := plot(r)
		if c := col(1); c < len(p) && p[c] != '│' && p[c] != '•' {
			t.Errorf("row %d %q: column %d is %q, want the current weight's │ or a point", r, string(p), c, p[c])
		}
	}
	// Below the flip the margin is con (rows under the axis), above it pro.
	for r := range rows {
		p := plot(r)
		for j, ch := range p {
			if ch != '•' {
				continue
			}
			x := 10 * float64(j) / float64(plotW-1)
			if (x < 0.875) != (r > axis) {
				t.Errorf("a point at weight %.2f on row %d (axis %d)", x, r, axis)
			}
		}
	}
}

func TestSensitivityViewWords(t *testing.T) {
	out := sensRender(t, sensDebate(), score.Sum, Options{Width: 80})
	for _, want := range []string{
		"PRO  margin +0.100\n",
		"Most critical: moral: cutting it 12.5% (1 → 0.875) turns the verdict con.\n",
		"  moral      1       0.875 – 10+  −12.5%  con below 0.875\n",
		"  strategic  1       0 – 1.2      +20%    con above 1.2\n",
		"Arguments that can flip it alone: 3 of 3",
		"  m         pro       0.80   −0.10  con below 0.7\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// A tie sitting on an argument's flip: both sides are a move away.
	tie := sensDebate()
	tie.Arguments = []*argument.Argument{
		{ID: "m", Side: argument.Pro, Category: "moral", Strength: 0.5, Supports: []string{"t"}},
		{ID: "n", Side: argument.Con, Category: "moral", Strength: 0.5, Attacks: []string{"t"}},
	}
	out = sensRender(t, tie, score.Sum, Options{Width: 80})
	for _, want := range []string{"TIE  margin 0.000\n", "  m         pro       0.50   +0.00  con below, pro above 0.5\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Nothing flips: said in words, and no argument table.
	d := sensDebate()
	d.Arguments = d.Arguments[:1]
	out = sensRender(t, d, score.DFQuAD, Options{Width: 80})
	for _, want := range []string{"No single category weight in 0–10 flips the verdict.", "No single argument's strength flips the verdict.", "none (no arguments)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestSensitivityViewHostileIsInert: ids and category names reach the terminal only escaped.
func TestSensitivityViewHostileIsInert(t *testing.T) {
	evil := "x\x1b[2J\x1b]8;;http://e\x07\u202e\r"
	s := &score.Sensitivity{
		Semantics: score.DFQuAD, Categories: []string{evil}, Weights: score.Weights{evil: 1},
		From: 0, To: 10, Verdict: score.VerdictPro, Margin: 0.1, Converged: true,
		ByCategory: []score.CategorySensitivity{{
			Category: evil, Weight: 1, From: 0, To: 10, HasArguments: true,
			Flips:   []score.Flip{{At: 2, From: score.VerdictPro, To: score.VerdictCon}},
			Stable:  score.Stable{From: 0, To: 2, ToFlip: true},
			Nearest: 2, Change: 1,
			Curve: []score.Point{{X: 0, Margin: 0.2}, {X: 2, Margin: 0}, {X: 10, Margin: -0.5}},
		}},
		Critical: evil,
		Arguments: []score.ArgumentSensitivity{{
			ID: evil, Side: argument.Con, Category: evil, Strength: 0.5, Connected: true,
			Flips: []score.Flip{{At: 0.7, From: score.VerdictPro, To: score.VerdictCon}}, Nearest: 0.7, Change: 0.2,
		}},
	}
	for _, color := range []bool{false, true} {
		out := sensDraw(t, s, nil, Options{Width: 80, Color: color})
		rest := sensSGR.ReplaceAllString(out, "")
		if strings.ContainsAny(rest, "\x1b\x07\r\u202e") {
			t.Errorf("colour %v: raw control characters reach the terminal:\n%q", color, out)
		}
	}
}

func TestSensNum(t *testing.T) {
	for x, want := range map[float64]string{4.345216: "4.345", 0.1: "0.1", 10: "10", 0.999872: "0.9999", 2.0000004: "2", -0.0000001: "0", 0.0004: "0.0004", math.NaN(): "?"} {
		if got := sensNum(x); got != want {
			t.Errorf("sensNum(%v) = %q, want %q", x, got, want)
		}
	}
	for r, want := range map[float64]string{3.3452: "335%", 0.125: "12.5%", 0.2: "20%", 0.003: "0.3%"} {
		if got := sensPercent(r); got != want {
			t.Errorf("sensPercent(%v) = %q, want %q", r, got, want)
		}
	}
}
