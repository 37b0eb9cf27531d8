package safetext

import (
	"strings"
	"unicode/utf8"
)

// XML makes s safe as the text of an XML element or a quoted attribute value (SVG): Line's
// visible escapes first, so that no control character, which XML 1.0 forbids even escaped, and
// no byte that is not UTF-8 remains; then the five characters XML gives a meaning (& < > " ')
// as entities; and the noncharacters U+FFFE and U+FFFF, which XML also forbids, escaped like
// Line's.
func XML(s string) string {
	s = Line(s)
	if !strings.ContainsAny(s, "&<>\"'\uFFFE\uFFFF") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\uFFFE', '\uFFFF':
			var buf [10]byte
			b.Write(appendHex(buf[:0], `\u`, uint32(r), 4))
		default:
			if r == utf8.RuneError {
				b.WriteString(`\ufffd`)
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
