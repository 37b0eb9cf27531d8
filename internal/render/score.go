package render

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// ScoreOptions say how to draw a scored debate.
type ScoreOptions struct {
	Options
	Styles Styles
	// Label says where the weights came from: a profile name, a --weights value, a file name,
	// or "default".
	Label string
	// Top is how many deciding arguments to list (0: none).
	Top int
	// Debate gives the arguments' titles and the thesis's claim.
	Debate *argument.Debate
}

// Score draws the verdict line, the arguments that decide it (largest contribution first) and
// the per-category breakdown.
func Score(w io.Writer, r *score.Result, opts ScoreOptions) error {
	v := scoreView{r: r, opts: opts, st: opts.Styles}
	if v.opts.Width <= 0 {
		v.opts.Width = 80
	}
	var b strings.Builder
	v.verdict(&b)
	v.deciders(&b)
	v.categories(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

type scoreView struct {
	r    *score.Result
	opts ScoreOptions
	st   Styles
}

func (v *scoreView) verdict(b *strings.Builder) {
	r := v.r
	var vs lipgloss.Style
	switch r.Verdict {
	case score.VerdictPro:
		vs = v.st.Pro
	case score.VerdictCon:
		vs = v.st.Con
	default:
		vs = v.st.Muted.Bold(v.opts.Color)
	}
	for _, sp := range report.NewVerdict("", "", r).Headline() {
		switch sp.Role {
		case report.Outcome:
			b.WriteString(vs.Render(sp.Text))
		case report.ThesisID:
			b.WriteString(v.st.Thesis.Render(safetext.Line(sp.Text)))
		case report.Name:
			b.WriteString(safetext.Line(sp.Text))
		default:
			b.WriteString(sp.Text)
		}
	}
	b.WriteByte('\n')
	var ws []string
	for _, c := range r.Categories {
		ws = append(ws, v.st.CategoryStyle(c).Render(safetext.Line(c))+" "+scoreNumber(r.Weights.Get(c)))
	}
	label := ""
	if l := safetext.Line(v.opts.Label); l != "" && l != "default" {
		label = " (" + l + ")"
	}
	fmt.Fprintf(b, "%s\n", v.st.Muted.Render(fmt.Sprintf("semantics %s %s weights ", r.Semantics, v.glyph("·", "-")))+strings.Join(ws, ", ")+v.st.Muted.Render(label))
	switch {
	case !r.Converged:
		fmt.Fprintf(b, "%s\n", v.st.Warn.Render(fmt.Sprintf(
			"cycles did not settle after %d iterations (last change %.2g): treat the verdict with care", r.Iterations, r.Residual)))
	case r.Iterations > 1:
		fmt.Fprintf(b, "%s\n", v.st.Muted.Render(fmt.Sprintf("cycles settled after %d iterations", r.Iterations)))
	}
}

// deciders lists the arguments that push the verdict most, those toward pro and those toward
// con apart, as report.NewDeciders picks them.
func (v *scoreView) deciders(b *strings.Builder) {
	if v.opts.Top <= 0 {
		return
	}
	d := report.NewDeciders(v.r)
	b.WriteByte('\n')
	if d.Empty() {
		fmt.Fprintf(b, "%s\n", v.st.Muted.Render("No argument moves the margin."))
		return
	}
	fmt.Fprintf(b, "%s %s\n", v.st.Heading.Render("What decides it"), v.st.Muted.Render("("+d.Gloss()+")"))
	sampled := d.Sampled()
	if sampled {
		fmt.Fprintf(b, "%s\n", v.st.Muted.Render("  "+d.SampleNote()+", "+v.glyph("±", "+/-")+" one standard error"))
	}
	pro, con, more := d.Top(v.opts.Top)
	idW, catW := 0, 0
	for _, a := range append(slices.Clip(pro), con...) {
		idW = max(idW, lipgloss.Width(safetext.ID(a.ID)))
		catW = max(catW, lipgloss.Width(safetext.Line(a.Category)))
	}
	idW = min(idW, 28)
	for k, list := range [][]score.ArgumentScore{pro, con} {
		head, st := "Toward pro", v.st.Pro
		if k == 1 {
			head, st = "Toward con", v.st.Con
		}
		if len(list) == 0 {
			fmt.Fprintf(b, "  %s %s\n", st.Render(head), v.st.Muted.Render("none"))
			continue
		}
		fmt.Fprintf(b, "  %s\n", st.Render(head))
		for _, a := range list {
			v.decider(b, a, d.Func, sampled, idW, catW)
		}
	}
	if more > 0 {
		all := max(len(d.Pro), len(d.Con))
		fmt.Fprintf(b, "%s\n", v.st.Muted.Render(fmt.Sprintf("  and %d more that move the margin less (--top %d lists them all)", more, all)))
	}
}

// decider writes one listed argument: "    +0.123  pro  category  id  title".
func (v *scoreView) decider(b *strings.Builder, a score.ArgumentScore, f score.ContributionFunc, sampled bool, idW, catW int) {
	id := v.truncate(safetext.ID(a.ID), idW)
	cat := safetext.Line(a.Category)
	value := scoreSigned(a.Value(f))
	if sampled {
		value += v.glyph(" ±", " +/-") + fmt.Sprintf("%.3f", a.ShapleySE)
	}
	line := "    " + v.sideStyle(a.Side).Render(value) +
		"  " + v.sideStyle(a.Side).Render(fmt.Sprintf("%-3s", a.Side)) +
		"  " + v.st.CategoryStyle(a.Category).Render(cat) + strings.Repeat(" ", catW-lipgloss.Width(cat)) +
		"  " + v.st.Muted.Render(id) + strings.Repeat(" ", idW-lipgloss.Width(id))
	if room := v.opts.Width - lipgloss.Width(line) - 2; room >= 8 {
		if t := v.title(a.ID); t != "" {
			line += "  " + v.st.Title.Render(v.truncate(t, room))
		}
	}
	b.WriteString(strings.TrimRight(line, " "))
	b.WriteByte('\n')
}

func (v *scoreView) title(id string) string {
	if v.opts.Debate == nil {
		return ""
	}
	if a := v.opts.Debate.Argument(id); a != nil {
		return safetext.Line(a.Title)
	}
	return ""
}

// truncate shortens plain text to n columns, marking the cut with an ellipsis.
func (v *scoreView) truncate(s string, n int) string {
	if v.opts.ASCII {
		return truncate(s, n, "...")
	}
	return truncate(s, n, "…")
}

func (v *scoreView) sideStyle(s argument.Side) lipgloss.Style {
	if s == argument.Con {
		return v.st.Con
	}
	return v.st.Pro
}

// glyph picks the Unicode or the ASCII form of a piece of text, as --ascii asks.
func (v *scoreView) glyph(unicode, ascii string) string {
	if v.opts.ASCII {
		return ascii
	}
	return unicode
}

// categories is the λ·strength breakdown by category and side.
func (v *scoreView) categories(b *strings.Builder) {
	r := v.r
	b.WriteByte('\n')
	fmt.Fprintf(b, "%s %s\n", v.st.Heading.Render("By category"), v.st.Muted.Render(v.glyph("(sum of λ·strength)", "(sum of weight x strength)")))
	catW := len("category")
	for _, c := range r.Categories {
		catW = max(catW, lipgloss.Width(safetext.Line(c)))
	}
	row := func(name string, st lipgloss.Style, t score.SideTotals) {
		fmt.Fprintf(b, "  %s%s  %7s  %7s  %7s\n", st.Render(name), strings.Repeat(" ", catW-lipgloss.Width(name)),
			scoreFixed(t.Pro), scoreFixed(t.Con), scoreSigned(t.Pro-t.Con))
	}
	fmt.Fprintf(b, "  %s\n", v.st.Muted.Render(fmt.Sprintf("%-*s  %7s  %7s  %7s", catW, "category", "pro", "con", "net")))
	for _, c := range r.Categories {
		row(safetext.Line(c), v.st.CategoryStyle(c), r.ByCategory[c])
	}
	row("total", v.st.Heading, r.Totals)
}

// CompareRow is one weighting under one semantics.
type CompareRow struct {
	Label  string // where the weights came from
	Result *score.Result
}

// CompareOptions say how to draw a comparison.
type CompareOptions struct {
	Options
	Styles Styles
	// Table draws a bordered table (a terminal); otherwise the rows are tab-separated with a
	// header line, for pipes and scripts.
	Table bool
}

// Compare draws the verdicts side by side: weights, semantics, thesis score, margin, verdict.
func Compare(w io.Writer, rows []CompareRow, opts CompareOptions) error {
	header := []string{"weights", "semantics", "thesis", "margin", "verdict"}
	cells := make([][]string, len(rows))
	for i, row := range rows {
		r := row.Result
		thesis := "-"
		if r.Thesis.HasScore {
			thesis = scoreFixed(r.Thesis.Score)
		}
		verdict := string(r.Verdict)
		if !r.Converged {
			verdict += " (not converged)"
		}
		cells[i] = []string{safetext.Line(row.Label), string(r.Semantics), thesis, report.Margin(r.Margin), verdict}
	}
	if !opts.Table {
		var b strings.Builder
		b.WriteString(strings.Join(header, "\t") + "\n")
		for _, c := range cells {
			for k := range c {
				c[k] = strings.ReplaceAll(c[k], "\t", " ")
			}
			b.WriteString(strings.Join(c, "\t") + "\n")
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	border := lipgloss.RoundedBorder()
	if opts.ASCII {
		border = lipgloss.ASCIIBorder()
	}
	st := opts.Styles
	t := table.New().Border(border).BorderStyle(st.Muted).Headers(header...).Rows(cells...).
		StyleFunc(func(row, col int) lipgloss.Style {
			base := lipgloss.NewStyle().Padding(0, 1)
			if col >= 2 && col <= 3 {
				base = base.Align(lipgloss.Right)
			}
			if row == table.HeaderRow {
				return base.Inherit(st.Heading)
			}
			if col == 4 && row >= 0 && row < len(rows) {
				switch rows[row].Result.Verdict {
				case score.VerdictPro:
					return base.Inherit(st.Pro)
				case score.VerdictCon:
					return base.Inherit(st.Con)
				}
			}
			return base
		})
	_, err := io.WriteString(w, t.Render()+"\n")
	return err
}

// scoreFixed writes a score to three places.
func scoreFixed(x float64) string { return report.Fixed(x) }

// scoreSigned writes a margin or contribution with its sign.
func scoreSigned(x float64) string { return report.Signed(x) }

// scoreNumber writes a weight as short as it goes: 1, 0.5, 2.25.
func scoreNumber(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "0"
	}
	return report.Weightf(x)
}
