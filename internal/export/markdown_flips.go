package export

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// checkSensitivity checks that the brief's sensitivity analysis is of its graph: one row per
// argument, in the graph's order.
func checkSensitivity(b *Brief) error {
	s := b.Sensitivity
	if s == nil {
		return nil
	}
	args := b.Graph.Arguments()
	if len(s.Arguments) != len(args) {
		return fmt.Errorf("brief: sensitivity of %d arguments for %d arguments", len(s.Arguments), len(args))
	}
	for i, a := range s.Arguments {
		if a.ID != args[i].ID {
			return fmt.Errorf("brief: sensitivity row %d is of %q, not of argument %q", i+1, a.ID, args[i].ID)
		}
	}
	return nil
}

// flipsSection writes "Where the verdict flips": how far each category's weight and each
// argument's strength can move, alone, before the verdict changes. Every number comes from the
// analysis; this only words and orders it.
func (doc *briefDoc) flipsSection(s *score.Sensitivity) {
	span := fmt.Sprintf("from %s to %s", flipNum(s.From), flipNum(s.To))
	doc.add(fmt.Sprintf("What it takes to change the verdict: each category's weight moved alone %s, and each argument's strength moved alone from 0 to 1, everything else held as in the verdict under the %s semantics.",
		span, semanticsName(string(s.Semantics))))
	if !s.Converged {
		doc.add("Some probes did not settle on a cycle of the graph: flips near them may be misplaced.")
	}
	if !s.Flipped() {
		still := "still comes out **" + outcomeText(string(s.Verdict)) + "**"
		if s.Verdict == score.VerdictTie {
			still = "is still **a tie**"
		}
		doc.add(fmt.Sprintf("Nothing moved alone flips the verdict: whatever one category's weight %s, or one argument's strength from 0 to 1, the debate %s.",
			span, still))
		return
	}

	if c, ok := report.Critical(s); ok {
		doc.add(fmt.Sprintf("The most critical category is **%s**: %s turns the verdict %s.",
			markdownOr(c.Category, "unnamed"), c.ChangeProse(), flipOutcome(c.To)))
		t := Table{
			Header: []string{"Category", "Weight", "Flips", "Verdict holds between"},
			Right:  []bool{false, true, false, false},
		}
		for _, c := range s.ByCategory {
			flips := flipsText(c.Flips, c.Weight)
			switch {
			case !c.HasArguments && len(c.Flips) > 0:
				// Filtered out, it still sets λ's scale: raising it shrinks the others.
				flips += " (no arguments here: its weight sets the scale)"
			case !c.HasArguments:
				flips += " (no arguments)"
			}
			t.Rows = append(t.Rows, []string{c.Category, flipNum(c.Weight), flips, stableText(c.Stable)})
		}
		doc.table(t)
	} else {
		doc.add(fmt.Sprintf("No category's weight moved alone %s flips the verdict.", span))
	}

	var rows []int // indices into s.Arguments of the arguments that flip it, nearest first
	for i, a := range s.Arguments {
		if len(a.Flips) > 0 {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		doc.add("No argument's strength moved alone from 0 to 1 flips the verdict.")
		return
	}
	slices.SortStableFunc(rows, func(i, j int) int { return cmp.Compare(s.Arguments[i].Change, s.Arguments[j].Change) })
	if len(rows) == 1 {
		doc.add("The argument whose strength alone flips the verdict:")
	} else {
		doc.add(fmt.Sprintf("The %d arguments whose strength alone flips the verdict, the nearest to flipping it first:", len(rows)))
	}
	t := Table{
		Header: []string{"Argument", "Side", "Strength", "Flips"},
		Right:  []bool{false, false, true, false},
	}
	links := make([]string, len(rows))
	for r, i := range rows {
		a := s.Arguments[i]
		t.Rows = append(t.Rows, []string{"", string(a.Side), num2(a.Strength), flipsText(a.Flips, a.Strength)})
		links[r] = doc.link(heading{text: cmp.Or(strings.TrimSpace(safetext.Flat(a.ID)), doc.args[i+1].text), anchor: doc.args[i+1].anchor})
	}
	doc.tableWith(t, func(row, col int) (string, bool) {
		if col == 0 {
			return links[row], true
		}
		return "", false
	})
}

// markdownOr escapes s, or gives the fallback when nothing is left.
func markdownOr(s, fallback string) string {
	if t := safetext.Markdown(s); t != "" {
		return t
	}
	return fallback
}

// flipsText lists flips as seen from x: "against the thesis above 4.345; for the thesis above
// 7.2", or "none".
func flipsText(flips []score.Flip, x float64) string {
	if len(flips) == 0 {
		return "none"
	}
	parts := make([]string, len(flips))
	for i, f := range flips {
		switch {
		case math.Abs(f.At-x) <= score.FlipTolerance && f.From != f.To:
			// On the flip itself: either way is a move away.
			parts[i] = outcomeText(string(f.From)) + " below and " + outcomeText(string(f.To)) + " above " + flipNum(f.At)
		case f.At > x:
			parts[i] = outcomeText(string(f.To)) + " above " + flipNum(f.At)
		default:
			parts[i] = outcomeText(string(f.From)) + " below " + flipNum(f.At)
		}
	}
	return strings.Join(parts, "; ")
}

// flipOutcome is a verdict after "turns the verdict".
func flipOutcome(v score.Verdict) string {
	if v == score.VerdictTie {
		return "into a tie"
	}
	return outcomeText(string(v))
}

// stableText is the interval the verdict holds in, an end that is the end of the span scanned
// rather than a flip saying the verdict may hold beyond it.
func stableText(st score.Stable) string {
	from := flipNum(st.From)
	if !st.FromFlip && st.From > 0 {
		from += " or less"
	}
	to := flipNum(st.To)
	if !st.ToFlip {
		to += " or more"
	}
	return from + " to " + to
}

// flipNum writes a weight or a flip as argmap sensitivity writes them.
func flipNum(x float64) string { return report.FlipFigure(x) }
