package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
)

func TestResultJSON(t *testing.T) {
	d := debate(0.5, "A pro strategic 0.8 +T", "B con political 0.6 -T")
	r, err := Evaluate(argument.NewGraph(d), Weights{"political": 0.5}, DFQuAD)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	// λ political .5: va .3, vs .8: .5 + .5·.5 = .75. Without A: .5 − .5·.3 = .35; without
	// B: .9.
	want := `{"argmap":1,"semantics":"dfquad","weights":{"moral":1,"strategic":1,"political":0.5},` +
		`"thesis":{"id":"T","base":0.5,"score":0.75},"verdict":"pro","margin":0.25,` +
		`"converged":true,"iterations":1,"residual":0,"totals":{"pro":0.8,"con":0.3},` +
		`"categories":{"moral":{"pro":0,"con":0},"strategic":{"pro":0.8,"con":0},"political":{"pro":0,"con":0.3}},` +
		`"arguments":[{"id":"A","side":"pro","category":"strategic","weight":1,"base":0.8,"score":0.8,"contribution":0.4},` +
		`{"id":"B","side":"con","category":"political","weight":0.5,"base":0.6,"score":0.6,"contribution":-0.15}]}`
	if string(got) != want {
		t.Errorf("JSON:\n got %s\nwant %s", got, want)
	}

	r, _ = Evaluate(argument.NewGraph(d), nil, Sum)
	got, _ = json.Marshal(r.Document("even", false))
	want = `{"argmap":1,"label":"even","semantics":"sum","weights":{"moral":1,"strategic":1,"political":1},` +
		`"thesis":{"id":"T","base":0.5,"score":null},"verdict":"pro","margin":0.2,` +
		`"converged":true,"iterations":1,"residual":0,"totals":{"pro":0.8,"con":0.6},` +
		`"categories":{"moral":{"pro":0,"con":0},"strategic":{"pro":0.8,"con":0},"political":{"pro":0,"con":0.6}}}`
	if string(got) != want {
		t.Errorf("sum JSON without arguments:\n got %s\nwant %s", got, want)
	}
}

func TestResidualJSON(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 3.21987e-10: "3.22e-10", 0.5: "0.5"} {
		if got, _ := residual(x).MarshalJSON(); string(got) != want {
			t.Errorf("residual(%v) = %s, want %s", x, got, want)
		}
	}
	if got, err := residual(math.NaN()).MarshalJSON(); !errors.Is(err, wire.ErrNotFinite) {
		t.Errorf("residual(NaN) = %s, %v: want wire.ErrNotFinite", got, err)
	}
}

// NaN and infinities, which valid input cannot give, are refused rather than written as 0.
func TestJSONRefusesNaN(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got, err := num(x).MarshalJSON(); !errors.Is(err, wire.ErrNotFinite) {
			t.Errorf("num(%v) = %s, %v: want wire.ErrNotFinite", x, got, err)
		}
		rows := argumentRows{{ID: "a", Score: num(x)}}
		if got, err := json.Marshal(rows); !errors.Is(err, wire.ErrNotFinite) {
			t.Errorf("rows with a score of %v = %s, %v: want wire.ErrNotFinite", x, got, err)
		}
		r := &Result{Semantics: DFQuAD, Arguments: []ArgumentScore{{ID: "a", Score: x}}}
		var b bytes.Buffer
		if err := r.WriteJSON(&b); !errors.Is(err, wire.ErrNotFinite) || b.Len() != 0 {
			t.Errorf("WriteJSON with a score of %v wrote %q, %v: want nothing and wire.ErrNotFinite", x, b.String(), err)
		}
	}
}

func TestNumJSON(t *testing.T) {
	for x, want := range map[float64]string{
		0.1 + 0.2:            "0.3",
		-1e-12:               "0",
		math.Copysign(0, -1): "0",
		2.0 / 3:              "0.666666667",
		1e20:                 "100000000000000000000",
		-0.25:                "-0.25",
	} {
		got, _ := num(x).MarshalJSON()
		if string(got) != want {
			t.Errorf("num(%v) = %s, want %s", x, got, want)
		}
	}
}

