package render

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/argmap/argmap/internal/report"
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
			first.Semantics, dot, report.Thousands(len(first.Cells)), first.Resolution)))
	} else {
		o.line(v.st.Muted.Render(fmt.Sprintf("%s weightings each (resolution %d)", report.Thousands(len(first.Cells)), first.Resolution)))
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

// spell is how a pixel of a picture is drawn, and in which style.
func (v *atlasView) spell(p report.Pixel, marks int) (string, lipgloss.Style) {
	switch p.Ink {
	case report.InkPro, report.InkCon:
		st, letter := v.st.Pro, "P"
		if p.Ink == report.InkCon {
			st, letter = v.st.Con, "C"
		}
		if v.letters {
			if !p.Strong() {
				letter = strings.ToLower(letter)
			}
			return letter, st
		}
		// Shade blocks are not bold: bold brightens some terminals' blocks and flattens
		// the shades.
		return []string{"░", "▒", "▓", "█"}[p.Shade], st.UnsetBold()
	case report.InkTie:
		if v.letters {
			return "=", v.st.Muted
		}
		return "·", v.st.Muted
	case report.InkLine:
		return v.slopeGlyph(p.Slope), v.st.Thesis
	case report.InkMark:
		return v.marker(p.Mark, marks), v.st.Heading.Reverse(v.opts.Color)
	}
	return " ", lipgloss.NewStyle()
}

// key is a pixel's style identity, so that runs of one style are found without rendering.
func key(p report.Pixel) int {
	if p.Ink == report.InkPro || p.Ink == report.InkCon {
		return int(p.Ink)*8 + p.Shade/2 // letters: capitals bold alike; blocks: one style a side
	}
	return int(p.Ink) * 8
}

// panel draws one atlas: the axis labels around the picture, as lines of width w.
func (v *atlasView) panel(a *score.Atlas, w int) []string {
	pic := report.DrawAtlas(a, w)
	v.top = pic.Top
	var lines []string
	if pic.Strip {
		for _, row := range pic.Rows {
			lines = append(lines, v.join(row, len(a.Points)))
		}
		left, right := v.axis(a, 0), v.axis(a, 1)
		return append(lines, left+strings.Repeat(" ", max(1, w-width(left)-width(right)))+right)
	}
	lines = append(lines, center(v.axis(a, 0), w))
	for _, row := range pic.Rows {
		lines = append(lines, v.join(row, len(a.Points)))
	}
	left, right := v.axis(a, 1), v.axis(a, 2)
	return append(lines, left+strings.Repeat(" ", max(1, w-width(left)-width(right)))+right)
}

// join writes a row of pixels, one style escape per run of one style.
func (v *atlasView) join(row []report.Pixel, marks int) string {
	var b strings.Builder
	for i := 0; i < len(row); {
		j := i
		var run strings.Builder
		var st lipgloss.Style
		for j < len(row) && key(row[j]) == key(row[i]) {
			var s string
			s, st = v.spell(row[j], marks)
			run.WriteString(s)
			j++
		}
		if row[i].Ink == report.InkNone {
			b.WriteString(run.String())
		} else {
			b.WriteString(styled(st, run.String()))
		}
		i = j
	}
	return b.String()
}

// slopeGlyph is the line glyph of a slope.
func (v *atlasView) slopeGlyph(s report.Slope) string {
	switch s {
	case report.Rising:
		return v.glyph("╱", "/")
	case report.Upright:
		return v.glyph("│", "|")
	case report.Falling:
		return v.glyph("╲", `\`)
	}
	return v.glyph("─", "-")
}

// marker is the mark of point i of n: report's, with a diamond for the user's own.
func (v *atlasView) marker(i, n int) string {
	if v.opts.Own && i == n-1 {
		return v.glyph("◆", "*")
	}
	return report.Marker(i, n, false)
}

// axis is the label of corner k: the category name, made safe, cut to fit.
func (v *atlasView) axis(a *score.Atlas, k int) string {
	return v.st.CategoryStyle(a.Axes[k]).Render(truncate(clean(a.Axes[k]), 24, v.glyph("…", "...")))
}

func (v *atlasView) headline(a *score.Atlas) string {
	s := a.Shares
	head := report.Shares(s.Pro, s.Con, s.Tie)
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
