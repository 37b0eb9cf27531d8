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

// Margin writes a margin with its sign to three decimals, or to two significant digits when three
// would round it to zero, so that it carries its sign: a con verdict by 0.0002 reads −0.00020,
// never +0.000. A margin within score.Tolerance of 0 is a tie and reads 0.000.
func Margin(m float64) string {
	switch {
	case math.IsNaN(m) || math.IsInf(m, 0) || math.Abs(m) <= score.Tolerance:
		return "0.000"
	case math.Abs(m) >= 0.0005:
		return signed(m, 3)
	}
	// The exponent of m rounded to two significant digits, so that 0.0000999999 counts as
	// 0.00010, not 0.000100.
	e := strconv.FormatFloat(m, 'e', 1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	return signed(m, 1-exp)
}

func signed(m float64, places int) string {
	s := strconv.FormatFloat(m, 'f', places, 64)
	if m > 0 {
		s = "+" + s
	}
	return s
}

// Percent writes a relative change as people read it: 335%, 12.5%, 90%, 0.3%.
func Percent(r float64) string {
	p := 100 * r
	if p >= 100 {
		return fmt.Sprintf("%.0f%%", p)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", p), ".0") + "%"
}
