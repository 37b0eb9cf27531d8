package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/tree"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// MaxDepth is the deepest level Show draws below its root. A deeper chain is cut there, and the
// output says so: the tree renderer recurses once per level, and no reader follows a branch
// 64 levels deep anyway.
const MaxDepth = 64

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
}

// UnknownNodeError is a Root that names no node of the graph.
type UnknownNodeError struct{ ID string }

func (e *UnknownNodeError) Error() string {
	return fmt.Sprintf("no argument with id %q", e.ID)
}

type itemKind int

const (
	kindFull     itemKind = iota // drawn in full
	kindRef                      // drawn in full above: a second path to it
	kindRefBelow                 // drawn in full further down, where its path is shorter
	kindCycle                    // an ancestor on its own path
	kindMore                     // children cut by the depth limit
)

// item is one line (or block) of the tree before layout.
type item struct {
	node     int
	depth    int
	rel      argument.RelationType // how the node bears on its parent; "" for a root
	inferred bool                  // that relation is the curators' reading, not the source's
	kind     itemKind
	context  bool // kept only because a match lies below it
	hidden   int  // kindMore: how many children were cut
	capped   bool // kindMore: cut by MaxDepth rather than by --depth
	kids     []*item
}

// showView holds the state of one Show call.
type showView struct {
	g     *argument.Graph
	opts  ShowOptions
	st    Styles
	gl    Glyphs
	width int
	limit int

	root      int
	inScope   []bool // under the root (everything, from the thesis)
	match     []bool // in scope and passing the filter
	visible   []bool // a match or an ancestor of one
	printed   []bool
	onPath    []bool
	connected []bool
	home      []int // depth a node is drawn in full at, in tree homeTree
	homeTree  []int // which tree (1, 2, ...) a node is drawn in; 0 for none yet
	trees     int

	catWidth    int
	tailCol     int
	idColumn    bool // ids in a column of their own, after the bars
	anyCut      bool
	anyCap      bool
	anyRef      bool
	anyRefBelow bool
	anyInferred bool // some relation drawn is inferred: the legend explains the mark
	anyCycle    bool
}

// Show draws the argument tree: the thesis (or opts.Root) on top, each argument under what it
// supports or attacks. An argument reached by a second path is drawn in full once and then as
// a reference; arguments with no path to the thesis follow under "Not connected"; a legend and
// counts close the view.
func Show(w io.Writer, g *argument.Graph, opts ShowOptions) error {
	v := &showView{g: g, opts: opts, width: opts.width(), gl: NewGlyphs(opts.ASCII)}
	v.st = NewStyles(opts.Color, g.Debate.Categories)
	v.root = argument.ThesisNode
	if opts.Root != "" {
		i, ok := g.Index(opts.Root)
		if !ok {
			return &UnknownNodeError{ID: opts.Root}
		}
		v.root = i
	}
	v.limit = MaxDepth
	if opts.Depth > 0 && opts.Depth < MaxDepth {
		v.limit = opts.Depth
	}
	v.selectNodes()

	n := g.Len()
	v.printed, v.onPath = make([]bool, n), make([]bool, n)
	v.home, v.homeTree = make([]int, n), make([]int, n)
	main := v.plant(v.root)
	var forest []*item
	if v.root == argument.ThesisNode {
		forest = v.unconnected()
	}
	v.layout(append([]*item{main}, forest...))

	var out output
	if v.root == argument.ThesisNode {
		v.header(&out)
	}
	out.block(v.draw(main))
	if len(forest) > 0 {
		out.blank()
		count := 0
		for i := 1; i < n; i++ {
			if !v.connected[i] && v.visible[i] {
				count++
			}
		}
		heading := v.st.Heading.Render(fmt.Sprintf("Not connected (%d)", count))
		const why = "no path of supports or attacks to the thesis"
		if width(heading)+2+len(why) <= v.width {
			out.line(heading, "  ", v.st.Muted.Render(why))
		} else {
			out.line(heading)
			for _, l := range v.wrapStyled(why, v.width, v.st.Muted) {
				out.line(l)
			}
		}
		for _, it := range forest {
			out.block(v.draw(it))
		}
	}
	out.blank()
	v.footer(&out)
	return out.writeTo(w)
}

