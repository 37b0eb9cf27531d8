package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

// contributionFlag is --contributions, shared by score, show and export: the contribution
// functions to compute, the first of them the one that explains the verdict.
type contributionFlag struct {
	value string
	cmd   *cobra.Command // to ask whether the flag was given
}

// ShapleyDefaultLimit is the size past which score and export, given no --contributions,
// explain the verdict by removal instead: sampled Shapley values at a hundred thousand
// arguments cost seconds more than the whole of the scoring they explain.
const shapleyDefaultLimit = 10_000

// fit returns funcs, unless the flag was not given and the graph has more than limit
// arguments: then removal, whose cost stays linear, and which the view names.
// On a graph with cycles the limit is score.ExactShapleyCyclic: there every coalition and
// every step of a sampled order solves a cycle again by iteration, which no budget bounds.
func (f *contributionFlag) fit(funcs []score.ContributionFunc, g *argument.Graph, limit int) []score.ContributionFunc {
	if f.cmd != nil && f.cmd.Flags().Changed("contributions") {
		return funcs
	}
	n := g.Len() - 1
	if n > score.ExactShapleyCyclic && n <= limit {
		if _, acyclic := g.TopoOrder(); !acyclic {
			limit = score.ExactShapleyCyclic
		}
	}
	if n <= limit {
		return funcs
	}
	return []score.ContributionFunc{score.Removal}
}

func (f *contributionFlag) add(cmd *cobra.Command) {
	f.cmd = cmd
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
