package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
)

// WideWidth is the narrowest terminal that gets the tree and the detail side by side; below it
// the panes stack.
const WideWidth = 100

// layout is where the panes go at the current size.
type layout struct {
	wide                     bool
	barH                     int
	treeW, rightW            int
	treeH, weightsH, detailH int
}

func (m *Model) size() (w, h int) { return max(m.width, render.MinWidth), max(m.height, 12) }

func (m *Model) layout() layout {
	w, h := m.size()
	l := layout{barH: len(m.barLines(w)) + 1}
	body := h - l.barH - 1 // the help line
	l.weightsH = min(len(m.cats), max(body/4, 1))
	if w >= WideWidth {
		l.wide = true
		l.treeW = w * 3 / 5
		l.rightW = w - l.treeW - 3
		l.treeH = max(body-1, 1)
		l.detailH = max(body-1-l.weightsH-1, 1)
		return l
	}
	l.treeW, l.rightW = w, w
	rest := body - 1 - l.weightsH - 2
	l.treeH = max(rest*11/20, 1)
	l.detailH = max(rest-l.treeH, 1)
	return l
}

// View draws the whole screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "argmap explore"
	return v
}

// Render is the screen as text, one line per row.
func (m *Model) Render() string {
	w, _ := m.size()
	l := m.layout()
	var out []string
	out = append(out, m.barLines(w)...)
	out = append(out, m.messageLine(w))
	if m.help.ShowAll {
		out = append(out, m.fullHelp(w, l.treeH+l.weightsH+l.detailH+3)...)
	} else {
		tree := append([]string{m.heading("Arguments"+m.filterText(), m.focus == paneTree, l.treeW)}, m.treeLines(l.treeW, l.treeH)...)
		weights := append([]string{m.heading("Weights", m.focus == paneWeights, l.rightW)}, m.weightLines(l.rightW, l.weightsH)...)
		var detail []string
		if m.picking {
			detail = append([]string{m.heading("Pick a profile", true, l.rightW)}, m.pickLines(l.rightW, l.detailH)...)
		} else {
			detail = append([]string{m.heading("Selected", false, l.rightW)}, m.detailLines(l.rightW, l.detailH)...)
		}
		if l.wide {
			right := append(weights, detail...)
			sep := m.st.Branch.Render(m.vrule())
			for i := range max(len(tree), len(right)) {
				left, r := "", ""
				if i < len(tree) {
					left = tree[i]
				}
				if i < len(right) {
					r = right[i]
				}
				out = append(out, padTo(left, l.treeW)+" "+sep+" "+r)
			}
		} else {
			out = append(out, weights...)
			out = append(out, tree...)
			out = append(out, detail...)
		}
	}
	m.help.SetWidth(w)
	hl := m.help.ShortHelpView(m.keys.shortHelpFor(m.help, w))
	out = append(out, hl)
	for i, s := range out {
		out[i] = strings.TrimRight(ansi.Truncate(s, w, ""), " ")
	}
	return strings.Join(out, "\n")
}

func (m *Model) vrule() string {
	if m.opts.ASCII {
		return "|"
	}
	return "│"
}

func (m *Model) hrule() string {
	if m.opts.ASCII {
		return "-"
	}
	return "─"
}

func (m *Model) heading(title string, focused bool, w int) string {
	st := m.st.Muted
	if focused {
		st = m.st.Heading
	}
	t := " " + title + " "
	rest := max(w-lipgloss.Width(t)-2, 0)
	return m.st.Branch.Render(strings.Repeat(m.hrule(), 2)) + st.Render(t) + m.st.Branch.Render(strings.Repeat(m.hrule(), rest))
}

// barLines are the verdict bar: verdict, thesis against its base, margin, semantics, weights.
func (m *Model) barLines(w int) []string {
	r := m.res
	st := m.st
	vst := st.Heading
	switch r.Verdict {
	case "pro":
		vst = st.Pro
	case "con":
		vst = st.Con
	}
	parts := []string{st.Heading.Render("Verdict") + " " + vst.Render(strings.ToUpper(string(r.Verdict)))}
	if r.Thesis.HasScore {
		parts = append(parts, st.Muted.Render("thesis ")+st.Heading.Render(fixed3(r.Thesis.Score))+st.Muted.Render(" vs base "+fixed3(r.Thesis.Base)))
	} else {
		parts = append(parts, st.Muted.Render("pro ")+fixed3(r.Totals.Pro)+st.Muted.Render(" con ")+fixed3(r.Totals.Con))
	}
	parts = append(parts, st.Muted.Render("margin ")+st.Heading.Render(report.Margin(r.Margin)), st.Muted.Render("semantics ")+string(r.Semantics))
	for _, c := range m.cats {
		parts = append(parts, st.CategoryStyle(c).Render(clean(c))+" "+formatWeight(m.weights[c]))
	}
	if m.profile != "" {
		parts = append(parts, st.Muted.Render("(profile "+clean(m.profile)+")"))
	}
	lines := flow(parts, "  ", w)
	if len(lines) > 3 {
		lines = lines[:3]
	}
	return lines
}