// TestArgumentRowsMatchEncodingJSON holds the hand-written rows to what encoding/json writes
// for the same structs, hostile strings and awkward numbers included.
func TestArgumentRowsMatchEncodingJSON(t *testing.T) {
	texts := []string{"", "plain-id", `quo"te`, `back\slash`, "<b>&amp;</b>", "tab\there", "nul\x00", "bad\xffutf8", "\u2028line\u2029", "é€😀", "\x1b[31mred"}
	numbers := []float64{0, 1, -1, 0.1 + 0.2, 1e-10, -1e-10, 1e20, math.Copysign(0, -1), 123456.7890123456}
	var rows argumentRows
	for i := range 60 {
		rows = append(rows, argumentJSON{
			ID: texts[i%len(texts)], Side: argument.Side(texts[(i+3)%len(texts)]), Category: texts[(i+7)%len(texts)],
			Weight: num(numbers[i%len(numbers)]), Base: num(numbers[(i+1)%len(numbers)]),
			Score: num(numbers[(i+5)%len(numbers)]), Contribution: num(numbers[(i+11)%len(numbers)]),
		})
	}
	for _, rs := range []argumentRows{nil, {}, rows[:1], rows} {
		got, err := json.Marshal(rs)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal([]argumentJSON(rs))
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 {
			want = []byte("[]") // a nil slice of rows is written as none, not null
		}
		if !bytes.Equal(got, want) {
			t.Errorf("rows differ:\n got %s\nwant %s", got, want)
		}
	}
}

// TestWriteJSONMatchesMarshalIndent holds the streamed document to encoding/json's indented
// one, with rows and without, hostile ids included.
func TestWriteJSONMatchesMarshalIndent(t *testing.T) {
	hostile := debate(0.3, `x"<&>\ pro moral 0.4 +T`, "y con moral 0.7 -T", "C pro moral 1 +T")
	hostile.Arguments[1].ID = "y\u2028z\x01\xff"
	for _, d := range []*argument.Debate{
		debate(0.5),
		debate(0.5, "A pro strategic 0.8 +T", "B con political 0.6 -T"),
		hostile,
	} {
		for _, c := range []struct {
			sem  Semantics
			opts Options
		}{
			{DFQuAD, Options{}}, {Sum, Options{}},
			{DFQuAD, Options{Contributions: AllContributionFuncs}},
			{MLP, Options{Contributions: []ContributionFunc{Gradient, Shapley}}},
		} {
			sem := c.sem
			r, err := EvaluateWith(argument.NewGraph(d), Weights{"moral": 0.7}, sem, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.MarshalIndent(r.Document("", true), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, '\n')
			var got bytes.Buffer
			if err := r.WriteJSON(&got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s, %d arguments: WriteJSON differs from MarshalIndent:\n got %s\nwant %s", sem, len(d.Arguments), got.Bytes(), want)
			}
		}
	}
}

// TestSampledShapleyJSON: a sampled Shapley value carries its standard error, and the method its
// sample count and seed, in the streamed document as in encoding/json's.
func TestSampledShapleyJSON(t *testing.T) {
	defer func(l int) { exactShapleyLimit = l }(exactShapleyLimit)
	exactShapleyLimit = 0
	d := debate(0.5, "A pro strategic 0.8 +T", "B con political 0.6 -T", "C pro moral 0.3 -B")
	r, err := EvaluateWith(argument.NewGraph(d), nil, DFQuAD, Options{Contributions: []ContributionFunc{Shapley}, ShapleySamples: 8})
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(r.Document("", true), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := r.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), append(want, '\n')) {
		t.Errorf("WriteJSON differs from MarshalIndent:\n got %s\nwant %s", got.Bytes(), want)
	}
	for _, s := range []string{`"method": "sampled"`, `"samples": 8`, `"seed": 14`, `"shapley_se": `} {
		if !bytes.Contains(got.Bytes(), []byte(s)) {
			t.Errorf("document lacks %s:\n%s", s, got.Bytes())
		}
	}
}
