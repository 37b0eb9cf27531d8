package render

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/tree"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
)

// MaxDepth is the deepest level Show draws below its root (see report.MaxDepth).
const MaxDepth = report.MaxDepth

// ShowOptions configure the argument tree.
type ShowOptions struct {
	Options
	Root   string          // id of the node to draw from; "" (or the thesis id) is the thesis
	Depth  int             // levels below the root to draw; 0 draws every level up to MaxDepth
	Wide   bool            // add each argument's claim
	Quotes bool            // add each argument's quotes
	Filter argument.Filter // arguments to show; the ancestors of a match stay, dimmed

	// Scores, when not nil, are shown beside each node's strength, by node id (the thesis's
	// too); ScoreLabel names them in the legend (e.g. "score, even profile"). Verdict, when
	// set, closes the view. All three are optional, for argmap show --weights and friends.
	Scores     map[string]float64
	ScoreLabel string
	Verdict    string
	// Contributions, when not nil, are each argument's share of the margin by id, shown after
	// its score; ContributionLabel names them in the legend (e.g. "Shapley value").
	Contributions     map[string]float64
	ContributionLabel string
}

// UnknownNodeError is a Root that names no node of the graph.
type UnknownNodeError = report.UnknownNodeError

// showView holds the state of one Show call: the tree from report and how it is laid out.
type showView struct {
	g     *argument.Graph
	opts  ShowOptions
	st    Styles
	gl    Glyphs
	width int
	t     *report.Tree

	catWidth int
	tailCol  int
	idColumn bool // ids in a column of their own, after the bars
}

// Show draws the argument tree: the thesis (or opts.Root) on top, each argument under what it
// supports or attacks. An argument reached by a second path is drawn in full once and then as
// a reference; arguments with no path to the thesis follow under "Not connected"; a legend and
// counts close the view.
func Show(w io.Writer, g *argument.Graph, opts ShowOptions) error {
	t, err := report.BuildTree(g, report.TreeOptions{Root: opts.Root, Depth: opts.Depth, Filter: opts.Filter, Scores: opts.Scores})
	if err != nil {
		return err
	}
	return ShowTree(w, g, t, opts)
}

// ShowTree draws a tree built by report.BuildTree; opts supply the layout and the score
// legend and verdict (their Root, Depth, Filter and Scores were the tree's to use).
func ShowTree(w io.Writer, g *argument.Graph, t *report.Tree, opts ShowOptions) error {
	v := &showView{g: g, opts: opts, width: opts.width(), gl: NewGlyphs(opts.ASCII), t: t}
	v.st = NewStyles(opts.Color, g.Debate.Categories)
	v.layout(append([]*report.Row{t.Root}, t.Unconnected...))

	var out output
	if t.FromThesis {
		v.header(&out)
	}
	// The tree goes out one top-level branch at a time, so that argmap show | head prints at
	// once and stops at once, however large the debate: nothing after the layout can fail.
	if err := v.stream(&out, w, t.Root); err != nil {
		return err
	}
	if len(t.Unconnected) > 0 {
		out.blank()
		heading := v.st.Heading.Render(fmt.Sprintf("Not connected (%d)", t.UnconnectedCount))
		const why = "no path of supports or attacks to the thesis"
		if width(heading)+2+len(why) <= v.width {
			out.line(heading, "  ", v.st.Muted.Render(why))
		} else {
			out.line(heading)
			for _, l := range v.wrapStyled(why, v.width, v.st.Muted) {
				out.line(l)
			}
		}
		for _, it := range t.Unconnected {
			out.block(v.draw(it))
		}
	}
	out.blank()
	v.footer(&out)
	return out.writeTo(w)
}

