// Package safetext is the one place that makes untrusted corpus text inert for a terminal. Every
// string from a corpus passes through it before it is printed; the exporters build their own
// escapes on top of Clean.
package safetext

import (
	"fmt"
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
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return true
			}
		}
		if needsEscape(r) {
			return true
		}
	}
	return false
}

func needsEscape(r rune) bool {
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

func escape(s string, multiline bool) string {
	if !Unsafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
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
			// CRLF: the newline that follows is kept.
		case r < 0x80 && needsEscape(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
