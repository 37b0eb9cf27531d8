package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// checkID returns a usage error naming the nearest ids when id names no node of g.
func checkID(g *argument.Graph, id string) error {
	if _, ok := g.Index(id); ok {
		return nil
	}
	ids := make([]string, g.Len())
	for i := range ids {
		ids[i] = g.ID(i)
	}
	msg := fmt.Sprintf("no argument with id %q", id)
	if near := nearest(id, ids, 3); len(near) > 0 {
		for i, n := range near {
			near[i] = safetext.Line(n)
		}
		msg += "; did you mean " + strings.Join(near, ", ") + "?"
	}
	return usageErrorf("%s (argmap list shows every id)", msg)
}

// nearest returns up to n ids close to q: those q is a prefix of first, then those within an
// edit distance of a third of q's length, closest first, ties in the ids' order.
func nearest(q string, ids []string, n int) []string {
	type cand struct {
		id   string
		dist int
		ord  int
	}
	lq := strings.ToLower(q)
	var cands []cand
	for i, id := range ids {
		lid := strings.ToLower(id)
		switch d := editDistance(lq, lid); {
		case q != "" && strings.HasPrefix(lid, lq):
			cands = append(cands, cand{id, -1, i})
		case d <= max(2, len([]rune(q))/3):
			cands = append(cands, cand{id, d, i})
		case len(lq) >= 4 && strings.Contains(lid, lq):
			cands = append(cands, cand{id, len(lid), i})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.dist - b.dist })
	var out []string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.id)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
