package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
)

// MarkdownEncoder writes a debate brief in GitHub-flavoured Markdown: the title, question and
// source; the verdict and every profile's verdict; where the verdict flips (when the brief
// carries a sensitivity analysis); a Mermaid map; a table of the arguments; each argument by
// side and category with its claim, reasoning, quotes, evidence and links to what it supports
// and attacks and to what supports and attacks it; and the sources. Every heading is unique and every
// internal link points at a heading's GitHub anchor; corpus text is escaped so that it renders
// as itself and opens no HTML, link, image or code. The output passes markdownlint with the
// line-length rule off.
type MarkdownEncoder struct {
	w io.Writer
}

// NewMarkdownEncoder returns an encoder that writes to w.
func NewMarkdownEncoder(w io.Writer) *MarkdownEncoder { return &MarkdownEncoder{w: w} }

// Encode writes the brief.
func (e *MarkdownEncoder) Encode(b *Brief) error {
	g := b.Graph
	if len(b.Scores) != len(g.Arguments()) {
		return fmt.Errorf("brief: %d argument scores for %d arguments", len(b.Scores), len(g.Arguments()))
	}
	if err := checkSensitivity(b); err != nil {
		return err
	}
	// Nothing can fail from here on but the writer: the brief is streamed a block at a time,
	// as a brief of 100,000 arguments is too big to build whole and copy.
	doc := newBriefDoc(b)
	w := newWriter(e.w)
	doc.w = w
	doc.write()
	return w.Flush()
}

// briefDoc is a brief with every heading decided, so that links can point forward.
type briefDoc struct {
	b        *Brief
	groups   []report.Group
	title    heading
	thesis   heading
	author   heading // the source's own verdict, quoted; zero when the corpus records none
	verdict  heading
	flips    heading
	extra    []heading
	atlasH   heading
	mapH     heading
	summary  heading
	sides    map[argument.Side]heading
	groupH   []heading
	args     []heading // by node index; [0] unused
	sources  heading
	w        *bufio.Writer
	started  bool // a block has been written: the next one needs a blank line before it
	anchored *anchors

	// Every node is linked to from each node it bears on and from the summary table, and
	// every passage names its source: each link and citation is made once.
	links        []string          // by node index; "" until made
	attributions map[string]string // by source id
}

// heading is a heading's text as it renders and its anchor.
type heading struct {
	text, anchor string
}

func newBriefDoc(b *Brief) *briefDoc {
	g := b.Graph
	d := g.Debate
	doc := &briefDoc{b: b, groups: report.Groups(g), sides: map[argument.Side]heading{}, anchored: newAnchors()}
	a := doc.anchored
	// Fixed headings first, so that corpus text that happens to match one is what gets
	// disambiguated.
	doc.thesis = a.add("Thesis")
	// With the source's own verdict beside them, the computed ones say what they are.
	if d.Verdict.Text != "" {
		doc.author = a.add("The author's verdict")
		doc.verdict = a.add("Computed verdicts")
	} else {
		doc.verdict = a.add("Verdict")
	}
	if b.Sensitivity != nil {
		doc.flips = a.add("Where the verdict flips")
	}
	for _, s := range b.Sections {
		doc.extra = append(doc.extra, a.add(s.Heading, "section"))
	}
	if b.Atlas != nil {
		doc.atlasH = a.add("Across every weighting")
	}
	doc.mapH = a.add("Map")
	doc.summary = a.add("Arguments")
	doc.sources = a.add("Sources")
	for _, gr := range doc.groups {
		if _, ok := doc.sides[gr.Side]; !ok {
			doc.sides[gr.Side] = a.add(sideName(gr.Side))
		}
	}
	for _, gr := range doc.groups {
		doc.groupH = append(doc.groupH, a.add(sideName(gr.Side)+": "+gr.Category, "category"))
	}
	doc.title = a.add(d.Title, "debate", "Debate brief")
	doc.args = make([]heading, g.Len())
	for i := 1; i < g.Len(); i++ {
		arg := g.Argument(i)
		doc.args[i] = a.add(arg.Title, arg.ID, "argument "+strconv.Itoa(i))
	}
	return doc
}

// add writes a block of lines (a paragraph, a list), a blank line before it.
func (doc *briefDoc) add(lines ...string) {
	doc.block()
	for i, l := range lines {
		if i > 0 {
			doc.w.WriteByte('\n')
		}
		doc.w.WriteString(l)
	}
}

