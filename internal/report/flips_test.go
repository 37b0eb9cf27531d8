package report

import (
	"testing"

	"github.com/argmap/argmap/internal/score"
)

func TestCriticalFlipWording(t *testing.T) {
	tests := []struct {
		f           CriticalFlip
		words, pros string
	}{
		{CriticalFlip{Weight: 1, At: 0.101097}, "cutting it 89.9%", "cutting its weight by 89.9% (from 1 to 0.101)"},
		{CriticalFlip{Weight: 1, At: 4.345216}, "raising it 335%", "raising its weight by 335% (from 1 to 4.345)"},
		{CriticalFlip{Weight: 2, At: 2.5}, "raising it 25%", "raising its weight by 25% (from 2 to 2.5)"},
		{CriticalFlip{Weight: 0, At: 2.5}, "raising it", "raising its weight from 0 to 2.5"},
	}
	for _, tt := range tests {
		if got := tt.f.ChangeWords(); got != tt.words {
			t.Errorf("%+v ChangeWords() = %q, want %q", tt.f, got, tt.words)
		}
		if got := tt.f.ChangeProse(); got != tt.pros {
			t.Errorf("%+v ChangeProse() = %q, want %q", tt.f, got, tt.pros)
		}
	}
}

func TestCritical(t *testing.T) {
	s := &score.Sensitivity{Verdict: score.VerdictPro, Critical: "strategic", ByCategory: []score.CategorySensitivity{
		{Category: "moral", Weight: 1, Nearest: 4.3, Flips: []score.Flip{{At: 4.3, From: score.VerdictPro, To: score.VerdictCon}}},
		{Category: "strategic", Weight: 1, Nearest: 0.1, Flips: []score.Flip{{At: 0.1, From: score.VerdictCon, To: score.VerdictPro}}},
	}}
	got, ok := Critical(s)
	if want := (CriticalFlip{Category: "strategic", Weight: 1, At: 0.1, To: score.VerdictCon}); !ok || got != want {
		t.Errorf("Critical = %+v, %v; want %+v", got, ok, want)
	}
	s.Critical = ""
	if got, ok := Critical(s); ok {
		t.Errorf("Critical with none = %+v, want false", got)
	}
}

func TestPercent(t *testing.T) {
	for r, want := range map[float64]string{0.899: "89.9%", 0.12: "12%", 3.35: "335%", 1: "100%", 0.0004: "0%"} {
		if got := Percent(r); got != want {
			t.Errorf("Percent(%v) = %q, want %q", r, got, want)
		}
	}
}
