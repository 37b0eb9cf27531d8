package report

import (
	"fmt"
	"math"

	"github.com/argmap/argmap/internal/score"
)

// CriticalFlip is the flip nearest in relative terms among the categories' weights: the fact
// argmap sensitivity and the brief both lead with.
type CriticalFlip struct {
	Category string
	Weight   float64       // the category's weight now
	At       float64       // the weight at which the verdict flips
	To       score.Verdict // the verdict past the flip
}

// Critical is s's most critical category flip, and false when no category's weight flips the
// verdict within the span scanned.
func Critical(s *score.Sensitivity) (CriticalFlip, bool) {
	c := s.Category(s.Critical)
	if c == nil {
		return CriticalFlip{}, false
	}
	return CriticalFlip{Category: c.Category, Weight: c.Weight, At: c.Nearest, To: Beyond(c.Flips, c.Nearest, c.Weight, s.Verdict)}, true
}

// Beyond is the verdict past the flip at `at`, seen from x; cur when no flip is at `at`.
func Beyond(flips []score.Flip, at, x float64, cur score.Verdict) score.Verdict {
	for _, f := range flips {
		if f.At == at {
			return f.Beyond(x)
		}
	}
	return cur
}

// Cutting says whether the flip is reached by lowering the weight.
func (f CriticalFlip) Cutting() bool { return f.At < f.Weight }

// ChangeWords says in a few words how the weight must move, as argmap sensitivity's headline
// does: "cutting it 89.9%", "raising it 150%", or from 0, where a relative change means
// nothing, "raising it".
func (f CriticalFlip) ChangeWords() string {
	verb := "raising it"
	if f.Cutting() {
		verb = "cutting it"
	}
	if f.Weight <= 0 {
		return verb
	}
	return verb + " " + Percent(math.Abs(f.At-f.Weight)/f.Weight)
}

// ChangeProse says it in a sentence's clause, as the brief does: "cutting its weight by 89.9%
// (from 1 to 0.101)", or from 0 "raising its weight from 0 to 2.5".
func (f CriticalFlip) ChangeProse() string {
	verb := "raising"
	if f.Cutting() {
		verb = "cutting"
	}
	if f.Weight <= 0 {
		return fmt.Sprintf("%s its weight from %s to %s", verb, FlipFigure(f.Weight), FlipFigure(f.At))
	}
	return fmt.Sprintf("%s its weight by %s (from %s to %s)", verb, Percent(math.Abs(f.At-f.Weight)/f.Weight), FlipFigure(f.Weight), FlipFigure(f.At))
}