// addParts writes a block of one line, given in pieces.
func (doc *briefDoc) addParts(parts ...string) {
	doc.block()
	for _, p := range parts {
		doc.w.WriteString(p)
	}
}

// block starts a block: a blank line after the one before.
func (doc *briefDoc) block() {
	if doc.started {
		doc.w.WriteString("\n\n")
	}
	doc.started = true
}

func (doc *briefDoc) h(level int, h heading) {
	doc.add(strings.Repeat("#", level) + " " + safetext.Markdown(h.text))
}

// link is a Markdown link to a heading, its text the heading's own.
func (doc *briefDoc) link(h heading) string {
	return "[" + safetext.Markdown(linkText(h.text)) + "](#" + h.anchor + ")"
}

func (doc *briefDoc) nodeLink(i int) string {
	if doc.links == nil {
		doc.links = make([]string, doc.b.Graph.Len())
	}
	if l := doc.links[i]; l != "" {
		return l
	}
	h := doc.thesis
	if i == argument.ThesisNode {
		h.text = "the thesis"
	} else {
		h = doc.args[i]
	}
	doc.links[i] = doc.link(h)
	return doc.links[i]
}

func (doc *briefDoc) write() {
	b, g := doc.b, doc.b.Graph
	d := g.Debate

	doc.h(1, doc.title)
	if q := safetext.Markdown(d.Question); q != "" {
		doc.add("**Question:** " + q)
	}
	if len(d.Sources) > 0 {
		line := "**Source:** " + doc.sourceLine(d.Sources[0])
		switch n := len(d.Sources) - 1; {
		case n == 1:
			line += " See " + doc.link(doc.sources) + " for the other one."
		case n > 1:
			line += fmt.Sprintf(" See %s for the %d others.", doc.link(doc.sources), n)
		}
		doc.add(line)
	}

	doc.h(2, doc.thesis)
	doc.add(safetext.MarkdownLine(d.Thesis.Claim))
	doc.add(fmt.Sprintf("Base score %s, before any argument counts. Id `%s`.", num2(d.Thesis.Base), codeText(d.Thesis.ID)))
	doc.relations(argument.ThesisNode)

	if d.Verdict.Text != "" {
		doc.h(2, doc.author)
		doc.passage(d.Verdict)
		doc.add("In the source's own words. The verdicts below are computed from the map under chosen weights; they are not the author's, and may differ.")
	}
	doc.h(2, doc.verdict)
	if b.NoVerdict != "" {
		doc.add(safetext.MarkdownLine(b.NoVerdict))
	} else {
		doc.verdictText(b.Verdict)
	}
	if len(b.Profiles) > 0 && b.NoVerdict == "" {
		doc.add("Every profile's weights and verdict under the same semantics:")
		doc.profileTable()
		doc.profileList()
	}

	if b.Sensitivity != nil {
		doc.h(2, doc.flips)
		doc.flipsSection(b.Sensitivity)
	}

	for i, s := range b.Sections {
		doc.h(2, doc.extra[i])
		for _, p := range s.Paragraphs {
			if p = safetext.MarkdownLine(p); p != "" {
				doc.add(p)
			}
		}
		if s.Table != nil {
			doc.table(*s.Table)
		}
	}

	if b.Atlas != nil {
		doc.h(2, doc.atlasH)
		doc.atlasSection()
	}

	doc.h(2, doc.mapH)
	doc.add("Pro arguments are green and con arguments red; supports are solid green arrows, attacks dashed red ones; the thesis is on top.")
	if b.MapImage != "" {
		doc.add("![The map of the debate, laid out by Graphviz](" + (&url.URL{Path: b.MapImage}).EscapedPath() + ")")
	}
	plan := planMermaid(g)
	if note := plan.note(g); note != "" {
		doc.add(safetext.MarkdownLine(strings.TrimSuffix(note, FullMapCommand)) + " `" + FullMapCommand + "`.")
	}
	doc.block()
	doc.w.WriteString("```mermaid\n")
	writeMermaidPlan(doc.w, g, plan)
	doc.w.WriteString("```")

	doc.h(2, doc.summary)
	if len(g.Arguments()) > 0 {
		if b.Verdict.HasThesis {
			doc.add("Strength is the corpus's rating of an argument on its own, from 0 to 1; score is what it is worth once its supporters and attackers have counted, under the weights and semantics of the verdict.")
		} else {
			doc.add("Strength is the corpus's rating of an argument on its own, from 0 to 1. The sum semantics does not follow the relations, so each score is the strength.")
		}
	}
	doc.summaryTable()

	var side argument.Side
	for gi, gr := range doc.groups {
		if gi == 0 || gr.Side != side {
			side = gr.Side
			doc.h(2, doc.sides[side])
		}
		doc.h(3, doc.groupH[gi])
		for _, i := range gr.Nodes {
			doc.argument(i)
		}
	}

	doc.h(2, doc.sources)
	if len(d.Sources) == 0 {
		doc.add("The corpus names no source.")
	} else {
		var items []string
		for _, s := range d.Sources {
			items = append(items, "- "+doc.sourceLine(s))
		}
		doc.add(items...)
	}

	doc.w.WriteByte('\n')
}

