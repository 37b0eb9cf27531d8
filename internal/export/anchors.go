package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/safetext"
)

// anchors hands out the brief's headings so that each has its own text and its own anchor:
// links then point at exactly one heading whichever slug rules a reader applies (GitHub adds
// -1, -2 to repeated anchors; markdownlint's check does so slightly differently).
type anchors struct {
	used map[string]bool
}

func newAnchors() *anchors { return &anchors{used: map[string]bool{}} }

// headingPunct are the characters markdownlint (MD026) does not want at the end of a heading.
const headingPunct = ".,;:!。，；：！"

// headingText is text as a heading shows it: flat, without trailing punctuation.
func headingText(s string) string {
	return strings.TrimRight(safetext.Flat(s), headingPunct+" ")
}

// add decides a heading for text: the text itself, else the text followed by each alternative
// in parentheses (the alternative alone when the text is empty), else a number, whichever
// first has a non-empty anchor no other heading has.
func (a *anchors) add(text string, alts ...string) heading {
	base := headingText(text)
	var cands []string
	if base != "" {
		cands = append(cands, base)
	}
	for _, alt := range alts {
		if alt = headingText(alt); alt == "" {
			continue
		}
		if base != "" {
			cands = append(cands, base+" ("+alt+")")
		} else {
			cands = append(cands, alt)
		}
	}
	for _, c := range cands {
		if s := Slug(c); s != "" && !a.used[s] {
			a.used[s] = true
			return heading{text: c, anchor: s}
		}
	}
	if base == "" {
		base = "section"
	}
	for n := 2; ; n++ {
		c := base + " (" + strconv.Itoa(n) + ")"
		if s := Slug(c); !a.used[s] {
			a.used[s] = true
			return heading{text: c, anchor: s}
		}
	}
}

// Slug is the anchor GitHub gives a heading whose text renders as text: lower-cased, every
// character but letters, marks, numbers, connector punctuation, '-' and ' ' dropped, and each
// space made a '-'. Lower-casing follows JavaScript's toLowerCase, as markdownlint's check does
// (İ becomes i and a combining dot; a final Σ becomes ς).
func Slug(text string) string {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return slugUnicode(text)
		}
	}
	// ASCII: its letters are a-z and A-Z, its numbers 0-9, its only connector punctuation '_',
	// and it has no marks.
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == ' ':
			b = append(b, '-')
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
			b = append(b, c)
		}
	}
	return string(b)
}

// slugUnicode is Slug for any text.
func slugUnicode(text string) string {
	var b strings.Builder
	for _, r := range jsLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// jsLower lower-cases s as JavaScript does: Unicode's simple mappings, plus the two special
// cases that apply without a locale.
func jsLower(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch r {
		case 'İ':
			b.WriteString("i\u0307")
		case 'Σ':
			if finalSigma(rs, i) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma applies Unicode's Final_Sigma condition: a cased letter before (skipping
// case-ignorable characters) and none after.
func finalSigma(rs []rune, i int) bool {
	before := false
	for j := i - 1; j >= 0; j-- {
		if caseIgnorable(rs[j]) {
			continue
		}
		before = cased(rs[j])
		break
	}
	if !before {
		return false
	}
	for j := i + 1; j < len(rs); j++ {
		if caseIgnorable(rs[j]) {
			continue
		}
		return !cased(rs[j])
	}
	return true
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) ||
		strings.ContainsRune("'.:·’\u00ad\u2018\u2024\ufe52\uff07\uff0e\u0387\u05f4\u2027\ufe13\ufe55\uff1a", r)
}
