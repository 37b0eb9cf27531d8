package yamlfast

import (
	"bufio"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/safetext"
)

// The emitter side of yaml/v4's scalar rules: which style the library writes a string in, and
// how it spells it, for the exporters that write YAML directly rather than build nodes for the
// library to write (internal/export's YAML, internal/synth's corpora). It knows that for
// certain only of text made of printable characters of the Basic Multilingual Plane and line
// feeds, nothing safetext finds invisible: StringStyle says when a string is not such text,
// and the caller then leaves it to the library. The rules are those of go.yaml.in/yaml/v4
// v4.0.0 (internal/libyaml: Emitter.analyzeScalar, selectScalarStyle and the write functions
// in emitter.go, resolve in resolver.go, Desolver.desolveScalar); internal/export's
// TestYAMLScalarsMatchLibrary, TestYAMLMatchesLibrary and FuzzYAMLMatchesLibrary and this
// package's TestStringStyleMatchesLibrary compare the two, so that an upgrade of the library
// that writes differently fails them.

// Style is how a scalar is written.
type Style uint8

// The styles StringStyle chooses among.
const (
	Plain Style = iota
	DoubleQuoted
	Literal
)

// YAML11Word reports whether s, in any case, is a plain word that YAML 1.1 readers (many tools
// still are) take for a bool or null, though YAML 1.2 reads it as a string: written quoted, it
// means the same to every reader.
func YAML11Word(s string) bool { return len(s) <= 5 && yaml11Words[strings.ToLower(s)] }

// No other string lower-cases to one of these words: only the Kelvin sign turns into ASCII, and
// none of them holds a k.
var yaml11Words = map[string]bool{
	"y": true, "yes": true, "n": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true, "~": true,
}

// CanBePlain reports whether the emitter allows s plain: in a flow collection (flow), or as a
// value of a block mapping. It is false for text StringStyle does not know.
func CanBePlain(s string, flow bool) bool {
	an := analyze(s)
	if flow {
		return an.known && an.flowPlain
	}
	return an.known && an.blockPlain
}

// StringStyle is the style the library writes s in, as a string tagged !!str that is also
// quoted when it is a YAML11Word: in a block mapping's
// value, or in a flow sequence (flow). It reports false when s is not text this file knows.
func StringStyle(s string, flow bool) (Style, bool) {
	an := analyze(s)
	if !an.known {
		return 0, false
	}
	// The style str asks for.
	want := Plain
	switch {
	case an.trailingBreak:
		want = DoubleQuoted
	case an.lineBreaks:
		want = Literal
	case YAML11Word(s):
		want = DoubleQuoted
	case Resolve(s) != strTag:
		// The library quotes a string that would read back as something else.
		want = DoubleQuoted
	}
	// What the emitter allows.
	switch want {
	case Plain:
		if flow && !an.flowPlain || !flow && !an.blockPlain || s == "" && flow {
			return DoubleQuoted, true
		}
	case Literal:
		if flow || !an.blockAllowed {
			return DoubleQuoted, true
		}
	}
	return want, true
}

// scalar is what the library emitter's analysis (analyzeScalar) finds of a scalar, for
// known text, and whether the text is known: valid UTF-8 of line feeds and characters the
// library counts printable below U+10000, none of them invisible and none U+FFFD (which str
// double-quotes, as it does invalid UTF-8).
type scalar struct {
	known                               bool
	flowPlain, blockPlain, blockAllowed bool // may it be plain in a flow collection, in a block one, a block scalar
	lineBreaks, trailingBreak           bool
}

// byteClass sorts bytes for analyze: most bytes (letters, digits, most punctuation, the
// bytes of characters past ASCII) change nothing but end a run of white space.
var byteClass = func() (c [256]uint8) {
	const (
		special = 1 // an indicator, white space or a line break: looked at closely
		lead    = 2 // starts a character past ASCII: decoded to check that it is known
		bad     = 3 // a control character or a byte that cannot start a character
	)
	for b := range 0x20 {
		c[b] = bad
	}
	c[0x7f] = bad
	for _, b := range []byte("#,[]{}&*!|>'\"%@`?:- \n") {
		c[b] = special
	}
	for b := 0x80; b < 0xc0; b++ {
		c[b] = bad // a continuation byte where a character should start
	}
	for b := 0xc0; b < 0x100; b++ {
		c[b] = lead
	}
	return c
}()

