package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// Layout turns a DOT graph into a picture. Graphviz's dot does it for argmap (DotProgram);
// tests swap in their own.
type Layout interface {
	// Render lays out graph and returns it in format, "svg" or "png".
	Render(ctx context.Context, graph []byte, format string) ([]byte, error)
}

// ErrNoGraphviz says that Graphviz's dot is not installed.
var ErrNoGraphviz = errors.New("graphviz's dot is not on PATH: install it (apt-get install graphviz, brew install graphviz) and try again")

// DotProgram runs Graphviz's dot: no shell, the graph on standard input, a timeout and a bound
// on what goes in and comes out, so that no corpus text reaches a command line and a pathological
// graph cannot hang the export.
type DotProgram struct {
	Path    string        // the dot binary
	Timeout time.Duration // how long one layout may take
}

// maxDOT and maxPicture bound dot's input and output.
const (
	maxDOT     = 64 << 20
	maxPicture = 256 << 20
)

// FindDot finds dot on PATH, or returns ErrNoGraphviz.
func FindDot() (*DotProgram, error) {
	p, err := exec.LookPath("dot")
	if err != nil {
		return nil, ErrNoGraphviz
	}
	return &DotProgram{Path: p, Timeout: 60 * time.Second}, nil
}

// Render runs dot -Tformat on graph.
func (d *DotProgram) Render(ctx context.Context, graph []byte, format string) ([]byte, error) {
	if format != "svg" && format != "png" {
		return nil, fmt.Errorf("graphviz cannot write %q here: use svg or png", format)
	}
	if len(graph) > maxDOT {
		return nil, fmt.Errorf("the graph is %d MB, more than Graphviz is given (%d MB): export a filtered part with --category, --side or --search", len(graph)>>20, maxDOT>>20)
	}
	if d.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, d.Path, "-T"+format)
	cmd.Stdin = bytes.NewReader(graph)
	var out limitedBuffer
	out.max = maxPicture
	var stderr limitedBuffer
	stderr.max = 4 << 10
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, fmt.Errorf("graphviz's dot took longer than %s: export a filtered part with --category, --side or --search", d.Timeout)
	}
	if out.over {
		return nil, fmt.Errorf("graphviz's dot wrote more than %d MB: export a filtered part with --category, --side or --search", maxPicture>>20)
	}
	if err != nil {
		msg := strings.TrimSpace(safetext.Line(stderr.String()))
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("graphviz's dot failed: %s", msg)
	}
	return out.Bytes(), nil
}

// limitedBuffer keeps at most max bytes and notes whether more came.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.over = true
		p = p[:max(0, b.max-b.Len())]
	}
	b.Buffer.Write(p)
	return len(p), nil
}

// MapOptions style the map.
type MapOptions struct {
	// Result gives each edge its width: the size of its source argument's contribution. Nil
	// draws every edge at the same width.
	Result *score.Result
	// GroupCategory draws each category as a cluster.
	GroupCategory bool
}

// mapLabelWidth is where the map's titles wrap: narrower than the DOT export's, so that the map
// of a debate of twenty arguments is readable at a page's width.
const mapLabelWidth = 22

// Edge widths, in points: the largest contribution gets maxPen.
const (
	minPen = 1.0
	maxPen = 6.0
)