func (m *Model) messageLine(w int) string {
	st := m.st
	switch {
	case m.searching:
		cursor := "▏"
		if m.opts.ASCII {
			cursor = "_"
		}
		return st.Heading.Render("/") + clean(m.search) + cursor + st.Muted.Render(fmt.Sprintf("  %s  enter keeps %s esc clears", m.matchCount(), m.gl.Dot))
	case m.focus == paneWeights && m.typed != "":
		return st.Muted.Render("weight of "+clean(m.cats[m.wsel])+": ") + st.Heading.Render(m.typed) + st.Muted.Render("  enter sets it "+m.gl.Dot+" esc cancels")
	case m.message != "" && m.flipped:
		mark := "⚑ "
		if m.opts.ASCII {
			mark = "! "
		}
		return st.Warn.Render(mark + m.message)
	case m.message != "":
		return st.Muted.Render(m.message)
	case m.focus == paneWeights:
		return st.Muted.Render(m.gl.Dot + " " + m.leftRight() + " moves " + clean(m.cats[m.wsel]) + " by " + formatWeight(Step) + ", digits type a weight, tab goes back to the tree")
	}
	return st.Muted.Render(m.gl.Dot + " tab, then " + m.leftRight() + ", moves a weight; ? shows every key")
}

func (m *Model) leftRight() string {
	if m.opts.ASCII {
		return "left/right"
	}
	return "←/→"
}

func (m *Model) matchCount() string {
	n := m.forest.t.Counts.Matched
	if n == 1 {
		return "1 match"
	}
	return fmt.Sprintf("%d matches", n)
}

