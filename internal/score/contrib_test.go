package score

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

var allFuncs = Options{Contributions: AllContributionFuncs}

func evalAll(t *testing.T, d *argument.Debate, w Weights, sem Semantics) *Result {
	t.Helper()
	r, err := EvaluateWith(argument.NewGraph(d), w, sem, allFuncs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// refShapley is the Shapley value from its definition, every coalition of the connected
// arguments scored by the reference scorer with the others removed.
func refShapley(d *argument.Debate, w Weights, sem Semantics, players []string) map[string]float64 {
	n := len(players)
	ref := newRef(d, w, sem)
	v := make([]float64, 1<<n)
	for s := range 1 << n {
		clear(ref.removed)
		for j, id := range players {
			if s&(1<<j) == 0 {
				ref.removed[id] = true
			}
		}
		v[s] = ref.margin()
	}
	fact := func(k int) float64 {
		f := 1.0
		for i := 2; i <= k; i++ {
			f *= float64(i)
		}
		return f
	}
	phi := map[string]float64{}
	for j, id := range players {
		for s := range 1 << n {
			if s&(1<<j) == 0 {
				k := bits.OnesCount(uint(s))
				phi[id] += fact(k) * fact(n-k-1) / fact(n) * (v[s|1<<j] - v[s])
			}
		}
	}
	return phi
}

// TestContributionsMatchDefinitions computes every function from its definition with the
// reference scorer on small acyclic graphs: removal (the margin without the argument),
// restricted (the same with its parents cut off), Shapley (every coalition) and the gradient
// (central differences of another step).
func TestContributionsMatchDefinitions(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	for trial := range 80 {
		d := randomDebate(rng, 1+rng.IntN(8), false)
		w := randWeights(rng)
		for _, sem := range AllSemantics {
			r := evalAll(t, d, w, sem)
			where := fmt.Sprintf("trial %d, %s, weights %v", trial, sem, w)
			var players []string
			for _, a := range r.Arguments {
				if a.Connected || sem == Sum {
					players = append(players, a.ID)
				}
			}
			phi := refShapley(d, w, sem, players)
			ref := newRef(d, w, sem)
			full := ref.margin()
			for _, a := range r.Arguments {
				ref.removed[a.ID] = true
				without := ref.margin()
				delete(ref.removed, a.ID)
				ref.cut[a.ID] = true
				pinned := ref.margin()
				delete(ref.cut, a.ID)
				tau := a.Base
				lo, hi := max(0, tau-1e-5), min(1, tau+1e-5)
				ref.tau[a.ID] = lo
				mlo := ref.margin()
				ref.tau[a.ID] = hi
				mhi := ref.margin()
				delete(ref.tau, a.ID)
				grad := (mhi - mlo) / (hi - lo)
				if !a.Connected && sem != Sum {
					without, pinned, grad = full, full, 0
				}
				for _, c := range []struct {
					f         ContributionFunc
					want, tol float64
				}{
					{Removal, full - without, 1e-9},
					{Restricted, pinned - without, 1e-9},
					{Shapley, phi[a.ID], 1e-9},
					{Gradient, grad, 1e-3},
				} {
					if got := a.Value(c.f); math.Abs(got-c.want) > c.tol {
						t.Errorf("%s: %s of %s = %.12g, definition %.12g", where, c.f, a.ID, got, c.want)
					}
				}
			}
			if r.Shapley == nil || !r.Shapley.Exact || r.Shapley.Players != len(players) {
				t.Errorf("%s: Shapley method %+v, want exact over %d players", where, r.Shapley, len(players))
			}
		}
	}
}

// TestShapleyEfficiency: the values add up to the margin, exact or sampled, on acyclic graphs
// and on cycles (over the fixed point), under every semantics.
func TestShapleyEfficiency(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 3))
	for trial := range 60 {
		n := 2 + rng.IntN(30) // above 20 players the values are sampled
		d := randomDebate(rng, n, trial%3 == 2)
		w := randWeights(rng)
		for _, sem := range AllSemantics {
			r := evalAll(t, d, w, sem)
			if !r.Converged {
				continue
			}
			sum := 0.0
			for _, a := range r.Arguments {
				sum += a.Shapley
			}
			if math.Abs(sum-r.Margin) > 1e-8 {
				t.Errorf("trial %d, %s, %d players (exact %v): Shapley values add up to %.12g, margin %.12g",
					trial, sem, r.Shapley.Players, r.Shapley.Exact, sum, r.Margin)
			}
		}
	}
}

