package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// registerCompletions gives shell completion the values of every flag that takes a known set,
// on every command that has the flag: the fixed ones (semantics, sides, verdicts) and those of
// the corpus in use (categories, tags, profiles, argument ids), read when completion asks, so
// that --corpus on the same command line is honoured. One walk over the tree keeps the
// commands' own files free of completion code.
func registerCompletions(root *cobra.Command, app *App) {
	fixed := map[string][]string{
		"side":   {string(argument.Pro), string(argument.Con)},
		"expect": {string(score.VerdictPro), string(score.VerdictCon), string(score.VerdictTie)},
	}
	sems := []string{"all"}
	for _, s := range score.AllSemantics {
		sems = append(sems, string(s))
	}
	fixed["semantics"] = sems
	fromCorpus := map[string]func(*argument.Debate) []string{
		"category": func(d *argument.Debate) []string { return d.Categories },
		"tag":      func(d *argument.Debate) []string { return d.Tags() },
		"profile":  func(d *argument.Debate) []string { return d.ProfileNames() },
		"axes":     func(d *argument.Debate) []string { return d.Categories },
	}
	var walk func(*cobra.Command)
	walk = func(cmd *cobra.Command) {
		for name, vals := range fixed {
			if cmd.Flags().Lookup(name) != nil {
				_ = cmd.RegisterFlagCompletionFunc(name, completeList(func() []string { return vals }))
			}
		}
		for name, list := range fromCorpus {
			if cmd.Flags().Lookup(name) != nil {
				_ = cmd.RegisterFlagCompletionFunc(name, completeList(func() []string {
					d, err := app.Load()
					if err != nil {
						return nil
					}
					return list(d)
				}))
			}
		}
		// The verbs that take an argument id as their one positional argument.
		if (cmd.Name() == "show" || cmd.Name() == "get") && cmd.ValidArgsFunction == nil {
			cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				d, err := app.Load()
				if err != nil {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				ids := []string{d.Thesis.ID}
				for _, a := range d.Arguments {
					ids = append(ids, a.ID)
				}
				return matching(ids, typed), cobra.ShellCompDirectiveNoFileComp
			}
		}
		for _, c := range cmd.Commands() {
			walk(c)
		}
	}
	walk(root)
}

// completeList completes a flag from the values that list gives when asked. A value after a
// comma is completed too, for the flags that take several.
func completeList(list func() []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix, last := "", typed
		if i := strings.LastIndexByte(typed, ','); i >= 0 {
			prefix, last = typed[:i+1], typed[i+1:]
		}
		var out []cobra.Completion
		for _, v := range matching(list(), last) {
			out = append(out, prefix+v)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func matching(vals []string, typed string) []string {
	var out []string
	for _, v := range vals {
		if strings.HasPrefix(v, typed) {
			out = append(out, v)
		}
	}
	return out
}
