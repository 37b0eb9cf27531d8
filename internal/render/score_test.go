package render

import (
	"bytes"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

func scoreFixture(t *testing.T, sem score.Semantics, w score.Weights) (*argument.Debate, *score.Result) {
	t.Helper()
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "grant-asylum", Base: 0.5},
		Categories: []string{"moral", "strategic", "political"},
		Arguments: []*argument.Argument{
			{ID: "drain-manpower", Side: argument.Pro, Category: "strategic", Title: "Drain the \x1b[31mKremlin's manpower", Strength: 0.8, Supports: []string{"grant-asylum"}},
			{ID: "internal-security", Side: argument.Con, Category: "political", Title: "Internal security", Strength: 0.6, Attacks: []string{"grant-asylum"}},
			{ID: "they-fled-late", Side: argument.Con, Category: "moral", Title: "They fled only when called", Strength: 0.5, Attacks: []string{"drain-manpower"}},
			{ID: "loose", Side: argument.Pro, Category: "moral", Title: "Unconnected", Strength: 0.9},
		},
	}
	r, err := score.Evaluate(argument.NewGraph(d), w, sem)
	if err != nil {
		t.Fatal(err)
	}
	return d, r
}

func TestScorePlain(t *testing.T) {
	d, r := scoreFixture(t, score.DFQuAD, score.Weights{"moral": 2})
	var b bytes.Buffer
	err := Score(&b, r, ScoreOptions{Options: Options{Width: 80}, Styles: NewStyles(false, d.Categories), Label: "moral=2", Top: 1, Debate: d})
	if err != nil {
		t.Fatal(err)
	}
	// λ moral 1, others .5. σ(drain) = .8 − .8·.5 = .4; vs = .2, va = .3: .5 − .5·.1 = .45.
	// Without internal-security .6, without drain-manpower .35, without they-fled-late .55:
	// contributions −.15, +.1 and −.1 (the tie keeps corpus order).
	want := `CON  grant-asylum scores 0.450 against its base 0.500 (margin -0.050)
semantics dfquad · weights moral 2, strategic 1, political 1 (moral=2)

What decides it (removal: the margin minus the margin without it)
  Toward pro
    +0.100  pro  strategic  drain-manpower     Drain the \x1b[31mKremlin's manp…
  Toward con
    -0.150  con  political  internal-security  Internal security
  and 1 more that move the margin less (--top 2 lists them all)

By category (sum of λ·strength)
  category       pro      con      net
  moral        0.900    0.500   +0.400
  strategic    0.400    0.000   +0.400
  political    0.000    0.300   -0.300
  total        1.300    0.800   +0.500
`
	if got := b.String(); got != want {
		t.Errorf("plain score view:\n%s\nwant:\n%s", got, want)
	}
}

func TestScoreColourAndNarrow(t *testing.T) {
	d, r := scoreFixture(t, score.MLP, nil)
	var b bytes.Buffer
	if err := Score(&b, r, ScoreOptions{Options: Options{Width: 50, Color: true}, Styles: NewStyles(true, d.Categories), Top: 10, Debate: d}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "\x1b[") {
		t.Error("colour on but no escape sequence")
	}
	if strings.Contains(out, "\x1b[31mKremlin") {
		t.Error("a corpus escape sequence reached the terminal")
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.HasPrefix(l, "  ") && lipgloss.Width(l) > 50 {
			t.Errorf("line %q is %d columns, wider than 50", l, lipgloss.Width(l))
		}
	}
}

func TestScoreSumAndTie(t *testing.T) {
	d, r := scoreFixture(t, score.Sum, nil)
	var b bytes.Buffer
	if err := Score(&b, r, ScoreOptions{Options: Options{Width: 80}, Styles: NewStyles(false, d.Categories), Debate: d}); err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(b.String(), "\n", 2)[0]; first != "PRO  grant-asylum: weighted sum +0.600 (pro 1.700, con 1.100)" {
		t.Errorf("sum verdict line = %q", first)
	}
	if strings.Contains(b.String(), "What decides it") {
		t.Error("Top 0 still lists arguments")
	}
}

func TestCompareViews(t *testing.T) {
	d, r1 := scoreFixture(t, score.DFQuAD, nil)
	_, r2 := scoreFixture(t, score.Sum, score.Weights{"political": 0})
	rows := []CompareRow{{Label: "even", Result: r1}, {Label: "odd\tlabel", Result: r2}}
	var b bytes.Buffer
	if err := Compare(&b, rows, CompareOptions{Styles: NewStyles(false, d.Categories)}); err != nil {
		t.Fatal(err)
	}
	want := "weights\tsemantics\tthesis\tmargin\tverdict\n" +
		"even\tdfquad\t0.400\t-0.100\tcon\n" +
		"odd\\x09label\tsum\t-\t+1.200\tpro\n"
	if b.String() != want {
		t.Errorf("TSV:\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	if err := Compare(&b, rows, CompareOptions{Styles: NewStyles(false, d.Categories), Table: true, Options: Options{ASCII: true}}); err != nil {
		t.Fatal(err)
	}
	table := b.String()
	for _, s := range []string{"| weights", "| even         | dfquad    |  0.400 | -0.100 | con", "|      - | +1.200 | pro"} {
		if !strings.Contains(table, s) {
			t.Errorf("table lacks %q:\n%s", s, table)
		}
	}
	if strings.Contains(table, "\x1b[") {
		t.Errorf("table has escapes with colour off:\n%s", table)
	}
}

// TestScoreShapleyView works the fixture's Shapley values by hand. Players D (drain-manpower),
// S (internal-security), F (they-fled-late, attacking D); v(∅) = 0, v(D) = .2, v(S) = −.15,
// v(F) = 0, v(DS) = .05, v(DF) = .1, v(SF) = −.15, v(DSF) = −.05. Over the six orders:
// φ(D) = (.2+.2+.2+.1+.1+.1)/6 = .15, φ(S) = −.15, φ(F) = (0+0−.1+0−.1−.1)/6 = −.05: they add
// up to the margin, −.05.
func TestScoreShapleyView(t *testing.T) {
	d, _ := scoreFixture(t, score.DFQuAD, nil)
	r, err := score.EvaluateWith(argument.NewGraph(d), score.Weights{"moral": 2}, score.DFQuAD,
		score.Options{Contributions: []score.ContributionFunc{score.Shapley}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Score(&b, r, ScoreOptions{Options: Options{Width: 80}, Styles: NewStyles(false, d.Categories), Top: 5, Debate: d}); err != nil {
		t.Fatal(err)
	}
	want := `What decides it (Shapley values: these add up to the margin, -0.050)
  Toward pro
    +0.150  pro  strategic  drain-manpower     Drain the \x1b[31mKremlin's manp…
  Toward con
    -0.150  con  political  internal-security  Internal security
    -0.050  con  moral      they-fled-late     They fled only when called
`
	if got := b.String(); !strings.Contains(got, want) {
		t.Errorf("Shapley view:\n%s\nwant it to hold:\n%s", got, want)
	}
}