// WriteMapDOT writes the graph as DOT styled for a picture: what export --format dot writes,
// with each side's own shape (pro rounded, con square with cut corners) besides its colour,
// supports solid green, attacks dashed red, edges as wide as their argument's contribution, and
// optionally the categories as clusters.
func WriteMapDOT(out io.Writer, g *argument.Graph, opts MapOptions) error {
	w := newWriter(out)
	pen := edgeWidths(g, opts.Result)
	fmt.Fprintln(w, "digraph argmap {")
	fmt.Fprintf(w, "  graph [rankdir=BT, labelloc=t, fontname=\"Helvetica\", fontsize=20, nodesep=0.12, ranksep=0.35, newrank=true, label=%s];\n",
		dotString(safetext.DOT(safetext.Flat(g.Debate.Title))))
	fmt.Fprintln(w, `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=14, margin="0.15,0.08", penwidth=1.5];`)
	fmt.Fprintln(w, `  edge [fontname="Helvetica", arrowsize=0.8];`)
	fmt.Fprintf(w, "  %s [id=%q, label=%s, style=\"bold,filled\", penwidth=2.5, fontsize=16, color=%q, fillcolor=%q];\n",
		nodeID(argument.ThesisNode), "arg_"+nodeID(argument.ThesisNode),
		dotLabel(append([]string{"THESIS"}, wrap(safetext.Flat(g.Debate.Thesis.Claim), labelWidth)...)), thesisStroke, thesisFill)
	writeNode := func(i int, indent string) {
		a := g.Argument(i)
		stroke, fill := sideColours(a.Side)
		lines := append(wrap(safetext.Flat(a.Title), mapLabelWidth), strings.ToUpper(string(a.Side))+" · "+a.Category)
		writeStrings(w, indent)
		writeNodeID(w, i)
		writeStrings(w, ` [id="arg_`, nodeID(i), `", label=`, dotLabel(lines), `, color="`, stroke, `", fillcolor="`, fill, `"`)
		if a.Side == argument.Con {
			// Not colour alone: a con is a square box with cut corners, a pro a rounded one.
			w.WriteString(`, style="filled,diagonals"`)
		}
		w.WriteString("];\n")
	}
	if opts.GroupCategory {
		var cats []string
		byCat := map[string][]int{}
		for i := 1; i < g.Len(); i++ {
			c := g.Argument(i).Category
			if _, ok := byCat[c]; !ok {
				cats = append(cats, c)
			}
			byCat[c] = append(byCat[c], i)
		}
		for k, c := range cats {
			fmt.Fprintf(w, "  subgraph cluster_%d {\n    label=%s; style=\"rounded\"; color=\"#8c959f\"; fontcolor=\"#24292f\"; fontsize=16;\n", k, dotString(safetext.DOT(safetext.Flat(c))))
			for _, i := range byCat[c] {
				writeNode(i, "    ")
			}
			fmt.Fprintln(w, "  }")
		}
	} else {
		for i := 1; i < g.Len(); i++ {
			writeNode(i, "  ")
		}
	}
	toThesis := 0
	for _, r := range edges(g) {
		// Arguments straight on the thesis would stand in one row as wide as the debate:
		// one in three a rank lower and one two ranks lower folds the row in three.
		minlen := "1"
		if r.To == argument.ThesisNode {
			minlen = strconv.Itoa(1 + toThesis%3)
			toThesis++
		}
		style, colour := "solid", proStroke
		if r.Type == argument.Attack {
			style, colour = "dashed", conStroke
		}
		writeStrings(w, "  ")
		writeNodeID(w, r.From)
		w.WriteString(" -> ")
		writeNodeID(w, r.To)
		writeStrings(w, ` [id="rel_`, nodeID(r.From), "_", nodeID(r.To), `", style=`, style, `, color="`, colour, `", penwidth=`, pen[r.From], ", minlen=", minlen, "];\n")
	}
	fmt.Fprintln(w, "}")
	return w.Flush()
}

// edgeWidths gives each argument's outgoing edges a width in proportion to the size of its
// contribution, formatted once with a fixed precision so the picture is the same every time.
func edgeWidths(g *argument.Graph, res *score.Result) []string {
	pen := make([]string, g.Len())
	var contrib []float64
	largest := 0.0
	if res != nil && len(res.Arguments) == g.Len()-1 {
		contrib = make([]float64, g.Len())
		for i, a := range res.Arguments {
			contrib[i+1] = math.Abs(a.Contribution)
			largest = max(largest, contrib[i+1])
		}
	}
	for i := range pen {
		p := 2.0
		if contrib != nil {
			p = minPen
			if largest > 0 {
				p += (maxPen - minPen) * contrib[i] / largest
			}
		}
		pen[i] = strconv.FormatFloat(p, 'f', 2, 64)
	}
	return pen
}

// PictureEncoder writes the map as SVG or PNG, laid out by a Layout.
type PictureEncoder struct {
	w      io.Writer
	layout Layout
	format string
}

// NewPictureEncoder returns an encoder writing format ("svg" or "png") to w.
func NewPictureEncoder(w io.Writer, layout Layout, format string) *PictureEncoder {
	return &PictureEncoder{w: w, layout: layout, format: format}
}

// Encode lays the graph out and writes the picture; nothing is written when the layout fails.
func (e *PictureEncoder) Encode(ctx context.Context, g *argument.Graph, opts MapOptions) error {
	pic, err := RenderMap(ctx, e.layout, g, opts, e.format)
	if err != nil {
		return err
	}
	_, err = e.w.Write(pic)
	return err
}

// RenderMap returns the map of g as a picture in format.
func RenderMap(ctx context.Context, layout Layout, g *argument.Graph, opts MapOptions, format string) ([]byte, error) {
	var dot bytes.Buffer
	if err := WriteMapDOT(&dot, g, opts); err != nil {
		return nil, err
	}
	pic, err := layout.Render(ctx, dot.Bytes(), format)
	if err != nil {
		return nil, err
	}
	if format == "svg" {
		pic = cleanSVG(pic)
	}
	return pic, nil
}

// cleanSVG drops what Graphviz writes before the <svg> element (the XML declaration, the
// doctype and its version comment), so that the SVG can go inline in HTML as it is and the file
// is the same whichever Graphviz wrote it.
func cleanSVG(pic []byte) []byte {
	if i := bytes.Index(pic, []byte("<svg")); i > 0 {
		pic = append([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>`+"\n"), pic[i:]...)
	}
	return pic
}
