package score

import (
	"math"
	"strings"
	"testing"
)

func TestParseSemantics(t *testing.T) {
	for _, s := range AllSemantics {
		if got, err := ParseSemantics(string(s)); err != nil || got != s {
			t.Errorf("ParseSemantics(%q) = %q, %v", s, got, err)
		}
	}
	_, err := ParseSemantics("hcat")
	if err == nil || !strings.Contains(err.Error(), `unknown semantics "hcat": use one of dfquad, quadratic-energy, euler, mlp, sum`) {
		t.Errorf("ParseSemantics(hcat) error = %v", err)
	}
}

// The influence functions at their edges: limits, overflow, and never NaN.
func TestInfluenceEdges(t *testing.T) {
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"mlp τ=0 keeps 0", mlp(0, 50), 0},
		{"mlp τ=1 keeps 1", mlp(1, -50), 1},
		{"mlp E=0 keeps τ", mlp(0.3, 0), 0.3},
		{"mlp huge E", mlp(0.5, 1e300), 1},
		{"mlp huge −E", mlp(0.5, -1e300), 0},
		{"euler huge E", euler(0.5, 1e300), 1},
		{"euler huge −E floors at τ²", euler(0.5, -1e300), 0.25},
		{"euler τ=0", euler(0, 1e300), 0},
		{"euler τ=1", euler(1, -1e300), 1},
		{"euler E=0 keeps τ", euler(0.3, 0), 0.3},
		{"quadratic huge E", quadEnergy(0.5, 1e300), 1},
		{"quadratic huge −E", quadEnergy(0.5, -1e300), 0},
		{"quadratic E=1", quadEnergy(0.2, 1), 0.2 + 0.8*0.5},
		{"quadratic E=−1", quadEnergy(0.2, -1), 0.2 - 0.2*0.5},
		{"dfquad only attack", dfquad(0.6, 0, 0.5), 0.3},
		{"dfquad only support", dfquad(0.6, 0.5, 0), 0.8},
		{"dfquad balanced", dfquad(0.6, 0.5, 0.5), 0.6},
	}
	for _, tt := range tests {
		if math.IsNaN(tt.got) || math.Abs(tt.got-tt.want) > 1e-12 {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
