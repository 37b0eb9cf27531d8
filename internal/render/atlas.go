package render

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/argmap/argmap/internal/figure"
	"github.com/argmap/argmap/internal/score"
)

// AtlasOptions say how to draw atlases.
type AtlasOptions struct {
	Options
	Styles Styles
	// Own says that the last mark of each atlas is the user's own weighting (drawn as a
	// diamond) rather than a profile (numbered).
	Own bool
	// Label says where the user's weights came from, as in score's second line.
	Label string
}

// Atlas draws one ternary diagram (or strip) per atlas, side by side when there are several
// (small multiples, one per semantics), each cell shaded by the verdict and margin there, the
// boundary where the verdict flips, the marks; then the headline shares under it, one line per
// atlas, a key to the marks and a legend. Every atlas must share the axes, resolution and marks.
//
// With colour on and --ascii off, a cell is a shade block in the PRO or CON colour (darker for a
// larger margin); otherwise a letter, so that a pipe or a log still reads: P or C, lower case
// where the margin is under half the largest, = for a tie.
func Atlas(w io.Writer, atlases []*score.Atlas, opts AtlasOptions) error {
	if len(atlases) == 0 {
		return nil
	}
	v := &atlasView{opts: opts, st: opts.Styles, letters: !opts.Color || opts.ASCII, many: len(atlases) > 1}
	var o output
	first := atlases[0]
	gap := 3
	panelW := v.panelWidth(len(atlases), gap)
	perRow := max(1, min(len(atlases), (opts.width()-2+gap)/(panelW+gap)))
	for start := 0; start < len(atlases); start += perRow {
		row := atlases[start:min(start+perRow, len(atlases))]
		var panels [][]string
		for _, a := range row {
			v.scale(a)
			p := v.panel(a, panelW)
			if len(atlases) > 1 {
				p = append([]string{v.st.Heading.Render(string(a.Semantics))}, p...)
			}
			panels = append(panels, p)
		}
		if start > 0 {
			o.blank()
		}
		for _, l := range sideBySide(panels, panelW, gap) {
			o.line("  ", l)
		}
	}
	o.blank()
	for _, a := range atlases {
		head := v.headline(a)
		if len(atlases) > 1 {
			head = pad(string(a.Semantics), 17) + head
		}
		o.line(head)
	}
	dot := v.glyph("·", "-")
	if len(atlases) == 1 {
		o.line(v.st.Muted.Render(fmt.Sprintf("semantics %s %s %s weightings (resolution %d)",
			first.Semantics, dot, Count(len(first.Cells)), first.Resolution)))
	} else {
		o.line(v.st.Muted.Render(fmt.Sprintf("%s weightings each (resolution %d)", Count(len(first.Cells)), first.Resolution)))
	}
	if len(first.Held) > 0 {
		o.line(v.st.Muted.Render(v.heldLine(first)))
	}
	for _, a := range atlases {
		if !a.Converged {
			o.line(v.st.Warn.Render(string(a.Semantics) + ": some cycles did not settle: treat the cells near the boundary with care"))
		}
	}
	v.key(&o, atlases)
	v.legend(&o)
	return o.writeTo(w)
}

type atlasView struct {
	opts    AtlasOptions
	st      Styles
	letters bool
	many    bool    // small multiples
	top     float64 // the largest |margin| of the atlas being drawn, which sets its shades
}

func (v *atlasView) glyph(unicode, ascii string) string {
	if v.opts.ASCII {
		return ascii
	}
	return unicode
}

// scale sets the shades for an atlas: each map is shaded against its own largest margin, as
// the semantics' margins are on scales of their own (sum's is a tally, not a score).
func (v *atlasView) scale(a *score.Atlas) {
	v.top = 0
	for _, c := range a.Cells {
		v.top = math.Max(v.top, math.Abs(c.Margin))
	}
}

// maxPanel is the widest a triangle is drawn: 31 rows, taller than that scrolls.
const maxPanel = 64

// panelWidth is the width of each panel: as wide as the terminal allows, up to maxPanel, and
// at least 21 columns (small multiples wrap onto more rows rather than shrink past it).
func (v *atlasView) panelWidth(n, gap int) int {
	avail := v.opts.width() - 2
	for per := n; per > 1; per-- {
		if w := (avail - gap*(per-1)) / per; w >= 21 {
			return min(w, maxPanel)
		}
	}
	return min(avail, maxPanel)
}