func (doc *briefDoc) verdictText(v Verdict) {
	doc.add(markdownSentence(v.Prose()))
}

// markdownSentence spells a sentence from report in Markdown: corpus names escaped, strong
// spans in bold.
func markdownSentence(s report.Sentence) string {
	var b strings.Builder
	for _, sp := range s {
		t := sp.Text
		if sp.Role != report.Plain {
			t = safetext.Markdown(t)
		}
		if sp.Strong {
			t = "**" + t + "**"
		}
		b.WriteString(t)
	}
	return b.String()
}

func (doc *briefDoc) profileTable() {
	b := doc.b
	t := Table{Header: []string{"Profile"}, Right: []bool{false}}
	for _, c := range b.Graph.Debate.Categories {
		t.Header = append(t.Header, c)
		t.Right = append(t.Right, true)
	}
	if b.Verdict.HasThesis {
		t.Header = append(t.Header, "Thesis score")
	} else {
		t.Header = append(t.Header, "Pro total", "Con total")
		t.Right = append(t.Right, true)
	}
	t.Header = append(t.Header, "Margin", "Verdict")
	t.Right = append(t.Right, true, true, false)
	for _, p := range b.Profiles {
		row := []string{doc.profileName(p.Profile)}
		for _, c := range b.Graph.Debate.Categories {
			row = append(row, weightOf(p.Weights, c))
		}
		switch {
		case !b.Verdict.HasThesis:
			row = append(row, num3(p.Pro), num3(p.Con))
		case p.HasThesis:
			row = append(row, num3(p.Thesis))
		default:
			row = append(row, "n/a")
		}
		row = append(row, marginText(p.Margin, p.Outcome), outcomeText(p.Outcome))
		t.Rows = append(t.Rows, row)
	}
	doc.table(t)
}

// profileName is a profile's name, marked when it is the one the verdict uses.
func (doc *briefDoc) profileName(name string) string {
	if name != "" && name == doc.b.Verdict.Profile {
		return name + " (chosen)"
	}
	return name
}

// profileList says what each profile stands for, for the profiles that say.
func (doc *briefDoc) profileList() {
	var items []string
	for _, p := range doc.b.Profiles {
		if desc := safetext.Markdown(p.Description); desc != "" {
			name := "**" + safetext.Markdown(p.Profile) + "**"
			if p.Profile == "" {
				name = "**unnamed**"
			}
			if p.Profile != "" && p.Profile == doc.b.Verdict.Profile {
				name += " (chosen)"
			}
			items = append(items, "- "+name+": "+desc)
		}
	}
	if len(items) > 0 {
		doc.add("What each profile stands for:")
		doc.add(items...)
	}
}

func (doc *briefDoc) summaryTable() {
	g := doc.b.Graph
	if g.Len() == 1 {
		doc.add("No argument passes the filters.")
		return
	}
	// Rows are written as they are made: a table of 100,000 arguments is not built whole.
	doc.tableHead(Table{
		Header: []string{"Argument", "Side", "Category", "Strength", "Score"},
		Right:  []bool{false, false, false, true, true},
	})
	for _, gr := range doc.groups {
		for _, i := range gr.Nodes {
			a := g.Argument(i)
			doc.tableRow(doc.nodeLink(i), tableCell(string(a.Side)), tableCell(a.Category), tableCell(num2(a.Strength)), tableCell(num2(doc.b.Scores[i-1])))
		}
	}
}

// table writes a table, every cell escaped.
func (doc *briefDoc) table(t Table) { doc.tableWith(t, nil) }

// tableWith writes a table; raw gives cells that are already Markdown (links).
func (doc *briefDoc) tableWith(t Table, raw func(row, col int) (string, bool)) {
	doc.tableHead(t)
	cells := make([]string, len(t.Header))
	for r, row := range t.Rows {
		for c := range t.Header {
			s, ok := "", false
			if raw != nil {
				s, ok = raw(r, c)
			}
			if !ok {
				s = "-"
				if c < len(row) {
					s = tableCell(row[c])
				}
			}
			cells[c] = s
		}
		doc.tableRow(cells...)
	}
}