// TestShapleySampledNearExact compares sampling with the exact values on the same graphs: within
// four standard errors (plus rounding), and the same on every run.
func TestShapleySampledNearExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 4))
	defer func(l int) { exactShapleyLimit = l }(exactShapleyLimit)
	for trial := range 20 {
		d := randomDebate(rng, 4+rng.IntN(8), trial%4 == 3)
		w := randWeights(rng)
		for _, sem := range graphSemantics {
			exactShapleyLimit = ExactShapleyPlayers
			exact := evalAll(t, d, w, sem)
			exactShapleyLimit = 0
			opts := Options{Contributions: []ContributionFunc{Shapley}, ShapleySamples: 2000}
			sampled, _ := EvaluateWith(argument.NewGraph(d), w, sem, opts)
			again, _ := EvaluateWith(argument.NewGraph(d), w, sem, opts)
			if sampled.Shapley.Players == 0 {
				continue
			}
			if sampled.Shapley.Exact || sampled.Shapley.Samples != 2000 || sampled.Shapley.Seed != ShapleySeed {
				t.Fatalf("method %+v, want 2000 sampled from seed %d", sampled.Shapley, ShapleySeed)
			}
			for k, a := range sampled.Arguments {
				e := exact.Arguments[k].Shapley
				if math.Abs(a.Shapley-e) > 4*a.ShapleySE+1e-9 {
					t.Errorf("trial %d, %s: %s sampled %.6g ± %.2g, exact %.6g", trial, sem, a.ID, a.Shapley, a.ShapleySE, e)
				}
				if b := again.Arguments[k]; b.Shapley != a.Shapley || b.ShapleySE != a.ShapleySE {
					t.Errorf("trial %d, %s: %s sampled %g then %g", trial, sem, a.ID, a.Shapley, b.Shapley)
				}
			}
		}
	}
}

// TestContributionPrinciples checks, on debates whose every path from an argument to the thesis
// has one sign, the principles the paper proves for each function under monotone semantics
// (all four here): removal, restricted and Shapley contributions and the gradient of a pro
// argument are never negative and of a con one never positive (directionality); an argument
// with no path contributes 0 under every function (the dummy); twins, with the same side,
// category, strength and target and no parents, get the same Shapley value (symmetry).
func TestContributionPrinciples(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 5))
	for trial := range 40 {
		d := sidedDebate(rng, 2+rng.IntN(14))
		twin := *d.Arguments[rng.IntN(len(d.Arguments))]
		twin.ID = "twin"
		d.Arguments = append(d.Arguments, &twin)
		loose := &argument.Argument{ID: "loose", Side: argument.Pro, Category: "moral", Strength: 0.9}
		d.Arguments = append(d.Arguments, loose)
		w := sensWeights(rng)
		for _, sem := range graphSemantics {
			r := evalAll(t, d, w, sem)
			where := fmt.Sprintf("trial %d, %s", trial, sem)
			for _, a := range r.Arguments {
				for _, f := range AllContributionFuncs {
					v := a.Value(f)
					if a.ID == "loose" && v != 0 {
						t.Errorf("%s: %s of an argument with no path = %g", where, f, v)
					}
					if a.Side == argument.Pro && v < -1e-9 || a.Side == argument.Con && v > 1e-9 {
						t.Errorf("%s: %s of %s %s = %g", where, f, a.Side, a.ID, v)
					}
				}
			}
			orig, tw := r.Arguments[indexOf(d, twin.Supports, twin.Attacks, twin)], r.Arguments[len(r.Arguments)-2]
			if len(twinParents(d, twin.ID)) == 0 && len(twinParents(d, orig.ID)) == 0 && math.Abs(orig.Shapley-tw.Shapley) > 1e-9 {
				t.Errorf("%s: twins %s and %s: Shapley %g and %g", where, orig.ID, tw.ID, orig.Shapley, tw.Shapley)
			}
		}
	}
}

// indexOf finds the argument twin was copied from.
func indexOf(d *argument.Debate, sup, att []string, twin argument.Argument) int {
	for i, a := range d.Arguments {
		if a.ID != "twin" && a.Side == twin.Side && a.Category == twin.Category && a.Strength == twin.Strength &&
			fmt.Sprint(a.Supports, a.Attacks) == fmt.Sprint(sup, att) {
			return i
		}
	}
	return -1
}

func twinParents(d *argument.Debate, id string) []string {
	var ps []string
	for _, a := range d.Arguments {
		for _, t := range append(append([]string(nil), a.Supports...), a.Attacks...) {
			if t == id {
				ps = append(ps, a.ID)
			}
		}
	}
	return ps
}