// selectNodes works out which nodes are in scope, which match the filter and which stay visible.
func (v *showView) selectNodes() {
	g, n := v.g, v.g.Len()
	v.connected = g.Connected()
	v.inScope = make([]bool, n)
	if v.root == argument.ThesisNode {
		for i := range v.inScope {
			v.inScope[i] = true
		}
	} else {
		v.inScope[v.root] = true
		queue := []int{v.root}
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			for _, e := range g.In(x) {
				if !v.inScope[e.Node] {
					v.inScope[e.Node] = true
					queue = append(queue, e.Node)
				}
			}
		}
	}
	v.match = make([]bool, n)
	v.visible = make([]bool, n)
	var queue []int
	for i := range n {
		if !v.inScope[i] {
			continue
		}
		a := g.Argument(i)
		v.match[i] = a != nil && v.opts.Filter.Match(a)
		if v.match[i] || i == v.root {
			v.visible[i] = true
			queue = append(queue, i)
		}
	}
	// The ancestors of a match are what it supports or attacks, transitively.
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, e := range g.Out(x) {
			if v.inScope[e.Node] && !v.visible[e.Node] {
				v.visible[e.Node] = true
				queue = append(queue, e.Node)
			}
		}
	}
}

// children lists the visible supporters of n, then its visible attackers, in corpus order.
func (v *showView) children(n int) []argument.Edge {
	var kids []argument.Edge
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		for _, e := range v.g.In(n) {
			if e.Type == t && v.visible[e.Node] {
				kids = append(kids, e)
			}
		}
	}
	return kids
}

// plant builds the tree below root. Each node is drawn in full at its shallowest place in the
// tree (the first one, reading down), and as a reference everywhere else, so that what bears
// directly on the root is never buried under a longer path.
func (v *showView) plant(root int) *item {
	v.trees++
	v.home[root], v.homeTree[root] = 0, v.trees
	queue := []int{root}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, e := range v.children(x) {
			if v.homeTree[e.Node] == 0 {
				v.home[e.Node], v.homeTree[e.Node] = v.home[x]+1, v.trees
				queue = append(queue, e.Node)
			}
		}
	}
	return v.build(root, 0, "", false)
}

// build unfolds the graph below n into items. It recurses once per level, and levels stop at
// v.limit (at most MaxDepth), so a deep chain cannot exhaust the stack.
func (v *showView) build(n, depth int, rel argument.RelationType, inferred bool) *item {
	it := &item{node: n, depth: depth, rel: rel, inferred: inferred}
	v.anyInferred = v.anyInferred || inferred
	switch {
	case v.onPath[n]:
		it.kind = kindCycle
		v.anyCycle = true
		return it
	case v.printed[n]:
		it.kind = kindRef
		v.anyRef = true
		return it
	case v.homeTree[n] != v.trees || v.home[n] != depth:
		it.kind = kindRefBelow
		v.anyRefBelow = true
		return it
	}
	v.printed[n] = true
	it.context = v.g.Argument(n) != nil && !v.match[n]
	kids := v.children(n)
	if len(kids) == 0 {
		return it
	}
	if depth >= v.limit {
		capped := v.limit == MaxDepth
		it.kids = []*item{{node: n, depth: depth + 1, kind: kindMore, hidden: len(kids), capped: capped}}
		v.anyCut = v.anyCut || !capped
		v.anyCap = v.anyCap || capped
		return it
	}
	v.onPath[n] = true
	for _, e := range kids {
		it.kids = append(it.kids, v.build(e.Node, depth+1, e.Type, e.Inferred()))
	}
	v.onPath[n] = false
	return it
}

