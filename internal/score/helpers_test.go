package score

import (
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argument"
)

// debate builds a debate from compact lines: "id side category strength [+target|-target]...",
// where +t supports t and -t attacks t. The thesis is "T" with the given base.
func debate(base float64, lines ...string) *argument.Debate {
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "T", Base: base},
		Categories: []string{"moral", "strategic", "political"},
	}
	for _, l := range lines {
		f := strings.Fields(l)
		a := &argument.Argument{ID: f[0], Side: argument.Side(f[1]), Category: f[2], Strength: atof(f[3])}
		for _, r := range f[4:] {
			if r[0] == '+' {
				a.Supports = append(a.Supports, r[1:])
			} else {
				a.Attacks = append(a.Attacks, r[1:])
			}
		}
		d.Arguments = append(d.Arguments, a)
	}
	return d
}

func atof(s string) float64 {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return x
}