func (m *Model) filterText() string {
	var parts []string
	if m.side > 0 {
		parts = append(parts, string(sides[m.side]))
	}
	if m.cat > 0 {
		parts = append(parts, clean(m.cats[m.cat-1]))
	}
	if m.search != "" {
		parts = append(parts, `"`+clean(m.search)+`"`)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ": " + m.matchCount() + ")"
}

// catWidth is the width of the category column.
func (m *Model) catWidth() int {
	cw := 0
	for _, c := range m.cats {
		cw = max(cw, lipgloss.Width(badge(c, m.gl)))
	}
	return cw
}

func (m *Model) treeLines(w, h int) []string {
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(0, min(m.offset, len(m.rows)-h))
	var out []string
	for i := m.offset; i < min(len(m.rows), m.offset+h); i++ {
		out = append(out, m.rowLine(m.rows[i], i == m.cursor, w))
	}
	if len(m.rows) == 1 && !m.filter().IsZero() {
		out = append(out, m.st.Warn.Render("  no argument matches the filter"))
	}
	return out
}

func (m *Model) rowLine(r row, selected bool, w int) string {
	st, gl := m.st, m.gl
	lead := "  "
	if selected {
		sel := "› "
		if m.opts.ASCII {
			sel = "> "
		}
		lead = st.Warn.Render(sel)
	}
	prefix := styled(st.Branch, r.prefix)
	used := 2 + lipgloss.Width(r.prefix)
	if r.Kind == report.RowMore {
		return lead + prefix + st.Muted.Render(fmt.Sprintf("%s %d more below: depth %d is as deep as the tree goes", gl.Ellipsis, r.Hidden, report.MaxDepth))
	}
	if r.Kind != report.RowFull {
		arrow := gl.See
		if r.Kind == report.RowRefBelow {
			arrow = gl.SeeBelow
		}
		msg := fmt.Sprintf("%s see %s", arrow, clean(m.g.ID(r.Node)))
		if r.Kind == report.RowCycle {
			msg += " (cycle)"
		}
		refSt := st.Dim
		if selected {
			refSt = st.Warn
		}
		return lead + prefix + m.relPrefix(r.Row) + refSt.Render(msg)
	}
	a := m.g.Argument(r.Node)
	if a == nil {
		head := st.Thesis.Render(gl.Thesis+" THESIS") + "  "
		tail := ""
		if m.res.Thesis.HasScore {
			tail = st.Muted.Render("score ") + st.Heading.Render(fixed3(m.res.Thesis.Score))
		}
		room := w - used - lipgloss.Width(head) - lipgloss.Width(tail) - 2
		title := truncate(prose(m.g.Debate.Thesis.Claim), max(room, 8), gl.Ellipsis)
		return lead + prefix + head + st.Title.Render(title) + spaces(w-used-lipgloss.Width(head)-lipgloss.Width(title)-lipgloss.Width(tail)) + tail
	}
	sideSt, catSt, titleSt := st.SideStyle(string(a.Side)), st.CategoryStyle(a.Category), st.Title
	if r.Context {
		sideSt, catSt, titleSt = st.Dim, st.Dim, st.Dim
	}
	if selected {
		// The marker shows the cursor without colour; with colour the title shows it too.
		titleSt = st.Warn
	}
	side := truncate(strings.ToUpper(clean(string(a.Side))), 3, "")
	fixed := m.relPrefix(r.Row) + padTo(sideSt.Render(side), 3) + " " + padTo(catSt.Render(badge(a.Category, gl)), m.catWidth()) + " "
	if r.Rel == "" {
		fixed = padTo(sideSt.Render(side), 3) + " " + padTo(catSt.Render(badge(a.Category, gl)), m.catWidth()) + " "
	}
	used += lipgloss.Width(fixed)
	as := m.res.Arguments[r.Node-1]
	tail := st.Heading.Render(fixed2(as.Score))
	if room := w - used - 18; room >= 10 {
		tail += " " + m.contribBar(m.contribution(as)) + " " + m.contribText(m.contribution(as))
	}
	titleText := clean(a.Title)
	if r.Context {
		// Dim says it in colour; the words say it without.
		titleText = "(context) " + titleText
	}
	if m.folded[r.Node] && len(r.Children) > 0 {
		titleText = fmt.Sprintf("(%d folded) ", len(r.Children)) + titleText
	}
	if m.forest.loose[r.Row] {
		titleText += " (not connected)"
	}
	room := w - used - lipgloss.Width(tail) - 1
	title := truncate(titleText, max(room, 4), gl.Ellipsis)
	return lead + prefix + fixed + titleSt.Render(title) + spaces(w-used-lipgloss.Width(title)-lipgloss.Width(tail)) + tail
}

func (m *Model) contribText(c float64) string {
	s := signed(c)
	switch {
	case c > 0 && s != "+0.000":
		return m.st.Good.Render(s)
	case c < 0 && s != "+0.000":
		return m.st.Bad.Render(s)
	}
	return m.st.Muted.Render(s)
}

// contribBar draws a contribution against the largest one, toward pro in green, toward con in
// red, in half cells.
func (m *Model) contribBar(c float64) string {
	const cells = 5
	v := 0.0
	if m.maxAbs > 0 {
		v = math.Abs(c) / m.maxAbs
	}
	filled, empty := render.BarParts(v, cells, m.gl)
	st := m.st.Good
	if c < 0 {
		st = m.st.Bad
	}
	return styled(st, filled) + styled(m.st.Track, empty)
}

func (m *Model) relPrefix(r *report.Row) string { return render.RelPrefix(r, m.st, m.gl) }

func (m *Model) weightLines(w, h int) []string {
	nameW := 0
	for _, c := range m.cats {
		nameW = max(nameW, lipgloss.Width(badge(c, m.gl)))
	}
	scale := 4.0
	for _, c := range m.cats {
		scale = max(scale, m.weights[c])
	}
	cells := max(min(w-nameW-14, 24), 4)
	first := max(0, min(m.wsel-h/2, len(m.cats)-h))
	var out []string
	for i := first; i < min(len(m.cats), first+h); i++ {
		c := m.cats[i]
		lead := "  "
		if m.focus == paneWeights && i == m.wsel {
			lead = m.st.Warn.Render("› ")
			if m.opts.ASCII {
				lead = m.st.Warn.Render("> ")
			}
		}
		filled, empty := render.BarParts(m.weights[c]/scale, cells, m.gl)
		val := formatWeight(m.weights[c])
		if m.focus == paneWeights && i == m.wsel && m.typed != "" {
			val = m.typed + "_"
		}
		out = append(out, lead+padTo(m.st.CategoryStyle(c).Render(badge(c, m.gl)), nameW)+"  "+
			styled(m.st.Bar, filled)+styled(m.st.Track, empty)+"  "+m.st.Heading.Render(val))
	}
	return out
}

func (m *Model) pickLines(w, h int) []string {
	var out []string
	at := 0 // the line of the picked profile
	for i, p := range m.g.Debate.Profiles {
		lead := "  "
		if i == m.pick {
			at = len(out)
			lead = m.st.Warn.Render("› ")
			if m.opts.ASCII {
				lead = m.st.Warn.Render("> ")
			}
		}
		out = append(out, lead+m.st.Title.Render(clean(p.Name))+"  "+m.st.Muted.Render(m.profileWeights(p)))
		if p.Description != "" {
			for _, l := range wrap(prose(p.Description), w-4) {
				out = append(out, "    "+m.st.Muted.Render(l))
			}
		}
	}
	out = append(out, m.st.Muted.Render("  enter applies "+m.gl.Dot+" esc cancels"))
	return window(out, max(0, at-h+3), h)
}

// detailLines are everything about the selected node, scrolled by m.detail.
func (m *Model) detailLines(w, h int) []string {
	x := m.selected()
	st, gl := m.st, m.gl
	var out []string
	para := func(heading, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		out = append(out, st.Heading.Render(heading))
		for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
			for _, l := range wrap(prose(p), w-2) {
				out = append(out, "  "+l)
			}
		}
	}
	a := m.g.Argument(x)
	if a == nil {
		d := m.g.Debate
		out = append(out, st.Thesis.Render(gl.Thesis+" THESIS")+"  "+st.Muted.Render(clean(d.Thesis.ID)))
		line := st.Muted.Render("base ") + fixed3(d.Thesis.Base)
		if m.res.Thesis.HasScore {
			line += st.Muted.Render("  score ") + st.Heading.Render(fixed3(m.res.Thesis.Score))
		}
		out = append(out, line+st.Muted.Render("  margin ")+st.Heading.Render(report.Margin(m.res.Margin)))
		para("Claim", d.Thesis.Claim)
		para("Question", d.Question)
	} else {
		as := m.res.Arguments[x-1]
		out = append(out, st.Muted.Render(clean(a.ID)))
		for _, l := range wrap(prose(a.Title), w) {
			out = append(out, st.Title.Render(l))
		}
		side := st.SideStyle(string(a.Side))
		filled, empty := render.BarParts(a.Strength, 10, gl)
		out = append(out, side.Render(strings.ToUpper(clean(string(a.Side))))+"  "+st.CategoryStyle(a.Category).Render(clean(a.Category))+"  "+
			styled(st.Bar, filled)+styled(st.Track, empty)+" "+st.Muted.Render("base ")+fixed2(a.Strength))
		out = append(out, flow([]string{st.Muted.Render("score ") + st.Heading.Render(fixed3(as.Score)),
			st.Muted.Render("contribution to the margin ") + m.contribText(m.contribution(as)) + " " + m.contribBar(m.contribution(as))}, "  ", w)...)
		if !as.Connected {
			out = append(out, st.Warn.Render("no path of supports or attacks to the thesis"))
		}
		para("Claim", a.Claim)
		para("Reasoning", a.Reasoning)
		m.passages(&out, "Quotes", a.Quotes, true, w)
		m.passages(&out, "Evidence", a.Evidence, false, w)
	}
	// A thesis may have thousands of arguments: list only what the pane can reach.
	m.relations(&out, x, w, m.detail+h+1)
	return window(out, m.detailOffset(len(out), h), h)
}

