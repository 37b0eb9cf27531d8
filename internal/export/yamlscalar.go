package export

import (
	"bufio"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// The YAML library spends most of a large export building nodes and events and deciding, byte
// by byte, how each scalar may be written. This file writes an argument directly, as the
// library writes the nodes yamlArgument builds with the options of dumpYAML: the same keys in
// the same order, the same indentation, and each scalar in the style the library would choose
// (plain, double-quoted or a literal block) spelled the same way. It knows that for certain only
// of text made of printable characters of the Basic Multilingual Plane and line feeds, nothing
// safetext finds invisible: the library escapes everything else in its own ways, and an argument
// holding any of it goes to the library. The rules are those of go.yaml.in/yaml/v4 v4.0.0
// (internal/libyaml: Emitter.analyzeScalar, selectScalarStyle and the write functions in
// emitter.go, resolve in resolver.go, Desolver.desolveScalar); TestYAMLScalarsMatchLibrary,
// TestYAMLMatchesLibrary and FuzzYAMLMatchesLibrary compare the two, so that an upgrade of
// the library that writes differently fails them.

// yamlStyle is how a scalar is written.
type yamlStyle uint8

const (
	yamlPlain yamlStyle = iota
	yamlDouble
	yamlLiteral
)

// yamlArgumentScalars calls scalar with every string of argument node i in the order
// writeYAMLArgument writes them, saying whether each is an item of a flow list, until scalar
// returns false; it reports whether every call returned true.
func yamlArgumentScalars(g *argument.Graph, i int, scalar func(s string, flow bool) bool) bool {
	a := g.Argument(i)
	for _, s := range [...]string{a.ID, string(a.Side), a.Category, a.Title, a.Claim} {
		if !scalar(s, false) {
			return false
		}
	}
	if a.Reasoning != "" && !scalar(a.Reasoning, false) {
		return false
	}
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		rels := yamlRelations(g, i, t)
		flow := rels.bare()
		for _, r := range rels {
			if !scalar(r.To, flow) {
				return false
			}
			if flow {
				continue
			}
			for _, v := range [...]string{string(r.Basis), r.Quote, r.Source, r.Note} {
				if v != "" && !scalar(v, false) {
					return false
				}
			}
		}
	}
	for _, ps := range [...][]argument.Passage{a.Quotes, a.Evidence} {
		for _, p := range ps {
			if !scalar(p.Source, false) || !scalar(p.Text, false) {
				return false
			}
		}
	}
	for _, t := range a.Tags {
		if !scalar(t, true) {
			return false
		}
	}
	return a.Note == "" || scalar(a.Note, false)
}

// appendYAMLStyles appends the style of each string of argument node i, in the order
// writeYAMLArgument writes them, and reports whether writeYAMLArgument writes the argument as the
// library would; when it does not, styles comes back as it was.
func appendYAMLStyles(styles []yamlStyle, g *argument.Graph, i int) ([]yamlStyle, bool) {
	// The strength is a number, always plain: digits, a sign, a point, an exponent, or .nan,
	// .inf, -.inf (TestYAMLNumbersArePlain).
	n := len(styles)

	ok := yamlArgumentScalars(g, i, func(s string, flow bool) bool {
		st, known := yamlStringStyle(s, flow)
		styles = append(styles, st)
		return known
	})
	if !ok {
		return styles[:n], false
	}
	return styles, true
}

