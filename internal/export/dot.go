package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// DOTEncoder writes the graph as a Graphviz digraph: the thesis on top, each argument a box in
// its side's colour labelled with its title, side and category, supports solid and attacks
// dashed. Node ids are generated (n0 is the thesis); corpus text appears only in quoted,
// escaped labels.
type DOTEncoder struct {
	w io.Writer
}

// NewDOTEncoder returns an encoder that writes to w.
func NewDOTEncoder(w io.Writer) *DOTEncoder { return &DOTEncoder{w: w} }

// labelWidth is where graph labels wrap: Graphviz never wraps by itself.
const labelWidth = 32

// Encode writes the graph.
func (e *DOTEncoder) Encode(g *argument.Graph) error {
	w := newWriter(e.w)
	fmt.Fprintln(w, "digraph argmap {")
	// Edges point from an argument to what it supports or attacks; drawn bottom to top, the
	// thesis, which everything points at, comes out on top.
	fmt.Fprintf(w, "  graph [rankdir=BT, labelloc=t, fontname=\"Helvetica\", label=%s];\n", dotString(safetext.DOT(g.Debate.Title)))
	fmt.Fprintln(w, `  node [shape=box, style="rounded,filled", fontname="Helvetica"];`)
	fmt.Fprintln(w, `  edge [fontname="Helvetica"];`)
	fmt.Fprintf(w, "  %s [label=%s, style=\"bold,filled\", color=%q, fillcolor=%q];\n",
		nodeID(argument.ThesisNode), dotLabel(append([]string{"Thesis"}, wrap(safetext.Flat(g.Debate.Thesis.Claim), labelWidth)...)), thesisStroke, thesisFill)
	// The lines of every argument and relation are written piece by piece: a hundred thousand
	// of them through fmt would be mostly garbage to collect.
	for i := 1; i < g.Len(); i++ {
		a := g.Argument(i)
		stroke, fill := sideColours(a.Side)
		lines := append(wrap(safetext.Flat(a.Title), labelWidth), sideLabel(a))
		w.WriteString("  ")
		writeNodeID(w, i)
		writeStrings(w, " [label=", dotLabel(lines), `, color="`, stroke, `", fillcolor="`, fill, "\"];\n")
	}
	for _, r := range edges(g) {
		style := "solid"
		if r.Type == argument.Attack {
			style = "dashed"
		}
		w.WriteString("  ")
		writeNodeID(w, r.From)
		w.WriteString(" -> ")
		writeNodeID(w, r.To)
		if r.Inferred {
			writeStrings(w, " [style=", style, `, label="inferred", fontsize=10];`+"\n")
		} else {
			writeStrings(w, " [style=", style, "];\n")
		}
	}
	fmt.Fprintln(w, "}")
	return w.Flush()
}

// writeStrings writes the strings one after another.
func writeStrings(w *bufio.Writer, ss ...string) {
	for _, s := range ss {
		w.WriteString(s)
	}
}

// dotLabel joins escaped lines into one quoted label, each line centred.
func dotLabel(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = safetext.DOT(l)
	}
	return dotString(strings.Join(esc, `\n`))
}

// dotString quotes text that is already escaped for a DOT string.
func dotString(escaped string) string { return `"` + escaped + `"` }

// wrap breaks text into lines of at most width characters at spaces; a longer word gets a
// line of its own. Give it flat text, so that visible escapes count as the characters they show.
func wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		wn := utf8.RuneCountInString(word)
		if n > 0 && n+1+wn > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wn
	}
	if n > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