// tableHead writes a table's header and the rule under it.
func (doc *briefDoc) tableHead(t Table) {
	var head, rule []string
	for i, h := range t.Header {
		head = append(head, tableCell(h))
		if i < len(t.Right) && t.Right[i] {
			rule = append(rule, "---:")
		} else {
			rule = append(rule, "---")
		}
	}
	doc.add("| "+strings.Join(head, " | ")+" |", "| "+strings.Join(rule, " | ")+" |")
}

// tableRow writes a row of a table under the rows before it, its cells already Markdown.
func (doc *briefDoc) tableRow(cells ...string) {
	w := doc.w
	w.WriteString("\n|")
	for _, s := range cells {
		w.WriteByte(' ')
		w.WriteString(s)
		w.WriteString(" |")
	}
}

// tableCell is text as a table cell: escaped, and "-" for nothing.
func tableCell(s string) string {
	if s = safetext.Markdown(s); s == "" {
		return "-"
	}
	return s
}

func (doc *briefDoc) argument(i int) {
	g := doc.b.Graph
	a := g.Argument(i)
	doc.h(4, doc.args[i])
	doc.addParts("**Side:** ", safetext.Markdown(string(a.Side)), " · **Category:** ", safetext.Markdown(a.Category),
		" · **Strength:** ", num2(a.Strength), " · **Score:** ", num2(doc.b.Scores[i-1]), " · **Id:** `", codeText(a.ID), "`")
	if c := safetext.Markdown(a.Claim); c != "" {
		doc.addParts("**Claim:** ", c)
	}
	for _, p := range safetext.Paragraphs(a.Reasoning) {
		doc.add(safetext.MarkdownLine(p))
	}
	for _, q := range a.Quotes {
		doc.passage(q)
	}
	if len(a.Evidence) > 0 {
		doc.add("**Evidence:**")
		doc.block()
		for j, ev := range a.Evidence {
			if j > 0 {
				doc.w.WriteByte('\n')
			}
			doc.w.WriteString("- ")
			doc.w.WriteString(safetext.MarkdownLine(ev.Text))
			doc.w.WriteString(" — ")
			doc.w.WriteString(doc.attribution(ev.Source))
		}
	}
	doc.relations(i)
	if len(a.Tags) > 0 {
		doc.block()
		doc.w.WriteString("**Tags:** ")
		for j, t := range a.Tags {
			if j > 0 {
				doc.w.WriteString(", ")
			}
			doc.w.WriteString(safetext.Markdown(t))
		}
	}
	if n := safetext.Markdown(a.Note); n != "" {
		doc.addParts("**Note:** ", n)
	}
}

// relations lists what node i supports and attacks, then what supports and attacks it, each
// with a link to its section.
func (doc *briefDoc) relations(i int) {
	g := doc.b.Graph
	for _, list := range [...]struct {
		label string
		edges []argument.Edge
		typ   argument.RelationType
	}{
		{"Supports", g.Out(i), argument.Support},
		{"Attacks", g.Out(i), argument.Attack},
		{"Supported by", g.In(i), argument.Support},
		{"Attacked by", g.In(i), argument.Attack},
	} {
		n := 0
		for _, e := range list.edges {
			if (e.Type == argument.Attack) != (list.typ == argument.Attack) {
				continue
			}
			if n == 0 {
				doc.block()
				doc.w.WriteString("**" + list.label + ":** ")
			} else {
				doc.w.WriteString("; ")
			}
			doc.w.WriteString(doc.nodeLink(e.Node))
			if e.Inferred() {
				doc.w.WriteString(" (inferred)")
			}
			n++
		}
		if n > 0 {
			doc.w.WriteByte('.')
		}
	}
}

// passage writes a quoted passage as a block quote, then its attribution.
func (doc *briefDoc) passage(q argument.Passage) {
	paras := safetext.Paragraphs(q.Text)
	if len(paras) == 0 {
		return
	}
	doc.block()
	for j, p := range paras {
		if j > 0 {
			doc.w.WriteString("\n>\n")
		}
		doc.w.WriteString("> ")
		doc.w.WriteString(safetext.MarkdownLine(p))
	}
	doc.addParts("— ", doc.attribution(q.Source))
}

