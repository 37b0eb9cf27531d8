package report

import (
	"strings"
	"testing"
)

// plain is the sentence with no styling, as a medium without any writes it.
func (s Sentence) plain() string {
	var b strings.Builder
	for _, sp := range s {
		b.WriteString(sp.Text)
	}
	return b.String()
}

func TestVerdictWording(t *testing.T) {
	ws := []Weight{{Category: "moral", Weight: 1}, {Category: "strategic", Weight: 4}, {Category: "political", Weight: 0.5}}
	pro := Verdict{Profile: "author", Weights: ws, Semantics: "dfquad", Outcome: "pro", ThesisID: "grant-asylum",
		Thesis: 0.7461, Base: 0.5, HasThesis: true, Margin: 0.2461}
	sum := Verdict{Weights: ws[:1], Semantics: "sum", Outcome: "con", ThesisID: "t", Margin: -0.25, Pro: 0.5, Con: 0.75}
	tie := Verdict{Weights: ws[:2], Semantics: "odd|one", Outcome: "tie", ThesisID: "t", Thesis: 0.5, Base: 0.5, HasThesis: true, Margin: -0.0000001}
	lean := Verdict{Weights: ws[:2], Semantics: "euler", Outcome: "con", ThesisID: "t", Thesis: 0.49999, Base: 0.5, HasThesis: true, Margin: -0.00001}
	tests := []struct {
		name, got, want string
	}{
		{"headline", pro.Headline().plain(), "PRO  grant-asylum scores 0.746 against its base 0.500 (margin +0.246)"},
		{"headline sum", sum.Headline().plain(), "CON  t: weighted sum -0.250 (pro 0.500, con 0.750)"},
		{"headline tie", tie.Headline().plain(), "TIE  t scores 0.500 against its base 0.500 (margin 0.000)"},
		{"line", pro.Line(), "Verdict: PRO. grant-asylum scores 0.746 against its base 0.500 (margin +0.246)."},
		{"line sum", sum.Line(), "Verdict: CON. Weighted sum -0.250 (pro 0.500, con 0.750)."},
		{"prose", pro.Prose().plain(), "Under the DF-QuAD semantics and the author profile (moral 1, strategic 4 and political 0.5), the debate comes out for the thesis: the thesis scores 0.746 against its base of 0.500, a margin of +0.246."},
		{"prose sum", sum.Prose().plain(), "Under the sum semantics and the weights moral 1, the debate comes out against the thesis: the pro arguments' weighted strengths add up to 0.500 and the con arguments' to 0.750, a margin of -0.250. The sum semantics weighs each argument by its category and ignores who answers whom."},
		{"prose tie", tie.Prose().plain(), "Under the odd|one semantics and the weights moral 1 and strategic 4, the debate is a tie: the thesis scores 0.500 against its base of 0.500, a margin of 0.000."},
		{"prose leaning", lean.Prose().plain(), "Under the Euler-based semantics and the weights moral 1 and strategic 4, the debate comes out against the thesis: the thesis scores 0.500 against its base of 0.500, a margin of -0.000010."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, tt.got, tt.want)
		}
	}
}

// The corpus's names are marked, so each medium can escape them; argmap's own words are not.
func TestVerdictRoles(t *testing.T) {
	v := Verdict{Profile: "p*", Weights: []Weight{{Category: "c|", Weight: 1}}, Semantics: "x_y", Outcome: "pro", ThesisID: "t", HasThesis: true}
	want := map[string]Role{"p*": Name, "c|": Name, "x_y": Name, "for the thesis": Plain}
	strong := map[string]bool{"p*": true, "for the thesis": true}
	seen := 0
	for _, sp := range v.Prose() {
		r, ok := want[sp.Text]
		if !ok {
			if sp.Role != Plain || sp.Strong {
				t.Errorf("span %q: role %v strong %v, want plain", sp.Text, sp.Role, sp.Strong)
			}
			continue
		}
		seen++
		if sp.Role != r || sp.Strong != strong[sp.Text] {
			t.Errorf("span %q: role %v strong %v, want %v %v", sp.Text, sp.Role, sp.Strong, r, strong[sp.Text])
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d marked spans", seen, len(want))
	}
	if h := v.Headline(); h[0].Role != Outcome || h[2].Role != ThesisID {
		t.Errorf("headline roles %+v: want the outcome, then the thesis id", h)
	}
}

func TestMarginText(t *testing.T) {
	for _, tt := range []struct {
		m       float64
		outcome string
		want    string
	}{
		{0.2461, "pro", "+0.246"},
		{0, "tie", "0.000"},
		{-0.0000001, "tie", "0.000"},
		{0.00004, "pro", "+0.000040"},
		{-0.0003, "con", "-0.00030"},
	} {
		if got := MarginText(tt.m, tt.outcome); got != tt.want {
			t.Errorf("MarginText(%g, %s) = %q, want %q", tt.m, tt.outcome, got, tt.want)
		}
	}
}
