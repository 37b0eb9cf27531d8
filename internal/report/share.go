package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// SharePercent writes a share from 0 to 1 as a whole percentage, or with one decimal where a whole
// one would say 0% or 100% of a share that is neither: 0.4%, 99.6%, and past that <0.1% and
// >99.9%.
func SharePercent(x float64) string {
	v := math.Round(x*1e8) / 1e6 // a percentage, free of the binary fraction: 69/120 is 57.5
	switch {
	case math.IsNaN(v):
		return "?"
	case v <= 0:
		return "0%"
	case v >= 100:
		return "100%"
	case v < 0.05:
		return "<0.1%"
	case v > 99.95:
		return ">99.9%"
	case v < 0.5 || v >= 99.5:
		return fmt.Sprintf("%.1f%%", v)
	}
	return fmt.Sprintf("%d%%", int(math.Round(v)))
}

// Shares is the headline of an atlas: "PRO under 63% of all weightings, CON under 37%", with the
// ties when there are any.
func Shares(pro, con, tie float64) string {
	parts := []string{"PRO under " + share(pro) + " of all weightings", "CON under " + share(con)}
	if tie > 0 {
		parts = append(parts, "tie under "+share(tie))
	}
	return strings.Join(parts, ", ")
}

// share is SharePercent in words where it is a bound: "less than 0.1%".
func share(x float64) string {
	p := SharePercent(x)
	if rest, ok := strings.CutPrefix(p, "<"); ok {
		return "less than " + rest
	}
	if rest, ok := strings.CutPrefix(p, ">"); ok {
		return "more than " + rest
	}
	return p
}

// Thousands writes a whole number with thousands separators: 5,151.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
