package export

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
)

func TestMarginText(t *testing.T) {
	for _, tt := range []struct {
		margin  float64
		outcome string
		want    string
	}{
		{0.0344, "pro", "+0.034"},
		{-0.0136, "con", "-0.014"},
		{0, "tie", "0.000"},
		{4e-10, "tie", "0.000"},
		{0.00031, "pro", "+0.00031"},
		{-0.000042, "con", "-0.000042"},
		{1.5, "pro", "+1.500"},
	} {
		if got := marginText(tt.margin, tt.outcome); got != tt.want {
			t.Errorf("marginText(%g, %s) = %q, want %q", tt.margin, tt.outcome, got, tt.want)
		}
	}
}

func TestMarkdownSentence(t *testing.T) {
	for _, tt := range []struct {
		in   report.Sentence
		want string
	}{
		{nil, ""},
		{report.Sentence{{Text: "moral 1"}}, "moral 1"},
		{report.Sentence{{Text: "a|b", Role: report.Name}, {Text: " 1"}}, "a\\|b 1"},
		{report.Sentence{{Text: "the "}, {Text: "*x*", Role: report.Name, Strong: true}}, "the **\\*x\\***"},
		{report.Sentence{{Text: "for the thesis", Strong: true}}, "**for the thesis**"},
	} {
		if got := markdownSentence(tt.in); got != tt.want {
			t.Errorf("markdownSentence(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"A. Reporter":          "A. Reporter.",
		"Jr.":                  "Jr.",
		"*Is it?*":             "*Is it?*",
		"*Title*":              "*Title*.",
		"2021-04-12":           "2021-04-12.",
		"*Wow!*":               "*Wow!*",
		"The Town Gazette, 20": "The Town Gazette, 20.",
	} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCitations checks how the brief names sources: in full in the list, and as "who, title"
// after a quote, the publication standing in for a missing author.
func TestCitations(t *testing.T) {
	d := &argument.Debate{Sources: []argument.Source{
		{ID: "full", Title: "Gimme Shelter", Subtitle: "Should they?", Author: "Nick Catoggio", Publication: "The Dispatch", Date: "2022-09-27", URL: "https://example.org/a b"},
		{ID: "paper", Title: "An interview", Publication: "The Guardian"},
		{ID: "bare", URL: "javascript:alert(1)"},
		{ID: "sub", Subtitle: "Only a subtitle", Author: "Anon"},
	}}
	doc := &briefDoc{b: &Brief{Graph: argument.NewGraph(d)}}
	for _, tt := range []struct {
		id, line, attribution string
	}{
		{"full", "*Gimme Shelter: Should they?* By Nick Catoggio. The Dispatch, 2022-09-27. <https://example.org/a%20b>", "Nick Catoggio, *Gimme Shelter*"},
		{"paper", "*An interview*. The Guardian.", "The Guardian, *An interview*"},
		{"bare", "bare. Address (not a web link): javascript\\:alert(1).", "bare"},
		{"sub", "*Only a subtitle*. By Anon.", "Anon, sub"},
	} {
		s, _ := d.Source(tt.id)
		if got := doc.sourceLine(s); got != tt.line {
			t.Errorf("sourceLine(%s) = %q, want %q", tt.id, got, tt.line)
		}
		if got := doc.attribution(tt.id); got != tt.attribution {
			t.Errorf("attribution(%s) = %q, want %q", tt.id, got, tt.attribution)
		}
	}
	if got := doc.attribution("missing"); got != "missing" {
		t.Errorf("attribution of an unknown source = %q", got)
	}
}

// stillSensitivity is an analysis of g in which nothing flips a pro verdict.
func stillSensitivity(g *argument.Graph) *score.Sensitivity {
	s := &score.Sensitivity{Semantics: score.DFQuAD, Categories: g.Debate.Categories, From: 0, To: 10,
		Verdict: score.VerdictPro, Margin: 0.1, Converged: true}
	for _, c := range g.Debate.Categories {
		s.ByCategory = append(s.ByCategory, score.CategorySensitivity{Category: c, Weight: 1, From: 0, To: 10,
			HasArguments: true, Stable: score.Stable{From: 0, To: 10}, Nearest: math.NaN(), Change: math.Inf(1)})
	}
	for _, a := range g.Arguments() {
		s.Arguments = append(s.Arguments, score.ArgumentSensitivity{ID: a.ID, Side: a.Side, Category: a.Category,
			Strength: a.Strength, Connected: true, Nearest: math.NaN(), Change: math.Inf(1)})
	}
	return s
}

// TestFlipsSection checks how the brief words each kind of analysis: the numbers come from
// the analysis as given.
func TestFlipsSection(t *testing.T) {
	toCon := []score.Flip{{At: 2.5, From: score.VerdictPro, To: score.VerdictCon}}
	for _, tt := range []struct {
		name     string
		change   func(s *score.Sensitivity)
		want     []string
		dontWant []string
	}{{
		name:     "nothing flips",
		want:     []string{"Nothing moved alone flips the verdict: whatever one category's weight from 0 to 10, or one argument's strength from 0 to 1, the debate still comes out **for the thesis**.\n\n## Map"},
		dontWant: []string{"| Category |", "| Argument | Side | Strength | Flips |", "most critical"},
	}, {
		name: "a tie holds",
		change: func(s *score.Sensitivity) {
			s.Verdict = score.VerdictTie
		},
		want: []string{"the debate is still **a tie**."},
	}, {
		name: "a weight at 0 is the critical one",
		change: func(s *score.Sensitivity) {
			c := &s.ByCategory[1]
			c.Weight, c.Flips, c.Nearest, c.Change = 0, toCon, 2.5, math.Inf(1)
			c.Stable = score.Stable{From: 0, To: 2.5, ToFlip: true}
			s.Critical = c.Category
		},
		want: []string{
			"The most critical category is **strategic**: raising its weight from 0 to 2.5 turns the verdict against the thesis.",
			"| Category | Weight | Flips | Verdict holds between |\n| --- | ---: | --- | --- |\n| moral | 1 | none | 0 to 10 or more |\n| strategic | 0 | against the thesis above 2.5 | 0 to 2.5 |\n",
			"No argument's strength moved alone from 0 to 1 flips the verdict.",
		},
	}, {
		name: "a cut, a tie beyond, a range that starts above 0, probes that did not settle",
		change: func(s *score.Sensitivity) {
			s.From, s.Converged = 2, false
			c := &s.ByCategory[0]
			c.Weight, c.From, c.Flips, c.Nearest, c.Change = 4, 2, []score.Flip{{At: 3, From: score.VerdictTie, To: score.VerdictPro}}, 3, 0.25
			c.Stable = score.Stable{From: 3, To: 10, FromFlip: true}
			s.ByCategory[1].From, s.ByCategory[1].Stable.From = 2, 2
			s.ByCategory[2].HasArguments = false
			s.Critical = c.Category
		},
		want: []string{
			"each category's weight moved alone from 2 to 10,",
			"Some probes did not settle on a cycle of the graph: flips near them may be misplaced.",
			"The most critical category is **moral**: cutting its weight by 25% (from 4 to 3) turns the verdict into a tie.",
			"| moral | 4 | a tie below 3 | 3 to 10 or more |",
			"| strategic | 1 | none | 2 or less to 10 or more |",
			"| political | 1 | none (no arguments) | 0 to 10 or more |",
		},
	}, {
		name: "arguments only, nearest first, one on its flip",
		change: func(s *score.Sensitivity) {
			a := &s.Arguments[1] // trade, 0.6
			a.Flips, a.Nearest, a.Change = []score.Flip{{At: 0.3, From: score.VerdictCon, To: score.VerdictPro}}, 0.3, 0.3
			b := &s.Arguments[4] // election, 0.4
			b.Flips, b.Nearest, b.Change = []score.Flip{{At: 0.4, From: score.VerdictPro, To: score.VerdictCon}, {At: 0.99995, From: score.VerdictCon, To: score.VerdictPro}}, 0.4, 0
		},
		want: []string{
			"No category's weight moved alone from 0 to 10 flips the verdict.",
			"The 2 arguments whose strength alone flips the verdict, the nearest to flipping it first:",
			"| [election](#voters-are-split) | con | 0.40 | for the thesis below and against the thesis above 0.4; for the thesis above 0.99995 |\n| [trade](#trade-needs-wider-roads) | pro | 0.60 | against the thesis below 0.3 |\n",
		},
		dontWant: []string{"most critical", "| Category |"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			g := loadFixture(t, "basic")
			b := testBrief(t, g)
			b.Sensitivity = stillSensitivity(g)
			b.Sections, b.Atlas = nil, nil // the flips section alone, followed by the map
			if tt.change != nil {
				tt.change(b.Sensitivity)
			}
			var buf bytes.Buffer
			if err := NewMarkdownEncoder(&buf).Encode(b); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			checkBrief(t, b, buf.Bytes())
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("brief lacks %q; the section:\n%s", w, flipsOf(out))
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(flipsOf(out), w) {
					t.Errorf("brief has %q; the section:\n%s", w, flipsOf(out))
				}
			}
		})
	}
}

// flipsOf is the brief's section on where the verdict flips.
func flipsOf(out string) string {
	i := strings.Index(out, "## Where the verdict flips")
	j := strings.Index(out, "## Map")
	if i < 0 || j < i {
		return ""
	}
	return out[i:j]
}

func TestFlipsMismatch(t *testing.T) {
	g := loadFixture(t, "basic")
	for _, tt := range []struct {
		change func(s *score.Sensitivity)
		want   string
	}{
		{func(s *score.Sensitivity) { s.Arguments = s.Arguments[1:] }, "brief: sensitivity of 5 arguments for 6 arguments"},
		{func(s *score.Sensitivity) { s.Arguments[2].ID = "other" }, `brief: sensitivity row 3 is of "other", not of argument "heritage"`},
	} {
		b := testBrief(t, g)
		b.Sensitivity = stillSensitivity(g)
		tt.change(b.Sensitivity)
		var buf bytes.Buffer
		err := NewMarkdownEncoder(&buf).Encode(b)
		if err == nil || err.Error() != tt.want || buf.Len() != 0 {
			t.Errorf("Encode = %v, wrote %d bytes; want %q and nothing written", err, buf.Len(), tt.want)
		}
	}
}

// TestSlugASCII checks Slug's shortcut for ASCII text against the path for any text.
func TestSlugASCII(t *testing.T) {
	var all strings.Builder
	for c := range 128 {
		all.WriteByte(byte(c))
		s := "A" + string(rune(c)) + "z 9"
		if got, want := Slug(s), slugUnicode(s); got != want {
			t.Errorf("Slug(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{all.String(), "", "Where the verdict flips", "Pro: moral (category)", "snake_case -- x"} {
		if got, want := Slug(s), slugUnicode(s); got != want {
			t.Errorf("Slug(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLinkText checks which link texts are lengthened, against markdownlint's rule as first
// written here: the text's ASCII letters and digits, lower-cased, words joined by one space.
func TestLinkText(t *testing.T) {
	prohibited := map[string]bool{"click here": true, "here": true, "link": true, "more": true}
	ref := func(s string) string {
		norm := strings.Join(strings.Fields(strings.ToLower(strings.Map(func(r rune) rune {
			if r < 0x80 && isAlnumRune(r) {
				return r
			}
			return ' '
		}, s))), " ")
		if prohibited[norm] {
			return s + " (argument)"
		}
		return s
	}
	for _, s := range []string{"here", "Here!", "  HERE  ", "click here", "Click—here", "click\xffhere", "more.", "link", "links",
		"here here", "click here now", "a here", "", "—", "Lınk", "heré", "ｈｅｒｅ", "1 more", "Read more", "More"} {
		if got, want := linkText(s), ref(s); got != want {
			t.Errorf("linkText(%q) = %q, want %q", s, got, want)
		}
	}
}
