package cli

import (
	"slices"
	"testing"
)

func TestNearest(t *testing.T) {
	ids := []string{"drain-manpower", "brain-drain", "trap-them-inside", "internal-security", "grant-asylum", "drain-x"}
	tests := []struct {
		q    string
		want []string
	}{
		{"drain", []string{"drain-manpower", "drain-x", "brain-drain"}}, // prefix first, then contained
		{"drain-manpowr", []string{"drain-manpower"}},                   // one edit
		{"DRAIN-X", []string{"drain-x"}},                                // any case
		{"brain-drian", []string{"brain-drain"}},                        // transposition: two edits
		{"trap", []string{"trap-them-inside"}},
		{"security", []string{"internal-security"}},
		{"zzzzzzzz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := nearest(tt.q, ids, 3); !slices.Equal(got, tt.want) {
			t.Errorf("nearest(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
	if got := nearest("d", []string{"da", "db", "dc", "dd"}, 3); len(got) != 3 {
		t.Errorf("nearest returned %d ids, want at most 3", len(got))
	}
}

func TestGetUnknownIDIsUsageError(t *testing.T) {
	s, out, errOut := TestStreams()
	if code := Run([]string{"get", "drain-manpowr"}, s); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if out.Len() != 0 {
		t.Errorf("stdout not empty: %q", out)
	}
	if want := "did you mean drain-manpower?"; !contains(errOut.String(), want) {
		t.Errorf("stderr %q lacks %q", errOut, want)
	}
}

func TestGetFormats(t *testing.T) {
	s, out, _ := TestStreams()
	if code := Run([]string{"get", "drain-manpower", "--format", "json"}, s); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !contains(out.String(), `"id": "drain-manpower"`) || !contains(out.String(), `"supported_by": [`) {
		t.Errorf("json output:\n%s", out)
	}
	s, out, _ = TestStreams()
	if code := Run([]string{"get", "drain-manpower"}, s); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !contains(out.String(), "Defined at    arguments/") || !contains(out.String(), "(built in)") {
		t.Errorf("text output lacks the location:\n%s", out)
	}
}
