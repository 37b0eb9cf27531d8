package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/score"
)

// Verdict is one scoring of the debate: the facts every view states about it.
type Verdict struct {
	Profile     string   // the profile's name; empty for weights given on the command line
	Description string   // the profile's description
	Weights     []Weight // every category's weight, in the debate's category order
	Semantics   string
	Outcome     string  // "pro", "con" or "tie"
	ThesisID    string  // the thesis's id
	Thesis      float64 // the thesis's final score
	Base        float64 // the thesis's base score
	HasThesis   bool    // false under a semantics that gives the thesis no score (sum)
	Margin      float64 // the thesis's score minus its base; under sum, Pro minus Con
	Pro, Con    float64 // Σ λ·strength of each side's arguments: the tally sum compares
}

// NewVerdict turns a score result into the facts of its verdict.
func NewVerdict(profile, description string, r *score.Result) Verdict {
	v := Verdict{
		Profile: profile, Description: description, Semantics: string(r.Semantics),
		Outcome: string(r.Verdict), ThesisID: r.Thesis.ID, Thesis: r.Thesis.Score, Base: r.Thesis.Base,
		HasThesis: r.Thesis.HasScore, Margin: r.Margin, Pro: r.Totals.Pro, Con: r.Totals.Con,
	}
	for _, c := range r.Categories {
		v.Weights = append(v.Weights, Weight{Category: c, Weight: r.Weights.Get(c)})
	}
	return v
}

// Role says what a span of a sentence is, so that each medium can style or escape it.
type Role int

const (
	Plain    Role = iota // argmap's own words and numbers
	Outcome              // the verdict's word, in the colour of the side it favours
	ThesisID             // the thesis's id, from the corpus
	Name                 // a name from the corpus (profile, category, semantics): untrusted
)

// Span is a piece of a sentence. Strong marks what a document emphasises (bold in Markdown).
type Span struct {
	Text   string
	Role   Role
	Strong bool
}

// Sentence is one sentence argmap prints, in spans a medium styles.
type Sentence []Span

func (s *Sentence) add(text string) { *s = append(*s, Span{Text: text}) }
func (s *Sentence) addRole(text string, r Role, strong bool) {
	*s = append(*s, Span{Text: text, Role: r, Strong: strong})
}

// Headline is argmap score's first line: "PRO  grant-asylum scores 0.746 against its base
// 0.500 (margin +0.246)", or the tally under sum.
func (v Verdict) Headline() Sentence {
	var s Sentence
	s.addRole(strings.ToUpper(v.Outcome), Outcome, false)
	s.add("  ")
	s.addRole(v.ThesisID, ThesisID, false)
	if v.HasThesis {
		s.add(fmt.Sprintf(" scores %s against its base %s (margin %s)", Fixed(v.Thesis), Fixed(v.Base), MarginText(v.Margin, v.Outcome)))
	} else {
		s.add(fmt.Sprintf(": weighted sum %s (pro %s, con %s)", MarginText(v.Margin, v.Outcome), Fixed(v.Pro), Fixed(v.Con)))
	}
	return s
}

// Line is the verdict in one sentence, as argmap show closes with it.
func (v Verdict) Line() string {
	word := strings.ToUpper(v.Outcome)
	if v.HasThesis {
		return fmt.Sprintf("Verdict: %s. %s scores %.3f against its base %.3f (margin %s).",
			word, v.ThesisID, v.Thesis, v.Base, MarginText(v.Margin, v.Outcome))
	}
	return fmt.Sprintf("Verdict: %s. Weighted sum %s (pro %.3f, con %.3f).", word, MarginText(v.Margin, v.Outcome), v.Pro, v.Con)
}

// Prose is the brief's sentence about the verdict: "Under the DF-QuAD semantics and the
// **author** profile (moral 1, strategic 4 and political 1), the debate comes out **for the
// thesis**: the thesis scores 0.746 against its base of 0.500, a margin of +0.246."
func (v Verdict) Prose() Sentence {
	var s Sentence
	s.add("Under the ")
	if n, ok := semanticsNames[v.Semantics]; ok {
		s.add(n)
	} else {
		s.addRole(v.Semantics, Name, false)
	}
	s.add(" semantics and ")
	if v.Profile != "" {
		s.add("the ")
		s.addRole(v.Profile, Name, true)
		s.add(" profile (")
		s.weights(v.Weights)
		s.add(")")
	} else {
		s.add("the weights ")
		s.weights(v.Weights)
	}
	if v.Outcome == "tie" {
		s.add(", the debate is ")
		s.addRole("a tie", Plain, true)
	} else {
		s.add(", the debate comes out ")
		s.addRole(OutcomeText(v.Outcome), Plain, true)
	}
	if v.HasThesis {
		s.add(fmt.Sprintf(": the thesis scores %s against its base of %s, a margin of %s.",
			Fixed(v.Thesis), Fixed(v.Base), MarginText(v.Margin, v.Outcome)))
		return s
	}
	s.add(fmt.Sprintf(": the pro arguments' weighted strengths add up to %s and the con arguments' to %s, a margin of %s. The sum semantics weighs each argument by its category and ignores who answers whom.",
		Fixed(v.Pro), Fixed(v.Con), MarginText(v.Margin, v.Outcome)))
	return s
}

// weights adds "moral 1, strategic 4 and political 1".
func (s *Sentence) weights(ws []Weight) {
	for i, w := range ws {
		switch {
		case i == 0:
		case i == len(ws)-1:
			s.add(" and ")
		default:
			s.add(", ")
		}
		s.addRole(w.Category, Name, false)
		s.add(" " + Weightf(w.Weight))
	}
}

// semanticsNames are the semantics as the literature names them.
var semanticsNames = map[string]string{
	"dfquad":           "DF-QuAD",
	"quadratic-energy": "quadratic energy",
	"euler":            "Euler-based",
	"mlp":              "MLP-based",
	"sum":              "sum",
}

// SemanticsName is a semantics as the literature names it ("DF-QuAD"), and ok false for one
// argmap does not know (whose name then comes from the user, untrusted).
func SemanticsName(s string) (name string, ok bool) {
	name, ok = semanticsNames[s]
	return name, ok
}

// OutcomeText is a verdict in words: "for the thesis", "against the thesis", "a tie".
func OutcomeText(o string) string {
	switch o {
	case "pro":
		return "for the thesis"
	case "con":
		return "against the thesis"
	case "tie":
		return "a tie"
	}
	return o
}

// Fixed writes a score or tally to three places, never "-0.000".
func Fixed(x float64) string { return strconv.FormatFloat(zero3(x), 'f', 3, 64) }

// Signed writes a margin or contribution with its sign, to three places.
func Signed(x float64) string { return fmt.Sprintf("%+.3f", zero3(x)) }

// Weightf writes a weight as short as it goes: 1, 0.5, 2.25.
func Weightf(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// zero3 maps what would print as −0.000 to 0.
func zero3(x float64) float64 {
	if math.Abs(x) < 5e-4 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// MarginText writes a margin as Margin does, and a tie as 0.000 whatever rounding left in it.
func MarginText(m float64, outcome string) string {
	if outcome == "tie" {
		return "0.000"
	}
	return Margin(m)
}
