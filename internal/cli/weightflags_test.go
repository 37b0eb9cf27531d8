package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

func weightDebate() *argument.Debate {
	return &argument.Debate{
		Categories: []string{"moral", "strategic", "political"},
		Thesis:     argument.Thesis{ID: "t", Base: 0.5},
		Profiles: []argument.Profile{
			{Name: "even", Weights: map[string]float64{"moral": 1, "strategic": 1, "political": 1}},
			{Name: "hawk", Weights: map[string]float64{"political": 3}},
		},
	}
}

func resolveWeights(t *testing.T, args ...string) (score.Weights, string, score.Semantics, error) {
	t.Helper()
	var wf weightFlags
	cmd := &cobra.Command{Use: "x"}
	wf.add(cmd)
	if err := cmd.ParseFlags(args); err != nil {
		t.Fatalf("parse %q: %v", args, err)
	}
	return wf.resolve(weightDebate())
}

func TestWeightFlagsResolve(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "w.json")
	if err := os.WriteFile(file, []byte(`{"moral": 2.5}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args      []string
		weights   score.Weights
		label     string
		semantics score.Semantics
	}{
		{nil, score.Weights{}, "default", score.DFQuAD},
		{[]string{"--weights", "moral=2"}, score.Weights{"moral": 2}, "moral=2", score.DFQuAD},
		{[]string{"--profile", "hawk", "--semantics", "euler"}, score.Weights{"political": 3}, "hawk", score.Euler},
		{[]string{"--weights-file", file, "--semantics", " sum "}, score.Weights{"moral": 2.5}, "w.json", score.Sum},
	}
	for _, tt := range tests {
		w, label, sem, err := resolveWeights(t, tt.args...)
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if label != tt.label || sem != tt.semantics || len(w) != len(tt.weights) {
			t.Errorf("%q = %v %q %s, want %v %q %s", tt.args, w, label, sem, tt.weights, tt.label, tt.semantics)
		}
		for c, v := range tt.weights {
			if w[c] != v {
				t.Errorf("%q: weight of %s = %v, want %v", tt.args, c, w[c], v)
			}
		}
	}
}

func TestWeightFlagsErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("big.yaml", "moral: 1\n"+strings.Repeat("# padding\n", maxWeightsFile/10+1))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--semantics", "all"}, `invalid --semantics: unknown semantics "all"`},
		{[]string{"--weights", "moral=2", "--weights-file", "x"}, "give only one of --weights, --profile and --weights-file"},
		{[]string{"--profile", "dove"}, `unknown profile "dove": use one of even, hawk`},
		{[]string{"--weights", "moral=1,strategic=0,political=-0.5"}, `invalid --weights: weight -0.5 for "political" is negative`},
		{[]string{"--weights-file", write("empty.yaml", "")}, "want a map of category to number"},
		{[]string{"--weights-file", write("syntax.yaml", "moral: [1\n")}, "invalid --weights-file " + dir},
		{[]string{"--weights-file", write("nested.yaml", "moral: {a: 1}\n")}, `nested.yaml:1:8: the weight of moral must be a number of 0 or more, not a mapping`},
		{[]string{"--weights-file", write("dup.yaml", "moral: 1\nmoral: 2\n")}, "invalid --weights-file"},
		{[]string{"--weights-file", write("inf.yaml", "moral: .inf\n")}, `inf.yaml:1:8: the weight of moral must be a finite number of 0 or more, not .inf`},
		{[]string{"--weights-file", write("under.yaml", "moral: 1_000\n")}, `under.yaml:1:8: the weight of moral must be a plain decimal number, not 1_000 (a number with underscores): write 1000`},
		{[]string{"--weights-file", write("hex.yaml", "moral: 0x1p3\n")}, `hex.yaml:1:8: the weight of moral must be a plain decimal number, not 0x1p3 (a hexadecimal number): write 8`},
		{[]string{"--weights-file", write("two.yaml", "moral: 1\n---\nmoral: 2\n")}, `two.yaml:2:1: a second YAML document: a weights file holds one document`},
		{[]string{"--weights-file", write("after.yaml", "moral: 1\n---\nmoral: [\n")}, `after.yaml:4:1: invalid YAML`},
		{[]string{"--weights", "moral=1_0"}, `invalid --weights: "1_0" in "moral=1_0" is a number with underscores: write 10`},
		{[]string{"--weights-file", write("zero.yaml", "moral: 0\nstrategic: 0\npolitical: 0\n")}, "every category weighs 0"},
		{[]string{"--weights-file", big}, "larger than 1 MiB"},
	}
	for _, tt := range tests {
		_, _, _, err := resolveWeights(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error = %v, want it to contain %q", tt.args, err, tt.want)
			continue
		}
		var usage *UsageError
		if !errors.As(err, &usage) {
			t.Errorf("%q: %T is not a usage error (exit 2 with a pointer to --help)", tt.args, err)
		}
	}
}

func TestCompareSemantics(t *testing.T) {
	got, err := compareSemantics([]string{"sum", "all", "dfquad"})
	if err != nil {
		t.Fatal(err)
	}
	want := []score.Semantics{score.Sum, score.DFQuAD, score.QuadraticEnergy, score.Euler, score.MLP}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if got, _ := compareSemantics(nil); len(got) != 1 || got[0] != score.DefaultSemantics {
		t.Errorf("no --semantics gives %v, want the default", got)
	}
}

func TestCompareWeightings(t *testing.T) {
	d := weightDebate()
	ws, err := (&compareOptions{profiles: []string{"hawk"}, allProfiles: true, weights: []string{"moral=2"}}).weightings(d)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, w := range ws {
		labels = append(labels, w.label)
	}
	if got := strings.Join(labels, " "); got != "hawk even moral=2" {
		t.Errorf("weightings = %s, want hawk even moral=2 (each profile once, flag order)", got)
	}
	d.Profiles = nil
	ws, _ = (&compareOptions{}).weightings(d)
	if len(ws) != 1 || ws[0].label != "default" {
		t.Errorf("no profiles and no flags: %+v, want one default weighting", ws)
	}
}

// On a terminal compare draws a table; piped, tab-separated rows.
func TestCompareTableOnTerminal(t *testing.T) {
	streams, out, _ := TestStreams()
	streams.OutTTY = true
	if code := Run([]string{"compare", "--profile", "even"}, streams); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "╭") || !strings.Contains(out.String(), " even ") {
		t.Errorf("no table on a terminal:\n%s", out)
	}
	streams, out, _ = TestStreams()
	if code := Run([]string{"compare", "--profile", "even"}, streams); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "weights\tsemantics\tthesis\tmargin\tverdict\neven\tdfquad\t") {
		t.Errorf("piped output is not tab-separated:\n%s", out)
	}
}
