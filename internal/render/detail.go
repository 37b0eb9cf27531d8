package render

import (
	"io"
	"strings"

	"github.com/argmap/argmap/internal/argument"
)

// DetailOptions configure the view of one argument.
type DetailOptions struct {
	Options
	// Location is where the node is defined, as the reader should see it (e.g.
	// "arguments/20-pro-strategic.yaml:34"); empty when unknown.
	Location string
}

// detailLabel is the width of the labels on the left of the relations and facts.
const detailLabel = 14

// Detail writes everything about node i of g: for an argument its title, side, category and
// strength, claim, reasoning, quotes and evidence with their sources, what it supports and
// attacks, what supports and attacks it, tags, note and where it is defined; for the thesis
// its claim and what bears on it.
func Detail(w io.Writer, g *argument.Graph, i int, opts DetailOptions) error {
	v := &detailView{g: g, opts: opts, st: NewStyles(opts.Color, g.Debate.Categories), gl: NewGlyphs(opts.ASCII), width: opts.width()}
	var out output
	if a := g.Argument(i); a != nil {
		v.argument(&out, i, a)
	} else {
		v.thesis(&out)
	}
	v.relations(&out, i)
	v.facts(&out, i)
	return out.writeTo(w)
}

type detailView struct {
	g     *argument.Graph
	opts  DetailOptions
	st    Styles
	gl    Glyphs
	width int
}

func (v *detailView) argument(out *output, i int, a *argument.Argument) {
	st := v.st
	out.line(st.Muted.Render(cleanID(a.ID)))
	for _, l := range wrap(prose(a.Title), v.width) {
		out.line(st.Title.Render(l))
	}
	side := st.SideStyle(string(a.Side))
	filled, empty := BarParts(a.Strength, barCells(v.opts.Options), v.gl)
	out.line(side.Render(strings.ToUpper(clean(string(a.Side)))), "  ",
		st.CategoryStyle(a.Category).Render(clean(a.Category)), "  ",
		styled(side.UnsetBold(), filled), styled(st.Track, empty), " ", number(a.Strength))

	v.paragraph(out, "Claim", a.Claim)
	v.paragraph(out, "Reasoning", a.Reasoning)
	v.passages(out, "Quotes", a.Quotes, true)
	v.passages(out, "Evidence", a.Evidence, false)
}

func (v *detailView) thesis(out *output) {
	d := v.g.Debate
	out.line(v.st.Muted.Render(cleanID(d.Thesis.ID)))
	out.line(v.st.Thesis.Render(v.gl.Thesis+" THESIS"), "  ", v.st.Muted.Render("base score "+number(d.Thesis.Base)))
	v.paragraph(out, "Claim", d.Thesis.Claim)
	v.paragraph(out, "Question", d.Question)
}

// paragraph writes a heading and text wrapped under it; nothing when the text is empty.
// Paragraph breaks (blank lines) in the corpus are kept.
func (v *detailView) paragraph(out *output, heading, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	out.blank()
	out.line(v.st.Heading.Render(heading))
	for n, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if n > 0 {
			out.blank()
		}
		for _, l := range wrap(prose(para), v.width-2) {
			out.line("  ", l)
		}
	}
}

func (v *detailView) passages(out *output, heading string, ps []argument.Passage, quoted bool) {
	if len(ps) == 0 {
		return
	}
	out.blank()
	out.line(v.st.Heading.Render(heading))
	for n, p := range ps {
		if n > 0 {
			out.blank()
		}
		text := prose(p.Text)
		st := v.st.Quote
		if quoted {
			text = v.gl.OpenQuote + text + v.gl.CloseQuote
		} else {
			st = v.st.Quote.UnsetItalic()
		}
		for k, l := range wrap(text, v.width-3) {
			lead := "   "
			if k == 0 || !quoted {
				lead = "  "
			}
			out.line(lead, styled(st, l))
		}
		for _, l := range wrap(v.gl.Dash+" "+v.source(p.Source), v.width-4) {
			out.line("    ", v.st.Muted.Render(l))
		}
	}
}

func (v *detailView) source(id string) string { return SourceName(v.g.Debate, id) }

// SourceName names a source by title, author, publication and date, then its id, made safe
// for a terminal: as get and the explorer cite a quote.
func SourceName(d *argument.Debate, id string) string {
	s, ok := d.Source(id)
	if !ok {
		return clean(id)
	}
	var parts []string
	for _, p := range []string{s.Title, s.Author, s.Publication, s.Date} {
		if p != "" {
			parts = append(parts, prose(p))
		}
	}
	if len(parts) == 0 {
		return clean(id)
	}
	return strings.Join(parts, ", ") + " (" + clean(id) + ")"
}

