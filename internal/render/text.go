package render

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/argmap/argmap/internal/safetext"
)

// clean makes one corpus string safe for a single terminal line. Every corpus string a view
// prints passes through clean or prose; nothing else reaches the terminal.
func clean(s string) string { return safetext.Line(s) }

// cleanID is clean for an id: a letter outside the id's main script comes out escaped too,
// so that a look-alike ("pаy" with a Cyrillic а) cannot pass for the id it imitates.
func cleanID(s string) string { return safetext.ID(s) }

// prose is clean for running text that will be wrapped: spaces, tabs and line breaks fold to
// single spaces first (they are harmless), then everything else unsafe is escaped visibly.
func prose(s string) string {
	return clean(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), " "))
}

// wrap breaks plain (unstyled) text into lines of at most width columns, at spaces where it
// can and inside words that are longer than a line.
func wrap(s string, width int) []string {
	if s == "" {
		return nil
	}
	width = max(width, 8)
	return strings.Split(lipgloss.Wrap(s, width, " "), "\n")
}

// maxBlockLines is the most lines one block of text (a title, a claim, a quote) takes in a
// tree view. lipgloss's tree lays a node out in time quadratic in its height, so that a claim
// of 1 MB (12,500 lines) took minutes; argmap get shows the text whole.
const maxBlockLines = 24

// wrapAtMost is wrap cut to at most n lines (n ≥ 2), the last then replaced by what more(k)
// says about the k lines left out, cut to width.
func wrapAtMost(s string, width, n int, more func(k int) string, ellipsis string) []string {
	lines := wrap(s, width)
	if len(lines) <= n {
		return lines
	}
	k := len(lines) - (n - 1)
	return append(lines[:n-1], truncate(more(k), max(width, 8), ellipsis))
}

// width is the number of terminal columns s takes, escapes excluded.
func width(s string) int { return lipgloss.Width(s) }

// pad adds spaces to the right of s (which may be styled) up to n columns.
func pad(s string, n int) string {
	if w := width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// truncate shortens plain text to at most n columns, ending it with the ellipsis when it cuts.
func truncate(s string, n int, ellipsis string) string {
	if width(s) <= n {
		return s
	}
	n -= width(ellipsis)
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := width(string(r))
		if w+rw > n {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String() + ellipsis
}

// maxBadge is the most columns a category badge takes in a column of badges; a longer name
// is cut (get shows it whole).
const maxBadge = 12

// badge is a category name for a column of badges.
func badge(c string, g Glyphs) string { return truncate(clean(c), maxBadge, g.Ellipsis) }

// barCells is the number of cells in a strength bar: ten on a wide terminal, five on a narrow
// one (the number beside it keeps the precision).
func barCells(o Options) int {
	if o.width() < 100 {
		return 5
	}
	return 10
}

// BarParts draws a strength from 0 to 1 as the filled and empty parts of a bar of cells
// cells, in half-cell steps: the bars of show, list, get and the explorer.
func BarParts(v float64, cells int, g Glyphs) (filled, empty string) {
	if math.IsNaN(v) {
		v = 0
	}
	halves := int(math.Round(math.Max(0, math.Min(1, v)) * float64(cells) * 2))
	full, half := halves/2, halves%2
	filled = strings.Repeat(g.Full, full)
	if half == 1 {
		filled += g.Half
	}
	return filled, strings.Repeat(g.Empty, cells-full-half)
}

// number formats a strength or score.
func number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return " n/a"
	}
	return fmt.Sprintf("%.2f", v)
}

// styled renders s in st, leaving an empty string empty (lipgloss would pad nothing, but an
// empty styled span is noise in the output).
func styled(st lipgloss.Style, s string) string {
	if s == "" {
		return ""
	}
	return st.Render(s)
}

// trailing matches the end of a line made only of spaces and style sequences.
var trailing = regexp.MustCompile(`(?:\x1b\[[0-9;]*m| )+$`)

// trimRight drops the spaces at the end of a line, styled or not (tree connectors and table
// cells pad with them), keeping the style sequences so that every style is still reset.
func trimRight(l string) string {
	if l == "" || (l[len(l)-1] != ' ' && l[len(l)-1] != 'm') {
		return l
	}
	loc := trailing.FindStringIndex(l)
	if loc == nil {
		return l
	}
	return l[:loc[0]] + strings.ReplaceAll(l[loc[0]:], " ", "")
}

// output collects a view's lines and writes them at the end, with trailing spaces removed,
// so that a view never leaves half its output behind on an error.
type output struct {
	b strings.Builder
}

func (o *output) line(parts ...string) {
	o.b.WriteString(strings.Join(parts, ""))
	o.b.WriteByte('\n')
}

func (o *output) block(s string) {
	for _, l := range strings.Split(s, "\n") {
		o.line(l)
	}
}

func (o *output) blank() { o.b.WriteByte('\n') }

// flush writes what the output holds so far and empties it.
func (o *output) flush(w io.Writer) error {
	if o.b.Len() == 0 {
		return nil
	}
	err := o.writeTo(w)
	o.b.Reset()
	return err
}

func (o *output) writeTo(w io.Writer) error {
	lines := strings.Split(strings.TrimSuffix(o.b.String(), "\n"), "\n")
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(trimRight(l))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
