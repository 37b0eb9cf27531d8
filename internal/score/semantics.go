package score

import (
	"fmt"
	"math"
	"strings"
)

// Semantics names a way of computing how strong each argument ends up once its supporters and
// attackers have had their say.
type Semantics string

// The semantics argmap offers. Sum is not a graph semantics: it is the weighted tally people do
// by hand, kept beside the others to show what the structure changes.
const (
	DFQuAD          Semantics = "dfquad"           // Rago et al. 2016
	QuadraticEnergy Semantics = "quadratic-energy" // Potyka 2018
	Euler           Semantics = "euler"            // Amgoud and Ben-Naim 2017
	MLP             Semantics = "mlp"              // Potyka 2021
	Sum             Semantics = "sum"
)

// DefaultSemantics is used when none is asked for.
const DefaultSemantics = DFQuAD

// AllSemantics lists every semantics in the order tables show them.
var AllSemantics = []Semantics{DFQuAD, QuadraticEnergy, Euler, MLP, Sum}

// ParseSemantics reads a semantics name; the error lists the valid ones.
func ParseSemantics(s string) (Semantics, error) {
	for _, k := range AllSemantics {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown semantics %q: use one of %s", s, strings.Join(semanticsNames(), ", "))
}

func semanticsNames() []string {
	names := make([]string, len(AllSemantics))
	for i, k := range AllSemantics {
		names[i] = string(k)
	}
	return names
}

// Valid reports whether s is one of AllSemantics.
func (s Semantics) Valid() bool {
	for _, k := range AllSemantics {
		if k == s {
			return true
		}
	}
	return false
}

// Graph reports whether s propagates strength through the graph (every semantics but Sum).
func (s Semantics) Graph() bool { return s != Sum }

// maxEnergy bounds the energy fed to exp so that it never overflows; e^700 is finite and every
// influence function is flat to machine precision long before it.
const maxEnergy = 700

// dfquad combines the DF-QuAD aggregates: vs and va are 1 − Π(1 − λσ) over supporters and
// attackers.
func dfquad(tau, vs, va float64) float64 {
	if va >= vs {
		return tau - tau*(va-vs)
	}
	return tau + (1-tau)*(vs-va)
}

// quadEnergy is the quadratic energy influence: h(x) = max(x,0)²/(1+max(x,0)²).
func quadEnergy(tau, e float64) float64 {
	return tau - tau*quadH(-e) + (1-tau)*quadH(e)
}

func quadH(x float64) float64 {
	if x <= 0 {
		return 0
	}
	if x > 1e8 { // x² would swamp the 1; past here h is 1 to machine precision
		return 1
	}
	x2 := x * x
	return x2 / (1 + x2)
}

// euler is the Euler-based influence: 1 − (1 − τ²)/(1 + τ·e^E).
func euler(tau, e float64) float64 {
	e = math.Max(-maxEnergy, math.Min(maxEnergy, e))
	return 1 - (1-tau*tau)/(1+tau*math.Exp(e))
}

// mlp is the MLP-based influence: the logistic function of logit(τ) + E, with τ of 0 and 1
// taken as limits (they stay put for any finite energy).
func mlp(tau, e float64) float64 {
	if tau <= 0 {
		return 0
	}
	if tau >= 1 {
		return 1
	}
	x := math.Log(tau/(1-tau)) + e
	if x >= 0 {
		return 1 / (1 + math.Exp(-math.Min(x, maxEnergy)))
	}
	z := math.Exp(math.Max(x, -maxEnergy))
	return z / (1 + z)
}