// analyze analyses s as the library's emitter does (analyzeScalar), for known text, and
// checks that s is known.
func analyze(v string) (an scalar) {
	if v == "" {
		return scalar{known: true, blockPlain: true}
	}
	var blockIndicators, flowIndicators, leadingSpace, leadingBreak, trailingSpace, breakSpace,
		spaceBreak, previousSpace, previousBreak bool
	if strings.HasPrefix(v, "---") || strings.HasPrefix(v, "...") {
		blockIndicators, flowIndicators = true, true
	}
	precededByWhitespace := true
	for i := 0; i < len(v); {
		c := v[i]
		switch byteClass[c] {
		case 0:
			previousSpace, previousBreak, precededByWhitespace = false, false, false
			i++
			continue
		case 3:
			return scalar{}
		case 2:
			r, n := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError || r > 0xfffd || r < 0xa0 || safetext.Invisible(r) {
				return scalar{}
			}
			previousSpace, previousBreak, precededByWhitespace = false, false, false
			i += n
			continue
		}
		// The indicators are ASCII, so what follows one starts at i+1; known text has no tab.
		followedByWhitespace := i+1 >= len(v) || v[i+1] == ' '
		if i == 0 {
			switch c {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				flowIndicators, blockIndicators = true, true
			case '?', ':':
				flowIndicators = true
				if followedByWhitespace {
					blockIndicators = true
				}
			case '-':
				if followedByWhitespace {
					flowIndicators, blockIndicators = true, true
				}
			}
		} else {
			switch c {
			case ',', '?', '[', ']', '{', '}':
				flowIndicators = true
			case ':':
				flowIndicators = true
				if followedByWhitespace {
					blockIndicators = true
				}
			case '#':
				if precededByWhitespace {
					flowIndicators, blockIndicators = true, true
				}
			}
		}
		// Known text has no tab and nothing unprintable; its only line break is '\n'.
		switch c {
		case ' ':
			leadingSpace = leadingSpace || i == 0
			trailingSpace = trailingSpace || i+1 == len(v)
			breakSpace = breakSpace || previousBreak
			previousSpace, previousBreak = true, false
		case '\n':
			an.lineBreaks = true
			leadingBreak = leadingBreak || i == 0
			an.trailingBreak = an.trailingBreak || i+1 == len(v)
			spaceBreak = spaceBreak || previousSpace
			previousSpace, previousBreak = false, true
		default:
			previousSpace, previousBreak = false, false
		}
		precededByWhitespace = c == ' ' || c == '\n'
		i++
	}
	an.known = true
	an.flowPlain, an.blockPlain, an.blockAllowed = true, true, true
	if leadingSpace || leadingBreak || trailingSpace || an.trailingBreak || breakSpace || spaceBreak || an.lineBreaks {
		an.flowPlain, an.blockPlain = false, false
	}
	if flowIndicators {
		an.flowPlain = false
	}
	if blockIndicators {
		an.blockPlain = false
	}
	return an
}

// WriteDouble writes text StringStyle knows as a double-quoted scalar: only the line feed, the quote
// and the backslash are escaped.
func WriteDouble(w *bufio.Writer, s string) {
	w.WriteByte('"')
	done := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '\n':
			esc = `\n`
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		default:
			continue
		}
		w.WriteString(s[done:i])
		w.WriteString(esc)
		done = i + 1
	}
	w.WriteString(s[done:])
	w.WriteByte('"')
}

// WriteLiteral writes text StringStyle knows that holds a line feed, and does not end with one, as a
// literal block whose lines are indented by indent; empty lines stay empty. When the first line
// with text starts with a space, the block says its indentation (2, relative to its key).
func WriteLiteral(w *bufio.Writer, s string, indent int) {
	w.WriteByte('|')
	if t := strings.TrimLeft(s, "\n"); strings.HasPrefix(t, " ") {
		w.WriteByte('2')
	}
	w.WriteByte('-')
	for line := range strings.SplitSeq(s, "\n") {
		w.WriteByte('\n')
		if line != "" {
			for range indent {
				w.WriteByte(' ')
			}
			w.WriteString(line)
		}
	}
}
