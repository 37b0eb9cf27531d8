package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/score"
)

func TestNewDeciders(t *testing.T) {
	arg := func(id string, shapley, removal float64) score.ArgumentScore {
		return score.ArgumentScore{ID: id, Shapley: shapley, Contribution: removal}
	}
	r := &score.Result{
		Margin:            0.25,
		ContributionFuncs: []score.ContributionFunc{score.Shapley},
		Shapley:           &score.ShapleyMethod{Players: 6, Exact: true},
		Arguments: []score.ArgumentScore{
			arg("small", 0.1, 0.3),
			arg("big", 0.3, 0.1),
			arg("tied", 0.1+1e-12, 0), // equal to small to 1e-9: corpus order decides
			arg("hidden", 4e-4, 0.2),  // prints as 0.000: not listed
			arg("against", -0.2, -0.2),
			arg("edge", -5e-4, 0), // prints as -0.001 (rounded away from zero): listed
		},
	}
	ids := func(list []score.ArgumentScore) []string {
		var out []string
		for _, a := range list {
			out = append(out, a.ID)
		}
		return out
	}
	d := NewDeciders(r)
	if got, want := ids(d.Pro), []string{"big", "small", "tied"}; !slices.Equal(got, want) {
		t.Errorf("toward pro %v, want %v (largest first, ties in corpus order, 0.0004 left out)", got, want)
	}
	if got, want := ids(d.Con), []string{"against", "edge"}; !slices.Equal(got, want) {
		t.Errorf("toward con %v, want %v", got, want)
	}
	pro, con, more := d.Top(1)
	if len(pro) != 1 || len(con) != 1 || more != 3 {
		t.Errorf("Top(1) gave %d pro, %d con and %d more; want 1, 1 and 3", len(pro), len(con), more)
	}
	if d.Sampled() || d.SampleNote() != "" {
		t.Errorf("exact Shapley values reported as sampled: %q", d.SampleNote())
	}
	if g := d.Gloss(); !strings.Contains(g, "add up to the margin, +0.250") {
		t.Errorf("gloss %q does not name the margin the values add up to", g)
	}

	// Removal when the result names no function: the other column decides.
	r.ContributionFuncs = nil
	d = NewDeciders(r)
	if got, want := ids(d.Pro), []string{"small", "hidden", "big"}; d.Func != score.Removal || !slices.Equal(got, want) {
		t.Errorf("with no function named: %s, toward pro %v; want removal, %v", d.Func, got, want)
	}
	if d.Shapley != nil {
		t.Error("removal deciders carry the Shapley method")
	}

	r.ContributionFuncs = []score.ContributionFunc{score.Shapley}
	r.Shapley = &score.ShapleyMethod{Players: 40, Samples: 256, Seed: 14}
	d = NewDeciders(r)
	if note := d.SampleNote(); note != "40 arguments: estimated from 256 sampled orders (seed 14)" {
		t.Errorf("sample note %q", note)
	}
	if why := d.Why(); !strings.Contains(why, "estimated from 256 sampled orders (seed 14)") {
		t.Errorf("why %q does not say the values were sampled", why)
	}
}

func TestDecidersEmpty(t *testing.T) {
	d := NewDeciders(&score.Result{Arguments: []score.ArgumentScore{{ID: "a", Contribution: 1e-4}}})
	if !d.Empty() {
		t.Errorf("a contribution of 0.0001 listed: %+v", d)
	}
}
