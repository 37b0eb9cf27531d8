package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// AtlasSVGEncoder writes the atlas as one self-contained SVG document: per semantics a ternary
// diagram (a strip for two categories) with the cells coloured by verdict and shaded by the
// margin, grid lines and ticks every 20%, the corners labelled with the category names, the
// boundary where the verdict flips, each mark labelled, and the headline shares; a legend
// below. The same atlas always gives the same bytes. Corpus text (the title, category and
// profile names) is escaped for XML.
type AtlasSVGEncoder struct{ w io.Writer }

// NewAtlasSVGEncoder returns an encoder that writes to w.
func NewAtlasSVGEncoder(w io.Writer) *AtlasSVGEncoder { return &AtlasSVGEncoder{w: w} }

// The colours: PRO green and CON red as in the terminal, ties grey; cells blend them with
// white, lighter for a smaller margin.
var (
	svgPro  = [3]float64{0x1a, 0x8a, 0x3c}
	svgCon  = [3]float64{0xc6, 0x28, 0x28}
	svgTie  = "#c8c8c8"
	svgInks = []float64{0.3, 0.5, 0.72, 0.95}
)

// svgPanel is the geometry of one diagram: the triangle's side and where it sits.
type svgPanel struct {
	x, y, side float64 // top-left of the panel box
}

const (
	svgPad      = 70.0 // room around a triangle for tick labels and corner names
	svgHeadline = 44.0 // room above a triangle for its semantics and headline
	svgTop      = 60.0 // room above the panels for the title
)

// svgLayout is the size of the panels of a document of n atlases over axes axes: a triangle's
// side, panels a row, and a panel's box.
func svgLayout(n, axes int) (side float64, perRow int, panelW, panelH float64) {
	side, perRow = 480, 1
	if n > 1 {
		side, perRow = 300, min(n, 3)
	}
	h := side * math.Sqrt(3) / 2
	if axes == 2 {
		h = 40
	}
	return side, perRow, side + 2*svgPad, h + 2*svgPad + svgHeadline
}

// svgPanelAt is the panel of atlas i of n.
func svgPanelAt(i, n, axes int) svgPanel {
	side, perRow, panelW, panelH := svgLayout(n, axes)
	return svgPanel{x: panelW * float64(i%perRow), y: svgTop + panelH*float64(i/perRow), side: side}
}

// origin is where the panel's diagram is drawn from: a triangle's base runs from (ox, oy+h)
// to (ox+side, oy+h), h its height; a strip's top-left corner is (ox, oy). The HTML page
// places its live marker by it.
func (p svgPanel) origin() (ox, oy float64) { return p.x + svgPad, p.y + svgHeadline + svgPad - 20 }