func (m *Model) detailOffset(n, h int) int {
	m.detail = max(0, min(m.detail, n-h))
	return m.detail
}

func (m *Model) passages(out *[]string, heading string, ps []argument.Passage, quoted bool, w int) {
	if len(ps) == 0 {
		return
	}
	*out = append(*out, m.st.Heading.Render(heading))
	for _, p := range ps {
		text := prose(p.Text)
		st := m.st.Quote
		if quoted {
			text = m.gl.OpenQuote + text + m.gl.CloseQuote
		}
		for _, l := range wrap(text, w-2) {
			*out = append(*out, "  "+styled(st, l))
		}
		for _, l := range wrap(m.gl.Dash+" "+m.source(p.Source), w-4) {
			*out = append(*out, "    "+m.st.Muted.Render(l))
		}
	}
}

func (m *Model) source(id string) string { return render.SourceName(m.g.Debate, id) }

// relations lists what the node supports and attacks (g goes there), and what bears on it.
func (m *Model) relations(out *[]string, x, w, limit int) {
	ts := m.targets()
	next := -1
	if len(ts) > 0 {
		next = ts[m.jump%len(ts)]
	}
	for _, rel := range []struct {
		label string
		out   bool
		t     argument.RelationType
	}{
		{"Supports", true, argument.Support}, {"Attacks", true, argument.Attack},
		{"Supported by", false, argument.Support}, {"Attacked by", false, argument.Attack},
	} {
		edges := m.g.In(x)
		if rel.out {
			edges = m.g.Out(x)
		}
		var lines []string
		more := 0
		for _, e := range edges {
			if e.Type != rel.t {
				continue
			}
			if len(*out)+len(lines)+1 >= limit {
				more++
				continue
			}
			name := clean(m.g.ID(e.Node))
			if a := m.g.Argument(e.Node); a != nil {
				name += "  " + m.st.Muted.Render(clean(a.Title))
			} else {
				name = m.st.Thesis.Render(m.gl.Thesis) + " " + name
			}
			lead := "  "
			if rel.out && e.Node == next {
				lead = m.st.Warn.Render("g ")
			}
			lines = append(lines, ansi.Truncate(lead+name, w, m.gl.Ellipsis))
		}
		if len(lines) == 0 && more == 0 {
			continue
		}
		*out = append(*out, m.st.Heading.Render(rel.label))
		*out = append(*out, lines...)
		if more > 0 {
			*out = append(*out, m.st.Muted.Render(fmt.Sprintf("  %s %d more", m.gl.Ellipsis, more)))
		}
	}
}

