package safetext

import (
	"bytes"
	"strconv"
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
// the ends, and makes the rest safe as Line does. Text that is already so is returned as it is,
// without a copy.
func Flat(s string) string {
	if isFlat(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // white space since the last text written
	for i := 0; i < len(s); {
		if asciiClass[s[i]] == asciiText {
			// A run of printable ASCII: copied whole.
			j := i + 1
			for j < len(s) && asciiClass[s[j]] == asciiText {
				j++
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			writeRune(&b, s[i:i+n], r)
		}
		i += n
	}
	return b.String()
}

// The classes of bytes for the scans of Flat and isFlat.
const (
	asciiText  = iota // printable ASCII but the space
	asciiSpace        // ' '
	asciiOther        // a control character, which Line escapes (white space among them)
	nonASCII          // a byte of a character past ASCII, or of bad UTF-8
)

var asciiClass = func() (c [256]uint8) {
	for b := range 256 {
		switch {
		case b == ' ':
			c[b] = asciiSpace
		case b < 0x20 || b == 0x7f:
			c[b] = asciiOther
		case b >= utf8.RuneSelf:
			c[b] = nonASCII
		}
	}
	return c
}()

// isFlat reports whether Flat would return s unchanged: no white space but single spaces between
// words, nothing Line escapes.
func isFlat(s string) bool {
	space := true // the text starts after white space: a leading space is not flat
	for i := 0; i < len(s); {
		switch asciiClass[s[i]] {
		case asciiText:
			space = false
			i++
		case asciiSpace:
			if space {
				return false
			}
			space = true
			i++
		case asciiOther:
			return false
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || unicode.IsSpace(r) || needsEscape(r) {
				return false
			}
			space = false
			i += n
		}
	}
	return !space || s == ""
}

// Paragraphs splits text at blank lines and flattens each paragraph, dropping empty ones.
func Paragraphs(s string) []string {
	var out []string
	// A paragraph is s[start:end], its lines as they are: flattening turns the line breaks
	// between them into spaces, as it does any other white space.
	start, end := -1, -1
	flush := func() {
		if start >= 0 {
			if p := Flat(s[start:end]); p != "" {
				out = append(out, p)
			}
		}
		start = -1
	}
	for i := 0; i <= len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			j = len(s) - i
		}
		if line := s[i : i+j]; strings.TrimSpace(line) == "" {
			flush()
		} else {
			if start < 0 {
				start = i
			}
			end = i + j
		}
		i += j + 1
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
	i := 0
	for i < len(s) && !markdownEscapes(s, i) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if markdownEscapes(s, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// markdownClass sorts bytes for markdownEscapes: 0 for the bytes never escaped, 1 for those
// always escaped, and ':' and '.' for themselves.
var markdownClass = func() (c [256]uint8) {
	for i := 0; i < len(markdownEscaped); i++ {
		c[markdownEscaped[i]] = 1
	}
	c[':'], c['.'] = ':', '.'
	return c
}()

// markdownEscapes reports whether Markdown puts a backslash before s[i].
func markdownEscapes(s string, i int) bool {
	switch markdownClass[s[i]] {
	case 0:
		return false
	case ':':
		// Break what GitHub would link by itself (https://, www.) and what markdownlint's
		// parser reads as a directive (:name), which GitHub shows as text.
		return i+1 < len(s) && (s[i+1] == '/' || s[i+1] == ':' || isAlnum(s[i+1]) && !isDigit(s[i+1]))
	case '.':
		return i >= 3 && strings.EqualFold(s[i-3:i], "www")
	}
	return true
}

// byteSet is the set of the bytes of s, for a lookup per byte.
func byteSet(s string) (set [256]bool) {
	for i := 0; i < len(s); i++ {
		set[s[i]] = true
	}
	return set
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
	// Flat text is UTF-8, so a byte-by-byte scan finds each character to replace: the three
	// ASCII ones, and U+FFFD by its first byte.
	i := 0
	for i < len(s) && s[i] != '\\' && s[i] != '"' && s[i] != '&' && s[i] != 0xef {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
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
	i := 0
	for i < len(s) && !mermaidEscaped[s[i]] {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	var num [8]byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			b.WriteString("#quot;")
		case mermaidEscaped[c]:
			b.WriteByte('#')
			b.Write(strconv.AppendInt(num[:0], int64(c), 10))
			b.WriteByte(';')
		default:
			b.WriteByte(c) // non-ASCII bytes are kept as they are
		}
	}
	return b.String()
}

// mermaidEscaped are the bytes Mermaid writes as entity codes: every ASCII character but
// letters, digits and  ,.'?!-.
var mermaidEscaped = func() (set [256]bool) {
	for c := range utf8.RuneSelf {
		set[c] = !isAlnum(byte(c)) && !strings.ContainsRune(" ,.'?!-", rune(c))
	}
	return set
}()

// argdownEscaped are the characters that open Argdown syntax inside a line of text: tags,
// mentions, references and definitions, emphasis, comments, special characters (.x. and :x:),
// links, data blocks and front matter, and the escape itself.
const argdownEscaped = "\\@#*_[]<>/.:{}=-+~"

// Argdown makes s one line of Argdown text (a statement's or an argument's description, a
// heading): every character that could open Argdown syntax is backslash-escaped, which the
// parser turns back into the character itself.
func Argdown(s string) string {
	s = Flat(s)
	i := 0
	for i < len(s) && !argdownSpecial[s[i]] {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if argdownSpecial[s[i]] {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

var argdownSpecial = byteSet(argdownEscaped)

// YAMLDouble quotes s as a YAML double-quoted scalar in which the only punctuation is
// ,.?!'-:;()&/@*_+ and every other ASCII symbol, control or invisible character is a \u escape,
// so it survives surrounding syntax that scans for brackets, braces, quotes or '=' (Argdown's
// front matter and data blocks). It keeps s exactly; invalid UTF-8 becomes U+FFFD.
func YAMLDouble(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	var esc [10]byte
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && yamlPlain[r]:
			b.WriteByte(byte(r))
		case r >= utf8.RuneSelf && r != utf8.RuneError && !needsEscape(r) && unicode.IsPrint(r):
			b.WriteRune(r)
		case r > 0xffff:
			b.Write(appendHex(esc[:0], `\U`, uint32(r), 8))
		default:
			b.Write(appendHex(esc[:0], `\u`, uint32(r), 4))
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlPlain are the ASCII characters YAMLDouble writes as they are.
var yamlPlain = func() (set [256]bool) {
	for c := range utf8.RuneSelf {
		set[c] = isAlnum(byte(c)) || strings.ContainsRune(" ,.?!'-:;()&/@*_+", rune(c))
	}
	return set
}()

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
		var esc [12]byte
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			b.Write(appendHex(appendHex(esc[:0], `\u`, uint32(r1), 4), `\u`, uint32(r2), 4))
		} else {
			b.Write(appendHex(esc[:0], `\u`, uint32(r), 4))
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