// writeYAMLArgument writes argument node i as an item of the arguments sequence, as the library
// writes yamlArgument(g, i) there, its scalars in the styles given (appendYAMLStyles); it
// returns the styles it did not use.
func writeYAMLArgument(w *bufio.Writer, g *argument.Graph, i int, styles []yamlStyle) []yamlStyle {
	a := g.Argument(i)
	// The item's keys are at column 4, the keys of its quotes and evidence at column 8; a
	// literal block is indented two columns past its key.
	const item, passage = "    ", "        "
	value := func(s string, indent int) {
		w.WriteByte(' ')
		switch styles[0] {
		case yamlPlain:
			w.WriteString(s)
		case yamlDouble:
			writeYAMLDouble(w, s)
		case yamlLiteral:
			writeYAMLLiteral(w, s, indent)
		}
		w.WriteByte('\n')
		styles = styles[1:]
	}
	field := func(indent, k, v string) {
		w.WriteString(indent)
		w.WriteString(k)
		w.WriteByte(':')
		value(v, len(indent)+2)
	}
	flowItem := func(s string) {
		if styles[0] == yamlPlain {
			w.WriteString(s)
		} else {
			writeYAMLDouble(w, s)
		}
		styles = styles[1:]
	}

	w.WriteString("  - id:")
	value(a.ID, len(item)+2)
	field(item, "side", string(a.Side))
	field(item, "category", a.Category)
	field(item, "title", a.Title)
	field(item, "claim", a.Claim)
	if a.Reasoning != "" {
		field(item, "reasoning", a.Reasoning)
	}
	w.WriteString(item + "strength: ")
	w.Write(appendYAMLNumber(w.AvailableBuffer(), a.Strength))
	w.WriteByte('\n')
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		rels := yamlRelations(g, i, t)
		if len(rels) == 0 {
			continue
		}
		w.WriteString(item)
		if t == argument.Attack {
			w.WriteString("attacks:")
		} else {
			w.WriteString("supports:")
		}
		if rels.bare() {
			w.WriteString(" [")
			for j, r := range rels {
				if j > 0 {
					w.WriteString(", ")
				}
				flowItem(r.To)
			}
			w.WriteString("]\n")
			continue
		}
		w.WriteString("\n")
		for _, r := range rels {
			w.WriteString("      - to:")
			value(r.To, len(passage)+2)
			for _, f := range [...]struct{ k, v string }{{"basis", string(r.Basis)}, {"quote", r.Quote}, {"source", r.Source}, {"note", r.Note}} {
				if f.v != "" {
					field(passage, f.k, f.v)
				}
			}
		}
	}
	for _, ps := range [...]struct {
		name string
		list []argument.Passage
	}{{"quotes", a.Quotes}, {"evidence", a.Evidence}} {
		if len(ps.list) == 0 {
			continue
		}
		w.WriteString(item)
		w.WriteString(ps.name)
		w.WriteString(":\n")
		for _, p := range ps.list {
			w.WriteString("      - source:")
			value(p.Source, len(passage)+2)
			field(passage, "text", p.Text)
		}
	}
	if len(a.Tags) > 0 {
		w.WriteString(item + "tags: [")
		for j, t := range a.Tags {
			if j > 0 {
				w.WriteString(", ")
			}
			flowItem(t)
		}
		w.WriteString("]\n")
	}
	if a.Note != "" {
		field(item, "note", a.Note)
	}
	return styles
}

// yamlStringStyle is the style the library writes s in, as str tags it: in a block mapping's
// value, or in a flow sequence (flow). It reports false when s is not text this file knows.
func yamlStringStyle(s string, flow bool) (yamlStyle, bool) {
	an := yamlAnalyze(s)
	if !an.known {
		return 0, false
	}
	// The style str asks for.
	want := yamlPlain
	switch {
	case an.trailingBreak:
		want = yamlDouble
	case an.lineBreaks:
		want = yamlLiteral
	case len(s) <= 5 && yaml11Special[strings.ToLower(s)]:
		// No other string lower-cases to one of these words: only the Kelvin sign turns
		// into ASCII, and none of them holds a k.
		want = yamlDouble
	case !yamlResolvesToStr(s):
		// The library quotes a string that would read back as something else.
		want = yamlDouble
	}
	// What the emitter allows.
	switch want {
	case yamlPlain:
		if flow && !an.flowPlain || !flow && !an.blockPlain || s == "" && flow {
			return yamlDouble, true
		}
	case yamlLiteral:
		if flow || !an.blockAllowed {
			return yamlDouble, true
		}
	}
	return want, true
}

// yamlScalar is what the library emitter's analysis (analyzeScalar) finds of a scalar, for
// known text, and whether the text is known: valid UTF-8 of line feeds and characters the
// library counts printable below U+10000, none of them invisible and none U+FFFD (which str
// double-quotes, as it does invalid UTF-8).
type yamlScalar struct {
	known                               bool
	flowPlain, blockPlain, blockAllowed bool // may it be plain in a flow collection, in a block one, a block scalar
	lineBreaks, trailingBreak           bool
}

