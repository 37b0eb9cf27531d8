package score

import (
	"math"
	"strings"
	"testing"
)

var cats3 = []string{"moral", "strategic", "political"}

func TestParseWeights(t *testing.T) {
	tests := []struct {
		spec    string
		want    Weights
		wantErr string
	}{
		{spec: "moral=2,strategic=1,political=0.5", want: Weights{"moral": 2, "strategic": 1, "political": 0.5}},
		{spec: " moral = 2 , political=0 ", want: Weights{"moral": 2, "political": 0}},
		{spec: "moral=1e-3", want: Weights{"moral": 0.001}},
		{spec: "", wantErr: "no weights given"},
		{spec: "moral=2,", wantErr: `empty entry between commas in "moral=2,"`},
		{spec: "moral", wantErr: `"moral" is not category=number`},
		{spec: "=2", wantErr: `"=2" has no category name`},
		{spec: "moral=x", wantErr: `"x" in "moral=x" is not a finite number`},
		{spec: "moral=NaN", wantErr: `"NaN" in "moral=NaN" is not a finite number`},
		{spec: "moral=inf", wantErr: `"inf" in "moral=inf" is not a finite number`},
		{spec: "moral=1_0", wantErr: `"1_0" in "moral=1_0" is a number with underscores: write 10`},
		{spec: "moral=0x1p3", wantErr: `"0x1p3" in "moral=0x1p3" is a hexadecimal number: write 8`},
		{spec: "moral=017", wantErr: `"017" in "moral=017" is a number with a leading zero, which YAML 1.1 reads as octal: write 17 (or 15 if octal is meant)`},
		{spec: "moral=1e400", wantErr: `"1e400" in "moral=1e400" is not a finite number`},
		{spec: "moral=.5,strategic=2E1", want: Weights{"moral": 0.5, "strategic": 20}},
		{spec: "moral=1,moral=2", wantErr: `category "moral" is given twice: give each category once`},
	}
	for _, tt := range tests {
		got, err := ParseWeights(tt.spec)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseWeights(%q) error = %v, want it to contain %q", tt.spec, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseWeights(%q): %v", tt.spec, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("ParseWeights(%q) = %v, want %v", tt.spec, got, tt.want)
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("ParseWeights(%q)[%s] = %v, want %v", tt.spec, k, got[k], v)
			}
		}
	}
}

func TestWeightsCheck(t *testing.T) {
	tests := []struct {
		w       Weights
		wantErr string
	}{
		{w: nil},
		{w: Weights{"moral": 0}},
		{w: Weights{"moral": 0, "strategic": 0, "political": 0.001}},
		{w: Weights{"religious": 1}, wantErr: `unknown category "religious": use moral, strategic, political`},
		{w: Weights{"moral": -1}, wantErr: `weight -1 for "moral" is negative: use 0 or more`},
		{w: Weights{"moral": math.NaN()}, wantErr: "is not a finite number"},
		{w: Weights{"moral": math.Inf(1)}, wantErr: "is not a finite number"},
		{w: Weights{"moral": 0, "strategic": 0, "political": 0}, wantErr: "every category weighs 0"},
	}
	for _, tt := range tests {
		err := tt.w.Check(cats3)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%v.Check: %v", tt.w, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%v.Check error = %v, want it to contain %q", tt.w, err, tt.wantErr)
		}
	}
}

func TestWeightsLambda(t *testing.T) {
	lam := lambdaScaled(Weights{"moral": 4, "political": 0.5}, cats3, cats3)
	want := map[string]float64{"moral": 1, "strategic": 0.25, "political": 0.125}
	for c, v := range want {
		if lam[c] != v {
			t.Errorf("λ[%s] = %v, want %v", c, lam[c], v)
		}
	}
	// Relative: scaling every weight changes nothing.
	a, b := lambdaScaled(Weights{"moral": 2, "strategic": 1}, cats3, cats3), lambdaScaled(Weights{"moral": 20, "strategic": 10, "political": 10}, cats3, cats3)
	for _, c := range cats3 {
		if a[c] != b[c] {
			t.Errorf("λ[%s] = %v and %v for proportional weights", c, a[c], b[c])
		}
	}
	if l := lambdaScaled(Weights{"moral": 0, "strategic": 0, "political": 0}, cats3, cats3); l["moral"] != 0 {
		t.Errorf("all-zero weights give λ %v, want 0 (never NaN)", l)
	}
	if full := (Weights{"moral": 3}).Full(cats3); full["strategic"] != 1 || full["moral"] != 3 || len(full) != 3 {
		t.Errorf("Full = %v, want moral 3 and the others 1", full)
	}
}

func FuzzParseWeights(f *testing.F) {
	for _, s := range []string{"moral=2,strategic=1,political=0.5", "moral=x", "=,=", "a=1e308,b=-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		w, err := ParseWeights(spec)
		if err != nil {
			return
		}
		for c, v := range w {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("ParseWeights(%q) let %s=%v through", spec, c, v)
			}
		}
		cats := make([]string, 0, len(w))
		for c := range w {
			cats = append(cats, c)
		}
		if w.Check(cats) == nil {
			for c, l := range lambdaScaled(w, cats, cats) {
				if !(l >= 0 && l <= 1) {
					t.Fatalf("λ[%s] = %v out of [0,1] for %q", c, l, spec)
				}
			}
		}
	})
}
