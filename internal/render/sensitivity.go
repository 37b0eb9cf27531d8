package render

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// SensitivityOptions say how to draw where the verdict flips.
type SensitivityOptions struct {
	Options
	Styles Styles
	// Label says where the weights came from: a profile name, a --weights value, a file name,
	// or "default".
	Label string
	// Top is how many of the arguments nearest to flipping the verdict to list (0: none).
	Top int
	// Debate gives the arguments' titles; nil leaves them out.
	Debate *argument.Debate
}

// Sensitivity draws the verdict, the most critical category, a table of every category's
// flips and stable interval, a small chart of the margin against each category's weight, and
// the arguments whose strength alone can flip the verdict, nearest first.
func Sensitivity(w io.Writer, s *score.Sensitivity, opts SensitivityOptions) error {
	v := &sensView{s: s, opts: opts, st: opts.Styles, gl: newSensGlyphs(opts.ASCII)}
	if v.opts.Width <= 0 {
		v.opts.Width = 80
	}
	v.opts.Width = v.opts.width() // never narrower than MinWidth
	var b strings.Builder
	v.header(&b)
	v.table(&b)
	b.WriteByte('\n')
	v.para(&b, v.st.Heading.Render("Margin against each weight")+" "+
		v.st.Muted.Render(fmt.Sprintf("(%s pro above 0, con below  %s current weight  %s flip)", v.gl.point, v.gl.current, v.gl.flip)))
	for _, c := range s.ByCategory {
		v.chart(&b, c)
	}
	v.arguments(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

type sensView struct {
	s    *score.Sensitivity
	opts SensitivityOptions
	st   Styles
	gl   sensGlyphs
}

// sensGlyphs are the characters of the sensitivity view.
type sensGlyphs struct {
	point, axis, tick, axisTick, side, current, flip, dash, arrow, ellipsis, minus, dot string
}

func newSensGlyphs(ascii bool) sensGlyphs {
	if ascii {
		return sensGlyphs{point: "*", axis: "-", tick: "+", axisTick: "+", side: "|", current: "|", flip: "x", dash: "-", arrow: "->", ellipsis: "...", minus: "-", dot: "|"}
	}
	return sensGlyphs{point: "•", axis: "─", tick: "┤", axisTick: "┼", side: "│", current: "│", flip: "×", dash: "–", arrow: "→", ellipsis: "…", minus: "−", dot: "·"}
}

func (v *sensView) verdictStyle(vd score.Verdict) lipgloss.Style {
	switch vd {
	case score.VerdictPro:
		return v.st.Pro
	case score.VerdictCon:
		return v.st.Con
	}
	return v.st.Muted.Bold(v.opts.Color)
}

func (v *sensView) header(b *strings.Builder) {
	s := v.s
	fmt.Fprintf(b, "%s  margin %s\n", v.verdictStyle(s.Verdict).Render(strings.ToUpper(string(s.Verdict))), report.Margin(s.Margin))
	var ws []string
	for _, c := range s.Categories {
		ws = append(ws, v.st.CategoryStyle(c).Render(safetext.Line(c))+" "+scoreNumber(s.Weights.Get(c)))
	}
	label := ""
	if l := safetext.Line(v.opts.Label); l != "" && l != "default" {
		label = " (" + l + ")"
	}
	v.para(b, v.st.Muted.Render(fmt.Sprintf("semantics %s %s weights ", s.Semantics, v.gl.dot))+strings.Join(ws, ", ")+v.st.Muted.Render(label))
	if !s.Converged {
		v.para(b, v.st.Warn.Render("some probes did not settle on a cycle: flips near them may be misplaced"))
	}
	b.WriteByte('\n')
	span := sensNum(s.From) + v.gl.dash + sensNum(s.To)
	c, ok := report.Critical(s)
	if !ok {
		v.para(b, v.st.Heading.Render(fmt.Sprintf("No single category weight in %s flips the verdict.", span)))
		return
	}
	v.para(b, fmt.Sprintf("%s %s: %s (%s %s %s) turns the verdict %s.",
		v.st.Heading.Render("Most critical:"),
		v.st.CategoryStyle(c.Category).Render(safetext.Line(c.Category)),
		c.ChangeWords(),
		sensNum(c.Weight), v.gl.arrow, sensNum(c.At),
		v.verdictStyle(c.To).Render(string(c.To))))
}

// para writes a line of prose (which may be styled), wrapped at spaces to the width.
func (v *sensView) para(b *strings.Builder, s string) {
	b.WriteString(lipgloss.Wrap(s, v.opts.Width, " "))
	b.WriteByte('\n')
}

// flipWords describes flips as seen from x, e.g. "con above 4.345, pro above 7" or "con below
// 0.1", keeping as many as fit in n columns, and always the first whole: a line too long for
// a narrow terminal is better than a flip without its number.
func (v *sensView) flipWords(flips []score.Flip, x float64, n int) string {
	var out strings.Builder
	used := 0
	for i, f := range flips {
		to := f.Beyond(x)
		where := "above"
		if f.At <= x {
			where = "below"
		}
		rest := " " + where + " " + sensNum(f.At)
		if math.Abs(f.At-x) <= score.FlipTolerance && f.From != f.To {
			// On the flip itself (a tie): both sides are a move away.
			to, rest = f.From, " below, "+string(f.To)+" above "+sensNum(f.At)
		}
		sep := ""
		if i > 0 {
			sep = ", "
		}
		w := len(sep) + len(to) + len(rest)
		if i < len(flips)-1 {
			w += len(", ") + lipgloss.Width(v.gl.ellipsis) // room to say more follow
		}
		if used+w > n && i > 0 {
			out.WriteString(", " + v.gl.ellipsis)
			break
		}
		out.WriteString(sep + v.verdictStyle(to).Render(string(to)) + rest)
		used += len(sep) + len(to) + len(rest)
	}
	return out.String()
}

// table is one row per category: weight, stable interval, flips, and the change to the nearest.
func (v *sensView) table(b *strings.Builder) {
	s := v.s
	b.WriteByte('\n')
	v.para(b, v.st.Heading.Render("Category weights")+" "+v.st.Muted.Render("(each moved alone, the others held)"))
	head := []string{"category", "weight", "stable", "change", "flips"}
	rows := make([][]string, len(s.ByCategory))
	for i, c := range s.ByCategory {
		stable := sensNum(c.Stable.From) + " " + v.gl.dash + " "
		if c.Stable.ToFlip {
			stable += sensNum(c.Stable.To)
		} else {
			stable += sensNum(c.Stable.To) + "+"
		}
		change := v.gl.dash
		if len(c.Flips) > 0 {
			change = sensSignedPercent(c.Nearest-c.Weight, c.Weight, v.gl.minus)
		}
		rows[i] = []string{safetext.Line(c.Category), sensNum(c.Weight), stable, change, ""}
	}
	widths := make([]int, len(head))
	for k, h := range head {
		widths[k] = lipgloss.Width(h)
		for _, r := range rows {
			if k < len(head)-1 {
				widths[k] = max(widths[k], lipgloss.Width(r[k]))
			}
		}
	}
	room := 2
	for _, w := range widths[:len(widths)-1] {
		room += w + 2
	}
	room = max(v.opts.Width-room, 12)
	line := func(cells []string, style func(k int, cell string) string) {
		var l strings.Builder
		l.WriteString("  ")
		for k, cell := range cells {
			l.WriteString(style(k, cell))
			if k < len(cells)-1 {
				l.WriteString(strings.Repeat(" ", widths[k]-lipgloss.Width(cell)+2))
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	line(head, func(_ int, cell string) string { return v.st.Muted.Render(cell) })
	for i, r := range rows {
		c := s.ByCategory[i]
		switch {
		case len(c.Flips) > 0:
			r[len(r)-1] = v.flipWords(c.Flips, c.Weight, room)
		case !c.HasArguments:
			r[len(r)-1] = "none (no arguments)"
		default:
			r[len(r)-1] = "none"
		}
		line(r, func(k int, cell string) string {
			if k == 0 {
				return v.st.CategoryStyle(c.Category).Render(cell)
			}
			return cell
		})
	}
}

// The chart is five rows: the rows above the axis hold positive margins (pro), the rows below
// negative ones (con), in proportion to the largest of each; a margin within the tie tolerance
// sits on the axis.
const chartRows = 5

// chart draws the margin of one category against its weight.
func (v *sensView) chart(b *strings.Builder, c score.CategorySensitivity) {
	gl := v.gl
	fmt.Fprintf(b, "%s %s\n", v.st.CategoryStyle(c.Category).Render(safetext.Line(c.Category)),
		v.st.Muted.Render(fmt.Sprintf("weight %s%s%s", sensNum(c.From), gl.dash, sensNum(c.To))))
	if len(c.Curve) < 2 || !(c.To > c.From) {
		fmt.Fprintf(b, "  %s\n", v.st.Muted.Render("(nothing to draw)"))
		return
	}
	ymax, ymin := 0.0, 0.0
	for _, p := range c.Curve {
		ymax, ymin = max(ymax, p.Margin), min(ymin, p.Margin)
	}
	pos, neg := 0, 0 // rows above and below the axis
	switch hasPos, hasNeg := ymax > score.Tolerance, ymin < -score.Tolerance; {
	case hasPos && hasNeg:
		pos = min(max(int(math.Round(float64(chartRows-1)*ymax/(ymax-ymin))), 1), chartRows-2)
		neg = chartRows - 1 - pos
	case hasPos:
		pos = chartRows - 1
	case hasNeg:
		neg = chartRows - 1
	default:
		pos, neg = (chartRows-1)/2, chartRows-1-(chartRows-1)/2
	}
	labels := make([]string, chartRows)
	if pos > 0 {
		labels[0] = scoreSigned(ymax)
	}
	labels[pos] = "0"
	if neg > 0 {
		labels[chartRows-1] = scoreSigned(ymin)
	}
	labW := 0
	for _, l := range labels {
		labW = max(labW, len(l))
	}
	plotW := max(v.opts.Width-2-labW-2, 16)

	grid := make([][]string, chartRows)
	for r := range grid {
		grid[r] = make([]string, plotW)
		for j := range grid[r] {
			grid[r][j] = " "
			if r == pos {
				grid[r][j] = v.st.Muted.Render(gl.axis)
			}
		}
	}
	col := func(x float64) int {
		return min(max(int(math.Round((x-c.From)/(c.To-c.From)*float64(plotW-1))), 0), plotW-1)
	}
	cur := col(c.Weight)
	for r := range grid {
		if r != pos {
			grid[r][cur] = v.st.Muted.Render(gl.current)
		}
	}
	for j := range plotW {
		y := curveAt(c.Curve, c.From+(c.To-c.From)*float64(j)/float64(plotW-1))
		r, st := pos, v.st.Muted
		switch {
		case y > score.Tolerance:
			r, st = pos-bandRow(y/ymax, pos), v.st.Pro
		case y < -score.Tolerance:
			r, st = pos+bandRow(y/ymin, neg), v.st.Con
		}
		grid[r][j] = st.Render(gl.point)
	}
	if grid[pos][cur] == v.st.Muted.Render(gl.axis) {
		grid[pos][cur] = v.st.Muted.Render(gl.current)
	}
	for _, f := range c.Flips {
		grid[pos][col(f.At)] = v.st.Warn.Render(gl.flip)
	}
	for r := range grid {
		side := gl.side
		switch {
		case r == pos:
			side = gl.axisTick
		case labels[r] != "":
			side = gl.tick
		}
		line := "  " + v.st.Muted.Render(fmt.Sprintf("%*s", labW, labels[r])+" "+side) + strings.Join(grid[r], "")
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	b.WriteString(v.st.Muted.Render(strings.Repeat(" ", 2+labW+2) + axisLabels(plotW, cur, sensNum(c.From), sensNum(c.Weight), sensNum(c.To))))
	b.WriteString("\n\n")
}

// bandRow is the row, counted from the axis (1 to n), of a margin that is the fraction f of
// the largest on its side.
func bandRow(f float64, n int) int {
	return min(max(int(math.Ceil(f*float64(n))), 1), n)
}

// curveAt interpolates the sampled margin at x.
func curveAt(pts []score.Point, x float64) float64 {
	k, _ := slices.BinarySearchFunc(pts, x, func(p score.Point, x float64) int { return cmp.Compare(p.X, x) })
	switch {
	case k <= 0:
		return pts[0].Margin
	case k >= len(pts):
		return pts[len(pts)-1].Margin
	}
	a, b := pts[k-1], pts[k]
	if b.X == a.X {
		return b.Margin
	}
	return a.Margin + (b.Margin-a.Margin)*(x-a.X)/(b.X-a.X)
}

// axisLabels writes the span's ends under the plot and the current weight under its column
// when it fits between them.
func axisLabels(w, cur int, from, at, to string) string {
	line := []byte(strings.Repeat(" ", w))
	copy(line, from)
	end := max(w-len(to), len(from)+1)
	line = append(line[:end], to...)
	start := cur - len(at)/2
	if start > len(from) && start+len(at) < end-1 {
		copy(line[start:], at)
	}
	return strings.TrimRight(string(line), " ")
}

// arguments lists the arguments whose strength alone can flip the verdict, nearest first.
func (v *sensView) arguments(b *strings.Builder) {
	var args []score.ArgumentSensitivity
	for _, a := range v.s.Arguments {
		if len(a.Flips) > 0 {
			args = append(args, a)
		}
	}
	if len(args) == 0 {
		v.para(b, v.st.Heading.Render("No single argument's strength flips the verdict."))
		return
	}
	v.para(b, v.st.Heading.Render(fmt.Sprintf("Arguments that can flip it alone: %d of %d", len(args), len(v.s.Arguments)))+" "+
		v.st.Muted.Render("(strength from 0 to 1, the others held)"))
	if v.opts.Top <= 0 {
		return
	}
	// Nearest first; changes equal to 1e-9 (rounding noise apart) keep corpus order.
	key := func(a score.ArgumentSensitivity) float64 { return math.Round(a.Change * 1e9) }
	slices.SortStableFunc(args, func(x, y score.ArgumentSensitivity) int { return cmp.Compare(key(x), key(y)) })
	more := max(len(args)-v.opts.Top, 0)
	args = args[:len(args)-more]
	idW := len("argument")
	for _, a := range args {
		idW = max(idW, lipgloss.Width(safetext.ID(a.ID)))
	}
	// "  id  side  strength  change  flips": the flips get at least 16 columns.
	const fixed = 2 + 2 + 4 + 2 + 8 + 2 + 6 + 2
	idW = min(idW, 28, max(v.opts.Width-fixed-16, 8))
	room := max(v.opts.Width-fixed-idW, 12)
	fmt.Fprintf(b, "  %s\n", v.st.Muted.Render(fmt.Sprintf("%-*s  %-4s  %8s  %6s  %s", idW, "argument", "side", "strength", "change", "flips")))
	for _, a := range args {
		id := safetext.ID(a.ID)
		if lipgloss.Width(id) > idW {
			id = truncate(id, idW, v.gl.ellipsis)
		}
		line := fmt.Sprintf("  %s%s  %s  %8s  %6s  %s",
			v.st.Muted.Render(id), strings.Repeat(" ", idW-lipgloss.Width(id)),
			v.sideStyle(a.Side).Render(fmt.Sprintf("%-4s", a.Side)),
			sensFixed(a.Strength), sensSigned(a.Nearest-a.Strength, v.gl.minus),
			v.flipWords(a.Flips, a.Strength, room))
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	if more > 0 {
		fmt.Fprintf(b, "%s\n", v.st.Muted.Render(fmt.Sprintf("  and %d more further from flipping it (--top %d lists them all)", more, v.opts.Top+more)))
	}
}

func (v *sensView) sideStyle(s argument.Side) lipgloss.Style {
	if s == argument.Con {
		return v.st.Con
	}
	return v.st.Pro
}

// sensNum writes a weight or flip point as every view and export does.
func sensNum(x float64) string { return report.FlipFigure(x) }

// sensFixed writes a strength to two places.
func sensFixed(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// sensSigned writes a change of strength with its sign: +0.25, −0.40.
func sensSigned(x float64, minus string) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', 2, 64)
	if x < 0 && s != "0.00" {
		return minus + s
	}
	return "+" + s
}

// sensPercent writes a relative change: 335%, 12.5%, 90%, 0.3%.
func sensPercent(r float64) string { return report.Percent(r) }

// sensSignedPercent writes the change from x to x+d relative to x with its sign; from 0, the
// absolute change.
func sensSignedPercent(d, x float64, minus string) string {
	sign := "+"
	if d < 0 {
		sign = minus
	}
	if x <= 0 {
		return sign + sensNum(math.Abs(d))
	}
	return sign + sensPercent(math.Abs(d)/x)
}