// yamlClass sorts bytes for yamlAnalyze: most bytes (letters, digits, most punctuation, the
// bytes of characters past ASCII) change nothing but end a run of white space.
var yamlClass = func() (c [256]uint8) {
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

// yamlAnalyze analyses s as the library's emitter does (analyzeScalar), for known text, and
// checks that s is known.
func yamlAnalyze(v string) (an yamlScalar) {
	if v == "" {
		return yamlScalar{known: true, blockPlain: true}
	}
	var blockIndicators, flowIndicators, leadingSpace, leadingBreak, trailingSpace, breakSpace,
		spaceBreak, previousSpace, previousBreak bool
	if strings.HasPrefix(v, "---") || strings.HasPrefix(v, "...") {
		blockIndicators, flowIndicators = true, true
	}
	precededByWhitespace := true
	for i := 0; i < len(v); {
		c := v[i]
		switch yamlClass[c] {
		case 0:
			previousSpace, previousBreak, precededByWhitespace = false, false, false
			i++
			continue
		case 3:
			return yamlScalar{}
		case 2:
			r, n := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError || r > 0xfffd || r < 0xa0 || safetext.Invisible(r) {
				return yamlScalar{}
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

// writeYAMLDouble writes known text as a double-quoted scalar: only the line feed, the quote
// and the backslash are escaped.
func writeYAMLDouble(w *bufio.Writer, s string) {
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

// writeYAMLLiteral writes known text that holds a line feed, and does not end with one, as a
// literal block whose lines are indented by indent; empty lines stay empty. When the first line
// with text starts with a space, the block says its indentation (2, relative to its key).
func writeYAMLLiteral(w *bufio.Writer, s string, indent int) {
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

// yamlResolvesToStr reports whether the library reads s, written plain, back as a string: the
// library's resolve, which the dumper uses to decide whether a string needs quotes.
func yamlResolvesToStr(s string) bool {
	if s == "" {
		return false // null
	}
	hint := yamlResolveHint(s[0])
	if hint == 0 {
		return true
	}
	if yamlResolveMap[s] {
		return false
	}
	switch hint {
	case '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return false
		}
	case 'D', 'S':
		if yamlTimestamp(s) {
			return false
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return false
		}
		if _, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return false
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return false
			}
		}
	}
	return true
}

// yamlResolveHint is the library's first guess at what a plain scalar starting with c is: 'S'
// for a sign, 'D' for a digit, '.' for a float, 'M' for a word in its table, 0 for a string.
func yamlResolveHint(c byte) byte {
	switch {
	case c == '+' || c == '-':
		return 'S'
	case c >= '0' && c <= '9':
		return 'D'
	case c == '.':
		return '.'
	case strings.IndexByte("yYnNtTfFoO~<", c) >= 0:
		return 'M'
	}
	return 0
}

// yamlResolveMap are the plain words the library reads as a bool, null, a special float or
// the merge key.
var yamlResolveMap = map[string]bool{
	"true": true, "True": true, "TRUE": true, "false": true, "False": true, "FALSE": true,
	"": true, "~": true, "null": true, "Null": true, "NULL": true,
	".nan": true, ".NaN": true, ".NAN": true, ".inf": true, ".Inf": true, ".INF": true,
	"+.inf": true, "+.Inf": true, "+.INF": true, "-.inf": true, "-.Inf": true, "-.INF": true,
	"-0": true, "-0.0": true, "<<": true,
}

// yamlStyleFloat is the library's pattern of a float.
var yamlStyleFloat = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

// yamlTimestamp reports whether the library reads s as a timestamp.
func yamlTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, layout := range [...]string{
		"2006-1-2T15:4:5.999999999Z07:00",
		"2006-1-2t15:4:5.999999999Z07:00",
		"2006-1-2 15:4:5.999999999",
		"2006-1-2",
	} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// yamlRelationList is the relations of one type from one argument, in edge order.
type yamlRelationList []argument.Relation

// yamlRelations lists the relations of type t from argument node i, as the export writes them.
func yamlRelations(g *argument.Graph, i int, t argument.RelationType) yamlRelationList {
	var rels yamlRelationList
	for _, e := range g.Out(i) {
		if e.Type == t {
			rels = append(rels, g.Relation(i, e.Node, t))
		}
	}
	return rels
}

// bare reports whether every relation is a bare id, written as a flow list of ids; where one
// has a basis, every one is written as a mapping, since a list of both forms reads as a mistake.
func (rels yamlRelationList) bare() bool {
	for _, r := range rels {
		if !r.Bare() {
			return false
		}
	}
	return true
}
