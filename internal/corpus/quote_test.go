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
