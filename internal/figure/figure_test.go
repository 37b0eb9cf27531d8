package figure

import (
	"math"
	"testing"
)

func TestFlip(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{4.345216, "4.345"},
		{0.1, "0.1"},
		{10, "10"},
		{0.99987, "0.9999"},
		{0.9999995, "1"},
		{2.0000004, "2"},
		{-0.0000001, "0"},
		{0.101097, "0.101"},
		{math.NaN(), "?"},
		{math.Inf(1), "?"},
	}
	for _, tt := range tests {
		if got := Flip(tt.x, 1e-6); got != tt.want {
			t.Errorf("Flip(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

func TestSigned(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{0, "+0.000"},
		{0.246, "+0.246"},
		{-0.0344, "-0.034"},
		{0.00021, "+0.0002"},
		{-0.00004, "-0.00004"},
		{1.5, "+1.500"},
		{-1.5e-10, "-0.0000000001"},
		{2e-14, "+2e-14"},
	} {
		if got := Signed(tc.x); got != tc.want {
			t.Errorf("Signed(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}