// layout picks the columns. When the width allows, titles, bars and ids each line up in
// their own column; otherwise the bars line up at the right edge and each id follows its
// title, wrapping with it.
func (v *showView) layout(roots []*report.Row) {
	for _, c := range v.g.Debate.Categories {
		v.catWidth = max(v.catWidth, width(badge(c, v.gl)))
	}
	for _, a := range v.g.Arguments() {
		v.catWidth = max(v.catWidth, width(badge(a.Category, v.gl)))
	}
	titleEnd, idW, inline := 0, 0, 0
	var walk func(it *report.Row)
	walk = func(it *report.Row) {
		if a := it.Argument; it.Kind == report.RowFull && a != nil {
			end := v.indent(it.Depth) + v.fixedWidth() + width(clean(a.Title))
			titleEnd = max(titleEnd, end)
			idW = max(idW, width(v.idText(it, a)))
			inline = max(inline, end+2+width(v.idText(it, a)))
		}
		for _, k := range it.Children {
			walk(k)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	if titleEnd+2+v.tailWidth()+2+idW <= v.width {
		v.idColumn = true
		v.tailCol = titleEnd + 2
		return
	}
	v.tailCol = min(inline+2, v.width-v.tailWidth())
}

func (v *showView) idText(it *report.Row, a *argument.Argument) string {
	if it.Context {
		return cleanID(a.ID) + " (context)"
	}
	return cleanID(a.ID)
}

// indent is the width of the tree connectors before an item at depth.
func (v *showView) indent(depth int) int { return 4 * depth }

// fixedWidth is the width of "+ PRO  category  " before a title.
func (v *showView) fixedWidth() int { return 2 + 3 + 2 + v.catWidth + 2 }

// tailWidth is the width of the strength bar and number, and the score when there is one.
func (v *showView) tailWidth() int {
	w := barCells(v.opts.Options) + 1 + 4
	if v.t.Scored {
		w += 2 + 5
	}
	if v.opts.Contributions != nil {
		w += 2 + 6
	}
	return w
}

// stream writes out what holds so far, then root and each branch below it as draw would
// draw them, writing each as soon as it is drawn.
func (v *showView) stream(out *output, w io.Writer, root *report.Row) error {
	out.block(v.text(root))
	for k, child := range root.Children {
		if err := out.flush(w); err != nil {
			return err
		}
		last := k == len(root.Children)-1
		wrapper := tree.Root("")
		if len(child.Children) > 0 {
			wrapper.Child(v.styleTree(v.tree(child)))
		} else {
			wrapper.Child(v.text(child))
		}
		wrapper.Enumerator(func(tree.Children, int) string {
			if last {
				return v.gl.LastBranch
			}
			return v.gl.Branch
		}).Indenter(func(tree.Children, int) string {
			if last {
				return v.gl.Gap
			}
			return v.gl.Pipe
		}).EnumeratorStyle(v.st.Branch).IndenterStyle(v.st.Branch)
		out.block(wrapper.String())
	}
	return out.flush(w)
}

// draw renders an item and everything below it with lipgloss/tree.
func (v *showView) draw(root *report.Row) string {
	return v.styleTree(v.tree(root)).String()
}

// styleTree gives a tree show's connectors.
func (v *showView) styleTree(t *tree.Tree) *tree.Tree {
	return t.Enumerator(func(ch tree.Children, i int) string {
		if i == ch.Length()-1 {
			return v.gl.LastBranch
		}
		return v.gl.Branch
	}).Indenter(func(ch tree.Children, i int) string {
		if i == ch.Length()-1 {
			return v.gl.Gap
		}
		return v.gl.Pipe
	}).EnumeratorStyle(v.st.Branch).IndenterStyle(v.st.Branch)
}

func (v *showView) tree(it *report.Row) *tree.Tree {
	t := tree.Root(v.text(it))
	for _, k := range it.Children {
		if len(k.Children) == 0 {
			t.Child(v.text(k))
		} else {
			t.Child(v.tree(k))
		}
	}
	return t
}

// text is the block an item shows, laid out for its depth.
func (v *showView) text(it *report.Row) string {
	a := it.Argument
	switch it.Kind {
	case report.RowMore:
		// One line, never wrapped: at the depth cap the indent alone may be wider than the
		// terminal, and the id to go on from must stay whole.
		msg := fmt.Sprintf("%s %d more below", v.gl.Ellipsis, it.Hidden)
		if it.Capped {
			msg += fmt.Sprintf(" depth %d: run argmap show %s to go on", MaxDepth, cleanID(it.ID))
		} else {
			msg += " (raise --depth to see them)"
		}
		return v.st.Muted.Render(msg)
	case report.RowRef, report.RowRefBelow, report.RowCycle:
		arrow := v.gl.See
		if it.Kind == report.RowRefBelow {
			arrow = v.gl.SeeBelow
		}
		msg := fmt.Sprintf("%s see %s", arrow, cleanID(it.ID))
		if it.Kind == report.RowCycle {
			msg += " (cycle)"
		}
		return v.relPrefix(it) + v.st.Dim.Render(msg)
	}
	if a == nil {
		return v.thesisText(it)
	}
	return v.argumentText(it, a)
}

func (v *showView) relPrefix(it *report.Row) string { return RelPrefix(it, v.st, v.gl) }

// RelPrefix is the two columns before a child row, in show and the explorer: how it bears on
// its parent, then the inferred mark or a space, so that an inferred relation shows in plain
// text too.
func RelPrefix(r *report.Row, st Styles, gl Glyphs) string {
	mark := " "
	switch r.Rel {
	case argument.Support:
		mark = st.Rel.Render(gl.Support)
	case argument.Attack:
		mark = st.Rel.Render(gl.Attack)
	}
	if r.Edge.Inferred() {
		return mark + st.Rel.Render(gl.Inferred)
	}
	return mark + " "
}

// wrapStyled wraps plain text to w columns and styles each line.
func (v *showView) wrapStyled(s string, w int, st lipgloss.Style) []string {
	lines := wrap(s, w)
	for i, l := range lines {
		lines[i] = styled(st, l)
	}
	return lines
}

func (v *showView) thesisText(it *report.Row) string {
	d := v.g.Debate
	lead := v.gl.Thesis + " THESIS  "
	claim := prose(d.Thesis.Claim)
	id := cleanID(d.Thesis.ID)
	avail := v.width - width(lead)
	lines := wrapAtMost(claim, avail, maxBlockLines, v.more(d.Thesis.ID), v.gl.Ellipsis)
	if len(lines) == 0 {
		lines = []string{""}
	}
	var out []string
	for i, l := range lines {
		prefix := strings.Repeat(" ", width(lead))
		if i == 0 {
			prefix = v.st.Thesis.Render(lead[:len(lead)-2]) + "  "
		}
		out = append(out, prefix+styled(v.st.Title, l))
	}
	var tail []string // the id, and the score when there is one
	for _, l := range wrap(id, avail) {
		tail = append(tail, v.st.Muted.Render(l))
	}
	if score, ok := v.score(it); ok {
		tail[len(tail)-1] += "  " + v.st.Muted.Render("score") + " " + v.st.Heading.Render(strings.TrimSpace(score))
	}
	gap := strings.Repeat(" ", width(lead))
	if len(tail) == 1 && width(lines[len(lines)-1])+2+width(tail[0]) <= avail {
		out[len(out)-1] += "  " + tail[0]
	} else {
		for _, l := range tail {
			out = append(out, gap+l)
		}
	}
	return strings.Join(out, "\n")
}

func (v *showView) score(it *report.Row) (string, bool) {
	if !v.t.Scored {
		return "", false
	}
	if !it.Scored {
		return "    -", true
	}
	return fmt.Sprintf("%5s", number(it.Score)), true
}

func (v *showView) argumentText(it *report.Row, a *argument.Argument) string {
	st := v.st
	sideSt, catSt, titleSt, idSt := st.SideStyle(string(a.Side)), st.CategoryStyle(a.Category), st.Title, st.Muted
	if it.Context {
		sideSt, catSt, titleSt, idSt = st.Dim, st.Dim, st.Dim, st.Dim
	}
	side := strings.ToUpper(clean(string(a.Side)))
	if len(side) > 3 {
		side = truncate(side, 3, "")
	}
	fixed := pad(sideSt.Render(side), 3) + "  " + pad(catSt.Render(badge(a.Category, v.gl)), v.catWidth) + "  "
	fw := v.fixedWidth()
	if it.Rel != "" {
		fixed = v.relPrefix(it) + fixed
	} else {
		fw -= 2 // a root bears on nothing above it
	}
	ind := v.indent(it.Depth)
	headW := v.tailCol - ind - fw - 2
	// Too narrow (or too deep) for the bar beside the title: stack it under the title. With an
	// id column every title fits before the bar by construction, however short the titles are.
	stacked := !v.idColumn && headW < 16
	if stacked {
		headW = max(v.width-ind-fw, 16)
	}

	id := v.idText(it, a)
	lines := wrapAtMost(clean(a.Title), headW, maxBlockLines, v.more(a.ID), v.gl.Ellipsis)
	if len(lines) == 0 {
		lines = []string{""}
	}
	styledLines := make([]string, len(lines))
	for i, l := range lines {
		styledLines[i] = styled(titleSt, l)
	}
	switch last := lines[len(lines)-1]; {
	case v.idColumn, stacked:
	case last == "" || width(last)+2+width(id) <= headW:
		sep := "  "
		if last == "" {
			sep = ""
		}
		styledLines[len(lines)-1] += sep + idSt.Render(id)
	default:
		for _, l := range wrap(id, headW) {
			styledLines = append(styledLines, idSt.Render(l))
		}
	}

	filled, empty := BarParts(a.Strength, barCells(v.opts.Options), v.gl)
	tail := styled(sideSt.UnsetBold(), filled) + styled(st.Track, empty) + " " + styled(sideSt.UnsetBold(), number(a.Strength))
	if it.Context {
		tail = st.Dim.Render(filled + empty + " " + number(a.Strength))
	}
	if score, ok := v.score(it); ok {
		tail += "  " + st.Heading.Render(score)
	}
	if v.opts.Contributions != nil {
		c := v.opts.Contributions[a.ID]
		cs := st.Pro.UnsetBold()
		if c < 0 {
			cs = st.Con.UnsetBold()
		}
		tail += "  " + cs.Render(fmt.Sprintf("%6s", report.Signed(c)))
	}
	if v.idColumn {
		tail += "  " + idSt.Render(id)
	}

	gap := strings.Repeat(" ", fw)
	var out []string
	for i, l := range styledLines {
		switch {
		case i > 0:
			out = append(out, gap+l)
		case stacked:
			out = append(out, fixed+l)
		default:
			out = append(out, pad(fixed+l, max(v.tailCol-ind, width(fixed+l)+2))+tail)
		}
	}
	if stacked {
		if width(tail)+2+width(id) <= headW {
			out = append(out, gap+tail+"  "+idSt.Render(id))
		} else {
			out = append(out, gap+tail)
			for _, l := range wrap(id, headW) {
				out = append(out, gap+idSt.Render(l))
			}
		}
	}
	bodyW := v.width - ind - fw
	if v.opts.Wide && a.Claim != "" {
		for _, l := range wrapAtMost(prose(a.Claim), bodyW, maxBlockLines, v.more(a.ID), v.gl.Ellipsis) {
			out = append(out, gap+l)
		}
	}
	if v.opts.Quotes {
		for _, q := range a.Quotes {
			text := v.gl.OpenQuote + prose(q.Text) + v.gl.CloseQuote
			src := v.gl.Dash + " " + clean(q.Source)
			for i, l := range wrapAtMost(text, bodyW-1, maxBlockLines, v.more(a.ID), v.gl.Ellipsis) {
				lead := " "
				if i == 0 {
					lead = ""
				}
				out = append(out, gap+lead+styled(st.Quote, l))
			}
			out = append(out, gap+"  "+st.Muted.Render(src))
		}
	}
	if (v.opts.Wide && a.Claim != "") || (v.opts.Quotes && len(a.Quotes) > 0) {
		out = append(out, "") // air between the blocks of text
	}
	return strings.Join(out, "\n")
}

// more says how many lines of a long text a tree node leaves out, and where to read it whole.
func (v *showView) more(id string) func(int) string {
	return func(k int) string {
		return fmt.Sprintf("%s %d more lines: argmap get %s", v.gl.Ellipsis, k, clean(id))
	}
}

// header prints the debate's title and question.
func (v *showView) header(out *output) {
	d := v.g.Debate
	if d.Title != "" {
		for _, l := range v.wrapStyled(prose(d.Title), v.width, v.st.Heading) {
			out.line(l)
		}
	}
	if d.Question != "" {
		for _, l := range v.wrapStyled(prose(d.Question), v.width, lipgloss.NewStyle()) {
			out.line(l)
		}
	}
	if d.Title != "" || d.Question != "" {
		out.blank()
	}
}

// footer prints the counts, the legend, and the verdict when there is one.
func (v *showView) footer(out *output) {
	st, gl, t := v.st, v.gl, v.t
	matched, total, context := t.Counts.Matched, t.Counts.Total, t.Counts.Context

	var counts []string
	noun := "arguments"
	if matched == 1 {
		noun = "argument"
	}
	switch {
	case t.Filtered:
		verb := "match"
		if matched == 1 {
			verb = "matches"
		}
		counts = append(counts, st.Heading.Render(fmt.Sprintf("%d of %d arguments %s", matched, total, verb)))
	case !t.FromThesis:
		counts = append(counts, st.Heading.Render(fmt.Sprintf("%d %s under %s", matched, noun, cleanID(t.Root.ID))))
	default:
		counts = append(counts, st.Heading.Render(fmt.Sprintf("%d %s", matched, noun)))
	}
	counts = append(counts, st.Pro.Render(fmt.Sprintf("%d pro", t.Counts.Pro)), st.Con.Render(fmt.Sprintf("%d con", t.Counts.Con)))
	for _, c := range t.Counts.PerCategory {
		counts = append(counts, st.CategoryStyle(c.Category).Render(badge(c.Category, gl))+" "+fmt.Sprint(c.N))
	}
	for _, l := range v.flow(counts, "  ") {
		out.line(l)
	}

	legend := []string{
		st.Rel.Render(gl.Support) + st.Muted.Render(" supports"),
		st.Rel.Render(gl.Attack) + st.Muted.Render(" attacks the argument above"),
	}
	if t.AnyInferred {
		legend = append(legend, st.Rel.Render(gl.Inferred)+st.Muted.Render(" inferred by the curators, not stated by the source"))
	}
	switch {
	case (t.AnyRef || t.AnyCycle) && t.AnyRefBelow:
		legend = append(legend, st.Muted.Render(gl.See+gl.SeeBelow+" shown in full above or below"))
	case t.AnyRef || t.AnyCycle:
		legend = append(legend, st.Muted.Render(gl.See+" shown in full above"))
	case t.AnyRefBelow:
		legend = append(legend, st.Muted.Render(gl.SeeBelow+" shown in full below"))
	}
	legend = append(legend, st.Track.Render(strings.Repeat(gl.Full, 2))+st.Muted.Render(" strength 0"+map[bool]string{true: "-", false: "–"}[v.opts.ASCII]+"1"))
	if t.Scored {
		label := "score"
		if v.opts.ScoreLabel != "" {
			label = prose(v.opts.ScoreLabel)
		}
		legend = append(legend, st.Heading.Render("0.00")+st.Muted.Render(" "+label))
	}
	if v.opts.Contributions != nil {
		legend = append(legend, st.Pro.Render("+0.000")+st.Muted.Render(" "+prose(v.opts.ContributionLabel)))
	}
	if context > 0 {
		legend = append(legend, st.Muted.Render(fmt.Sprintf("(context) %d kept to show where the matches sit", context)))
	}
	for _, l := range v.flow(legend, "  ") {
		out.line(l)
	}
	if t.AnyCut && v.opts.Depth > 0 {
		out.line(st.Muted.Render(fmt.Sprintf("%s cut at --depth %d", gl.Ellipsis, v.opts.Depth)))
	}
	if t.AnyCapped {
		out.line(st.Warn.Render(fmt.Sprintf("%s depth capped at %d levels: run argmap show ID on a deeper argument to go on", gl.Ellipsis, MaxDepth)))
	}
	if matched == 0 && t.Filtered {
		out.line(st.Warn.Render("no argument matches the filter"))
	}
	if v.opts.Verdict != "" {
		out.blank()
		for _, l := range strings.Split(safetext.Block(v.opts.Verdict), "\n") {
			for _, w := range v.wrapStyled(l, v.width, st.Heading) {
				out.line(w)
			}
		}
	}
}

// flow joins styled parts with sep into lines no wider than the view.
func (v *showView) flow(parts []string, sep string) []string {
	var lines []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = p
		case width(cur)+width(sep)+width(p) <= v.width:
			cur += sep + p
		default:
			lines = append(lines, cur)
			cur = p
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