func (m *Model) fullHelp(w, h int) []string {
	m.help.SetWidth(w)
	groups := m.keys.FullHelp()
	full := m.help.FullHelpView(groups)
	if w < WideWidth {
		// Narrow: one column of keys under another, so that none is cut.
		var rows []string
		cur := ""
		for _, g := range groups {
			b := m.help.FullHelpView([][]key.Binding{g})
			switch {
			case cur == "":
				cur = b
			case lipgloss.Width(cur)+4+lipgloss.Width(b) <= w:
				cur = lipgloss.JoinHorizontal(lipgloss.Top, cur, "    ", b)
			default:
				rows = append(rows, cur)
				cur = b
			}
		}
		full = strings.Join(append(rows, cur), "\n\n")
	}
	out := []string{m.heading("Keys", true, w)}
	out = append(out, strings.Split(full, "\n")...)
	out = append(out, "")
	for _, p := range []string{
		"tab moves between the tree and the weights; on a slider, left and right move its weight by " + formatWeight(Step) + " and digits type one (enter sets it).",
		"Every change re-scores the whole debate; when the verdict flips, the bar says which change did it.",
		"f, c and / narrow the tree only: the scores are always those of the whole debate, as argmap score gives them.",
		"q prints the argmap score command that reproduces the weights and semantics. Any key closes this help.",
	} {
		for _, l := range wrap(p, w-2) {
			out = append(out, "  "+m.st.Muted.Render(l))
		}
	}
	return window(out, 0, h)
}

// Text helpers. Every corpus string goes through clean or prose before it is drawn.

func clean(s string) string { return safetext.Line(s) }

func prose(s string) string {
	return clean(strings.Join(strings.Fields(s), " "))
}

func wrap(s string, w int) []string {
	if s == "" {
		return nil
	}
	return strings.Split(lipgloss.Wrap(s, max(w, 8), " "), "\n")
}

func truncate(s string, n int, ellipsis string) string {
	if lipgloss.Width(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, ellipsis)
}

const maxBadge = 12

func badge(c string, g render.Glyphs) string { return truncate(clean(c), maxBadge, g.Ellipsis) }

func padTo(s string, n int) string { return s + strings.Repeat(" ", max(n-lipgloss.Width(s), 0)) }

func spaces(n int) string { return strings.Repeat(" ", max(n, 1)) }

func styled(st lipgloss.Style, s string) string {
	if s == "" {
		return ""
	}
	return st.Render(s)
}

func window(lines []string, from, h int) []string {
	from = max(0, min(from, len(lines)))
	return lines[from:min(len(lines), from+h)]
}

func flow(parts []string, sep string, w int) []string {
	var lines []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = p
		case lipgloss.Width(cur)+len(sep)+lipgloss.Width(p) <= w:
			cur += sep + p
		default:
			lines = append(lines, cur)
			cur = p
		}
	}
	return append(lines, cur)
}

func fixed2(x float64) string { return fmt.Sprintf("%.2f", zero(x)) }
func fixed3(x float64) string { return report.Fixed(x) }
func signed(x float64) string { return report.Signed(x) }

// zero folds values that print as −0.000 to 0, as score's text view does.
func zero(x float64) float64 {
	if math.Abs(x) < 5e-4 {
		return 0
	}
	return x
}