// attribution names a passage's source as a citation does: who wrote it (the author, else the
// publication), then its title in italics.
func (doc *briefDoc) attribution(id string) string {
	if a, ok := doc.attributions[id]; ok {
		return a
	}
	if doc.attributions == nil {
		doc.attributions = map[string]string{}
	}
	a := doc.makeAttribution(id)
	doc.attributions[id] = a
	return a
}

func (doc *briefDoc) makeAttribution(id string) string {
	s, ok := doc.b.Graph.Debate.Source(id)
	if !ok {
		if t := safetext.Markdown(id); t != "" {
			return t
		}
		return "unknown source"
	}
	title := emphasis(s.Title, s.ID)
	who := safetext.Markdown(s.Author)
	if who == "" {
		who = safetext.Markdown(s.Publication)
	}
	if who == "" {
		return title
	}
	return who + ", " + title
}

// sourceLine is a source as a citation: title and subtitle, author, publication, date and a
// link when the URL is a web address.
func (doc *briefDoc) sourceLine(s argument.Source) string {
	title := strings.TrimSpace(s.Title)
	if sub := strings.TrimSpace(s.Subtitle); sub != "" {
		if title != "" {
			title += ": " + sub
		} else {
			title = sub
		}
	}
	out := sentence(emphasis(title, s.ID))
	if a := safetext.Markdown(s.Author); a != "" {
		out += " By " + sentence(a)
	}
	var parts []string
	for _, p := range []string{s.Publication, s.Date} {
		if p = safetext.Markdown(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) > 0 {
		out += " " + sentence(strings.Join(parts, ", "))
	}
	if u := webLink(s.URL); u != "" {
		out += " " + u
	} else if t := safetext.Markdown(s.URL); t != "" {
		out += " Address (not a web link): " + t + "."
	}
	return out
}

// emphasis writes text in italics, or the fallback when the text is empty.
func emphasis(s, fallback string) string {
	if t := safetext.Markdown(s); t != "" {
		return "*" + t + "*"
	}
	if t := safetext.MarkdownLine(fallback); t != "" {
		return t
	}
	return "untitled"
}

// webLink is an autolink to an http or https address, every byte outside the characters a URL
// may hold percent-encoded; any other address (javascript:, data:, a relative path) gets no
// link.
func webLink(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	var b strings.Builder
	b.WriteByte('<')
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c < 0x80 && (isURLByte(c)) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	b.WriteByte('>')
	return b.String()
}

// isURLByte reports whether c may stand in a URL as it is (RFC 3986's unreserved and reserved
// characters, and '%' for escapes already there).
func isURLByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0
}

// codeText is an id for a code span: ids are kebab-case, but a corpus that is not gets its
// backticks and controls dropped rather than a broken span.
func codeText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '`' || r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, safetext.Flat(s))
	if s == "" {
		return "-"
	}
	return s
}

// linkText is a heading's text as link text, lengthened when markdownlint would find it not
// descriptive (MD059): when its ASCII letters and digits, lower-cased, spell "click here",
// "here", "link" or "more".
func linkText(s string) string {
	var words [2]string
	n := 0
	for i := 0; i < len(s); {
		if s[i] >= utf8.RuneSelf || !isAlnumRune(rune(s[i])) {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf && isAlnumRune(rune(s[j])) {
			j++
		}
		if n == len(words) {
			return s
		}
		words[n] = s[i:j]
		n++
		i = j
	}
	switch {
	case n == 1 && (strings.EqualFold(words[0], "here") || strings.EqualFold(words[0], "link") || strings.EqualFold(words[0], "more")),
		n == 2 && strings.EqualFold(words[0], "click") && strings.EqualFold(words[1], "here"):
		return s + " (argument)"
	}
	return s
}

func outcomeText(o string) string { return report.OutcomeText(o) }

func semanticsName(s string) string {
	if n, ok := report.SemanticsName(s); ok {
		return n
	}
	return safetext.Markdown(s)
}

func weightOf(ws []Weight, c string) string {
	for _, w := range ws {
		if w.Category == c {
			return yamlFloat(w.Weight)
		}
	}
	return "-"
}

// num2 writes a score with two decimals, never "-0.00".
func num2(f float64) string {
	if math.Abs(f) < 0.005 {
		f = 0
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// num3 writes a thesis score or tally with three decimals, as argmap score does, never "-0.000".
func num3(f float64) string { return report.Fixed(f) }

func marginText(m float64, outcome string) string { return report.MarginText(m, outcome) }

// sentence ends s with a full stop unless it already ends a sentence, looking through a closing
// emphasis.
func sentence(s string) string {
	t := strings.TrimRight(s, "*_")
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
		return s
	}
	return s + "."
}