// unconnected builds the trees of the visible arguments with no path to the thesis: first
// from each one that bears on no other of them, then from any left over (those in cycles).
func (v *showView) unconnected() []*item {
	n := v.g.Len()
	loose := func(i int) bool { return i != argument.ThesisNode && !v.connected[i] && v.visible[i] }
	var roots []*item
	for i := 1; i < n; i++ {
		if !loose(i) || v.homeTree[i] != 0 {
			continue
		}
		sink := true
		for _, e := range v.g.Out(i) {
			if loose(e.Node) {
				sink = false
				break
			}
		}
		if sink {
			roots = append(roots, v.plant(i))
		}
	}
	for i := 1; i < n; i++ {
		if loose(i) && v.homeTree[i] == 0 {
			roots = append(roots, v.plant(i))
		}
	}
	return roots
}

// layout picks the columns. When the width allows, titles, bars and ids each line up in
// their own column; otherwise the bars line up at the right edge and each id follows its
// title, wrapping with it.
func (v *showView) layout(roots []*item) {
	for _, c := range v.g.Debate.Categories {
		v.catWidth = max(v.catWidth, width(badge(c, v.gl)))
	}
	for _, a := range v.g.Arguments() {
		v.catWidth = max(v.catWidth, width(badge(a.Category, v.gl)))
	}
	titleEnd, idW, inline := 0, 0, 0
	var walk func(it *item)
	walk = func(it *item) {
		if a := v.g.Argument(it.node); it.kind == kindFull && a != nil {
			end := v.indent(it.depth) + v.fixedWidth() + width(clean(a.Title))
			titleEnd = max(titleEnd, end)
			idW = max(idW, width(v.idText(it, a)))
			inline = max(inline, end+2+width(v.idText(it, a)))
		}
		for _, k := range it.kids {
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

func (v *showView) idText(it *item, a *argument.Argument) string {
	if it.context {
		return clean(a.ID) + " (context)"
	}
	return clean(a.ID)
}

// indent is the width of the tree connectors before an item at depth.
func (v *showView) indent(depth int) int { return 4 * depth }

// fixedWidth is the width of "+ PRO  category  " before a title.
func (v *showView) fixedWidth() int { return 2 + 3 + 2 + v.catWidth + 2 }

// tailWidth is the width of the strength bar and number, and the score when there is one.
func (v *showView) tailWidth() int {
	w := barCells(v.opts.Options) + 1 + 4
	if v.opts.Scores != nil {
		w += 2 + 5
	}
	return w
}

// draw renders an item and everything below it with lipgloss/tree.
func (v *showView) draw(root *item) string {
	t := v.tree(root)
	t.Enumerator(func(ch tree.Children, i int) string {
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
	return t.String()
}

func (v *showView) tree(it *item) *tree.Tree {
	t := tree.Root(v.text(it))
	for _, k := range it.kids {
		if len(k.kids) == 0 {
			t.Child(v.text(k))
		} else {
			t.Child(v.tree(k))
		}
	}
	return t
}

// text is the block an item shows, laid out for its depth.
func (v *showView) text(it *item) string {
	a := v.g.Argument(it.node)
	switch it.kind {
	case kindMore:
		// One line, never wrapped: at the depth cap the indent alone may be wider than the
		// terminal, and the id to go on from must stay whole.
		msg := fmt.Sprintf("%s %d more below", v.gl.Ellipsis, it.hidden)
		if it.capped {
			msg += fmt.Sprintf(" depth %d: run argmap show %s to go on", MaxDepth, clean(v.g.ID(it.node)))
		} else {
			msg += " (raise --depth to see them)"
		}
		return v.st.Muted.Render(msg)
	case kindRef, kindRefBelow, kindCycle:
		arrow := v.gl.See
		if it.kind == kindRefBelow {
			arrow = v.gl.SeeBelow
		}
		msg := fmt.Sprintf("%s see %s", arrow, clean(v.g.ID(it.node)))
		if it.kind == kindCycle {
			msg += " (cycle)"
		}
		return v.relPrefix(it) + v.st.Dim.Render(msg)
	}
	if a == nil {
		return v.thesisText()
	}
	return v.argumentText(it, a)
}

// relPrefix is the two columns before a child: how it bears on its parent, then the inferred
// mark or a space, so that an inferred relation shows in plain text too.
func (v *showView) relPrefix(it *item) string {
	if it.inferred {
		return v.relMark(it.rel) + v.st.Rel.Render(v.gl.Inferred)
	}
	return v.relMark(it.rel) + " "
}

func (v *showView) relMark(rel argument.RelationType) string {
	switch rel {
	case argument.Support:
		return v.st.Rel.Render(v.gl.Support)
	case argument.Attack:
		return v.st.Rel.Render(v.gl.Attack)
	}
	return " "
}

// wrapStyled wraps plain text to w columns and styles each line.
func (v *showView) wrapStyled(s string, w int, st lipgloss.Style) []string {
	lines := wrap(s, w)
	for i, l := range lines {
		lines[i] = styled(st, l)
	}
	return lines
}

func (v *showView) thesisText() string {
	d := v.g.Debate
	lead := v.gl.Thesis + " THESIS  "
	claim := prose(d.Thesis.Claim)
	id := clean(d.Thesis.ID)
	avail := v.width - width(lead)
	lines := wrap(claim, avail)
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
	if score, ok := v.score(argument.ThesisNode); ok {
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

func (v *showView) score(n int) (string, bool) {
	if v.opts.Scores == nil {
		return "", false
	}
	s, ok := v.opts.Scores[v.g.ID(n)]
	if !ok {
		return "    -", true
	}
	return fmt.Sprintf("%5s", number(s)), true
}

func (v *showView) argumentText(it *item, a *argument.Argument) string {
	st := v.st
	sideSt, catSt, titleSt, idSt := st.SideStyle(string(a.Side)), st.CategoryStyle(a.Category), st.Title, st.Muted
	if it.context {
		sideSt, catSt, titleSt, idSt = st.Dim, st.Dim, st.Dim, st.Dim
	}
	side := strings.ToUpper(clean(string(a.Side)))
	if len(side) > 3 {
		side = truncate(side, 3, "")
	}
	fixed := pad(sideSt.Render(side), 3) + "  " + pad(catSt.Render(badge(a.Category, v.gl)), v.catWidth) + "  "
	fw := v.fixedWidth()
	if it.rel != "" {
		fixed = v.relPrefix(it) + fixed
	} else {
		fw -= 2 // a root bears on nothing above it
	}
	ind := v.indent(it.depth)
	headW := v.tailCol - ind - fw - 2
	// Too narrow (or too deep) for the bar beside the title: stack it under the title. With an
	// id column every title fits before the bar by construction, however short the titles are.
	stacked := !v.idColumn && headW < 16
	if stacked {
		headW = max(v.width-ind-fw, 16)
	}

	id := v.idText(it, a)
	lines := wrap(clean(a.Title), headW)
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

	filled, empty := barParts(a.Strength, barCells(v.opts.Options), v.gl)
	tail := styled(sideSt.UnsetBold(), filled) + styled(st.Track, empty) + " " + styled(sideSt.UnsetBold(), number(a.Strength))
	if it.context {
		tail = st.Dim.Render(filled + empty + " " + number(a.Strength))
	}
	if score, ok := v.score(it.node); ok {
		tail += "  " + st.Heading.Render(score)
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
		for _, l := range wrap(prose(a.Claim), bodyW) {
			out = append(out, gap+l)
		}
	}
	if v.opts.Quotes {
		for _, q := range a.Quotes {
			text := v.gl.OpenQuote + prose(q.Text) + v.gl.CloseQuote
			src := v.gl.Dash + " " + clean(q.Source)
			for i, l := range wrap(text, bodyW-1) {
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
	g, st, gl := v.g, v.st, v.gl
	total, matched, context := 0, 0, 0
	pro, con := 0, 0
	perCat := map[string]int{}
	for i := 1; i < g.Len(); i++ {
		if !v.inScope[i] || i == v.root {
			continue
		}
		total++
		switch {
		case v.match[i]:
			matched++
			a := g.Argument(i)
			switch a.Side {
			case argument.Pro:
				pro++
			case argument.Con:
				con++
			}
			perCat[a.Category]++
		case v.visible[i]:
			context++
		}
	}

	var counts []string
	noun := "arguments"
	if matched == 1 {
		noun = "argument"
	}
	switch {
	case !v.opts.Filter.IsZero():
		verb := "match"
		if matched == 1 {
			verb = "matches"
		}
		counts = append(counts, st.Heading.Render(fmt.Sprintf("%d of %d arguments %s", matched, total, verb)))
	case v.root != argument.ThesisNode:
		counts = append(counts, st.Heading.Render(fmt.Sprintf("%d %s under %s", matched, noun, clean(g.ID(v.root)))))
	default:
		counts = append(counts, st.Heading.Render(fmt.Sprintf("%d %s", matched, noun)))
	}
	counts = append(counts, st.Pro.Render(fmt.Sprintf("%d pro", pro)), st.Con.Render(fmt.Sprintf("%d con", con)))
	cats := slices.Clone(g.Debate.Categories)
	for c := range perCat {
		if !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
	}
	slices.Sort(cats[len(g.Debate.Categories):])
	for _, c := range cats {
		counts = append(counts, st.CategoryStyle(c).Render(badge(c, gl))+" "+fmt.Sprint(perCat[c]))
	}
	for _, l := range v.flow(counts, "  ") {
		out.line(l)
	}

	legend := []string{
		st.Rel.Render(gl.Support) + st.Muted.Render(" supports"),
		st.Rel.Render(gl.Attack) + st.Muted.Render(" attacks the argument above"),
	}
	if v.anyInferred {
		legend = append(legend, st.Rel.Render(gl.Inferred)+st.Muted.Render(" inferred by the curators, not stated by the source"))
	}
	switch {
	case (v.anyRef || v.anyCycle) && v.anyRefBelow:
		legend = append(legend, st.Muted.Render(gl.See+gl.SeeBelow+" shown in full above or below"))
	case v.anyRef || v.anyCycle:
		legend = append(legend, st.Muted.Render(gl.See+" shown in full above"))
	case v.anyRefBelow:
		legend = append(legend, st.Muted.Render(gl.SeeBelow+" shown in full below"))
	}
	legend = append(legend, st.Track.Render(strings.Repeat(gl.Full, 2))+st.Muted.Render(" strength 0"+map[bool]string{true: "-", false: "–"}[v.opts.ASCII]+"1"))
	if v.opts.Scores != nil {
		label := "score"
		if v.opts.ScoreLabel != "" {
			label = prose(v.opts.ScoreLabel)
		}
		legend = append(legend, st.Heading.Render("0.00")+st.Muted.Render(" "+label))
	}
	if context > 0 {
		legend = append(legend, st.Muted.Render(fmt.Sprintf("(context) %d kept to show where the matches sit", context)))
	}
	for _, l := range v.flow(legend, "  ") {
		out.line(l)
	}
	if v.anyCut && v.opts.Depth > 0 {
		out.line(st.Muted.Render(fmt.Sprintf("%s cut at --depth %d", gl.Ellipsis, v.opts.Depth)))
	}
	if v.anyCap {
		out.line(st.Warn.Render(fmt.Sprintf("%s depth capped at %d levels: run argmap show ID on a deeper argument to go on", gl.Ellipsis, MaxDepth)))
	}
	if matched == 0 && !v.opts.Filter.IsZero() {
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
