package export

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// The fuzz targets put three arbitrary strings in every text field of a small debate (two
// arguments with the same title, a source, a profile) and check that each export still parses
// with its format's own parser and reads back as what went in. Seeds: f.Add below and
// testdata/fuzz.

// fuzzGraph builds the debate. Titles are cut to the corpus format's 80 characters.
func fuzzGraph(title, claim, text string) *argument.Graph {
	if utf8.RuneCountInString(title) > 80 {
		title = string([]rune(title)[:80])
	}
	d := &argument.Debate{
		Version: 1, ID: "fuzz", Title: title, Question: text,
		Thesis:     argument.Thesis{ID: "thesis", Claim: claim, Base: 0.5},
		Categories: []string{"moral", "strategic", "political"},
		Sources:    []argument.Source{{ID: "src", Title: title, Subtitle: claim, Author: text, Date: "2022-09-27", URL: text}},
		Profiles:   []argument.Profile{{Name: "even", Description: text, Weights: map[string]float64{"moral": 1, "strategic": 1, "political": 1}}},
		Arguments: []*argument.Argument{
			{ID: "first", Side: argument.Pro, Category: "moral", Title: title, Claim: claim, Reasoning: text, Strength: 0.8,
				Supports: []string{"thesis"}, Quotes: []argument.Passage{{Source: "src", Text: text}},
				Evidence: []argument.Passage{{Source: "src", Text: claim}}, Tags: []string{"tag"}, Note: text},
			{ID: "second", Side: argument.Con, Category: "political", Title: title, Claim: text, Strength: 0.4,
				Attacks: []string{"thesis", "first"}},
		},
	}
	return argument.NewGraph(d)
}

// fuzzBrief is a brief with made-up numbers: the encoder formats, it does not score.
func fuzzBrief(g *argument.Graph) *Brief {
	v := Verdict{Profile: "even", Description: g.Debate.Profiles[0].Description, Semantics: "dfquad", Outcome: "pro",
		Thesis: 0.6, Base: 0.5, HasThesis: true, Margin: 0.1,
		Weights: []Weight{{Category: "moral", Weight: 1}, {Category: "strategic", Weight: 1}, {Category: "political", Weight: 1}}}
	flip := []score.Flip{{At: 0.25, From: score.VerdictCon, To: score.VerdictPro}}
	sens := &score.Sensitivity{Semantics: score.DFQuAD, Categories: g.Debate.Categories, From: 0, To: 10,
		Verdict: score.VerdictPro, Margin: 0.1, Converged: true, Critical: "political"}
	for _, c := range g.Debate.Categories {
		sens.ByCategory = append(sens.ByCategory, score.CategorySensitivity{Category: c, Weight: 1, From: 0, To: 10,
			Stable: score.Stable{From: 0, To: 10}, Nearest: math.NaN(), Change: math.Inf(1)})
	}
	sens.ByCategory[2].Flips, sens.ByCategory[2].Nearest, sens.ByCategory[2].Change = flip, 0.25, 0.75
	sens.ByCategory[2].Stable = score.Stable{From: 0.25, To: 10, FromFlip: true}
	for _, a := range g.Arguments() {
		sens.Arguments = append(sens.Arguments, score.ArgumentSensitivity{ID: a.ID, Side: a.Side, Category: a.Category,
			Strength: a.Strength, Connected: true, Flips: flip, Nearest: 0.25, Change: math.Abs(a.Strength - 0.25)})
	}
	return &Brief{Graph: g, Verdict: v, Profiles: []Verdict{v}, Scores: []float64{0.7, 0.4}, Sensitivity: sens,
		Sections: []Section{{Heading: g.Debate.Title, Paragraphs: []string{g.Debate.Question},
			Table: &Table{Header: []string{"x"}, Rows: [][]string{{g.Debate.Question}}}}}}
}

