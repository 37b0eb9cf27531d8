package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"github.com/argmap/argmap/internal/argument"
)

// ListOptions configure the argument list.
type ListOptions struct {
	Options
	// Table draws a table for a person; otherwise the list is tab-separated values with a
	// header row, for a pipe. Tab-separated output is data: it never holds colour.
	Table bool
}

// List writes one row per argument: id, side, category, strength and title.
func List(w io.Writer, d *argument.Debate, args []*argument.Argument, opts ListOptions) error {
	if !opts.Table {
		return listTSV(w, args)
	}
	st, gl := NewStyles(opts.Color, d.Categories), NewGlyphs(opts.ASCII)
	cells := 5 // a short bar: the list is for scanning; the number keeps the precision

	headers := []string{"ID", "SIDE", "CATEGORY", "STRENGTH", "TITLE"}
	const gap = 2
	rows, titleW := listRows(args, opts, st, gl, cells)
	if titleW < 20 && cells > 0 {
		// Narrow: the number alone says the strength, and the title gets the bar's room.
		rows, titleW = listRows(args, opts, st, gl, 0)
	}
	// A title is cut to fit its row; when the room left is too small for a cut title to say
	// anything, it wraps instead, and the row takes more lines.
	for _, r := range rows {
		if titleW >= minCutTitle {
			r[4] = st.Title.Render(truncate(r[4], titleW, gl.Ellipsis))
			continue
		}
		lines := wrap(r[4], titleW)
		for i, l := range lines {
			lines[i] = styled(st.Title, l)
		}
		r[4] = strings.Join(lines, "\n")
	}

	t := table.New().
		Headers(headers...).
		Rows(rows...).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(true).
		Border(headerRule(gl)).
		BorderStyle(st.Branch).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := lipgloss.NewStyle()
			if col < len(headers)-1 {
				s = s.PaddingRight(gap)
			}
			if row == table.HeaderRow {
				s = s.Inherit(st.Heading)
			}
			return s
		})
	var out output
	out.block(t.String())
	if len(args) == 0 {
		out.line(st.Muted.Render("no argument matches the filter"))
	}
	return out.writeTo(w)
}

// minCutTitle is the narrowest title column that titles are cut to fit rather than wrapped.
const minCutTitle = 24

// listRows builds the cells of the table, the title still plain, and the width left for the
// title: what the other columns leave, so that each argument stays on one row.
func listRows(args []*argument.Argument, opts ListOptions, st Styles, gl Glyphs, cells int) ([][]string, int) {
	const gap = 2
	widths := []int{len("ID"), len("SIDE"), len("CATEGORY"), len("STRENGTH")}
	rows := make([][]string, len(args))
	for i, a := range args {
		side := st.SideStyle(string(a.Side))
		strength := number(a.Strength)
		if cells > 0 {
			filled, empty := BarParts(a.Strength, cells, gl)
			strength = styled(side.UnsetBold(), filled) + styled(st.Track, empty) + " " + strength
		}
		rows[i] = []string{
			st.Muted.Render(cleanID(a.ID)),
			side.Render(strings.ToUpper(clean(string(a.Side)))),
			st.CategoryStyle(a.Category).Render(badge(a.Category, gl)),
			strength,
			clean(a.Title),
		}
		for c := range widths {
			widths[c] = max(widths[c], width(rows[i][c]))
		}
	}
	used := 0
	for _, wd := range widths {
		used += wd + gap
	}
	return rows, max(opts.width()-used, 8)
}

// headerRule is a border that draws only the rule under the header.
func headerRule(gl Glyphs) lipgloss.Border {
	rule := "─"
	if gl.Full == "#" {
		rule = "-"
	}
	return lipgloss.Border{Top: rule, Bottom: rule, Middle: rule, MiddleLeft: rule, MiddleRight: rule}
}

// listTSV writes the list as tab-separated values. Tabs and newlines inside a field are
// escaped by the sanitiser, so every row has exactly five fields.
func listTSV(w io.Writer, args []*argument.Argument) error {
	var b strings.Builder
	b.WriteString("id\tside\tcategory\tstrength\ttitle\n")
	for _, a := range args {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", clean(a.ID), clean(string(a.Side)), clean(a.Category),
			strconv.FormatFloat(a.Strength, 'f', -1, 64), clean(a.Title))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
