package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// formatFlag is --format, the same on every command: its choices (the first is the default),
// its help, its completion and its one error.
type formatFlag struct {
	value   string
	choices []string
}

// textOrJSON are the choices of the views and reports.
var textOrJSON = []string{"text", "json"}

// add registers --format on cmd, offering the choices to shell completion.
func (f *formatFlag) add(cmd *cobra.Command, choices ...string) {
	f.choices = choices
	cmd.Flags().StringVar(&f.value, "format", choices[0], "output `format`: "+f.list(", "))
	// The flag was just defined, so registering its completion cannot fail.
	_ = cmd.RegisterFlagCompletionFunc("format", f.complete)
}

// complete offers the choices that start with what is typed so far, and never file names.
func (f *formatFlag) complete(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, c := range f.choices {
		if strings.HasPrefix(c, strings.ToLower(typed)) {
			out = append(out, c)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// check takes the value as written in any case and with spaces around it, and refuses one
// that is not a choice.
func (f *formatFlag) check() error {
	v := strings.ToLower(strings.TrimSpace(f.value))
	for _, c := range f.choices {
		if v == c {
			f.value = c
			return nil
		}
	}
	return usageErrorf("invalid --format %q: use %s", f.value, f.list(" or "))
}

// is says whether the checked value is name.
func (f *formatFlag) is(name string) bool { return f.value == name }

// list names the choices: "text or json" for two, "a, b, c" (help) or "one of a, b, c"
// (errors, sep " or ") for more.
func (f *formatFlag) list(sep string) string {
	if len(f.choices) == 2 {
		return f.choices[0] + " or " + f.choices[1]
	}
	all := strings.Join(f.choices, ", ")
	if sep == ", " {
		return all
	}
	return fmt.Sprintf("one of %s", all)
}
