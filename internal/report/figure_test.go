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

func TestSharePercent(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{0, "0%"}, {1, "100%"}, {0.63, "63%"}, {0.375, "38%"}, {0.004, "0.4%"},
		{0.0004, "<0.1%"}, {0.996, "99.6%"}, {0.99996, ">99.9%"}, {0.005, "1%"}, {0.994, "99%"},
	}
	for _, tt := range tests {
		if got := SharePercent(tt.x); got != tt.want {
			t.Errorf("SharePercent(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
	if got, want := Shares(0.63, 0.37, 0), "PRO under 63% of all weightings, CON under 37%"; got != want {
		t.Errorf("Shares = %q, want %q", got, want)
	}
	if got, want := Shares(0.99996, 0, 0.00004), "PRO under more than 99.9% of all weightings, CON under 0%, tie under less than 0.1%"; got != want {
		t.Errorf("Shares = %q, want %q", got, want)
	}
	if got, want := Shares(0.5, 0.25, 0.25), "PRO under 50% of all weightings, CON under 25%, tie under 25%"; got != want {
		t.Errorf("Shares = %q, want %q", got, want)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 5151: "5,151", 1234567: "1,234,567", -1000: "-1,000", -100: "-100"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
