package cli

import (
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

func TestFormatFlag(t *testing.T) {
	tests := []struct {
		choices []string
		in      string
		want    string // the checked value, or the error
	}{
		{textOrJSON, "json", "json"},
		{textOrJSON, " Text ", "text"},
		{textOrJSON, "yaml", `invalid --format "yaml": use text or json`},
		{textOrJSON, "", `invalid --format "": use text or json`},
		{[]string{"markdown", "json", "dot"}, "DOT", "dot"},
		{[]string{"markdown", "json", "dot"}, "pdf", `invalid --format "pdf": use one of markdown, json, dot`},
	}
	for _, tt := range tests {
		var f formatFlag
		f.add(&cobra.Command{}, tt.choices...)
		f.value = tt.in
		err := f.check()
		got := f.value
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("--format %q among %v: got %q, want %q", tt.in, tt.choices, got, tt.want)
		}
	}
}

func TestFormatFlagDefaultAndHelp(t *testing.T) {
	cmd := &cobra.Command{}
	var f formatFlag
	f.add(cmd, "markdown", "json", "dot")
	fl := cmd.Flags().Lookup("format")
	if fl.DefValue != "markdown" || fl.Usage != "output `format`: markdown, json, dot" {
		t.Errorf("default %q, usage %q: want markdown and the choices", fl.DefValue, fl.Usage)
	}
	got, dir := f.complete(cmd, nil, "J")
	if !slices.Equal(got, []cobra.Completion{"json"}) || dir != cobra.ShellCompDirectiveNoFileComp {
		t.Errorf("complete(J) = %v, %v: want [json] and no files", got, dir)
	}
}
