package score

import (
	"errors"
	"fmt"
	"github.com/argmap/argmap/internal/argument"
	"math"
	"slices"
	"strings"
)

// Weights maps a category to the weight a user gives it, as given: not normalised. A category
// left out weighs 1.
type Weights map[string]float64

// ParseWeights reads a --weights value such as "moral=2,strategic=1,political=0.5". Spaces
// around names and numbers are allowed; each number is a plain decimal (argument.ParseWeight),
// as in a weights file or a corpus profile; errors name the part that is wrong.
func ParseWeights(spec string) (Weights, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, fmt.Errorf("no weights given: write category=number pairs, e.g. moral=2,strategic=1")
	}
	w := Weights{}
	for part := range strings.SplitSeq(spec, ",") {
		name, num, ok := strings.Cut(part, "=")
		name, num = strings.TrimSpace(name), strings.TrimSpace(num)
		switch {
		case strings.TrimSpace(part) == "":
			return nil, fmt.Errorf("empty entry between commas in %q: write category=number pairs, e.g. moral=2,strategic=1", spec)
		case !ok:
			return nil, fmt.Errorf("%q is not category=number: write e.g. moral=2", strings.TrimSpace(part))
		case name == "":
			return nil, fmt.Errorf("%q has no category name: write e.g. moral=2", strings.TrimSpace(part))
		}
		if _, dup := w[name]; dup {
			return nil, fmt.Errorf("category %q is given twice: give each category once", name)
		}
		v, err := argument.ParseWeight(num)
		var ne *argument.NumberError
		if errors.As(err, &ne) && ne.Instead != "" {
			return nil, fmt.Errorf("%q in %q is %s: write %s", num, strings.TrimSpace(part), ne.Reason, ne.Instead)
		}
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%q in %q is not a finite number", num, strings.TrimSpace(part))
		}
		w[name] = v
	}
	return w, nil
}

// Check reports the first problem with the weights: a category the debate does not have (the
// error lists the valid ones), a weight that is not a finite number of at least 0, or weights
// that leave every category at 0.
func (w Weights) Check(categories []string) error {
	names := make([]string, 0, len(w))
	for c := range w {
		names = append(names, c)
	}
	slices.Sort(names)
	for _, c := range names {
		if !slices.Contains(categories, c) {
			return fmt.Errorf("unknown category %q: use %s", c, strings.Join(categories, ", "))
		}
		v := w[c]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("weight %v for %q is not a finite number", v, c)
		}
		if v < 0 {
			return fmt.Errorf("weight %v for %q is negative: use 0 or more", v, c)
		}
	}
	if len(categories) > 0 && maxWeight(w, categories) == 0 {
		return fmt.Errorf("every category weighs 0: give at least one a weight above 0")
	}
	return nil
}

// Get returns the weight of a category: the given one, else 1.
func (w Weights) Get(category string) float64 {
	if v, ok := w[category]; ok {
		return v
	}
	return 1
}

// Full returns the weights of every category in order, filling the ones left out with 1.
func (w Weights) Full(categories []string) Weights {
	full := make(Weights, len(categories))
	for _, c := range categories {
		full[c] = w.Get(c)
	}
	return full
}

// LambdaFor normalises the weights for scoring graph g: each weight is divided by the largest
// weight among the categories that hold at least one argument of the debate, and capped at 1.
// A category with no argument has no influence, so it must not set the scale either: otherwise
// raising its weight would shrink every other λ and could flip a verdict it takes no part in.
// The scale comes from the whole debate, not from g, so that a filtered graph, or one with an
// argument removed to measure its contribution, is weighed on the same scale as the whole.
// When every category that holds arguments weighs 0, every λ is 0.
func (w Weights) LambdaFor(g *argument.Graph) map[string]float64 {
	return lambdaScaled(w, g.Debate.Categories, usedCategories(g))
}

// usedCategories lists the categories, among the debate's, that hold an argument of it.
func usedCategories(g *argument.Graph) []string {
	var used []string
	for _, c := range g.Debate.Categories {
		for _, a := range g.Debate.Arguments {
			if a.Category == c {
				used = append(used, c)
				break
			}
		}
	}
	return used
}

// lambdaScaled gives λ for every category, scaled by the largest weight among scale.
func lambdaScaled(w Weights, categories, scale []string) map[string]float64 {
	top := maxWeight(w, scale)
	lam := make(map[string]float64, len(categories))
	for _, c := range categories {
		if top > 0 && !math.IsInf(top, 0) {
			lam[c] = min(w.Get(c)/top, 1)
		} else {
			lam[c] = 0
		}
	}
	return lam
}

func maxWeight(w Weights, categories []string) float64 {
	m := 0.0
	for _, c := range categories {
		if v := w.Get(c); v > m {
			m = v
		}
	}
	return m
}
