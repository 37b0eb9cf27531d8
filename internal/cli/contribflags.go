package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/score"
)

// contributionFlag is --contributions, shared by score, show and export: the contribution
// functions to compute, the first of them the one that explains the verdict.
type contributionFlag struct{ value string }

func (f *contributionFlag) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.value, "contributions", string(score.DefaultContributionFunc),
		"how each argument's share of the verdict is measured: "+contributionList()+
			"; comma-separated for several, the first explains the verdict")
	_ = cmd.RegisterFlagCompletionFunc("contributions", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		names := make([]string, len(score.AllContributionFuncs))
		for i, c := range score.AllContributionFuncs {
			names[i] = string(c)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
}

func contributionList() string {
	names := make([]string, len(score.AllContributionFuncs))
	for i, c := range score.AllContributionFuncs {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// resolve returns the functions asked for, in order, each once.
func (f *contributionFlag) resolve() ([]score.ContributionFunc, error) {
	var funcs []score.ContributionFunc
	for part := range strings.SplitSeq(f.value, ",") {
		name := strings.TrimSpace(part)
		c, err := score.ParseContributionFunc(name)
		if err != nil {
			return nil, usageErrorf("invalid --contributions %q: use one of %s, or several comma-separated", f.value, contributionList())
		}
		if !slices.Contains(funcs, c) {
			funcs = append(funcs, c)
		}
	}
	return funcs, nil
}
