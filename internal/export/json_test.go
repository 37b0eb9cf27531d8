package export

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/wire"
)

// jsonStringCases are strings for each of wire.AppendString's paths: nothing to escape (ASCII
// and past it), and each kind of character encoding/json or EscapeInvisible escapes.
var jsonStringCases = []string{
	"", "plain", "Putin’s manpower", "emoji 😀", "<script>", "a & b", "say \"hi\"", `back\slash`, "line\nbreak", "tab\t",
	"\x00\x01\x1f", "del\x7f", "c1\u0085\u009b", "sep\u2028\u2029", "bidi\u202e", "zero\u200b\ufeff", "tag\U000E0041",
	"bad\xff", "\xe2\x80", "\ufffd", "nbsp\u00a0",
}

// TestJSONStringMatchesEncodingJSON checks the hand-written string encoder against
// encoding/json followed by EscapeInvisible, which the export used before.
func TestJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range append(jsonStringCases, yamlScalarCases...) {
		checkJSONString(t, s)
	}
}

func checkJSONString(t *testing.T, s string) {
	t.Helper()
	want, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := wire.Data.AppendString([]byte("x"), s); string(got) != "x"+string(safetext.EscapeInvisible(want)) {
		t.Errorf("wire.Data.AppendString(%q) = %s, want %s", s, got[1:], safetext.EscapeInvisible(want))
	}
}

func TestJSONFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.82, 1.0 / 3, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 1e20, 1e21, 1.5e21, -2e-10, 123456789, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := wire.AppendFloat(nil, f); string(got) != string(want) {
			t.Errorf("wire.AppendFloat(%g) = %s, want %s", f, got, want)
		}
	}
}

func FuzzJSONStringMatchesEncodingJSON(f *testing.F) {
	for _, s := range append(jsonStringCases, yamlScalarCases...) {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}
