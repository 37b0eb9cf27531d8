package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/argmap/argmap/internal/diff"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
)

// DiffOptions say how to draw a diff.
type DiffOptions struct {
	Options
	Styles Styles
}

// diffValueWidth is how much of an old or new value a line shows: enough to recognise it.
const diffValueWidth = 60

// Diff draws what changed between two debates, verdicts first (flips first among them), then
// the arguments, relations, profiles and debate fields.
func Diff(w io.Writer, r *diff.Report, opts DiffOptions) error {
	st, g := opts.Styles, NewGlyphs(opts.ASCII)
	var o output
	d := r.Diff
	o.line(st.Heading.Render("argmap diff"), " ", clean(r.Old), " ", g.Dash, " ", clean(r.New))
	if d.Empty() {
		o.line("The two sides hold the same debate: no argument, relation, profile or debate field differs.")
	}
	diffVerdicts(&o, r, st)
	if d.Empty() {
		return o.writeTo(w)
	}
	val := func(s string) string { return truncate(clean(s), diffValueWidth, g.Ellipsis) }
	if len(d.Debate) > 0 {
		o.blank()
		o.line(st.Heading.Render("Debate"))
		for _, f := range d.Debate {
			o.line("  ", f.Name, ": ", val(f.Old), " → ", val(f.New))
		}
	}
	if n := len(d.Added) + len(d.Removed) + len(d.Changed); n > 0 {
		o.blank()
		o.line(st.Heading.Render("Arguments"), st.Muted.Render(fmt.Sprintf("  %d added, %d removed, %d changed", len(d.Added), len(d.Removed), len(d.Changed))))
		for _, a := range d.Added {
			o.line("  ", st.Good.Render("+"), " ", st.SideStyle(string(a.Side)).Render(strings.ToUpper(string(a.Side))), " ",
				st.CategoryStyle(a.Category).Render(badge(a.Category, g)), " ", cleanID(a.ID), "  ", val(a.Title))
		}
		for _, a := range d.Removed {
			o.line("  ", st.Bad.Render("-"), " ", st.SideStyle(string(a.Side)).Render(strings.ToUpper(string(a.Side))), " ",
				st.CategoryStyle(a.Category).Render(badge(a.Category, g)), " ", cleanID(a.ID), "  ", val(a.Title))
		}
		for _, c := range d.Changed {
			o.line("  ", st.Warn.Render("~"), " ", cleanID(c.ID), "  ", val(c.Title))
			for _, f := range c.Fields {
				o.line("      ", st.Muted.Render(f.Name+":"), " ", val(f.Old), " → ", val(f.New))
			}
		}
	}
	if len(d.Relations) > 0 {
		o.blank()
		o.line(st.Heading.Render("Relations"))
		for _, rel := range d.Relations {
			mark := st.Good.Render("+")
			if rel.Change == "removed" {
				mark = st.Bad.Render("-")
			}
			verb := "supports"
			if rel.Type == "attack" {
				verb = "attacks"
			}
			o.line("  ", mark, " ", clean(rel.From), " ", verb, " ", clean(rel.To))
		}
	}
	if len(d.Profiles) > 0 {
		o.blank()
		o.line(st.Heading.Render("Profiles"))
		for _, p := range d.Profiles {
			o.line("  ", clean(p.Name), " ", p.Change)
			for _, f := range p.Fields {
				o.line("      ", st.Muted.Render(f.Name+":"), " ", val(f.Old), " → ", val(f.New))
			}
		}
	}
	return o.writeTo(w)
}

// diffVerdicts writes the verdict table: one line per weighting and semantics, flips marked.
func diffVerdicts(o *output, r *diff.Report, st Styles) {
	rows := r.Diff.Verdicts
	if len(rows) == 0 {
		return
	}
	o.blank()
	count := st.Muted.Render("  none flipped")
	if n := r.Flips(); n > 0 {
		count = st.Bad.Render(fmt.Sprintf("  %d flipped", n))
	}
	o.line(st.Heading.Render("Verdicts"), count)
	label := 0
	for _, v := range rows {
		label = max(label, width(clean(v.Label)+" "+string(v.Semantics)))
	}
	for _, v := range rows {
		name := pad(clean(v.Label)+" "+string(v.Semantics), label)
		mark := "  "
		if v.Flipped() {
			mark = st.Bad.Render("! ")
		}
		if !v.Old.OK || !v.New.OK {
			reason := v.Old.Reason
			if reason == "" {
				reason = v.New.Reason
			}
			o.line("  ", mark, name, "  ", verdictCell(v.Old, st), " → ", verdictCell(v.New, st), "  ", st.Muted.Render(clean(reason)))
			continue
		}
		o.line("  ", mark, name, "  ", verdictCell(v.Old, st), " → ", verdictCell(v.New, st),
			"  ", st.Muted.Render("("+report.Signed(v.MarginChange())+")"))
	}
}

func verdictCell(s diff.Side, st Styles) string {
	if !s.OK {
		return pad("n/a", 11)
	}
	word := strings.ToUpper(string(s.Verdict))
	var vs = st.Muted
	switch s.Verdict {
	case score.VerdictPro:
		vs = st.Pro
	case score.VerdictCon:
		vs = st.Con
	}
	return vs.Render(pad(word, 3)) + " " + report.Margin(s.Margin)
}