// TestSaturatedSupportShapley works the saturation the issue found by hand. Two pro arguments
// of strength 1 support a thesis of base 0.5 under DF-QuAD: either alone lifts it to 1, so
// removing either changes nothing (removal and restricted 0, and the gradient at τ = 1 is 0:
// the other keeps vs at 1). Shapley splits the margin: v({a}) = v({b}) = v({a,b}) = 0.5 and
// v(∅) = 0, so φ = ½·0.5 + ½·0 = 0.25 each, adding up to 0.5.
func TestSaturatedSupportShapley(t *testing.T) {
	d := debate(0.5, "a pro moral 1 +T", "b pro strategic 1 +T", "c con political 0.4 -T")
	r := evalAll(t, d, nil, DFQuAD)
	// va = 0.4, vs = 1: σ = 0.5 + 0.5·0.6 = 0.8, margin 0.3. Coalitions: v(a) = v(b) = v(ab) =
	// v(abc)+... worked out: v(∅)=0, v(a)=v(b)=v(ab)=0.5, v(c)=−0.2, v(ac)=v(bc)=v(abc)=0.3.
	// φ_c = ⅓(−0.2) + ⅙(−0.2) + ⅙(−0.2) + ⅓(−0.2) = −0.2; φ_a = φ_b = (0.3 + 0.2)/2 = 0.25.
	want := map[string][4]float64{ // shapley, removal, restricted, gradient
		"a": {0.25, 0, 0, 0},
		"b": {0.25, 0, 0, 0},
		"c": {-0.2, -0.2, -0.2, -0.5},
	}
	if math.Abs(r.Margin-0.3) > 1e-12 {
		t.Fatalf("margin %g, want 0.3", r.Margin)
	}
	for _, a := range r.Arguments {
		for k, f := range []ContributionFunc{Shapley, Removal, Restricted, Gradient} {
			if got := a.Value(f); math.Abs(got-want[a.ID][k]) > 1e-6 {
				t.Errorf("%s of %s = %.9g, want %g", f, a.ID, got, want[a.ID][k])
			}
		}
	}
}

// TestRestrictedIgnoresAnswers: an argument's restricted contribution is what it does with its
// base strength, so an attack on it changes its removal contribution but not its restricted
// one (the paper's intrinsic removal).
func TestRestrictedIgnoresAnswers(t *testing.T) {
	plain := debate(0.5, "p pro moral 0.8 +T", "q pro strategic 0.3 +T")
	answered := debate(0.5, "p pro moral 0.8 +T", "q pro strategic 0.3 +T", "x con political 0.9 -p")
	for _, sem := range graphSemantics {
		a, b := evalAll(t, plain, nil, sem).Arguments[0], evalAll(t, answered, nil, sem).Arguments[0]
		if math.Abs(a.Restricted-b.Restricted) > 1e-12 || a.Restricted != a.Contribution {
			t.Errorf("%s: restricted %g unanswered, %g answered; removal %g unanswered", sem, a.Restricted, b.Restricted, a.Contribution)
		}
		if !(b.Contribution < a.Contribution) {
			t.Errorf("%s: removal %g answered, %g unanswered: the attack should lower it", sem, b.Contribution, a.Contribution)
		}
	}
}

func TestParseContributionFunc(t *testing.T) {
	for _, f := range AllContributionFuncs {
		if got, err := ParseContributionFunc(string(f)); got != f || err != nil {
			t.Errorf("ParseContributionFunc(%q) = %q, %v", f, got, err)
		}
	}
	_, err := ParseContributionFunc("banzhaf")
	if want := `unknown contribution function "banzhaf": use one of shapley, removal, restricted, gradient`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestPaperExamples reproduces the examples of the paper's reference implementation (qbaf_ctrbs,
// by the paper's authors). DF-QuAD: a (0.5) supports b, c and d (each 0); b and c attack the
// topic (0.5), d supports it. b = c = d = τ(a), so va − vs = τ(a) − τ(a)², whose derivative
// vanishes at τ(a) = 0.5: the gradient says a does not matter, although removing it lifts the
// topic from 0.375 back to 0.5 (removal −0.125): the paper's case against gradients alone. (The
// same tests' Euler example uses Euler-based top aggregation, which argmap does not offer.)
func TestPaperExamples(t *testing.T) {
	d := debate(0.5, "a pro moral 0.5 +b +c +d", "b con moral 0 -T", "c con moral 0 -T", "d pro moral 0 +T")
	r := evalAll(t, d, nil, DFQuAD)
	a := r.Arguments[0]
	if math.Abs(r.Margin+0.125) > 1e-12 || math.Abs(a.Contribution+0.125) > 1e-12 || math.Abs(a.Restricted+0.125) > 1e-12 || math.Abs(a.Gradient) > 1e-6 {
		t.Errorf("DF-QuAD: margin %g; a: removal %g, restricted %g, gradient %g; want −0.125, −0.125, −0.125, 0",
			r.Margin, a.Contribution, a.Restricted, a.Gradient)
	}
}

func TestDefaultSamples(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{21, 256}, {10_000, 256}, {20_000, 128}, {100_000, 26}, {1_000_000, 16}} {
		if got := DefaultSamples(tt.n); got != tt.want {
			t.Errorf("DefaultSamples(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}