// pixel is one character cell of a picture, in one of the picture's inks.
type pixel struct {
	s   string
	ink ink
}

// ink is a pixel's style, by name, so that runs of one style are found without rendering.
type ink uint8

const (
	inkNone ink = iota
	inkPro
	inkCon
	inkTie
	inkLine
	inkMark
)

func (v *atlasView) style(k ink) lipgloss.Style {
	switch k {
	case inkPro:
		return v.shade(v.st.Pro)
	case inkCon:
		return v.shade(v.st.Con)
	case inkTie:
		return v.st.Muted
	case inkLine:
		return v.st.Thesis
	case inkMark:
		return v.st.Heading.Reverse(v.opts.Color)
	}
	return lipgloss.NewStyle()
}

// shade is a side's style for cells: letters bold as the side's word is, shade blocks not (bold
// brightens some terminals' blocks and flattens the shades).
func (v *atlasView) shade(st lipgloss.Style) lipgloss.Style {
	if v.letters {
		return st
	}
	return st.UnsetBold()
}

// cellPixel is how a cell of the atlas is drawn.
func (v *atlasView) cellPixel(c *score.Cell) pixel {
	q := 0.0
	if v.top > 0 {
		q = math.Abs(c.Margin) / v.top
	}
	switch c.Verdict {
	case score.VerdictPro, score.VerdictCon:
		k, letter := inkPro, "P"
		if c.Verdict == score.VerdictCon {
			k, letter = inkCon, "C"
		}
		if v.letters {
			if q < 0.5 {
				letter = strings.ToLower(letter)
			}
			return pixel{s: letter, ink: k}
		}
		shades := []string{"░", "▒", "▓", "█"}
		return pixel{s: shades[min(3, int(q*4))], ink: k}
	}
	if v.letters {
		return pixel{s: "=", ink: inkTie}
	}
	return pixel{s: "·", ink: inkTie}
}

// panel draws one atlas: the picture, the axis labels, as lines of width w.
func (v *atlasView) panel(a *score.Atlas, w int) []string {
	if len(a.Axes) == 2 {
		return v.strip(a, w)
	}
	h := float64(w) * math.Sqrt(3) / 2 // the triangle's height in half-rows: a row is two columns tall
	rows := int(math.Ceil(h / 2))
	grid := make([][]pixel, rows)
	for r := range grid {
		grid[r] = make([]pixel, w)
		for c := range grid[r] {
			grid[r][c] = pixel{s: " "}
		}
	}
	// The corners: axis 0 on top, 1 bottom left, 2 bottom right.
	toCoord := func(x, y float64) (score.Coord, bool) {
		up := h - y
		s0 := up / h
		s2 := x/float64(w) - s0/2
		s1 := 1 - s0 - s2
		eps := 0.5 / float64(w)
		in := s0 >= -eps && s1 >= -eps && s2 >= -eps
		at := score.Coord{max(s0, 0), max(s1, 0), max(s2, 0)}
		sum := at[0] + at[1] + at[2]
		for k := range at {
			at[k] /= sum
		}
		return at, in
	}
	toXY := func(at score.Coord) (col, row float64) {
		return (at[0]/2 + at[2]) * float64(w), (h - at[0]*h) / 2
	}
	for r := range rows {
		for c := range w {
			at, in := toCoord(float64(c)+0.5, 2*float64(r)+1)
			if in {
				grid[r][c] = v.cellPixel(a.Nearest(at))
			}
		}
	}
	put := func(col, row float64, p pixel) {
		c, r := int(math.Floor(col)), int(math.Floor(row))
		c, r = min(max(c, 0), w-1), min(max(r, 0), rows-1)
		grid[r][c] = p
	}
	// The boundary, each segment drawn with the glyph nearest its slope as it looks (a row
	// is two columns tall).
	for _, line := range a.Boundary {
		for k := 1; k < len(line); k++ {
			x0, y0 := toXY(line[k-1])
			x1, y1 := toXY(line[k])
			g := v.slope(x1-x0, 2*(y1-y0))
			steps := int(math.Ceil(math.Max(math.Abs(x1-x0), math.Abs(y1-y0))*4)) + 1
			for s := 0; s <= steps; s++ {
				t := float64(s) / float64(steps)
				put(x0+t*(x1-x0), y0+t*(y1-y0), pixel{s: g, ink: inkLine})
			}
		}
	}
	for i, m := range a.Points {
		if m.Placed {
			x, y := toXY(m.At)
			put(x, y, pixel{s: v.marker(i, len(a.Points)), ink: inkMark})
		}
	}
	lines := []string{center(v.axis(a, 0), w)}
	for _, row := range grid {
		lines = append(lines, v.join(row))
	}
	left, right := v.axis(a, 1), v.axis(a, 2)
	lines = append(lines, left+strings.Repeat(" ", max(1, w-width(left)-width(right)))+right)
	return lines
}

