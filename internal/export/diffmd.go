package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/diff"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
)

// diffValueChars is how much of an old or new value a table cell shows.
const diffValueChars = 80

// DiffMarkdown writes a diff as a pull-request comment: a headline, the verdicts table with
// flips first, then the changes, each list collapsed under a <details> so a long change
// stays one screen. Every corpus string is escaped as Markdown text (a | cannot end a cell,
// a < cannot open HTML).
func DiffMarkdown(w io.Writer, r *diff.Report) error {
	bw := newWriter(w)
	d := r.Diff
	line := func(parts ...string) {
		for _, p := range parts {
			bw.WriteString(p)
		}
		bw.WriteByte('\n')
	}
	line("## argmap diff: ", safetext.Markdown(r.Old), " → ", safetext.Markdown(r.New))
	line()
	switch {
	case d.Empty():
		line("The two sides hold the same debate: no argument, relation, profile or debate field differs.")
	default:
		line(summary(d))
	}
	if len(d.Verdicts) > 0 {
		line()
		if n := r.Flips(); n > 0 {
			line(fmt.Sprintf("**%s flipped.**", count(n, "verdict")))
		} else {
			line("No verdict flipped.")
		}
		line()
		line("| | weighting | semantics | before | after | margin change |")
		line("|---|---|---|---|---|---:|")
		for _, v := range d.Verdicts {
			mark := ""
			if v.Flipped() {
				mark = "⚠️ flip"
			}
			change := "n/a"
			if v.Old.OK && v.New.OK {
				change = report.Signed(v.MarginChange())
			}
			line("| ", mark, " | ", safetext.Markdown(v.Label), " | ", string(v.Semantics), " | ",
				mdSide(v.Old), " | ", mdSide(v.New), " | ", change, " |")
		}
	}
	if len(d.Debate) > 0 {
		mdFields(line, "Debate fields", d.Debate)
	}
	if len(d.Added)+len(d.Removed) > 0 {
		line()
		line("<details><summary>Arguments added and removed</summary>")
		line()
		line("| | id | side | category | title |")
		line("|---|---|---|---|---|")
		for _, a := range d.Added {
			line("| added | `", a.ID, "` | ", string(a.Side), " | ", safetext.Markdown(a.Category), " | ", mdValue(a.Title), " |")
		}
		for _, a := range d.Removed {
			line("| removed | `", a.ID, "` | ", string(a.Side), " | ", safetext.Markdown(a.Category), " | ", mdValue(a.Title), " |")
		}
		line()
		line("</details>")
	}
	if len(d.Changed) > 0 {
		line()
		line("<details><summary>Arguments changed</summary>")
		line()
		line("| id | field | before | after |")
		line("|---|---|---|---|")
		for _, c := range d.Changed {
			for _, f := range c.Fields {
				line("| `", c.ID, "` | ", f.Name, " | ", mdValue(f.Old), " | ", mdValue(f.New), " |")
			}
		}
		line()
		line("</details>")
	}
	if len(d.Relations) > 0 {
		line()
		line("<details><summary>Relations added and removed</summary>")
		line()
		for _, rel := range d.Relations {
			verb := "supports"
			if rel.Type == "attack" {
				verb = "attacks"
			}
			line("- ", rel.Change, ": `", rel.From, "` ", verb, " `", rel.To, "`")
		}
		line()
		line("</details>")
	}
	if len(d.Profiles) > 0 {
		var fs []diff.Field
		for _, p := range d.Profiles {
			if len(p.Fields) == 0 {
				fs = append(fs, diff.Field{Name: p.Name, Old: ifThen(p.Change == "removed", "(profile)"), New: ifThen(p.Change == "added", "(profile)")})
			}
			for _, f := range p.Fields {
				fs = append(fs, diff.Field{Name: p.Name + " " + f.Name, Old: f.Old, New: f.New})
			}
		}
		mdFields(line, "Profiles", fs)
	}
	return bw.Flush()
}

func ifThen(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

func mdFields(line func(...string), title string, fs []diff.Field) {
	line()
	line("<details><summary>", title, "</summary>")
	line()
	line("| field | before | after |")
	line("|---|---|---|")
	for _, f := range fs {
		line("| ", safetext.Markdown(f.Name), " | ", mdValue(f.Old), " | ", mdValue(f.New), " |")
	}
	line()
	line("</details>")
}

// mdValue is a value shortened for a table cell, escaped; an empty value is shown as a dash.
func mdValue(s string) string {
	s = safetext.Flat(s)
	if s == "" {
		return "–"
	}
	if r := []rune(s); len(r) > diffValueChars {
		s = string(r[:diffValueChars-1]) + "…"
	}
	return safetext.Markdown(s)
}

func mdSide(s diff.Side) string {
	if !s.OK {
		return "n/a"
	}
	return strings.ToUpper(string(s.Verdict)) + " " + report.Margin(s.Margin)
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func relations(d *diff.Diff, change string) int {
	n := 0
	for _, r := range d.Relations {
		if r.Change == change {
			n++
		}
	}
	return n
}

// summary is the one line that says how big the change is, naming only what changed.
func summary(d *diff.Diff) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, what+" "+strconv.Itoa(n))
		}
	}
	add(len(d.Added), "arguments added")
	add(len(d.Removed), "arguments removed")
	add(len(d.Changed), "arguments changed")
	add(relations(d, "added"), "relations added")
	add(relations(d, "removed"), "relations removed")
	add(len(d.Profiles), "profiles changed")
	add(len(d.Debate), "debate fields changed")
	return "Changes: " + strings.Join(parts, ", ") + "."
}