// Encode writes the document.
func (e *AtlasSVGEncoder) Encode(d *AtlasDoc) error {
	if err := d.check(); err != nil {
		return err
	}
	w := bufio.NewWriter(e.w)
	n := len(d.Atlases)
	first := d.Atlases[0]
	_, perRow, panelW, panelH := svgLayout(n, len(first.Axes))
	rows := (n + perRow - 1) / perRow
	width := math.Max(panelW*float64(perRow), 640)
	legendY := svgTop + panelH*float64(rows)
	keyLines := len(first.Points)
	height := legendY + 86 + 18*float64(keyLines)

	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="Helvetica, Arial, sans-serif" font-size="13">
<title>%s</title>
<rect width="100%%" height="100%%" fill="#ffffff"/>
<text x="20" y="32" font-size="18" font-weight="bold">%s</text>
`, f2(width), f2(height), f2(width), f2(height), safetext.XML("Atlas: "+d.Title), safetext.XML(d.Title))
	held := ""
	if len(first.Held) > 0 {
		var hs []string
		for _, c := range first.Categories {
			if x, ok := first.Held[c]; ok {
				hs = append(hs, c+" "+report.Figure(x, 1e-9))
			}
		}
		held = "; the other categories held: " + strings.Join(hs, ", ")
	}
	fmt.Fprintf(w, "<text x=\"20\" y=\"50\" fill=\"#555555\">%s</text>\n",
		safetext.XML(fmt.Sprintf("%s weightings (resolution %d) across the simplex of relative weights%s", report.Thousands(len(first.Cells)), first.Resolution, held)))
	for i, a := range d.Atlases {
		p := svgPanelAt(i, n, len(first.Axes))
		if len(a.Axes) == 2 {
			svgStrip(w, a, p, largest(a), d.Own)
		} else {
			svgTriangle(w, a, p, largest(a), d.Own)
		}
	}
	svgLegend(w, d, legendY)
	w.WriteString("</svg>\n")
	return w.Flush()
}

// largest is the largest |margin| of an atlas: each map is shaded against its own, as the
// semantics' margins are on scales of their own (sum's is a tally, not a score).
func largest(a *score.Atlas) float64 {
	top := 0.0
	for _, c := range a.Cells {
		top = math.Max(top, math.Abs(c.Margin))
	}
	return top
}

// shadeOf is the fill of a margin: the side's colour blended with white by the margin's share
// of the largest.
func shadeOf(m, top float64) string {
	v := score.VerdictOf(m)
	if v == score.VerdictTie {
		return svgTie
	}
	q := 0.0
	if top > 0 {
		q = math.Abs(m) / top
	}
	k := min(len(svgInks)-1, int(q*float64(len(svgInks))))
	if v == score.VerdictCon {
		return svgConShades[k]
	}
	return svgProShades[k]
}

// The shades, spelled once: a diagram fills thousands of triangles with them.
var svgProShades, svgConShades = shades(svgPro), shades(svgCon)

func shades(base [3]float64) []string {
	var s []string
	for _, t := range svgInks {
		s = append(s, blend(base, t))
	}
	return s
}

func blend(base [3]float64, t float64) string {
	var c [3]int
	for k := range c {
		c[k] = int(math.Round(255 + t*(base[k]-255)))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

func f2(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// svgTriangle draws a ternary diagram: axis 0 at the top corner, 1 bottom left, 2 bottom right.
func svgTriangle(w *bufio.Writer, a *score.Atlas, p svgPanel, top float64, own bool) {
	L := p.side
	h := L * math.Sqrt(3) / 2
	ox, oy := p.origin()
	xy := func(at score.Coord) (float64, float64) {
		return ox + (at[0]/2+at[2])*L, oy + h - at[0]*h
	}
	pt := func(at score.Coord) string {
		x, y := xy(at)
		return f2(x) + "," + f2(y)
	}
	n := a.Resolution
	fn := float64(n)
	at := func(i, j int) score.Coord {
		return score.Coord{float64(i) / fn, float64(j) / fn, float64(n-i-j) / fn}
	}
	mg := func(i, j int) float64 { return a.Cells[a.Index(i, j)].Margin }

	fmt.Fprintf(w, "<g>\n<text x=\"%s\" y=\"%s\" font-weight=\"bold\">%s</text>\n", f2(p.x+20), f2(p.y+18), safetext.XML(string(a.Semantics)))
	fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\">%s</text>\n", f2(p.x+20), f2(p.y+36), safetext.XML(report.Shares(a.Shares.Pro, a.Shares.Con, a.Shares.Tie)))

	// The cells: each strip between two rows of the lattice is a run of small triangles, up
	// and down in turn; each triangle takes the shade of its corners' mean margin, and a run of
	// one shade is one polygon.
	w.WriteString("<g shape-rendering=\"crispEdges\" stroke-width=\"0.6\">\n")
	type tri struct {
		fill          string
		bottom, upper []int // j of its corners on row i and on row i+1
	}
	for i := range n {
		var run []tri
		flush := func() {
			if len(run) == 0 {
				return
			}
			bj, tj := []int{}, []int{}
			for _, t := range run {
				bj = append(bj, t.bottom...)
				tj = append(tj, t.upper...)
			}
			bl, br := maxInt(bj), minInt(bj)
			tl, tr := maxInt(tj), minInt(tj)
			pts := []string{pt(at(i, bl)), pt(at(i, br)), pt(at(i+1, tr))}
			if tl != tr {
				pts = append(pts, pt(at(i+1, tl)))
			}
			fmt.Fprintf(w, "<polygon points=\"%s\" fill=\"%s\" stroke=\"%s\"/>\n", strings.Join(pts, " "), run[0].fill, run[0].fill)
			run = run[:0]
		}
		add := func(t tri) {
			if len(run) > 0 && run[0].fill != t.fill {
				flush()
			}
			run = append(run, t)
		}
		for j := n - i - 1; j >= 0; j-- {
			m := (mg(i, j) + mg(i, j+1) + mg(i+1, j)) / 3
			add(tri{fill: shadeOf(m, top), bottom: []int{j, j + 1}, upper: []int{j}})
			if j > 0 {
				m := (mg(i, j) + mg(i+1, j-1) + mg(i+1, j)) / 3
				add(tri{fill: shadeOf(m, top), bottom: []int{j}, upper: []int{j - 1, j}})
			}
		}
		flush()
	}
	w.WriteString("</g>\n")

	// Grid lines and ticks every 20% of each axis, labelled on the edge where that axis grows.
	w.WriteString("<g stroke=\"#ffffff\" stroke-opacity=\"0.7\" stroke-width=\"0.8\">\n")
	for t := 1; t < 5; t++ {
		s := float64(t) / 5
		for k := range 3 {
			var p0, p1 score.Coord
			p0[k], p1[k] = s, s
			p0[(k+1)%3], p1[(k+2)%3] = 1-s, 1-s
			fmt.Fprintf(w, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>\n", coordX(xy, p0), coordY(xy, p0), coordX(xy, p1), coordY(xy, p1))
		}
	}
	w.WriteString("</g>\n<g font-size=\"11\" fill=\"#444444\">\n")
	var ticks []box // where the tick labels are, for the marks' labels to keep off
	for t := 1; t < 5; t++ {
		s := float64(t) / 5
		label := fmt.Sprintf("%d%%", t*20)
		// Axis 0 (top) along the left edge, axis 1 (bottom left) along the bottom, axis 2
		// (bottom right) along the right edge.
		x, y := xy(score.Coord{s, 1 - s, 0})
		fmt.Fprintf(w, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#444444\"/>\n", f2(x), f2(y), f2(x-6), f2(y))
		fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n", f2(x-8), f2(y+4), label)
		ticks = append(ticks, box{x - 34, y - 8, x - 6, y + 6})
		x, y = xy(score.Coord{0, s, 1 - s})
		fmt.Fprintf(w, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#444444\"/>\n", f2(x), f2(y), f2(x-3), f2(y+5))
		fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>\n", f2(x-4), f2(y+17), label)
		ticks = append(ticks, box{x - 18, y + 6, x + 10, y + 20})
		x, y = xy(score.Coord{1 - s, 0, s})
		fmt.Fprintf(w, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#444444\"/>\n", f2(x), f2(y), f2(x+3), f2(y-5))
		fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\">%s</text>\n", f2(x+6), f2(y-4), label)
		ticks = append(ticks, box{x + 4, y - 14, x + 32, y})
	}
	w.WriteString("</g>\n")
	fmt.Fprintf(w, "<polygon points=\"%s %s %s\" fill=\"none\" stroke=\"#222222\" stroke-width=\"1.2\"/>\n",
		pt(score.Coord{1, 0, 0}), pt(score.Coord{0, 1, 0}), pt(score.Coord{0, 0, 1}))
	// Corner names: which category has all the weight there.
	tx, ty := xy(score.Coord{1, 0, 0})
	fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", f2(tx), f2(ty-10), safetext.XML(a.Axes[0]))
	lx, ly := xy(score.Coord{0, 1, 0})
	fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", f2(lx), f2(ly+36), safetext.XML(a.Axes[1]))
	rx, ry := xy(score.Coord{0, 0, 1})
	fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", f2(rx), f2(ry+36), safetext.XML(a.Axes[2]))

	for _, line := range a.Boundary {
		var pts []string
		for _, c := range line {
			pts = append(pts, pt(c))
		}
		fmt.Fprintf(w, "<polyline points=\"%s\" fill=\"none\" stroke=\"#111111\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n", strings.Join(pts, " "))
	}
	svgMarks(w, a, own, ticks, func(c score.Coord) (float64, float64) { return xy(c) })
	w.WriteString("</g>\n")
}

// svgStrip draws a two-category atlas: axis 0 all the weight at the left end, axis 1 at the
// right.
func svgStrip(w *bufio.Writer, a *score.Atlas, p svgPanel, top float64, own bool) {
	L := p.side
	ox, oy := p.origin()
	xAt := func(c score.Coord) float64 { return ox + (1-c[0])*L }
	fmt.Fprintf(w, "<g>\n<text x=\"%s\" y=\"%s\" font-weight=\"bold\">%s</text>\n", f2(p.x+20), f2(p.y+18), safetext.XML(string(a.Semantics)))
	fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\">%s</text>\n", f2(p.x+20), f2(p.y+36), safetext.XML(report.Shares(a.Shares.Pro, a.Shares.Con, a.Shares.Tie)))
	w.WriteString("<g shape-rendering=\"crispEdges\">\n")
	n := a.Resolution
	for i := range n {
		c0, c1 := a.Cells[i], a.Cells[i+1]
		fill := shadeOf((c0.Margin+c1.Margin)/2, top)
		x0, x1 := xAt(c0.At), xAt(c1.At)
		fmt.Fprintf(w, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"40\" fill=\"%s\"/>\n", f2(math.Min(x0, x1)), f2(oy), f2(math.Abs(x1-x0)), fill)
	}
	w.WriteString("</g>\n")
	fmt.Fprintf(w, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"40\" fill=\"none\" stroke=\"#222222\"/>\n", f2(ox), f2(oy), f2(L))
	for t := 1; t < 5; t++ {
		x := ox + L*float64(t)/5
		fmt.Fprintf(w, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#444444\"/>\n", f2(x), f2(oy+40), f2(x), f2(oy+46))
		fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"11\">%d%% %s</text>\n", f2(x), f2(oy+58), t*20, safetext.XML(a.Axes[1]))
	}
	fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", f2(ox), f2(oy+76), safetext.XML(a.Axes[0]))
	fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", f2(ox+L), f2(oy+76), safetext.XML(a.Axes[1]))
	for _, line := range a.Boundary {
		x := xAt(line[0])
		fmt.Fprintf(w, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#111111\" stroke-width=\"2\"/>\n", f2(x), f2(oy-4), f2(x), f2(oy+44))
	}
	svgMarks(w, a, own, nil, func(c score.Coord) (float64, float64) { return xAt(c), oy + 20 })
	w.WriteString("</g>\n")
}

// svgMarks draws each placed mark with its label: profiles as circles (dashed when they hold
// the other categories otherwise than the map), the user's own as a diamond.
func svgMarks(w *bufio.Writer, a *score.Atlas, own bool, taken []box, xy func(score.Coord) (float64, float64)) {
	for _, m := range a.Points {
		if m.Placed {
			x, y := xy(m.At)
			taken = append(taken, box{x - 7, y - 7, x + 7, y + 7})
		}
	}
	// place puts a label beside its mark where it overlaps no mark and no label placed before:
	// right above, right below, left above, left below, else right above anyway.
	place := func(x, y float64, label string) (lx, ly float64, anchor string) {
		wd := 7 * float64(len([]rune(label)))
		for _, c := range []struct {
			dx, dy float64
			left   bool
		}{{9, -7, false}, {9, 15, false}, {-9, -7, true}, {-9, 15, true}, {9, 4, false}, {-9, 4, true}} {
			b := box{x + c.dx, y + c.dy - 11, x + c.dx + wd, y + c.dy + 2}
			if c.left {
				b.x0, b.x1 = x+c.dx-wd, x+c.dx
			}
			free := true
			for _, t := range taken {
				free = free && !b.overlaps(t)
			}
			if free {
				taken = append(taken, b)
				if c.left {
					return x + c.dx, y + c.dy, ` text-anchor="end"`
				}
				return x + c.dx, y + c.dy, ""
			}
		}
		return x + 9, y - 7, ""
	}
	for i, m := range a.Points {
		if !m.Placed {
			continue
		}
		x, y := xy(m.At)
		dash := ""
		if !m.OnMap {
			dash = ` stroke-dasharray="2,2"`
		}
		label := m.Name
		if own && i == len(a.Points)-1 {
			label = "your weights"
			if m.Name != "" && m.Name != "default" {
				label += " (" + m.Name + ")"
			}
			fmt.Fprintf(w, "<path d=\"M%s %sL%s %sL%s %sL%s %sZ\" fill=\"#ffd54f\" stroke=\"#111111\" stroke-width=\"1.2\"%s/>\n",
				f2(x), f2(y-7), f2(x+7), f2(y), f2(x), f2(y+7), f2(x-7), f2(y), dash)
			lx, ly, anchor := place(x, y, label)
			fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\"%s font-size=\"12\" font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n", f2(lx), f2(ly), anchor, safetext.XML(label))
			continue
		}
		fmt.Fprintf(w, "<circle cx=\"%s\" cy=\"%s\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#111111\" stroke-width=\"1.5\"%s/>\n", f2(x), f2(y), dash)
		lx, ly, anchor := place(x, y, label)
		fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\"%s font-size=\"12\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n", f2(lx), f2(ly), anchor, safetext.XML(label))
	}
}

func svgLegend(w *bufio.Writer, d *AtlasDoc, y float64) {
	darkest := "the darkest from " + report.Figure(largest(d.Atlases[0])*0.75, 1e-9)
	if len(d.Atlases) > 1 {
		darkest = "against the largest on each map"
	}
	w.WriteString("<g font-size=\"12\">\n")
	x := 20.0
	sw := func(fill string) {
		fmt.Fprintf(w, "<rect x=\"%s\" y=\"%s\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#888888\" stroke-width=\"0.5\"/>\n", f2(x), f2(y), fill)
		x += 15
	}
	text := func(s string) {
		fmt.Fprintf(w, "<text x=\"%s\" y=\"%s\">%s</text>\n", f2(x+4), f2(y+11), safetext.XML(s))
		x += 16 + 7.5*float64(len([]rune(s)))
	}
	for _, t := range svgInks {
		sw(blend(svgPro, t))
	}
	text("PRO")
	for _, t := range svgInks {
		sw(blend(svgCon, t))
	}
	text("CON")
	sw(svgTie)
	text("tie")
	fmt.Fprintf(w, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#111111\" stroke-width=\"2\"/>\n", f2(x), f2(y+7), f2(x+22), f2(y+7))
	x += 22
	text("the verdict flips")
	fmt.Fprintf(w, "<text x=\"20\" y=\"%s\" fill=\"#555555\">%s</text>\n", f2(y+34), safetext.XML(fmt.Sprintf(
		"Darker: a larger margin (%s). A corner gives its category all the weight,", darkest)))
	fmt.Fprintf(w, "<text x=\"20\" y=\"%s\" fill=\"#555555\">the side facing it none: weights are relative.</text>\n", f2(y+50))
	first := d.Atlases[0]
	for i, m := range first.Points {
		kind := "profile"
		if d.Own && i == len(first.Points)-1 {
			kind = "your weights"
		}
		var ws []string
		for _, c := range first.Categories {
			ws = append(ws, c+" "+report.Figure(m.Weights.Get(c), 1e-9))
		}
		line := fmt.Sprintf("%s %s: %s", kind, m.Name, strings.Join(ws, ", "))
		if kind != "profile" {
			line = fmt.Sprintf("%s (%s): %s", kind, m.Name, strings.Join(ws, ", "))
		}
		if len(d.Atlases) == 1 {
			line += fmt.Sprintf(" (%s, margin %+.3f)", strings.ToUpper(string(m.Verdict)), m.Margin)
		}
		if !m.Placed {
			line += ", not on the map: every axis at 0"
		} else if !m.OnMap {
			line += ", holds the other categories otherwise than the map (dashed)"
		}
		fmt.Fprintf(w, "<text x=\"20\" y=\"%s\" fill=\"#333333\">%s</text>\n", f2(y+74+18*float64(i)), safetext.XML(line))
	}
	w.WriteString("</g>\n")
}

func coordX(xy func(score.Coord) (float64, float64), c score.Coord) string {
	x, _ := xy(c)
	return f2(x)
}

func coordY(xy func(score.Coord) (float64, float64), c score.Coord) string {
	_, y := xy(c)
	return f2(y)
}

func maxInt(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func minInt(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}

// box is a rectangle a mark or label takes, for keeping labels apart.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 }
