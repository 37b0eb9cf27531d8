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

func TestMargin(t *testing.T) {
	tests := []struct {
		m    float64
		want string
	}{
		{0.246, "+0.246"},
		{-0.038, "-0.038"},
		{-0.0002, "-0.00020"},
		{0.00023, "+0.00023"},
		{-0.0004999, "-0.00050"},
		{-0.0000999999, "-0.00010"},
		{-0.000099, "-0.000099"},
		{-0.00051, "-0.001"},
		{3e-9, "+0.0000000030"},
		{1e-10, "0.000"},
		{-1e-10, "0.000"},
		{0, "0.000"},
		{math.NaN(), "0.000"},
	}
	for _, tt := range tests {
		if got := Margin(tt.m); got != tt.want {
			t.Errorf("Margin(%v) = %q, want %q", tt.m, got, tt.want)
		}
	}
}
