package wire

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

var strs = []string{
	"", "plain", "Zürich § 4 — 東京", `quote " and \ backslash`, "<b>bold</b> & co", "line\nbreak\ttab",
	"\x1b[31mRED\x1b[0m", "\u202eevil\u202c\u200b\u2066", "\u2028\u2029", "\u0085\u009b", "bad \xff utf-8", "\x00\x7f",
	"emoji 🙂 past U+FFFF",
}

func args() []*argument.Argument {
	var out []*argument.Argument
	for i, s := range strs {
		a := &argument.Argument{ID: "a" + s, Side: argument.Side(s), Category: s, Title: s, Claim: s, Reasoning: s,
			Strength: []float64{0, 0.5, 1, 1e-7, 0.30000000000000004}[i%5], Note: s}
		if i%2 == 0 {
			a.Tags = []string{s, "tag"}
			a.Quotes = []argument.Passage{{Source: s, Text: s}, {Source: "src", Text: "t"}}
			a.Supports = []string{"x", s}
		} else {
			a.Evidence = []argument.Passage{{Source: s, Text: s}}
			a.Attacks = []string{s}
		}
		out = append(out, a)
	}
	return out
}

// AppendArgument writes what Marshal writes for the same shape, under both policies, at any
// indent.
func TestAppendArgumentIsMarshal(t *testing.T) {
	for _, p := range []Policy{Data, Prose} {
		for _, a := range args() {
			for _, prefix := range []string{"", "  ", "    "} {
				for _, rel := range []Relations{WithRelations, WithoutRelations} {
					var v any = NewArgument(a)
					if rel {
						v = NewListed(a)
					}
					want, err := p.Marshal(v, prefix)
					if err != nil {
						t.Fatal(err)
					}
					if got := p.AppendArgument(nil, a, prefix, rel); string(got) != string(want) {
						t.Errorf("policy %+v, prefix %q, relations %v, argument %q:\ngot  %s\nwant %s", p, prefix, rel, a.ID, got, want)
					}
				}
			}
		}
	}
}

func TestAppendString(t *testing.T) {
	for _, s := range strs {
		for _, p := range []Policy{Data, Prose} {
			got := string(p.AppendString(nil, s))
			want, _ := p.Marshal(s, "")
			if got != string(want) {
				t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
			}
			var back string
			if err := json.Unmarshal([]byte(got), &back); err != nil || back != strings.ToValidUTF8(s, "\ufffd") {
				t.Errorf("AppendString(%q) = %s reads back as %q, %v", s, got, back, err)
			}
			if strings.ContainsAny(got, "\x1b\u202e\u200b\u0085\u009b\u2028") {
				t.Errorf("AppendString(%q) = %q leaves an invisible character raw", s, got)
			}
			if strings.Contains(s, "<b>") && p.EscapeHTML == strings.Contains(got, "<b>") {
				t.Errorf("AppendString(%q) under %+v = %s", s, p, got)
			}
		}
	}
}

func TestAppendFloat(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 1e-7, 1.5e-9, 1e20, 1e21, 123456789.125, 0.30000000000000004, math.SmallestNonzeroFloat64, math.MaxFloat64} {
		want, _ := json.Marshal(f)
		if got := AppendFloat(nil, f); string(got) != string(want) {
			t.Errorf("AppendFloat(%v) = %s, want %s", f, got, want)
		}
	}
}

func TestAppendRounded(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{
		{0.30000000000000004, "0.3"}, {-0.0000000001, "0"}, {math.Copysign(0, -1), "0"}, {1e-7, "0.0000001"},
		{0.7461234567891, "0.746123457"}, {2e15, "2000000000000000"},
	} {
		if got := string(AppendRounded(nil, tt.x)); got != tt.want {
			t.Errorf("AppendRounded(%v) = %s, want %s", tt.x, got, tt.want)
		}
	}
}

func TestFinite(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		err := Finite(x, `argument "a" has strength`)
		if !errors.Is(err, ErrNotFinite) || !strings.HasPrefix(err.Error(), `argument "a" has strength `) {
			t.Errorf("Finite(%v) = %v", x, err)
		}
	}
	if err := Finite(0.5, "x"); err != nil {
		t.Errorf("Finite(0.5) = %v", err)
	}
}

func FuzzAppendArgument(f *testing.F) {
	for _, s := range strs {
		f.Add(s, s, 0.5)
	}
	f.Fuzz(func(t *testing.T, id, text string, strength float64) {
		if Finite(strength, "") != nil {
			return
		}
		a := &argument.Argument{ID: id, Title: text, Claim: text, Strength: strength, Tags: []string{text},
			Quotes: []argument.Passage{{Source: id, Text: text}}, Supports: []string{id}}
		for _, p := range []Policy{Data, Prose} {
			want, err := p.Marshal(NewListed(a), "    ")
			if err != nil {
				t.Fatal(err)
			}
			if got := p.AppendArgument(nil, a, "    ", WithRelations); string(got) != string(want) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		}
	})
}
