package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
)

// ArgdownEncoder writes the graph as an Argdown document: the thesis as a titled statement,
// each argument as a titled argument under a heading for its side and category, tagged with
// both, and every relation as a "+" or "-" line under its target. Each element carries its
// corpus id in a data block, so a tool reading the Argdown can map it back.
type ArgdownEncoder struct {
	w io.Writer
}

// NewArgdownEncoder returns an encoder that writes to w.
func NewArgdownEncoder(w io.Writer) *ArgdownEncoder { return &ArgdownEncoder{w: w} }

// Encode writes the graph.
func (e *ArgdownEncoder) Encode(g *argument.Graph) error {
	d := g.Debate
	titles := ArgdownTitles(g)
	w := newWriter(e.w)
	ref := func(i int) {
		if i == argument.ThesisNode {
			writeStrings(w, "[", titles[i], "]")
		} else {
			writeStrings(w, "<", titles[i], ">")
		}
	}
	incoming := make([][]edge, g.Len())
	for _, r := range edges(g) {
		incoming[r.To] = append(incoming[r.To], r)
	}
	// Sides and categories are few: each is quoted once.
	quoted := map[string]string{}
	yamlDouble := func(s string) string {
		q, ok := quoted[s]
		if !ok {
			q = safetext.YAMLDouble(s)
			quoted[s] = q
		}
		return q
	}
	relations := func(i int) {
		for _, r := range incoming[i] {
			// In Argdown a "+" or "-" line under an element says the element it names
			// supports or attacks the one above.
			op := "+"
			if r.Type == argument.Attack {
				op = "-"
			}
			writeStrings(w, "  ", op, " ")
			ref(r.From)
			if r.Inferred {
				w.WriteString(" <!-- inferred by the curators, not stated by the source -->")
			}
			w.WriteByte('\n')
		}
	}

	fmt.Fprintln(w, "===")
	fmt.Fprintf(w, "title: %s\n", safetext.YAMLDouble(safetext.Flat(d.Title)))
	if d.Question != "" {
		fmt.Fprintf(w, "subTitle: %s\n", safetext.YAMLDouble(safetext.Flat(d.Question)))
	}
	fmt.Fprintln(w, "===")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "# %s\n\n", argdownHeading(d.Title, "Debate"))
	ref(argument.ThesisNode)
	fmt.Fprintf(w, ": %s #thesis {id: %s, base: %s}\n", safetext.Argdown(d.Thesis.Claim),
		safetext.YAMLDouble(d.Thesis.ID), yamlFloat(d.Thesis.Base))
	relations(argument.ThesisNode)

	for _, group := range report.Groups(g) {
		fmt.Fprintf(w, "\n## %s: %s\n", sideName(group.Side), argdownHeading(group.Category, "uncategorised"))
		for _, i := range group.Nodes {
			a := g.Argument(i)
			w.WriteByte('\n')
			ref(i)
			writeStrings(w, ": ", safetext.Argdown(a.Claim), " ", argdownTag(string(a.Side)), " ", argdownTag(a.Category),
				" {id: ", safetext.YAMLDouble(a.ID), ", side: ", yamlDouble(string(a.Side)),
				", category: ", yamlDouble(a.Category), ", strength: ", yamlFloat(a.Strength), "}\n")
			relations(i)
		}
	}
	return w.Flush()
}

// ArgdownTitles returns the Argdown title of every graph node, by index: the thesis's id and
// each argument's title, cut down to letters, digits, spaces and harmless punctuation (a title
// cannot escape anything), and made unique.
func ArgdownTitles(g *argument.Graph) []string {
	titles := make([]string, g.Len())
	titles[argument.ThesisNode] = argdownTitle(g.Debate.Thesis.ID, "Thesis")
	used := make(map[string]bool, g.Len())
	// next is the number to try first after a title already taken: counting from 2 every time
	// would make n arguments of one title cost n²/2 tries.
	next := map[string]int{}
	for i := 1; i < g.Len(); i++ {
		base := argdownTitle(g.Argument(i).Title, "Argument "+strconv.Itoa(i))
		t := base
		if used[t] {
			k := max(next[base], 2)
			for t = base + " " + strconv.Itoa(k); used[t]; {
				k++
				t = base + " " + strconv.Itoa(k)
			}
			next[base] = k + 1
		}
		used[t] = true
		titles[i] = t
	}
	return titles
}

// argdownTitle keeps what an Argdown title can hold without ending early or opening a comment:
// letters, marks, digits and spaces, and ' ’ , . ? ! & ( ) - inside; it starts with a letter or
// digit and never ends in '-'.
func argdownTitle(s, fallback string) string {
	if argdownTitleKept(s) {
		return s
	}
	return argdownTitleCut(s, fallback)
}

// argdownTitleCut is argdownTitle for a title that is not kept as it is.
func argdownTitleCut(s, fallback string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case strings.ContainsRune("'’,.?!&()-", r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	t := strings.Join(strings.Fields(b.String()), " ")
	t = strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	t = strings.TrimRight(t, "- ")
	if t == "" {
		return fallback
	}
	return t
}

// argdownTitleKept reports whether argdownTitle keeps s as it is, as it does nearly every
// title: s holds only what a title may, words are one space apart, and it starts with a letter
// or digit and ends in neither '-' nor a space.
func argdownTitleKept(s string) bool {
	if s == "" || s[len(s)-1] == ' ' || s[len(s)-1] == '-' {
		return false
	}
	space := true // a space first is not kept
	for i, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
			continue
		case r < utf8.RuneSelf && isAlnumRune(r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case i == 0:
			return false // a mark or punctuation, which the title may not start with
		case unicode.IsMark(r) || strings.ContainsRune("'’,.?!&()-", r):
		default:
			return false
		}
		space = false
	}
	return true
}

// argdownHeading is heading text, escaped.
func argdownHeading(s, fallback string) string {
	if h := safetext.Argdown(s); h != "" {
		return h
	}
	return fallback
}

// argdownTag writes a tag: #name when the name is plain, else #(name) with what would end it
// removed.
func argdownTag(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r < 128 && (isAlnumRune(r) || r == '-')) {
			plain = false
		}
	}
	if plain {
		return "#" + s
	}
	t := strings.Map(func(r rune) rune {
		if r == '(' || r == ')' || r == '\\' {
			return ' '
		}
		return r
	}, safetext.Flat(s))
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return ""
	}
	return "#(" + t + ")"
}

func isAlnumRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// sideName is a side as a heading names it.
func sideName(s argument.Side) string { return report.SideName(s) }

// yamlFloat writes a number as YAML reads it back.
func yamlFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
