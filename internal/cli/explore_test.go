package cli

import (
	"slices"
	"testing"
)

func TestExploreNeedsATerminal(t *testing.T) {
	streams, out, errOut := TestStreams()
	streams.OutTTY = true // a forced terminal is still not one explore can read keys from
	if code := Run([]string{"explore"}, streams); code != exitUsage {
		t.Errorf("exit code %d, want %d", code, exitUsage)
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want nothing", out)
	}
	const want = "argmap: explore needs a terminal; use argmap show or argmap score in scripts\n"
	if got := errOut.String(); got != want {
		t.Errorf("stderr\n got %q\nwant %q", got, want)
	}
}

func TestExploreScoreArgs(t *testing.T) {
	tests := []struct {
		opts exploreOptions
		want []string
	}{
		{exploreOptions{app: &App{}}, nil},
		{exploreOptions{app: &App{CorpusDir: "my debate"}, filter: filterFlags{side: "con", categories: []string{" moral", ""}, tags: []string{"x"}, minStrength: 0.5, search: "putin"}},
			[]string{"--corpus", "my debate", "--side", "con", "--category", "moral", "--tag", "x", "--min-strength", "0.5", "--search", "putin"}},
		{exploreOptions{app: &App{}, contrib: contributionFlag{value: "shapley"}}, nil},
		{exploreOptions{app: &App{}, contrib: contributionFlag{value: "removal"}}, []string{"--contributions", "removal"}},
	}
	for _, tt := range tests {
		if got := tt.opts.scoreArgs(); !slices.Equal(got, tt.want) {
			t.Errorf("scoreArgs\n got %q\nwant %q", got, tt.want)
		}
	}
}
