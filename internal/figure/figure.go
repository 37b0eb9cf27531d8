// Package figure writes argmap's numbers for people, the same way in every terminal view and
// every export, so that a flip point reads alike in `argmap sensitivity` and in the brief.
package figure

import (
	"math"
	"strconv"
	"strings"
)

// Flip writes a weight or a flip point with three decimals, trailing zeros dropped (4.345, 0.1,
// 10), or with up to six when three would round a fraction to a whole number it is not: a flip
// at 0.99987 reads 0.9999, not 1. tolerance is how closely the point is known; a value within
// it of a whole number is written whole.
func Flip(x, tolerance float64) string {
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

// Signed writes a margin or a change of margin with its sign and three decimals, or with as
// many significant digits as it takes to keep the sign when three decimals would read zero: a
// margin of −0.00004 reads -0.00004, never +0.000 or −0.000. An exact zero is +0.000.
func Signed(x float64) string {
	s := strconv.FormatFloat(x, 'f', 3, 64)
	for p := 4; x != 0 && strings.Trim(s, "-0.") == ""; p++ {
		if p > 12 {
			s = strconv.FormatFloat(x, 'g', 2, 64)
			break
		}
		s = strconv.FormatFloat(x, 'f', p, 64)
	}
	if x >= 0 && !strings.HasPrefix(s, "+") {
		s = "+" + s
	}
	return s
}
