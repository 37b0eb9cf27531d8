package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// MermaidEncoder writes the graph as a Mermaid flowchart, the kind GitHub draws inside a
// Markdown file: the thesis on top, pro and con arguments in their colours with their side and
// category, supports solid and attacks dashed. Node ids are generated; every label is quoted
// and written with Mermaid's entity codes.
type MermaidEncoder struct {
	w io.Writer
}

// NewMermaidEncoder returns an encoder that writes to w.
func NewMermaidEncoder(w io.Writer) *MermaidEncoder { return &MermaidEncoder{w: w} }

// Encode writes the graph.
func (e *MermaidEncoder) Encode(g *argument.Graph) error {
	w := newWriter(e.w)
	writeMermaid(w, g)
	return w.Flush()
}

// writeMermaid writes the flowchart; the brief embeds the same text in a code block.
func writeMermaid(w *bufio.Writer, g *argument.Graph) {
	// Bottom to top: edges point from an argument to its target, so the thesis is on top.
	w.WriteString("flowchart BT\n")
	writeStrings(w, "  ", nodeID(argument.ThesisNode), `["`, mermaidLabel("Thesis", g.Debate.Thesis.Claim), "\"]\n")
	for i := 1; i < g.Len(); i++ {
		a := g.Argument(i)
		w.WriteString("  ")
		writeNodeID(w, i)
		writeStrings(w, `["`, mermaidLabel(a.Title, sideLabel(a)), "\"]\n")
	}
	for _, r := range edges(g) {
		arrow := "-->"
		if r.Type == argument.Attack {
			arrow = "-.->"
		}
		w.WriteString("  ")
		writeNodeID(w, r.From)
		if r.Inferred {
			arrow += "|inferred|"
		}
		writeStrings(w, " ", arrow, " ")
		writeNodeID(w, r.To)
		w.WriteByte('\n')
	}
	fmt.Fprintf(w, "  classDef thesis fill:%s,stroke:%s,stroke-width:2px\n", thesisFill, thesisStroke)
	fmt.Fprintf(w, "  classDef pro fill:%s,stroke:%s\n", proFill, proStroke)
	fmt.Fprintf(w, "  classDef con fill:%s,stroke:%s\n", conFill, conStroke)
	fmt.Fprintf(w, "  class %s thesis\n", nodeID(argument.ThesisNode))
	for _, side := range [...]argument.Side{argument.Pro, argument.Con} {
		n := 0
		for i := 1; i < g.Len(); i++ {
			if (g.Argument(i).Side == argument.Con) != (side == argument.Con) {
				continue
			}
			if n == 0 {
				w.WriteString("  class ")
			} else {
				w.WriteByte(',')
			}
			writeNodeID(w, i)
			n++
		}
		if n > 0 {
			writeStrings(w, " ", string(side), "\n")
		}
	}
}

// mermaidLabel is the inside of a quoted label: its lines escaped and joined by line breaks.
func mermaidLabel(lines ...string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = safetext.Mermaid(l)
	}
	return strings.Join(esc, "<br/>")
}
