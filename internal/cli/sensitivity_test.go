package cli

import (
	"errors"
	"strings"
	"testing"
)

func TestParseRange(t *testing.T) {
	tests := []struct {
		in       string
		from, to float64
		err      string
	}{
		{"0:10", 0, 10, ""},
		{" 0.5 : 2 ", 0.5, 2, ""},
		{"1e-3:1e3", 0.001, 1000, ""},
		{"10:0", 0, 0, "the range ends at 0, not above its start 10"},
		{"5:5", 0, 0, "not above its start 5"},
		{"-1:5", 0, 0, "the range starts at -1: weights are 0 or more"},
		{"0-10", 0, 0, "no colon between the two ends"},
		{"", 0, 0, "no colon between the two ends"},
		{"a:5", 0, 0, `the start "a" is not a finite number`},
		{"0:", 0, 0, `the end "" is not a finite number`},
		{"0:NaN", 0, 0, `the end "NaN" is not a finite number`},
		{"0:1:2", 0, 0, `the end "1:2" is not a finite number`},
	}
	for _, tt := range tests {
		from, to, err := parseRange(tt.in)
		if tt.err == "" {
			if err != nil || from != tt.from || to != tt.to {
				t.Errorf("parseRange(%q) = %g, %g, %v; want %g, %g", tt.in, from, to, err, tt.from, tt.to)
			}
			continue
		}
		var usage *UsageError
		if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.As(err, &usage) {
			t.Errorf("parseRange(%q) error = %v, want a usage error containing %q", tt.in, err, tt.err)
		}
	}
}

func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"0:10", "10:0", "a:b", ":", "1e308:1e309", "-0:0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from, to, err := parseRange(s)
		if err == nil && !(from >= 0 && to > from) {
			t.Errorf("parseRange(%q) accepted %g:%g", s, from, to)
		}
	})
}