// strip draws a two-category atlas: axis 0 all the weight at the left end, axis 1 at the right.
func (v *atlasView) strip(a *score.Atlas, w int) []string {
	marks, bar := make([]pixel, w), make([]pixel, w)
	toCol := func(at score.Coord) int { return min(max(int((1-at[0])*float64(w)), 0), w-1) }
	for c := range w {
		marks[c] = pixel{s: " "}
		at := score.Coord{1 - (float64(c)+0.5)/float64(w)}
		at[1] = 1 - at[0]
		bar[c] = v.cellPixel(a.Nearest(at))
	}
	for _, line := range a.Boundary {
		bar[toCol(line[0])] = pixel{s: v.glyph("│", "|"), ink: inkLine}
	}
	for i, m := range a.Points {
		if m.Placed {
			marks[toCol(m.At)] = pixel{s: v.marker(i, len(a.Points)), ink: inkMark}
		}
	}
	left, right := v.axis(a, 0), v.axis(a, 1)
	return []string{
		v.join(marks), v.join(bar), v.join(bar),
		left + strings.Repeat(" ", max(1, w-width(left)-width(right))) + right,
	}
}

// slope picks a line glyph for a segment dx columns across and dy columns down.
func (v *atlasView) slope(dx, dy float64) string {
	ang := math.Atan2(-dy, dx) * 180 / math.Pi // up is positive
	if ang < 0 {
		ang += 180
	}
	switch {
	case ang < 22.5 || ang >= 157.5:
		return v.glyph("─", "-")
	case ang < 67.5:
		return v.glyph("╱", "/")
	case ang < 112.5:
		return v.glyph("│", "|")
	}
	return v.glyph("╲", `\`)
}

// marker is the mark of point i of n: 1 to 9 then letters for profiles (A, B, …, skipping the
// letters the cells use), a diamond for the user's own.
func (v *atlasView) marker(i, n int) string {
	if v.opts.Own && i == n-1 {
		return v.glyph("◆", "*")
	}
	if i < 9 {
		return strconv.Itoa(i + 1)
	}
	letters := "ABDEFGHIJKLMNOQRSTUVWXYZ"
	if k := i - 9; k < len(letters) {
		return letters[k : k+1]
	}
	return "#"
}

// axis is the label of corner k: the category name, made safe, cut to fit.
func (v *atlasView) axis(a *score.Atlas, k int) string {
	return v.st.CategoryStyle(a.Axes[k]).Render(truncate(clean(a.Axes[k]), 24, v.glyph("…", "...")))
}

func (v *atlasView) headline(a *score.Atlas) string {
	s := a.Shares
	head := figure.Shares(s.Pro, s.Con, s.Tie)
	// Colour the two verdict words as show does.
	head = strings.Replace(head, "PRO", v.st.Pro.Render("PRO"), 1)
	head = strings.Replace(head, "CON", v.st.Con.Render("CON"), 1)
	return head
}

func (v *atlasView) heldLine(a *score.Atlas) string {
	var held []string
	for _, c := range a.Categories {
		if x, ok := a.Held[c]; ok {
			held = append(held, clean(c)+" "+scoreNumber(x))
		}
	}
	axes := make([]string, len(a.Axes))
	for k, c := range a.Axes {
		axes[k] = clean(c)
	}
	return fmt.Sprintf("%s share a weight of %s; the other categories are held: %s",
		strings.Join(axes, ", "), scoreNumber(a.Total), strings.Join(held, ", "))
}

// key lists the marks: each profile's number, name and weights, with the verdict at its own
// weights when one semantics is drawn.
func (v *atlasView) key(o *output, atlases []*score.Atlas) {
	first := atlases[0]
	if len(first.Points) == 0 {
		return
	}
	o.blank()
	nameW := 0
	for _, m := range first.Points {
		nameW = max(nameW, width(truncate(clean(m.Name), 24, v.glyph("…", "..."))))
	}
	for i, m := range first.Points {
		name := truncate(clean(m.Name), 24, v.glyph("…", "..."))
		if v.opts.Own && i == len(first.Points)-1 {
			name = "your weights"
			if l := clean(v.opts.Label); l != "" && l != "default" {
				name = truncate(l, 24, v.glyph("…", "..."))
			}
		}
		var ws []string
		for _, c := range first.Categories {
			ws = append(ws, clean(c)+" "+scoreNumber(m.Weights[c]))
		}
		line := "  " + v.st.Heading.Render(v.marker(i, len(first.Points))) + "  " + pad(name, nameW) + "  " + v.st.Muted.Render(strings.Join(ws, ", "))
		if len(atlases) == 1 {
			line += "  " + v.verdictWord(m.Verdict) + " " + scoreSigned(m.Margin)
		}
		switch {
		case !m.Placed:
			line += v.st.Muted.Render("  (every axis at 0: not on the map)")
		case !m.OnMap:
			line += v.st.Muted.Render("  (holds the other categories otherwise: its verdict can differ from the map's)")
		}
		o.line(line)
	}
}

func (v *atlasView) verdictWord(vd score.Verdict) string {
	switch vd {
	case score.VerdictPro:
		return v.st.Pro.Render("PRO")
	case score.VerdictCon:
		return v.st.Con.Render("CON")
	}
	return v.st.Muted.Render("TIE")
}

func (v *atlasView) legend(o *output) {
	half := scoreFixed(v.top/2) + ", half the largest"
	dark := scoreFixed(v.top * 0.75)
	if v.many {
		half, dark = "half the largest on its map", "three quarters of the largest on its map"
	}
	if v.letters {
		o.line(v.st.Muted.Render(fmt.Sprintf("P pro, C con (lower case: margin under %s), = tie; %s the verdict flips",
			half, v.glyph("─ ╱ │ ╲", `- / | \`))))
	} else {
		o.line(v.st.Pro.UnsetBold().Render("░▒▓█") + v.st.Muted.Render(" pro  ") +
			v.st.Con.UnsetBold().Render("░▒▓█") + v.st.Muted.Render(fmt.Sprintf(" con (darker: larger margin, █ from %s)  · tie  ", dark)) +
			v.st.Thesis.Render("╱") + v.st.Muted.Render(" the verdict flips"))
	}
	o.line(v.st.Muted.Render("A corner gives its category all the weight, the side facing it none; weights are relative."))
}

// join writes a row of pixels, one style escape per run of one ink.
func (v *atlasView) join(row []pixel) string {
	var b strings.Builder
	for i := 0; i < len(row); {
		j := i
		var run strings.Builder
		for j < len(row) && row[j].ink == row[i].ink {
			run.WriteString(row[j].s)
			j++
		}
		if row[i].ink == inkNone {
			b.WriteString(run.String())
		} else {
			b.WriteString(styled(v.style(row[i].ink), run.String()))
		}
		i = j
	}
	return b.String()
}

// center pads s on the left to sit in the middle of w columns.
func center(s string, w int) string {
	return strings.Repeat(" ", max(0, (w-width(s))/2)) + s
}

// sideBySide lays panels next to each other, each padded to w columns, gap apart.
func sideBySide(panels [][]string, w, gap int) []string {
	rows := 0
	for _, p := range panels {
		rows = max(rows, len(p))
	}
	out := make([]string, rows)
	for r := range rows {
		var b strings.Builder
		for i, p := range panels {
			l := ""
			if r < len(p) {
				l = p[r]
			}
			if i < len(panels)-1 {
				l = pad(l, w+gap)
			}
			b.WriteString(l)
		}
		out[r] = b.String()
	}
	return out
}

// Count writes a whole number with thousands separators: 5,151.
func Count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
