package export

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
)

// briefAtlasWidth is the side of the brief's text picture, in columns: it fits a fixed-width
// block 72 columns wide with its indent.
const briefAtlasWidth = 64

// atlasSection writes the verdict over every weighting: the headline shares, the triangle (or
// strip) in letters in a fenced block, a key to the marks, and the SVG beside the brief when
// there is one.
func (doc *briefDoc) atlasSection() {
	a := doc.b.Atlas
	s := a.Shares
	doc.add(safetext.MarkdownLine(report.Shares(s.Pro, s.Con, s.Tie)) + " (" + codeText(string(a.Semantics)) + ").")
	shape := "a point of the triangle below: each corner gives its category all the weight, the side facing it none"
	if len(a.Axes) == 2 {
		shape = "a point of the strip below, from all the weight on one category to all on the other"
	}
	held := ""
	if len(a.Held) > 0 {
		var hs []string
		for _, c := range a.Categories {
			if x, ok := a.Held[c]; ok {
				hs = append(hs, c+" "+report.Figure(x, 1e-9))
			}
		}
		held = fmt.Sprintf(" The map shows %s, %s and %s; the other categories keep their weights (%s).",
			a.Axes[0], a.Axes[1], a.Axes[2], strings.Join(hs, ", "))
	}
	doc.add(safetext.MarkdownLine(fmt.Sprintf("Weights are relative, so every weighting of the categories is %s. The debate is scored at %s of them (resolution %d).%s",
		shape, report.Thousands(len(a.Cells)), a.Resolution, held)) + " `argmap atlas` draws it in colour, `argmap atlas --format svg` as a picture.")

	var lines []string
	pic := report.DrawAtlas(a, briefAtlasWidth)
	label := func(k int) string { return safetext.Line(a.Axes[k]) }
	row := func(r []report.Pixel) string {
		var b strings.Builder
		for _, p := range r {
			b.WriteString(atlasLetter(p, len(a.Points), doc.b.AtlasOwn))
		}
		return strings.TrimRight(b.String(), " ")
	}
	if pic.Strip {
		for _, r := range pic.Rows {
			lines = append(lines, "  "+row(r))
		}
		lines = append(lines, "  "+spread(label(0), label(1), briefAtlasWidth))
	} else {
		lines = append(lines, "  "+strings.Repeat(" ", max(0, (briefAtlasWidth-len([]rune(label(0))))/2))+label(0))
		for _, r := range pic.Rows {
			lines = append(lines, "  "+row(r))
		}
		lines = append(lines, "  "+spread(label(1), label(2), briefAtlasWidth))
	}
	lines = append(lines, "")
	for i, m := range a.Points {
		name := safetext.Line(m.Name)
		if doc.b.AtlasOwn && i == len(a.Points)-1 {
			name = "your weights (" + name + ")"
		}
		var ws []string
		for _, c := range a.Categories {
			ws = append(ws, safetext.Line(c)+" "+report.Figure(m.Weights.Get(c), 1e-9))
		}
		lines = append(lines, fmt.Sprintf("  %s  %s: %s; %s %+.3f", report.Marker(i, len(a.Points), doc.b.AtlasOwn), name,
			strings.Join(ws, ", "), strings.ToUpper(string(m.Verdict)), m.Margin))
	}
	lines = append(lines, fmt.Sprintf("P pro, C con (lower case: margin under %.3f, half the largest), = tie; - / | \\ the verdict flips", pic.Top/2))
	code := strings.Join(lines, "\n")
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	doc.add(fence+"text", code, fence)
	if doc.b.AtlasImage != "" {
		doc.add("![The verdict over every weighting](" + (&url.URL{Path: doc.b.AtlasImage}).EscapedPath() + ")")
	}
}

// atlasLetter spells a pixel in letters, as the terminal does without colour.
func atlasLetter(p report.Pixel, marks int, own bool) string {
	switch p.Ink {
	case report.InkPro, report.InkCon:
		l := "P"
		if p.Ink == report.InkCon {
			l = "C"
		}
		if !p.Strong() {
			l = strings.ToLower(l)
		}
		return l
	case report.InkTie:
		return "="
	case report.InkLine:
		return [...]string{"-", "/", "|", `\`}[p.Slope]
	case report.InkMark:
		return report.Marker(p.Mark, marks, own)
	}
	return " "
}

// spread puts left and right at the two ends of w columns.
func spread(left, right string, w int) string {
	return left + strings.Repeat(" ", max(1, w-len([]rune(left))-len([]rune(right)))) + right
}