func addSeeds(f *testing.F) {
	f.Add("Drain the Kremlin's manpower", "Asylum takes conscripts off the battlefield.", "it would further deplete Putin’s manpower reserves")
	f.Add("# Heading | cell ` tick <script>alert(1)</script>", "- list\n1. ordered\n> quote\n---", "[x](javascript:alert(1)) ![i](http://e/x.png) <http://a.b> www.x.org a@b.co :smile:")
	f.Add("\"] ; n0 -> n1 [label=\"x\"] \\N \\G <b>html</b> }", "digraph { a -> b } &amp; &#60; \\\" \\", "%%{init: {}}%%\nclick n0 href \"javascript:alert(1)\"")
	f.Add("[S]: <A>: #tag @[m] {d: 1} // c /* c */ <!-- c -->", "+ <x>\n- [y]\n=== f ===\n.x. :x: **b", "\x1b[31mred\x1b]8;;http://e/\a\u202e\u200b\x7f\u0085")
	f.Add("true", "1.5", "  null\n~\n- x: y\n&a *b !!str %TAG @ `  ")
	f.Add("Safety!", "", "\t\r\n\r\n")
}

func FuzzJSON(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, title, claim, text string) {
		if !utf8.ValidString(title) || !utf8.ValidString(claim) || !utf8.ValidString(text) {
			t.Skip("JSON strings are UTF-8")
		}
		g := fuzzGraph(title, claim, text)
		got, err := debateFromJSON(encode(t, JSON, g))
		if err != nil {
			t.Fatalf("the JSON export does not decode: %v", err)
		}
		if diff := sameDebate(fuzzGraph(title, claim, text).Debate, got); diff != "" {
			t.Errorf("the JSON export reads back different: %s", diff)
		}
		checkAIF(t, g, encode(t, AIF, g))
	})
}

func FuzzYAML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, title, claim, text string) {
		if !utf8.ValidString(title) || !utf8.ValidString(claim) || !utf8.ValidString(text) {
			t.Skip("YAML is UTF-8")
		}
		if strings.TrimSpace(title) == "" || strings.TrimSpace(claim) == "" || strings.TrimSpace(text) == "" {
			t.Skip("the loader refuses a corpus with empty text")
		}
		g := fuzzGraph(title, claim, text)
		var buf bytes.Buffer
		if err := NewYAMLEncoder(&buf).Encode(g); err != nil {
			t.Skipf("the emitter refuses: %v", err)
		}
		got, _, err := corpus.Load(fstest.MapFS{"c.yaml": {Data: buf.Bytes()}}, ".")
		if err != nil {
			t.Fatalf("the YAML export does not load: %v\n%s", err, buf.Bytes())
		}
		if diff := sameDebate(fuzzGraph(title, claim, text).Debate, got); diff != "" {
			t.Errorf("the YAML export loads back different: %s\n%s", diff, buf.Bytes())
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, title, claim, text string) {
		g := fuzzGraph(title, claim, text)
		var buf bytes.Buffer
		if err := NewMarkdownEncoder(&buf).Encode(fuzzBrief(g)); err != nil {
			t.Fatal(err)
		}
		checkBrief(t, fuzzBrief(g), buf.Bytes())
		checkInertHTML(t, buf.Bytes())
		doc := parseMarkdown(t, buf.Bytes())
		if c := safetext.Flat(claim); c != "" && !strings.Contains(plainText(doc.root, doc.src), "Claim: "+c) {
			t.Errorf("the claim does not render as written: %q", c)
		}
	})
}

func FuzzDOT(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, title, claim, text string) {
		g := fuzzGraph(title, claim, text)
		labels, _ := parseDOT(t, encode(t, DOT, g))
		want := strings.Join(append(wrap(safetext.Flat(g.Argument(1).Title), labelWidth), sideLabel(g.Argument(1))), "\n")
		if labels["n1"] != want {
			t.Errorf("label = %q, want %q", labels["n1"], want)
		}
	})
}

func FuzzMermaid(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, title, claim, text string) {
		g := fuzzGraph(title, claim, text)
		checkMermaid(t, g, string(encode(t, Mermaid, g)))
	})
}

func FuzzArgdown(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, title, claim, text string) {
		g := fuzzGraph(title, claim, text)
		checkArgdown(t, g, string(encode(t, Argdown, g)))
	})
}
