// Package export writes a debate for people and for other tools: a Markdown brief a debate coach
// can hand out, the whole graph as JSON or as one canonical corpus YAML file, Graphviz DOT, a
// Mermaid flowchart, Argdown and AIF. Each format is an encoder over an io.Writer; every corpus
// string is escaped for the format it lands in, so hostile text stays text.
package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argument"
)

// Format names an export format.
type Format string

// The formats, in the order help lists them.
const (
	Markdown Format = "markdown"
	JSON     Format = "json"
	YAML     Format = "yaml"
	DOT      Format = "dot"
	Mermaid  Format = "mermaid"
	Argdown  Format = "argdown"
	AIF      Format = "aif"
)

// Formats lists every format.
var Formats = []Format{Markdown, JSON, YAML, DOT, Mermaid, Argdown, AIF}

// ParseFormat returns the format named s, or an error listing the valid names.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q: use one of %s", s, strings.Join(names, ", "))
}

// Extension is the usual file name extension of the format, dot included.
func (f Format) Extension() string {
	switch f {
	case Markdown:
		return ".md"
	case YAML:
		return ".yaml"
	case DOT:
		return ".dot"
	case Mermaid:
		return ".mmd"
	case Argdown:
		return ".argdown"
	case AIF:
		return ".aif.json"
	default:
		return ".json"
	}
}

// Version is the version of the JSON export's shape, written as its "argmap" key.
const Version = 1

// nodeID is the generated id of graph node i in DOT and Mermaid: never corpus text, so no id
// can collide with a keyword or carry syntax.
func nodeID(i int) string { return "n" + strconv.Itoa(i) }

// newWriter buffers an encoder's output. The buffer is large because a document can be 150 MB,
// and each of its flushes may be a system call.
func newWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }

// writeNodeID writes nodeID(i) without making the string.
func writeNodeID(w *bufio.Writer, i int) {
	w.WriteByte('n')
	writeInt(w, i)
}

// writeInt writes i in decimal without making a string.
func writeInt(w *bufio.Writer, i int) {
	w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(i), 10))
}

// sideLabel is how labels name an argument's side and category.
func sideLabel(a *argument.Argument) string {
	return string(a.Side) + " · " + a.Category
}

// Colours of the graph formats, GitHub's palette so that the brief's diagram matches.
const (
	proStroke    = "#1a7f37"
	proFill      = "#dafbe1"
	conStroke    = "#cf222e"
	conFill      = "#ffebe9"
	thesisStroke = "#24292f"
	thesisFill   = "#f6f8fa"
)

// sideColours returns the stroke and fill colours of a side.
func sideColours(s argument.Side) (stroke, fill string) {
	if s == argument.Con {
		return conStroke, conFill
	}
	return proStroke, proFill
}

// edge is a relation between two graph nodes, by index.
type edge struct {
	From, To int
	Type     argument.RelationType
	Inferred bool // the curators' reading, not the source's
}

// edges lists the graph's relations by node index, in the order of Graph.Relations: by source
// node, supports before attacks. Indices, unlike ids, stay exact when a corpus repeats an id.
func edges(g *argument.Graph) []edge {
	n := 0
	for from := 1; from < g.Len(); from++ {
		n += len(g.Out(from))
	}
	out := make([]edge, 0, n)
	for from := 1; from < g.Len(); from++ {
		for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
			for _, e := range g.Out(from) {
				if e.Type == t {
					out = append(out, edge{From: from, To: e.Node, Type: t, Inferred: e.Inferred()})
				}
			}
		}
	}
	return out
}
