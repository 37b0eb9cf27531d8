package report

// How argmap writes its numbers for people, the same way in every terminal view and every
// export, so that a flip point reads alike in `argmap sensitivity` and in the brief.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/score"
)

// Figure writes a weight or a flip point with three decimals, trailing zeros dropped (4.345, 0.1,
// 10), or with up to six when three would round a fraction to a whole number it is not: a flip
// at 0.99987 reads 0.9999, not 1. tolerance is how closely the point is known; a value within
// it of a whole number is written whole.
func Figure(x, tolerance float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "?"
	}
	var s string
	for p := 3; p <= 6; p++ {
		s = strconv.FormatFloat(x, 'f', p, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if strings.Contains(s, ".") || math.Abs(x-math.Round(x)) < tolerance {
			break
		}
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// FlipFigure writes a weight or flip point as sensitivity knows it, to score.FlipTolerance.
func FlipFigure(x float64) string { return Figure(x, score.FlipTolerance) }

// Percent writes a relative change as people read it: 335%, 12.5%, 90%, 0.3%.
func Percent(r float64) string {
	p := 100 * r
	if p >= 100 {
		return fmt.Sprintf("%.0f%%", p)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", p), ".0") + "%"
}
