package argument

import (
	"math"
	"strings"
	"testing"
)

var weightCases = []struct {
	in   string
	want float64
	err  string
}{
	{"2", 2, ""}, {"0.5", 0.5, ""}, {".5", 0.5, ""}, {"1.", 1, ""}, {"+1", 1, ""}, {"-0", 0, ""}, {"1e3", 1000, ""},
	{"2E-1", 0.2, ""}, {"0", 0, ""}, {"-1", -1, ""}, {"1e400", math.Inf(1), ""},
	{"1_0", 0, `"1_0" is a number with underscores: write 10`},
	{"1_000.5", 0, `"1_000.5" is a number with underscores: write 1000.5`},
	{"0x1p3", 0, `"0x1p3" is a hexadecimal number: write 8`},
	{"0x10", 0, `"0x10" is a hexadecimal number: write 16`},
	{"0o17", 0, `"0o17" is an octal number: write 15`},
	{"0b11", 0, `"0b11" is a binary number: write 3`},
	{"017", 0, `"017" is a number with a leading zero, which YAML 1.1 reads as octal: write 17 (or 15 if octal is meant)`},
	{"08", 0, `"08" is a number with a leading zero, which YAML 1.1 reads as octal: write 8`},
	{"00.5", 0, `"00.5" is a number with a leading zero: write 0.5`},
	{"inf", 0, `"inf" is not a finite number: write a plain decimal number, like 2 or 0.5`},
	{".NaN", 0, `".NaN" is not a finite number: write a plain decimal number, like 2 or 0.5`},
	{"Infinity", 0, `"Infinity" is not a finite number: write a plain decimal number, like 2 or 0.5`},
	{"1:30", 0, `"1:30" is not a plain decimal number: write a plain decimal number, like 2 or 0.5`},
	{"", 0, `"" is not a plain decimal number: write a plain decimal number, like 2 or 0.5`},
	{"1e", 0, `"1e" is not a plain decimal number: write a plain decimal number, like 2 or 0.5`},
	{" 1", 0, `" 1" is not a plain decimal number: write a plain decimal number, like 2 or 0.5`},
}

func TestParseWeight(t *testing.T) {
	for _, tt := range weightCases {
		got, err := ParseWeight(tt.in)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("ParseWeight(%q) error = %v, want %s", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("ParseWeight(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

// FuzzParseWeight checks that what ParseWeight accepts is a number Go reads the same way, and
// that what it suggests instead is itself accepted.
func FuzzParseWeight(f *testing.F) {
	for _, tt := range weightCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := ParseWeight(s)
		if err == nil {
			if !plainDecimal(s) || math.IsNaN(x) {
				t.Errorf("ParseWeight(%q) = %v, accepted", s, x)
			}
			return
		}
		ne, ok := err.(*NumberError)
		if !ok {
			t.Fatalf("ParseWeight(%q): %T, not a *NumberError", s, err)
		}
		if ne.Instead != "" {
			first, _, _ := strings.Cut(ne.Instead, " ") // "17 (or 15 if octal is meant)"
			if _, err := ParseWeight(first); err != nil {
				t.Errorf("ParseWeight(%q) suggests %q, which it refuses: %v", s, ne.Instead, err)
			}
		}
	})
}
