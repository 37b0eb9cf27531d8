package export

import (
	"fmt"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// Brief is what the Markdown brief shows: the graph and its numbers, given as plain data so
// that the encoder formats and never computes.
type Brief struct {
	Graph *argument.Graph

	// Verdict is the debate scored under the weights and semantics the user chose.
	Verdict Verdict

	// Profiles is the debate scored under each profile's weights and the same semantics, in
	// corpus order.
	Profiles []Verdict

	// Scores holds each argument's final strength, parallel to Graph.Arguments().
	Scores []float64

	// Sensitivity is where the verdict flips under the same weights and semantics, for the
	// section after the verdict: its Arguments parallel to Graph.Arguments(). Nil leaves the
	// section out.
	Sensitivity *score.Sensitivity

	// Sections are extra sections printed after the verdict (and after where it flips), in
	// order.
	Sections []Section
}

// Verdict is one scoring of the debate.
type Verdict struct {
	Profile     string   // the profile's name; empty for weights given on the command line
	Description string   // the profile's description
	Weights     []Weight // every category's weight, in the debate's category order
	Semantics   string
	Outcome     string  // "pro", "con" or "tie"
	Thesis      float64 // the thesis's final score
	Base        float64 // the thesis's base score
	HasThesis   bool    // false under a semantics that gives the thesis no score (sum)
	Margin      float64 // the thesis's score minus its base; under sum, Pro minus Con
	Pro, Con    float64 // Σ λ·strength of each side's arguments: the tally sum compares
}

// Section is an optional part of the brief: a heading, paragraphs and a table. Its text is
// escaped like corpus text.
type Section struct {
	Heading    string
	Paragraphs []string
	Table      *Table
	// Code is preformatted text (a text picture), written as it is in a fenced block.
	Code string
	// Image, when set, is a picture beside the brief, linked after the rest.
	Image *Image
}

// Image is a picture a section links to: Src a path relative to the brief.
type Image struct {
	Alt, Src string
}

// Table is a simple table; Right marks the columns aligned right (numbers).
type Table struct {
	Header []string
	Right  []bool
	Rows   [][]string
}

// NewVerdict turns a score result into a verdict row.
func NewVerdict(profile, description string, r *score.Result) Verdict {
	v := Verdict{
		Profile: profile, Description: description, Semantics: string(r.Semantics),
		Outcome: string(r.Verdict), Thesis: r.Thesis.Score, Base: r.Thesis.Base,
		HasThesis: r.Thesis.HasScore, Margin: r.Margin, Pro: r.Totals.Pro, Con: r.Totals.Con,
	}
	for _, c := range r.Categories {
		v.Weights = append(v.Weights, Weight{Category: c, Weight: r.Weights.Get(c)})
	}
	return v
}

// NewBrief builds the brief of g from the result under the chosen weights (named by profile,
// or empty) and one result per profile of the debate, in corpus order.
func NewBrief(g *argument.Graph, chosen string, r *score.Result, profiles []*score.Result) (*Brief, error) {
	d := g.Debate
	if len(profiles) != len(d.Profiles) {
		return nil, fmt.Errorf("brief: %d profile results for %d profiles", len(profiles), len(d.Profiles))
	}
	if len(r.Arguments) != len(g.Arguments()) {
		return nil, fmt.Errorf("brief: %d argument scores for %d arguments", len(r.Arguments), len(g.Arguments()))
	}
	b := &Brief{Graph: g}
	desc := ""
	if p, ok := d.Profile(chosen); ok {
		desc = p.Description
	}
	b.Verdict = NewVerdict(chosen, desc, r)
	for i, p := range d.Profiles {
		b.Profiles = append(b.Profiles, NewVerdict(p.Name, p.Description, profiles[i]))
	}
	for _, a := range r.Arguments {
		b.Scores = append(b.Scores, a.Score)
	}
	return b, nil
}
