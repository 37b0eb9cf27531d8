package corpus

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestQuoteIn(t *testing.T) {
	const text = "It’s been such a fiasco that the Kremlin took the unusual step of admitting error.\n\n" +
		"Some cite “internal security” as a reason — and   mean it.\u00a0Others don’t – yet.\n" +
		"In 2014, as Russia seized Crimea, Putin ... said so."
	cases := []struct {
		quote string
		want  bool
	}{
		{"such a fiasco that the Kremlin", true},
		{"It's been such a fiasco", true},                             // ’ vs '
		{"cite \"internal security\" as a reason", true},              // “” vs "
		{"cite “internal security” as a reason", true},                // the same, typographic
		{"a reason - and mean it", true},                              // — vs -
		{"a reason—and mean it", true},                                // no spaces around the dash
		{"Others don't - yet", true},                                  // – vs -
		{"and mean it. Others", true},                                 // no-break space and runs
		{"admitting\n  error", true},                                  // a line break in the quote
		{"error. Some cite", true},                                    // a paragraph break in the text
		{"It's been ... the Kremlin took", true},                      // ... joins pieces in order
		{"It's been…the Kremlin took … admitting error", true},        // … too, three pieces
		{"...such a fiasco...", true},                                 // leading and trailing ellipses
		{"Putin ... said so", true},                                   // an ellipsis in the text itself
		{"the Kremlin took ... It's been", false},                     // pieces out of order
		{"such a fiasco that the Kremlin took the usual step", false}, // a word changed
		{"Such a fiasco", false},                                      // case counts
		{"cite 'internal security'", false},                           // double quotes are not single
		{"a reason, and mean it", false},                              // a dash is not a comma
		{"", false},                                                   // nothing to find
		{"...", false},
	}
	for _, tc := range cases {
		if got := QuoteIn(tc.quote, text); got != tc.want {
			t.Errorf("QuoteIn(%q) = %v, want %v", tc.quote, got, tc.want)
		}
	}
}

func TestCheckQuotes(t *testing.T) {
	src := head + strings.Replace(arg, "text: q", "text: \"the unusual step of admitting guilt\"", 1) +
		"  - {id: b, side: pro, category: moral, title: B, claim: C, strength: 1, supports: [t], quotes: [{source: s, text: \"took the unusual step\"}, {source: s, text: \"nothing like this\"}]}\n"
	d, _, err := Load(fstest.MapFS{"a.yaml": {Data: []byte(src)}}, ".")
	if err != nil {
		t.Fatal(err)
	}
	got := problemStrings(CheckQuotes(d, "s", "the Kremlin took the unusual step of admitting error.", "article.txt"))
	want := []string{
		"a.yaml:16:14: error: quote of argument a is not in the text of s (article.txt): it agrees up to \"the unusual step of admitting\"; copy it verbatim, with ... between pieces left out",
		"a.yaml:17:142: error: quote of argument b is not in the text of s (article.txt): copy it verbatim, with ... between pieces left out",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %q\nwant: %q", got, want)
	}
	if ps := CheckQuotes(d, "other", "", "x.txt"); len(ps) != 0 {
		t.Errorf("quotes of another source checked: %q", problemStrings(ps))
	}
}

// Relation quotes and the verdict are checked like argument quotes; a relation quote with no
// source comes from the first of debate.sources.
func TestCheckQuotesRelationsAndVerdict(t *testing.T) {
	src := strings.Replace(head, "  sources: [{id: s, title: S}]\n", "  sources: [{id: s, title: S}, {id: o, title: O}]\n  verdict: {source: s, text: \"my gut says yes\"}\n", 1) +
		strings.Replace(strings.Replace(arg, "text: q", "text: \"the unusual step\"", 1), "supports: [t]",
			"supports: [{to: t, basis: stated, quote: \"took the usual step\"}]", 1) +
		"  - {id: b, side: con, category: moral, title: B, claim: C, strength: 1, attacks: [{to: t, basis: stated, source: o, quote: \"not in s\"}], quotes: [{source: s, text: \"the unusual step\"}]}\n"
	d, _, err := Load(fstest.MapFS{"a.yaml": {Data: []byte(src)}}, ".")
	if err != nil {
		t.Fatal(err)
	}
	got := problemStrings(CheckQuotes(d, "s", "the Kremlin took the unusual step of admitting error.", "article.txt"))
	want := []string{
		"a.yaml:8:12: error: the verdict is not in the text of s (article.txt): copy it verbatim, with ... between pieces left out",
		"a.yaml:16:16: error: quote of the relation of a to t is not in the text of s (article.txt): it agrees up to \"took the\"; copy the sentence that makes the link verbatim, or make the relation basis: inferred with a note",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %q\nwant: %q", got, want)
	}
	if got := d.Arguments[0].Relations[0].Source; got != "s" {
		t.Errorf("a relation quote with no source has source %q, want the first source s", got)
	}
}

func TestCheckBasis(t *testing.T) {
	for _, tc := range []struct {
		name, supports string
		want           []string
	}{
		{"bare", "supports: [t]", []string{"a.yaml:15:16: warning: 1 relation has no basis, so it counts as stated (the first is a supports t): write {to: ID, basis: stated, quote: \"...\"} with the source's sentence that makes the link, or {to: ID, basis: inferred, note: \"...\"} saying why"}},
		{"stated", "supports: [{to: t, basis: stated, quote: q}]", nil},
		{"inferred", "supports: [{to: t, basis: inferred, note: n}]", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _, err := Load(fstest.MapFS{"a.yaml": {Data: []byte(head + strings.Replace(arg, "supports: [t]", tc.supports, 1))}}, ".")
			if err != nil {
				t.Fatal(err)
			}
			if got := problemStrings(CheckBasis(d)); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("CheckBasis:\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}
