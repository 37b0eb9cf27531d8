package export

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/synth"
)

func TestPageContribution(t *testing.T) {
	builtin := loadBuiltin(t)
	gen := func(n, cycles int) *argument.Graph {
		return argument.NewGraph(synth.Generate(synth.Options{Arguments: n, Cycles: cycles, Seed: 3}))
	}
	for _, c := range []struct {
		name    string
		g       *argument.Graph
		funcs   []score.ContributionFunc
		want    score.ContributionFunc
		players int
		limit   int
		err     string
	}{
		{"built-in, by default", builtin, nil, score.Shapley, 17, 20, ""},
		{"built-in, shapley", builtin, []score.ContributionFunc{score.Shapley, score.Gradient}, score.Shapley, 17, 20, ""},
		{"built-in, removal", builtin, []score.ContributionFunc{score.Removal, score.Shapley}, score.Removal, 17, 20, ""},
		{"built-in, gradient", builtin, []score.ContributionFunc{score.Gradient}, "", 17, 20, "the page's script computes shapley and removal contributions only"},
		{"built-in, restricted", builtin, []score.ContributionFunc{score.Restricted, score.Removal}, "", 17, 20, "the page's script computes shapley and removal contributions only"},
		{"20 arguments", gen(20, 0), nil, score.Shapley, 20, 20, ""},
		{"21 arguments", gen(21, 0), nil, score.Removal, 21, 20, ""},
		{"12 arguments in cycles", gen(12, 1), nil, score.Shapley, 12, 12, ""},
		{"13 arguments in cycles", gen(13, 1), []score.ContributionFunc{score.Shapley}, score.Removal, 13, 12, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := NewPageContribution(c.g, c.funcs)
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("error %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Func != c.want || p.Players != c.players || p.Limit != c.limit {
				t.Errorf("%+v, want %s with %d players, limit %d", p, c.want, c.players, c.limit)
			}
			if p.FellBack() != (c.want == score.Removal && (len(c.funcs) == 0 || c.funcs[0] == score.Shapley)) {
				t.Errorf("FellBack() = %v for %+v", p.FellBack(), p)
			}
		})
	}
}

