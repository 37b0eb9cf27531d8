package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// scripts are the scripts an id's letters are told apart by. Han, Hiragana, Katakana, Hangul
// and Bopomofo are one group: Japanese and Korean text mixes them as a matter of course.
var scripts = []struct {
	name  string
	table []*unicode.RangeTable
}{
	{"Latin", []*unicode.RangeTable{unicode.Latin}},
	{"Cyrillic", []*unicode.RangeTable{unicode.Cyrillic}},
	{"Greek", []*unicode.RangeTable{unicode.Greek}},
	{"Armenian", []*unicode.RangeTable{unicode.Armenian}},
	{"Hebrew", []*unicode.RangeTable{unicode.Hebrew}},
	{"Arabic", []*unicode.RangeTable{unicode.Arabic}},
	{"Cherokee", []*unicode.RangeTable{unicode.Cherokee}},
	{"Georgian", []*unicode.RangeTable{unicode.Georgian}},
	{"Devanagari", []*unicode.RangeTable{unicode.Devanagari}},
	{"Thai", []*unicode.RangeTable{unicode.Thai}},
	{"CJK", []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo}},
}

// scriptOf is the index in scripts of r's script, -1 for a character of none of them (digits,
// punctuation, marks: common to every script) and len(scripts) for a letter of another.
func scriptOf(r rune) int {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return 0
		}
		return -1
	}
	for i, s := range scripts {
		if unicode.In(r, s.table...) {
			return i
		}
	}
	if unicode.IsLetter(r) {
		return len(scripts)
	}
	return -1
}

// MixedScript returns the letters of s that are not of its main script (the one most of its
// letters are in; Latin on a tie), in order: the Cyrillic а in an otherwise Latin "pаy", which
// looks the same as "pay" and is another id. nil when s is of one script.
func MixedScript(s string) []rune {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return nil
	}
	count := make([]int, len(scripts)+1)
	for _, r := range s {
		if k := scriptOf(r); k >= 0 {
			count[k]++
		}
	}
	main := 0
	for k, n := range count {
		if n > count[main] {
			main = k
		}
	}
	var odd []rune
	for _, r := range s {
		if k := scriptOf(r); k >= 0 && k != main {
			odd = append(odd, r)
		}
	}
	return odd
}

// ID makes an id safe to show: escaped as Line does, and with every letter outside its main
// script (see MixedScript) escaped as \uXXXX too, so that a look-alike cannot pass for the id
// it imitates.
func ID(s string) string {
	odd := MixedScript(s)
	if odd == nil {
		return Line(s)
	}
	var b strings.Builder
	for _, r := range s {
		k := scriptOf(r)
		if k >= 0 && isOdd(r, odd) {
			b.Write(appendHex(nil, `\u`, uint32(r), 4))
			continue
		}
		b.WriteString(Line(string(r)))
	}
	return b.String()
}

func isOdd(r rune, odd []rune) bool {
	for _, o := range odd {
		if o == r {
			return true
		}
	}
	return false
}

// RuneNames names each character once, as U+0430 CYRILLIC SMALL LETTER A, joined by commas.
func RuneNames(rs []rune) string {
	var names []string
	seen := map[rune]bool{}
	for _, r := range rs {
		if seen[r] {
			continue
		}
		seen[r] = true
		name := runenames.Name(r)
		if name == "" {
			name = "UNNAMED"
		}
		names = append(names, fmt.Sprintf("%U %s", r, name))
	}
	return strings.Join(names, ", ")
}
