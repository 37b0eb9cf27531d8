// Package safetext is the one place that makes untrusted corpus text inert for a terminal. Every
// string from a corpus passes through it before it is printed; the exporters build their own
// escapes on top of Clean.
package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line makes s safe to print on one terminal line: every control character (C0, C1, DEL, and
// newlines and tabs too), every bidirectional or invisible format character, line and paragraph
// separators, and every byte that is not UTF-8 come out as visible escapes such as \x1b or
// \u202e. Text without such characters is returned unchanged.
func Line(s string) string { return escape(s, false) }

// Block is Line for text that may span lines: newlines are kept, tabs become spaces, and carriage
// returns (from CRLF files) are dropped before a newline.
func Block(s string) string { return escape(s, true) }

// Unsafe reports whether Line would change s.
func Unsafe(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// Printable ASCII is the common case, and needs no decoding.
			if c < 0x20 || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || needsEscape(r) {
			return true
		}
		i += n
	}
	return false
}

func needsEscape(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r < 0x20 || r == 0x7f
	case r < 0xa0:
		return true // C1 controls
	case r == '\u2028', r == '\u2029':
		return true
	case unicode.Is(unicode.Cf, r):
		return true
	}
	return false
}

func escape(s string, multiline bool) string {
	if !Unsafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case multiline && r == '\n':
			b.WriteByte('\n')
		case multiline && r == '\t':
			b.WriteString("    ")
		case multiline && r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// CRLF: the newline that follows is kept.
		default:
			writeRune(&b, s[i:i+n], r)
		}
		i += n
	}
	return b.String()
}

// writeRune writes r, which is spelled src in the text, as Line shows it: src itself, or the
// visible escape of a byte that is not UTF-8 (r is utf8.RuneError and src one byte) or of a
// character that needs one.
func writeRune(b *strings.Builder, src string, r rune) {
	var buf [10]byte
	switch {
	case r == utf8.RuneError && len(src) == 1:
		b.Write(appendHex(buf[:0], `\x`, uint32(src[0]), 2))
	case r < utf8.RuneSelf && needsEscape(r):
		b.Write(appendHex(buf[:0], `\x`, uint32(r), 2))
	case needsEscape(r):
		b.Write(appendHex(buf[:0], `\u`, uint32(r), 4))
	default:
		b.WriteString(src)
	}
}

const hexDigits = "0123456789abcdef"

// appendHex appends prefix and v in lower-case hexadecimal, at least digits long, as
// fmt.Appendf(dst, "%s%0*x", prefix, digits, v) would.
func appendHex(dst []byte, prefix string, v uint32, digits int) []byte {
	var buf [8]byte
	i := len(buf)
	for v != 0 || len(buf)-i < digits {
		i--
		buf[i] = hexDigits[v&0xf]
		v >>= 4
	}
	dst = append(dst, prefix...)
	return append(dst, buf[i:]...)
}

// Quote quotes untrusted text for a message: escaped as ID does (a letter outside the text's
// main script escaped too, so that a look-alike shows), cut short past 60 characters (marked
// …), in double quotes.
func Quote(s string) string {
	const limit = 60
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit]) + "…"
	}
	return `"` + ID(s) + `"`
}
