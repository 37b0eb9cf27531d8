package safetext

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The escapes in this file make corpus text inert inside the formats argmap exports. Each takes
// one line of text: runs of white space, newlines included, become one space, and what Line would
// escape for a terminal (control bytes, bidi and invisible characters, bad UTF-8) is first made
// visible the same way, so no export ever carries a raw escape byte.

// Flat collapses every run of white space (newlines and tabs included) into one space, trims
// the ends, and makes the rest safe as Line does.
func Flat(s string) string {
	return Line(strings.Join(strings.Fields(s), " "))
}

// Paragraphs splits text at blank lines and flattens each paragraph, dropping empty ones.
func Paragraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if p := Flat(strings.Join(cur, " ")); p != "" {
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

// markdownEscaped are the ASCII characters that open an inline construct of CommonMark or
// GitHub-flavoured Markdown anywhere in a line: code spans, emphasis, strikethrough, links and
// images, raw HTML and entities, autolinks (e-mail addresses too), table cells, headings'
// closing sequences, math.
const markdownEscaped = "\\`*_[]<>&|#~$@"

// Markdown makes s literal Markdown text inside a line, safe in a heading, a table cell, link
// text or after other text on a line: every character that could start inline markup is
// backslash-escaped. Rendered, it shows exactly Flat(s). At the start of a line (a paragraph, a
// list item, a block quote) use MarkdownLine.
func Markdown(s string) string {
	s = Flat(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(markdownEscaped, c) >= 0:
			b.WriteByte('\\')
		case c == ':' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == ':' || isAlnum(s[i+1]) && !isDigit(s[i+1])),
			c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			// Break what GitHub would link by itself (https://, www.) and what markdownlint's
			// parser reads as a directive (:name), which GitHub shows as text.
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// MarkdownLine is Markdown for text that starts a line: anything there that would open a
// block (a list item, a thematic break, a setext underline, an ordered list's "1.") is escaped
// too.
func MarkdownLine(s string) string {
	out := Markdown(s)
	if out == "" {
		return out
	}
	switch out[0] {
	case '-', '+', '=':
		return `\` + out
	}
	// "12. " or "12) " would open an ordered list.
	n := 0
	for n < len(out) && n < 10 && out[n] >= '0' && out[n] <= '9' {
		n++
	}
	if n > 0 && n < len(out) && (out[n] == '.' || out[n] == ')') {
		out = out[:n] + `\` + out[n:]
	}
	return out
}

// DOT makes s the inside of a Graphviz double-quoted string used as a label: backslashes and
// quotes are escaped (so no \N, \G, \l or other escString sequence survives), and '&' becomes
// &amp; because Graphviz expands HTML entities in every label.
func DOT(s string) string {
	s = Flat(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '&':
			b.WriteString("&amp;")
		case utf8.RuneError:
			// Graphviz reads the entity back as U+FFFD; some DOT parsers refuse the raw
			// character.
			b.WriteString("&#65533;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Mermaid makes s the inside of a quoted Mermaid label (id["..."]): every character that means
// something to Mermaid's grammar or to the HTML it renders to is written as a Mermaid entity
// code (#quot; or #NN;), so quotes, brackets, '#', '%%' comments, '<script>', backticks
// (markdown strings) and keywords all stay text.
func Mermaid(s string) string {
	s = Flat(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
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

// argdownEscaped are the characters that open Argdown syntax inside a line of text: tags,
// mentions, references and definitions, emphasis, comments, special characters (.x. and :x:),
// links, data blocks and front matter, and the escape itself.
const argdownEscaped = "\\@#*_[]<>/.:{}=-+~"

// Argdown makes s one line of Argdown text (a statement's or an argument's description, a
// heading): every character that could open Argdown syntax is backslash-escaped, which the
// parser turns back into the character itself.
func Argdown(s string) string {
	s = Flat(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(argdownEscaped, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// YAMLDouble quotes s as a YAML double-quoted scalar in which the only punctuation is
// ,.?!'-:;()&/@*_+ and every other ASCII symbol, control or invisible character is a \u escape,
// so it survives surrounding syntax that scans for brackets, braces, quotes or '=' (Argdown's
// front matter and data blocks). It keeps s exactly; invalid UTF-8 becomes U+FFFD.
func YAMLDouble(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (isAlnum(byte(r)) || strings.ContainsRune(" ,.?!'-:;()&/@*_+", r)):
			b.WriteRune(r)
		case r >= utf8.RuneSelf && r != utf8.RuneError && !needsEscape(r) && unicode.IsPrint(r):
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

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Invisible reports whether Line would escape r: a control character, a line or paragraph
// separator, or a bidirectional or other invisible format character.
func Invisible(r rune) bool { return needsEscape(r) }

// EscapeInvisible rewrites every invisible character of an encoded JSON document, or of a YAML
// document whose strings holding one are double-quoted, as a \u escape (a surrogate pair past
// U+FFFF). Both formats read the escape back as the same character, and no terminal that shows
// the file acts on it. Such characters can stand only inside strings, where the escape is valid.
func EscapeInvisible(doc []byte) []byte {
	var b bytes.Buffer
	done := 0 // doc[:done] is in b
	for i := 0; i < len(doc); {
		c := doc[i]
		if c < utf8.RuneSelf && c >= 0x20 && c != 0x7f || c == '\n' {
			i++ // the common case: printable ASCII
			continue
		}
		r, n := utf8.DecodeRune(doc[i:])
		if r == utf8.RuneError && n == 1 || !needsEscape(r) {
			i += n
			continue
		}
		if done == 0 {
			b.Grow(len(doc) + 16)
		}
		b.Write(doc[done:i])
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		} else {
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += n
		done = i
	}
	if done == 0 {
		return doc
	}
	b.Write(doc[done:])
	return b.Bytes()
}
