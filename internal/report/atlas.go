package report

import (
	"math"
	"strconv"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// The atlas as a picture of character cells, before any medium: which cells the triangle (or
// strip) covers, the verdict and shade of each, where the boundary runs and at what slope, and
// where each mark sits. render spells it in colour or letters for a terminal, export in
// letters for the brief.

// Ink is what a character cell of an atlas picture shows.
type Ink uint8

// The inks.
const (
	InkNone Ink = iota // outside the picture
	InkPro
	InkCon
	InkTie
	InkLine // the boundary
	InkMark // a mark: Pixel.Mark says which
)

// Slope is the direction of the boundary in a cell, as it looks (a row is two columns tall).
type Slope uint8

// The slopes: ─ ╱ │ ╲.
const (
	Flat Slope = iota
	Rising
	Upright
	Falling
)

// Pixel is one character cell of an atlas picture.
type Pixel struct {
	Ink   Ink
	Shade int   // for InkPro and InkCon: 0 to 3, the margin's quarter of the largest
	Slope Slope // for InkLine
	Mark  int   // for InkMark: the index of the mark in Atlas.Points
}

// Picture is an atlas drawn in character cells: a triangle with axis 0 at the top corner, 1
// bottom left and 2 bottom right, or a strip (two rows) with axis 0 at the left end.
type Picture struct {
	Rows  [][]Pixel
	Width int
	Strip bool
	Top   float64 // the largest |margin|, which the shades are quarters of
}

// Strong reports whether a pixel's margin is at least half the largest (a capital letter).
func (p Pixel) Strong() bool { return p.Shade >= 2 }

// DrawAtlas draws a onto a picture width columns wide (the triangle's side; it is about
// width·0.43 rows tall).
func DrawAtlas(a *score.Atlas, width int) *Picture {
	width = max(width, 4)
	p := &Picture{Width: width}
	for _, c := range a.Cells {
		p.Top = math.Max(p.Top, math.Abs(c.Margin))
	}
	if len(a.Axes) == 2 {
		p.strip(a)
		return p
	}
	w := float64(width)
	h := w * math.Sqrt(3) / 2 // the triangle's height in columns
	// Whole rows whose middles lie inside the triangle: the last one's middle is at most half
	// a row above the base.
	rows := max(1, int(math.Round(h/2)))
	p.Rows = make([][]Pixel, rows)
	for r := range p.Rows {
		p.Rows[r] = make([]Pixel, width)
		for c := range width {
			// The cell's centre, in the triangle's shares.
			x, up := float64(c)+0.5, h-(2*float64(r)+1)
			s0 := up / h
			s2 := x/w - s0/2
			s1 := 1 - s0 - s2
			eps := 0.5 / w
			if s0 < -eps || s1 < -eps || s2 < -eps {
				continue
			}
			at := score.Coord{max(s0, 0), max(s1, 0), max(s2, 0)}
			sum := at[0] + at[1] + at[2]
			for k := range at {
				at[k] /= sum
			}
			p.Rows[r][c] = p.cell(a.Nearest(at))
		}
	}
	toXY := func(at score.Coord) (col, row float64) {
		return (at[0]/2 + at[2]) * w, (h - at[0]*h) / 2
	}
	// put draws px at a point; the boundary only inside the triangle (it ends on the edge, whose
	// cells can lie outside), a mark wherever it falls.
	put := func(col, row float64, px Pixel) {
		c, r := min(max(int(math.Floor(col)), 0), width-1), min(max(int(math.Floor(row)), 0), rows-1)
		if px.Ink == InkLine && p.Rows[r][c].Ink == InkNone {
			return
		}
		p.Rows[r][c] = px
	}
	// The boundary, one cell thick: a steep segment marks the cell where it crosses each row's
	// middle, a flat one where it crosses each column's, each cell with the glyph of its slope.
	for _, line := range a.Boundary {
		for k := 1; k < len(line); k++ {
			x0, y0 := toXY(line[k-1])
			x1, y1 := toXY(line[k])
			px := Pixel{Ink: InkLine, Slope: slope(x1-x0, 2*(y1-y0))}
			if 2*math.Abs(y1-y0) >= math.Abs(x1-x0) {
				lo, hi := math.Min(y0, y1), math.Max(y0, y1)
				for yc := math.Floor(lo-0.5) + 0.5; yc <= hi; yc++ {
					if yc >= lo && (yc < hi || k == len(line)-1) && hi > lo {
						put(x0+(yc-y0)/(y1-y0)*(x1-x0), yc, px)
					}
				}
			} else {
				lo, hi := math.Min(x0, x1), math.Max(x0, x1)
				for xc := math.Floor(lo-0.5) + 0.5; xc <= hi; xc++ {
					if xc >= lo && (xc < hi || k == len(line)-1) && hi > lo {
						put(xc, y0+(xc-x0)/(x1-x0)*(y1-y0), px)
					}
				}
			}
			if k == 1 || k == len(line)-1 {
				// The ends, where the line meets the edge of the triangle.
				put(x0, y0, px)
				put(x1, y1, px)
			}
		}
	}
	for i, m := range a.Points {
		if m.Placed {
			x, y := toXY(m.At)
			put(x, y, Pixel{Ink: InkMark, Mark: i})
		}
	}
	return p
}

func (p *Picture) cell(c *score.Cell) Pixel {
	switch c.Verdict {
	case score.VerdictPro, score.VerdictCon:
		ink := InkPro
		if c.Verdict == score.VerdictCon {
			ink = InkCon
		}
		q := 0.0
		if p.Top > 0 {
			q = math.Abs(c.Margin) / p.Top
		}
		return Pixel{Ink: ink, Shade: min(3, int(q*4))}
	}
	return Pixel{Ink: InkTie}
}

// strip draws two rows: the cells, axis 0 all the weight at the left end, with the boundary
// across them; the marks go on a row of their own above (row 0).
func (p *Picture) strip(a *score.Atlas) {
	p.Strip = true
	w := p.Width
	marks, bar := make([]Pixel, w), make([]Pixel, w)
	toCol := func(at score.Coord) int { return min(max(int((1-at[0])*float64(w)), 0), w-1) }
	for c := range w {
		at := score.Coord{1 - (float64(c)+0.5)/float64(w)}
		at[1] = 1 - at[0]
		bar[c] = p.cell(a.Nearest(at))
	}
	for _, line := range a.Boundary {
		bar[toCol(line[0])] = Pixel{Ink: InkLine, Slope: Upright}
	}
	for i, m := range a.Points {
		if m.Placed {
			marks[toCol(m.At)] = Pixel{Ink: InkMark, Mark: i}
		}
	}
	p.Rows = [][]Pixel{marks, bar, bar}
}

// slope is the look of a segment dx columns across and dy columns down.
func slope(dx, dy float64) Slope {
	ang := math.Atan2(-dy, dx) * 180 / math.Pi // up is positive
	if ang < 0 {
		ang += 180
	}
	switch {
	case ang < 22.5 || ang >= 157.5:
		return Flat
	case ang < 67.5:
		return Rising
	case ang < 112.5:
		return Upright
	}
	return Falling
}

// Marker is the mark of point i of n on a picture: 1 to 9, then capital letters (skipping C
// and P, the cells' own), then #; own makes the last one the user's own, "*".
func Marker(i, n int, own bool) string {
	if own && i == n-1 {
		return "*"
	}
	if i < 9 {
		return strconv.Itoa(i + 1)
	}
	letters := "ABDEFGHIJKLMNOQRSTUVWXYZ"
	if k := i - 9; k < len(letters) {
		return letters[k : k+1]
	}
	return "#"
}

// BriefAtlasResolution is the brief's lattice: at least 60 steps an edge, as the terminal's,
// and coarser than atlas's default because a brief of a big debate already scores it often.
const BriefAtlasResolution = 60

// BriefAtlas scores the brief's atlas under its weights and semantics, every profile marked and
// the chosen one (profile, when not "") marked as the user's own. Nil for a debate with fewer
// than two categories, which has no atlas.
func BriefAtlas(g *argument.Graph, w score.Weights, sem score.Semantics, profile string) (*score.Atlas, error) {
	d := g.Debate
	if len(d.Categories) < 2 {
		return nil, nil
	}
	return score.NewAtlas(g, w, sem, score.AtlasOptions{Resolution: BriefAtlasResolution, Marks: AtlasMarks(d, w, profile, profile != "")})
}

// AtlasMarks lists the marks of an atlas: every profile of the corpus, in corpus order, then
// the user's own weighting (named label) when own.
func AtlasMarks(d *argument.Debate, w score.Weights, label string, own bool) []score.AtlasMark {
	var marks []score.AtlasMark
	for _, p := range d.Profiles {
		marks = append(marks, score.AtlasMark{Name: p.Name, Weights: score.Weights(p.Weights)})
	}
	if own {
		marks = append(marks, score.AtlasMark{Name: label, Weights: w})
	}
	return marks
}
