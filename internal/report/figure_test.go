package report

import (
	"math"
	"testing"
)

func TestFigure(t *testing.T) {
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
		if got := Figure(tt.x, 1e-6); got != tt.want {
			t.Errorf("Figure(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}
