package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// Short titles leave the id column close to the tree: the bar must stay beside the title and
// each id must be drawn once (it was once drawn twice, stacked under a one-letter title).
func TestShowShortTitlesDrawEachIDOnce(t *testing.T) {
	d := &argument.Debate{
		Title: "D", Question: "Q?", Categories: []string{"a", "b"},
		Thesis: argument.Thesis{ID: "t", Claim: "T.", Base: 0.5},
		Arguments: []*argument.Argument{
			{ID: "xid", Side: argument.Pro, Category: "a", Title: "X", Strength: 0.3, Supports: []string{"t"}},
			{ID: "yid", Side: argument.Con, Category: "b", Title: "Y", Strength: 0.2, Attacks: []string{"t"}},
		},
	}
	for _, scores := range []map[string]float64{nil, {"t": 0.55, "xid": 0.3, "yid": 0.2}} {
		var buf bytes.Buffer
		err := Show(&buf, argument.NewGraph(d), ShowOptions{Options: Options{Width: 100}, Scores: scores})
		if err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, id := range []string{"xid", "yid"} {
			if n := strings.Count(out, id); n != 1 {
				t.Errorf("scores=%v: id %s drawn %d times, want 1:\n%s", scores != nil, id, n, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "X") && !strings.Contains(line, "0.30") {
				t.Errorf("scores=%v: the bar is not beside the title X:\n%s", scores != nil, out)
			}
		}
	}
}