// encodeHTML writes the page of g explained as p.
func encodeHTML(t *testing.T, g *argument.Graph, p PageContribution) string {
	t.Helper()
	var buf bytes.Buffer
	if err := NewHTMLEncoder(&buf, nil).Explain(p).Encode(testBrief(t, g)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestHTMLDeciding checks the deciding arguments Go writes for a reader without the script:
// by the page's function, with Go's numbers, and labelled with it.
func TestHTMLDeciding(t *testing.T) {
	g := loadBuiltin(t)
	row := regexp.MustCompile(`<ol data-toward="(pro|con)"><li class="[a-z]+"><a href="#a-\d+">[^<]*</a> <span class="share" data-argmap-contribution="([^"]+)" data-value="([^"]+)">([^<]+)</span>`)
	for _, f := range []score.ContributionFunc{score.Shapley, score.Removal} {
		p, err := NewPageContribution(g, []score.ContributionFunc{f})
		if err != nil {
			t.Fatal(err)
		}
		page := encodeHTML(t, g, p)
		r, err := score.EvaluateWith(g, score.Weights{}, score.DefaultSemantics, score.Options{Contributions: []score.ContributionFunc{f}})
		if err != nil {
			t.Fatal(err)
		}
		// The first of each list is the argument that pushes furthest that way.
		best := map[string]score.ArgumentScore{}
		for _, a := range r.Arguments {
			toward := "pro"
			if a.Value(f) < 0 {
				toward = "con"
			}
			if math.Abs(a.Value(f)) > math.Abs(best[toward].Value(f)) {
				best[toward] = a
			}
		}
		rows := row.FindAllStringSubmatch(page, -1)
		if len(rows) != 2 {
			t.Fatalf("%s: %d lists begin with an argument, want 2", f, len(rows))
		}
		for _, m := range rows {
			a := best[m[1]]
			v, _ := strconv.ParseFloat(m[3], 64)
			if m[2] != a.ID || v != a.Value(f) || html.UnescapeString(m[4]) != report.Signed(a.Value(f)) {
				t.Errorf("%s: toward %s first %s %s (%s), Go's is %s %v", f, m[1], m[2], m[3], m[4], a.ID, a.Value(f))
			}
		}
		label := map[score.ContributionFunc]string{score.Shapley: "<strong>By Shapley value:</strong> each argument&#39;s share is its average effect on the margin",
			score.Removal: "<strong>By removal:</strong> each argument&#39;s share is the margin minus the margin without it"}[f]
		if !strings.Contains(page, `data-argmap="explained-by" data-value="`+string(f)+`">`+label) {
			t.Errorf("%s: the page does not say %q", f, label)
		}
		if !strings.Contains(page, `"contrib":"`+string(f)+`"`) {
			t.Errorf("%s: the script is not told to compute %s", f, f)
		}
		if strings.Contains(page, `data-argmap="explained-note"`) {
			t.Errorf("%s: a note on falling back, where the page did not", f)
		}
	}

	// Past the exact limit the page says why it explains by removal.
	wide := argument.NewGraph(synth.Generate(synth.Options{Arguments: 25, Seed: 3}))
	p, err := NewPageContribution(wide, nil)
	if err != nil {
		t.Fatal(err)
	}
	note := `<p class="note" data-argmap="explained-note">argmap score explains by Shapley values, but for the 25 arguments that reach the thesis here (exact up to 20) it estimates them from sampled orders, which the page cannot redo at every move: the page explains by removal, as argmap score --contributions removal does.</p>`
	if page := encodeHTML(t, wide, p); !strings.Contains(page, note) || !strings.Contains(page, "<strong>By removal:</strong>") {
		t.Errorf("the page of 25 players does not say %q", note)
	}
}

// TestMarkerText pins the words for the ring on the atlas, which the script writes again at
// every move (TestBrowserAtlas holds the two to each other).
func TestMarkerText(t *testing.T) {
	builtin := loadBuiltin(t)
	four := argument.NewGraph(synth.Generate(synth.Options{Arguments: 40, Categories: []string{"moral", "strategic", "political", "legal"}, Seed: 5}))
	two := argument.NewGraph(synth.Generate(synth.Options{Arguments: 40, Categories: []string{"moral", "strategic"}, Seed: 5}))
	for _, c := range []struct {
		g       *argument.Graph
		w       score.Weights
		want    string
		verdict score.Verdict
	}{
		{builtin, score.Weights{}, "The ring marks the weights now (moral 33%, strategic 33%, political 33%): in the CON region of the map.", score.VerdictCon},
		{builtin, score.Weights{"moral": 3, "strategic": 1, "political": 1}, "The ring marks the weights now (moral 60%, strategic 20%, political 20%): in the CON region of the map.", score.VerdictCon},
		{builtin, score.Weights{"moral": 8, "strategic": 5.5, "political": 2}, "The ring marks the weights now (moral 52%, strategic 35%, political 13%): in the CON region of the map. Between the map's points, these exact weights give PRO.", score.VerdictPro},
		{builtin, score.Weights{"moral": 0, "strategic": 0, "political": 0}, "The weights now give moral, strategic and political no weight: the ring has no place on the map.", score.VerdictTie},
		{four, score.Weights{}, "The ring marks the weights now (moral 33%, strategic 33%, political 33% of the weight the three share): in the CON region of the map.", score.VerdictCon},
		{four, score.Weights{"legal": 3}, "The ring marks the weights now (moral 33%, strategic 33%, political 33% of the weight the three share), but legal weighs otherwise than the map holds it, so its colour there need not be the verdict, which is PRO.", score.VerdictPro},
		{two, score.Weights{"moral": 3}, "The ring marks the weights now (moral 75%, strategic 25%): in the PRO region of the map.", score.VerdictPro},
	} {
		// The map is drawn at the exported weights (all 1); the ring moves to c.w.
		_, pa, err := pageAtlases(testBrief(t, c.g), score.Weights{})
		if err != nil {
			t.Fatal(err)
		}
		a, err := report.BriefAtlas(c.g, score.Weights{}, score.DefaultSemantics, "")
		if err != nil {
			t.Fatal(err)
		}
		verdict := c.verdict
		if r, err := score.Evaluate(c.g, c.w, score.DefaultSemantics); err == nil {
			verdict = r.Verdict
		}
		if verdict != c.verdict {
			t.Fatalf("%v: the verdict is %s, the case says %s", c.w, verdict, c.verdict)
		}
		if got := markerText(pa, a, c.w, verdict); got != c.want {
			t.Errorf("%v:\n got %q\nwant %q", c.w, got, c.want)
		}
	}
}

// luminance is a colour's relative luminance (WCAG 2.1).
func luminance(hex string) float64 {
	var rgb [3]float64
	for k := range rgb {
		v, _ := strconv.ParseUint(hex[1+2*k:3+2*k], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			rgb[k] = c / 12.92
		} else {
			rgb[k] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestRingContrast checks that the ring the script draws on the atlas stands out from every
// colour the atlas fills a cell with, and from the page, by WCAG's 3:1 for graphics.
func TestRingContrast(t *testing.T) {
	const ring = "#111111"
	if !strings.Contains(pageJS, `[["#ffffff", "7"], ["`+ring+`", "3"]]`) {
		t.Fatalf("the script's ring is not drawn in %s on white: update the test", ring)
	}
	fills := []string{svgTie, "#ffffff"}
	for _, ink := range svgInks {
		fills = append(fills, blend(svgPro, ink), blend(svgCon, ink))
	}
	for _, f := range fills {
		if c := contrast(ring, f); c < 3 {
			t.Errorf("the ring %s on %s: contrast %.2f, want at least 3", ring, f, c)
		} else {
			t.Log(fmt.Sprintf("the ring on %s: %.1f:1", f, c))
		}
	}
}
