package export

import (
	"testing"

	"github.com/argmap/argmap/internal/argument"
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

func TestWeightsText(t *testing.T) {
	for _, tt := range []struct {
		ws   []Weight
		want string
	}{
		{nil, ""},
		{[]Weight{{"moral", 1}}, "moral 1"},
		{[]Weight{{"moral", 1}, {"strategic", 0.5}}, "moral 1 and strategic 0.5"},
		{[]Weight{{"moral", 2}, {"strategic", 0}, {"a|b", 1}}, "moral 2, strategic 0 and a\\|b 1"},
	} {
		if got := weightsText(tt.ws); got != tt.want {
			t.Errorf("weightsText(%v) = %q, want %q", tt.ws, got, tt.want)
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
