package report

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

func TestScoreBrief(t *testing.T) {
	d := pier()
	d.Arguments = d.Arguments[:3] // jobs, tourism, cost: no cycle
	d.Profiles = []argument.Profile{
		{Name: "builder", Description: "Jobs first.", Weights: map[string]float64{"strategic": 3, "moral": 1}},
		{Name: "treasurer", Weights: map[string]float64{"strategic": 1, "moral": 3}},
	}
	g := argument.NewGraph(d)
	b, warnings, err := ScoreBrief(g, BriefOptions{Weights: score.Weights{"strategic": 3, "moral": 1}, Semantics: score.DFQuAD,
		Profile: "builder", Sensitivity: score.SensitivityOptions{From: 0, To: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %v, want none", warnings)
	}
	v := b.Verdict
	if v.Profile != "builder" || v.Description != "Jobs first." || v.Semantics != "dfquad" || !v.HasThesis || v.ThesisID != "build-pier" {
		t.Errorf("verdict %+v: want the builder profile's, under dfquad, of build-pier", v)
	}
	if len(b.Profiles) != 2 || b.Profiles[1].Profile != "treasurer" {
		t.Errorf("profiles %+v: want builder and treasurer in corpus order", b.Profiles)
	}
	if b.Profiles[0].Margin != v.Margin {
		t.Errorf("the chosen profile's margin %v differs from the verdict's %v under the same weights", b.Profiles[0].Margin, v.Margin)
	}
	if len(b.Scores) != len(g.Arguments()) || b.Sensitivity == nil || len(b.Sensitivity.Arguments) != len(g.Arguments()) {
		t.Errorf("%d scores and sensitivity %v for %d arguments", len(b.Scores), b.Sensitivity != nil, len(g.Arguments()))
	}
	if w := v.Weights; len(w) != 3 || w[0] != (Weight{"moral", 1}) || w[1] != (Weight{"strategic", 3}) {
		t.Errorf("weights %v: want every category in the debate's order", w)
	}
}

// A profile that cannot be scored names itself.
func TestScoreBriefBadProfile(t *testing.T) {
	d := pier()
	d.Profiles = []argument.Profile{{Name: "broken", Weights: map[string]float64{"moral": -1}}}
	_, _, err := ScoreBrief(argument.NewGraph(d), BriefOptions{Semantics: score.DFQuAD, Sensitivity: score.SensitivityOptions{To: 10}})
	if err == nil || !strings.Contains(err.Error(), `profile "broken" in the corpus is unusable`) {
		t.Errorf("err = %v, want one naming the broken profile", err)
	}
}
