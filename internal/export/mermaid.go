package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
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

// GitHub's Mermaid refuses a diagram of more than MermaidMaxEdges edges or MermaidMaxChars
// characters of source (Mermaid's own maxEdges and maxTextSize), and shows an error instead.
const (
	MermaidMaxEdges = 500
	MermaidMaxChars = 50000
)

// FullMapCommand draws a map of any size, for a Mermaid map cut to fit.
const FullMapCommand = "argmap export --format dot | dot -Tsvg > map.svg"

// mermaidPlan is which arguments a Mermaid map shows: all of them, or (keep set) the levels
// nearest the thesis that fit GitHub's limits.
type mermaidPlan struct {
	keep          []bool // by node index; nil: every node
	levels, depth int    // levels shown, and the deepest level of the graph
	shown         int    // arguments shown
}

// planMermaid keeps every argument when the whole map fits, else the most levels below the
// thesis (level 1 relates to it directly; an argument with no path to it comes last) whose
// diagram fits.
func planMermaid(g *argument.Graph) mermaidPlan {
	all := mermaidPlan{}
	if len(edges(g)) <= MermaidMaxEdges && mermaidSize(g, all) <= MermaidMaxChars {
		return all
	}
	level := levels(g)
	depth := slices.Max(level)
	for l := depth - 1; l >= 0; l-- {
		p := mermaidPlan{keep: make([]bool, g.Len()), levels: l, depth: depth}
		for i, li := range level {
			p.keep[i] = li <= l
			if i > 0 && p.keep[i] {
				p.shown++
			}
		}
		n := 0
		for _, e := range edges(g) {
			if p.keep[e.From] && p.keep[e.To] {
				n++
			}
		}
		if n <= MermaidMaxEdges && mermaidSize(g, p) <= MermaidMaxChars {
			return p
		}
	}
	keep := make([]bool, g.Len())
	keep[argument.ThesisNode] = true
	return mermaidPlan{keep: keep, depth: depth}
}

// levels is each node's distance from the thesis along relations, 0 for the thesis; a node
// with no path to it gets one more than the deepest that has one.
func levels(g *argument.Graph) []int {
	level := make([]int, g.Len())
	for i := range level {
		level[i] = -1
	}
	level[argument.ThesisNode] = 0
	queue := []int{argument.ThesisNode}
	deepest := 0
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range g.In(n) {
			if level[e.Node] < 0 {
				level[e.Node] = level[n] + 1
				deepest = max(deepest, level[e.Node])
				queue = append(queue, e.Node)
			}
		}
	}
	for i, l := range level {
		if l < 0 {
			level[i] = deepest + 1
		}
	}
	return level
}

// mermaidSize is the length of the diagram the plan makes.
func mermaidSize(g *argument.Graph, p mermaidPlan) int {
	var c counter
	w := bufio.NewWriter(&c)
	writeMermaidPlan(w, g, p)
	w.Flush()
	return c.n
}

type counter struct{ n int }

func (c *counter) Write(b []byte) (int, error) { c.n += len(b); return len(b), nil }

// note says what a map cut to fit leaves out and how to draw it whole; "" when the map
// is whole.
func (p mermaidPlan) note(g *argument.Graph) string {
	if p.keep == nil {
		return ""
	}
	which := "the thesis alone"
	switch {
	case p.levels == 1:
		which = "the level nearest the thesis"
	case p.levels > 1:
		which = fmt.Sprintf("the %d levels nearest the thesis", p.levels)
	}
	return fmt.Sprintf("This map shows %s (%d of %d arguments): GitHub draws no Mermaid diagram of more than %d edges or %d characters. The full map: %s",
		which, p.shown, g.Len()-1, MermaidMaxEdges, MermaidMaxChars, FullMapCommand)
}

// writeMermaid writes the flowchart; the brief embeds the same text in a code block. A graph
// too large for GitHub is cut to the levels that fit, with a note saying so.
func writeMermaid(w *bufio.Writer, g *argument.Graph) { writeMermaidPlan(w, g, planMermaid(g)) }

func writeMermaidPlan(w *bufio.Writer, g *argument.Graph, p mermaidPlan) {
	shown := func(i int) bool { return p.keep == nil || p.keep[i] }
	// Bottom to top: edges point from an argument to its target, so the thesis is on top.
	w.WriteString("flowchart BT\n")
	if note := p.note(g); note != "" {
		writeStrings(w, "  %% ", safetext.Line(note), "\n")
		writeStrings(w, `  cut["`, mermaidLabel(note), "\"]\n")
		fmt.Fprintf(w, "  classDef note fill:#fff8c5,stroke:#9a6700\n  class cut note\n")
	}
	// Titles wrap as on the SVG map: narrow nodes keep a wide debate legible at a page's width.
	thesis := append([]string{"Thesis"}, wrap(safetext.Flat(g.Debate.Thesis.Claim), labelWidth)...)
	writeStrings(w, "  ", nodeID(argument.ThesisNode), `["`, mermaidLabel(thesis...), "\"]\n")
	for i := 1; i < g.Len(); i++ {
		if !shown(i) {
			continue
		}
		a := g.Argument(i)
		w.WriteString("  ")
		writeNodeID(w, i)
		writeStrings(w, `["`, mermaidLabel(append(wrap(safetext.Flat(a.Title), mapLabelWidth), sideLabel(a))...), "\"]\n")
	}
	var supports, attacks []int // each link's index, in the order written, for linkStyle
	link := 0
	for _, r := range edges(g) {
		if !shown(r.From) || !shown(r.To) {
			continue
		}
		if r.Type == argument.Attack {
			attacks = append(attacks, link)
		} else {
			supports = append(supports, link)
		}
		link++
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
	// Supports green and attacks red, as on the SVG map and in the terminal, beside solid and
	// dashed for readers who do not see the colours.
	writeLinkStyle(w, supports, proStroke)
	writeLinkStyle(w, attacks, conStroke)
	fmt.Fprintf(w, "  classDef thesis fill:%s,stroke:%s,stroke-width:2px\n", thesisFill, thesisStroke)
	fmt.Fprintf(w, "  classDef pro fill:%s,stroke:%s\n", proFill, proStroke)
	fmt.Fprintf(w, "  classDef con fill:%s,stroke:%s\n", conFill, conStroke)
	fmt.Fprintf(w, "  class %s thesis\n", nodeID(argument.ThesisNode))
	for _, side := range [...]argument.Side{argument.Pro, argument.Con} {
		n := 0
		for i := 1; i < g.Len(); i++ {
			if !shown(i) || (g.Argument(i).Side == argument.Con) != (side == argument.Con) {
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

// writeLinkStyle colours the links with the given indices.
func writeLinkStyle(w *bufio.Writer, links []int, colour string) {
	if len(links) == 0 {
		return
	}
	w.WriteString("  linkStyle ")
	for i, l := range links {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(strconv.Itoa(l))
	}
	writeStrings(w, " stroke:", colour, ",stroke-width:2px\n")
}

// mermaidLabel is the inside of a quoted label: its lines escaped and joined by line breaks.
func mermaidLabel(lines ...string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = safetext.Mermaid(l)
	}
	return strings.Join(esc, "<br/>")
}
