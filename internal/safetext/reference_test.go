package safetext

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The escapes take a fast path for text with nothing to change, and scan bytes where they
// once decoded runes. The reference versions below are the escapes as they were first written,
// one plain pass over the runes each: the fast escapes must agree with them on every input.

func refUnsafe(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return true
			}
		}
		if refNeedsEscape(r) {
			return true
		}
	}
	return false
}

func refNeedsEscape(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == '\u2028', r == '\u2029':
		return true
	case unicode.Is(unicode.Cf, r):
		return true
	}
	return false
}

func refEscape(s string, multiline bool) string {
	if !refUnsafe(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case multiline && r == '\n':
			b.WriteByte('\n')
		case multiline && r == '\t':
			b.WriteString("    ")
		case multiline && r == '\r' && i+1 < len(s) && s[i+1] == '\n':
		case r < 0x80 && refNeedsEscape(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case refNeedsEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func refFlat(s string) string { return refEscape(strings.Join(strings.Fields(s), " "), false) }

func refParagraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if p := refFlat(strings.Join(cur, " ")); p != "" {
			out = append(out, p)
		}
		cur = cur[:0]
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

func refMarkdown(s string) string {
	s = refFlat(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(markdownEscaped, c) >= 0:
			b.WriteByte('\\')
		case c == ':' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == ':' || isAlnum(s[i+1]) && !isDigit(s[i+1])),
			c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func refDOT(s string) string {
	s = refFlat(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '&':
			b.WriteString("&amp;")
		case utf8.RuneError:
			b.WriteString("&#65533;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func refMermaid(s string) string {
	s = refFlat(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("#quot;")
		case r < utf8.RuneSelf && !isAlnum(byte(r)) && r != ' ' && r != ',' && r != '.' && r != '\'' && r != '?' && r != '!' && r != '-':
			fmt.Fprintf(&b, "#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func refArgdown(s string) string {
	s = refFlat(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(argdownEscaped, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func refYAMLDouble(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (isAlnum(byte(r)) || strings.ContainsRune(" ,.?!'-:;()&/@*_+", r)):
			b.WriteRune(r)
		case r >= utf8.RuneSelf && r != utf8.RuneError && !refNeedsEscape(r) && unicode.IsPrint(r):
			b.WriteRune(r)
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func refEscapeInvisible(doc []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < len(doc); {
		r, n := utf8.DecodeRune(doc[i:])
		switch {
		case r == utf8.RuneError && n == 1 || !refNeedsEscape(r) || r == '\n' || r >= 0x20 && r < 0x7f:
			b.Write(doc[i : i+n])
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += n
	}
	return b.Bytes()
}

// agreementSeeds are the seeds of FuzzLine and of the export package's fuzz targets, the inputs
// of the table tests, and text that sits on the edges of the fast paths: white space at either
// end or doubled, every kind of white space, text that is flat but for one character.
var agreementSeeds = []string{
	"", " ", "x", "\x1b[31m", "\u202e", "\xff", "a\r\nb",
	"Drain the Kremlin's manpower", "Asylum takes conscripts off the battlefield.", "it would further deplete Putin’s manpower reserves",
	"# Heading | cell ` tick <script>alert(1)</script>", "- list\n1. ordered\n> quote\n---",
	"[x](javascript:alert(1)) ![i](http://e/x.png) <http://a.b> www.x.org a@b.co :smile:",
	"\"] ; n0 -> n1 [label=\"x\"] \\N \\G <b>html</b> }", "digraph { a -> b } &amp; &#60; \\\" \\",
	"%%{init: {}}%%\nclick n0 href \"javascript:alert(1)\"",
	"[S]: <A>: #tag @[m] {d: 1} // c /* c */ <!-- c -->", "+ <x>\n- [y]\n=== f ===\n.x. :x: **b",
	"\x1b[31mred\x1b]8;;http://e/\a\u202e\u200b\x7f\u0085",
	"true", "1.5", "  null\n~\n- x: y\n&a *b !!str %TAG @ `  ", "Safety!", "\t\r\n\r\n",
	"  one\n two\t\tthree  ", "a\u2028b", "bidi\u202e", "see www.example.org", "WwW.x", "time 10:30, note: x",
	"12. ordered", "3) ordered", "=====", "\ufffd", "a\ufffdb", "\xef\xbf", "\xe2\x80\r\n\xa8",
	"trailing ", " leading", "double  space", "nbsp\u00a0here", "ideographic\u3000space", "nel\u0085x",
	"soft\u00adhyphen", "tag\U000E0041", "😀 emoji", "Ünïcödé – “quotes”", "para one\n\npara two\r\n\r\n  \nthree",
	"\n\nlead\n", "last line\n", "c1\u009b31m", "zero\u200bwidth\ufeff", "del\x7f", "tab\there", "lone\rcr",
}

// checkAgree fails the test where a fast escape and its reference differ on s.
func checkAgree(t *testing.T, s string) {
	t.Helper()
	pairs := []struct {
		name      string
		fast, ref func(string) string
	}{
		{"Line", Line, func(s string) string { return refEscape(s, false) }},
		{"Block", Block, func(s string) string { return refEscape(s, true) }},
		{"Flat", Flat, refFlat},
		{"Markdown", Markdown, refMarkdown},
		{"DOT", DOT, refDOT},
		{"Mermaid", Mermaid, refMermaid},
		{"Argdown", Argdown, refArgdown},
		{"YAMLDouble", YAMLDouble, refYAMLDouble},
		{"EscapeInvisible", func(s string) string { return string(EscapeInvisible([]byte(s))) },
			func(s string) string { return string(refEscapeInvisible([]byte(s))) }},
		{"Paragraphs", func(s string) string { return strings.Join(Paragraphs(s), "\x00") },
			func(s string) string { return strings.Join(refParagraphs(s), "\x00") }},
	}
	for _, p := range pairs {
		if got, want := p.fast(s), p.ref(s); got != want {
			t.Errorf("%s(%q) = %q, the reference gives %q", p.name, s, got, want)
		}
	}
	if got, want := Unsafe(s), refUnsafe(s); got != want {
		t.Errorf("Unsafe(%q) = %v, the reference gives %v", s, got, want)
	}
	for _, r := range s {
		if got, want := needsEscape(r), refNeedsEscape(r); got != want {
			t.Errorf("needsEscape(%U) = %v, the reference gives %v", r, got, want)
		}
	}
}

func TestFastPathsAgree(t *testing.T) {
	for _, s := range agreementSeeds {
		checkAgree(t, s)
	}
	// Every character up to U+3000 (C0, ASCII, C1, Latin-1, the general punctuation and its
	// spaces, bidi controls) and a sample above, alone and between words.
	for r := rune(0); r < 0x3100; r++ {
		checkAgree(t, string(r))
		checkAgree(t, "a"+string(r)+"b www"+string(r)+": "+string(r))
	}
	for _, r := range []rune{0xfeff, 0xfff9, 0xfffd, 0xffff, 0x110bd, 0x1d173, 0xe0001, 0xe007f, 0x10ffff} {
		checkAgree(t, "a"+string(r)+"b")
	}
}

func TestFastPathsReturnInput(t *testing.T) {
	// Flat, safe text is the common case; it must come back as it is, without a copy.
	for _, s := range []string{"plain words, and more", "it would deplete Putin’s reserves, 2022"} {
		for name, f := range map[string]func(string) string{"Line": Line, "Flat": Flat, "Markdown": Markdown, "DOT": DOT, "Mermaid": Mermaid, "Argdown": Argdown} {
			if n := testing.AllocsPerRun(10, func() { f(s) }); n != 0 {
				t.Errorf("%s(%q) allocates %v times, want 0", name, s, n)
			}
		}
	}
}

func FuzzFastPathsAgree(f *testing.F) {
	for _, s := range agreementSeeds {
		f.Add(s)
	}
	f.Fuzz(checkAgree)
}