// relations lists what the node supports and attacks, and what supports and attacks it, the
// ids of all four lists in one column.
func (v *detailView) relations(out *output, i int) {
	type group struct {
		label    string
		t        argument.RelationType
		ids      []string
		inferred []bool
	}
	var groups []group
	if a := v.g.Argument(i); a != nil {
		for _, gr := range [...]group{{"Supports", argument.Support, a.Supports, nil}, {"Attacks", argument.Attack, a.Attacks, nil}} {
			for k := range gr.ids {
				gr.inferred = append(gr.inferred, a.Provenance(gr.t, k).Inferred())
			}
			groups = append(groups, gr)
		}
	}
	sup, att := group{"Supported by", argument.Support, nil, nil}, group{"Attacked by", argument.Attack, nil, nil}
	for _, e := range v.g.In(i) {
		if e.Type == argument.Support {
			sup.ids, sup.inferred = append(sup.ids, v.g.ID(e.Node)), append(sup.inferred, e.Inferred())
		} else {
			att.ids, att.inferred = append(att.ids, v.g.ID(e.Node)), append(att.inferred, e.Inferred())
		}
	}
	groups = append(groups, sup, att)
	idW := 0
	for _, gr := range groups {
		for _, id := range gr.ids {
			idW = max(idW, width(clean(id)))
		}
	}
	out.blank()
	for _, gr := range groups {
		v.relation(out, gr.label, gr.t, gr.ids, gr.inferred, idW)
	}
}

// relation writes one group of relations; an inferred one has the inferred mark after its
// support or attack mark.
func (v *detailView) relation(out *output, label string, t argument.RelationType, ids []string, inferred []bool, idW int) {
	st := v.st
	lead := st.Heading.Render(label) + strings.Repeat(" ", detailLabel-len(label))
	if len(ids) == 0 {
		out.line(lead, st.Muted.Render("none"))
		return
	}
	mark := v.gl.Support
	if t == argument.Attack {
		mark = v.gl.Attack
	}
	for n, id := range ids {
		if n > 0 {
			lead = strings.Repeat(" ", detailLabel)
		}
		tag, title := "", ""
		if j, ok := v.g.Index(id); !ok {
			tag = st.Warn.Render("not in the corpus")
		} else if b := v.g.Argument(j); b == nil {
			tag, title = st.Thesis.Render("THESIS"), prose(v.g.Debate.Thesis.Claim)
		} else {
			tag, title = st.SideStyle(string(b.Side)).Render(strings.ToUpper(clean(string(b.Side)))), prose(b.Title)
		}
		room := v.width - detailLabel - 2 - idW - 2 - width(tag) - 1
		after := " "
		if inferred[n] {
			after = st.Rel.Render(v.gl.Inferred)
		}
		line := lead + st.Rel.Render(mark) + after + pad(st.Muted.Render(clean(id)), idW) + "  " + tag
		if title != "" && room >= 8 {
			line += " " + truncate(title, room, v.gl.Ellipsis)
		}
		out.line(line)
	}
}

// facts writes the tags, the note and where the node is defined.
func (v *detailView) facts(out *output, i int) {
	st := v.st
	a := v.g.Argument(i)
	var lines []string
	label := func(l string) string { return st.Heading.Render(l) + strings.Repeat(" ", detailLabel-len(l)) }
	if a != nil && len(a.Tags) > 0 {
		tags := make([]string, len(a.Tags))
		for k, t := range a.Tags {
			tags[k] = clean(t)
		}
		for k, l := range wrap(strings.Join(tags, ", "), v.width-detailLabel) {
			lines = append(lines, v.labelled(label("Tags"), k, l))
		}
	}
	if a != nil && strings.TrimSpace(a.Note) != "" {
		for k, l := range wrap(prose(a.Note), v.width-detailLabel) {
			lines = append(lines, v.labelled(label("Note"), k, l))
		}
	}
	if v.opts.Location != "" {
		lines = append(lines, label("Defined at")+clean(v.opts.Location))
	}
	if len(lines) > 0 {
		out.blank()
		for _, l := range lines {
			out.line(l)
		}
	}
}

func (v *detailView) labelled(label string, k int, text string) string {
	if k > 0 {
		return strings.Repeat(" ", detailLabel) + text
	}
	return label + text
}
