package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/wire"
)

// AtlasDoc is what the atlas encoders write: one atlas per semantics over the same lattice and
// marks. Own says that the last mark is the user's own weighting rather than a profile.
type AtlasDoc struct {
	Title   string // the debate's title, for the SVG's heading
	Atlases []*score.Atlas
	Own     bool
}

func (d *AtlasDoc) check() error {
	if len(d.Atlases) == 0 {
		return fmt.Errorf("atlas: no atlas to write")
	}
	return nil
}

// AtlasJSONEncoder writes the atlas as JSON: the lattice, every cell's coordinates, weights,
// margin and verdict, the shares, the boundary's polylines and the marks (documented in the
// README). Coordinates and weights are written in full (shortest round trip), so that a cell's
// weights given to argmap score --weights give its margin; margins are rounded to 1e-9 as
// score's are.
type AtlasJSONEncoder struct{ w io.Writer }

// NewAtlasJSONEncoder returns an encoder that writes to w.
func NewAtlasJSONEncoder(w io.Writer) *AtlasJSONEncoder { return &AtlasJSONEncoder{w: w} }

// Encode writes the document.
func (e *AtlasJSONEncoder) Encode(d *AtlasDoc) error {
	if err := d.check(); err != nil {
		return err
	}
	w := bufio.NewWriter(e.w)
	first := d.Atlases[0]
	fmt.Fprintf(w, "{\n  \"argmap\": %d,\n  \"categories\": ", wire.Version)
	jsonStrings(w, first.Categories)
	w.WriteString(",\n  \"axes\": ")
	jsonStrings(w, first.Axes)
	w.WriteString(",\n  \"held\": ")
	var held []string
	for _, c := range first.Categories {
		if _, ok := first.Held[c]; ok {
			held = append(held, c)
		}
	}
	jsonWeights(w, held, first.Held)
	fmt.Fprintf(w, ",\n  \"total\": %s,\n  \"resolution\": %d,\n  \"weightings\": %d,\n  \"marks\": [",
		exact(first.Total), first.Resolution, len(first.Cells))
	for i, m := range first.Points {
		if i > 0 {
			w.WriteByte(',')
		}
		kind := "profile"
		if d.Own && i == len(first.Points)-1 {
			kind = "own"
		}
		w.WriteString("\n    {\"name\": ")
		jsonString(w, m.Name)
		fmt.Fprintf(w, ", \"kind\": %q, \"weights\": ", kind)
		jsonWeights(w, first.Categories, m.Weights)
		w.WriteString(", \"at\": ")
		if m.Placed {
			jsonCoord(w, m.At, len(first.Axes))
		} else {
			w.WriteString("null")
		}
		fmt.Fprintf(w, ", \"on_map\": %t}", m.Placed && m.OnMap)
	}
	if len(first.Points) > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("],\n  \"atlases\": [")
	for ai, a := range d.Atlases {
		if ai > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(w, "\n    {\n      \"semantics\": %q,\n      \"converged\": %t,\n", a.Semantics, a.Converged)
		fmt.Fprintf(w, "      \"shares\": {\"pro\": %s, \"con\": %s, \"tie\": %s},\n      \"marks\": [",
			exact(a.Shares.Pro), exact(a.Shares.Con), exact(a.Shares.Tie))
		for i, m := range a.Points {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteString("{\"name\": ")
			jsonString(w, m.Name)
			fmt.Fprintf(w, ", \"verdict\": %q, \"margin\": %s}", m.Verdict, margin(m.Margin))
		}
		w.WriteString("],\n      \"boundary\": [")
		for i, line := range a.Boundary {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n        [")
			for k, p := range line {
				if k > 0 {
					w.WriteString(", ")
				}
				jsonCoord(w, p, len(a.Axes))
			}
			w.WriteByte(']')
		}
		if len(a.Boundary) > 0 {
			w.WriteString("\n      ")
		}
		w.WriteString("],\n      \"cells\": [")
		for i, c := range a.Cells {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n        {\"at\": ")
			jsonCoord(w, c.At, len(a.Axes))
			w.WriteString(", \"weights\": ")
			jsonWeights(w, a.Categories, a.Weights(c.At))
			fmt.Fprintf(w, ", \"margin\": %s, \"verdict\": %q}", margin(c.Margin), c.Verdict)
		}
		w.WriteString("\n      ]\n    }")
	}
	w.WriteString("\n  ]\n}\n")
	return w.Flush()
}

func jsonString(w *bufio.Writer, s string) {
	b, _ := json.Marshal(s) // a string always encodes
	w.Write(b)
}

func jsonStrings(w *bufio.Writer, ss []string) {
	w.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			w.WriteString(", ")
		}
		jsonString(w, s)
	}
	w.WriteByte(']')
}

// jsonWeights writes the weights of the named categories as an object, in that order.
func jsonWeights(w *bufio.Writer, cats []string, ws score.Weights) {
	w.WriteByte('{')
	for i, c := range cats {
		if i > 0 {
			w.WriteString(", ")
		}
		jsonString(w, c)
		w.WriteString(": ")
		w.WriteString(exact(ws.Get(c)))
	}
	w.WriteByte('}')
}

func jsonCoord(w *bufio.Writer, at score.Coord, dim int) {
	w.WriteByte('[')
	for k := range dim {
		if k > 0 {
			w.WriteString(", ")
		}
		w.WriteString(exact(at[k]))
	}
	w.WriteByte(']')
}

// exact writes x in the fewest digits that read back to the same float64.
func exact(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// margin writes a margin as argmap score's JSON does: rounded to 1e-9, no negative zero.
func margin(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "0"
	}
	if math.Abs(x) < 1e15 {
		x = math.Round(x*1e9) / 1e9
	}
	if x == 0 {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
