package figure

import (
	"fmt"
	"math"
	"strings"
)

// Percent writes a share from 0 to 1 as a whole percentage, or with one decimal where a whole
// one would say 0% or 100% of a share that is neither: 0.4%, 99.6%, and past that <0.1% and
// >99.9%.
func Percent(x float64) string {
	v := x * 100
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
	parts := []string{"PRO under " + Percent(pro) + " of all weightings", "CON under " + Percent(con)}
	if tie > 0 {
		parts = append(parts, "tie under "+Percent(tie))
	}
	return strings.Join(parts, ", ")
}
