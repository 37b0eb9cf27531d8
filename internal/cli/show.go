package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
)

// showOptions are the flags of argmap show.
type showOptions struct {
	app     *App
	filter  filterFlags
	view    viewFlags
	weights weightFlags
	contrib contributionFlag
	// scored says a weight or semantics flag was given: each argument then shows its score.
	scored bool
	// contributions says --contributions was given: each argument also shows its share.
	contributions bool
	root          string
	depth         int
	wide          bool
	quotes        bool
}

func newShowCmd(app *App) *cobra.Command {
	opts := &showOptions{app: app}
	cmd := &cobra.Command{
		Use:   "show [ID]",
		Short: "Draw the argument tree from the thesis, or from one argument",
		Long: `Draw the debate as a tree: the thesis on top, each argument under what it supports (+) or
attacks (−), marked PRO or CON, with its category, title and strength. An argument reached by a
second path is drawn in full once and then as a reference; arguments with no path to the thesis
are listed under "Not connected". With a filter, the ancestors of each match stay, dimmed.

With --weights, --profile, --weights-file or --semantics, each argument also shows its score
under those weights (computed on the whole debate, whatever the filters), and the verdict closes
the view. With --contributions, each argument also shows its share of the margin by that
contribution function (shapley: the shares add up to the margin; see argmap score --help).`,
		Example: `  argmap show
  argmap show drain-manpower --wide
  argmap show --side con --category political
  argmap show --depth 1 --ascii | less
  argmap show --profile author --semantics euler
  argmap show --contributions shapley`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.root = args[0]
			}
			for _, f := range []string{"weights", "profile", "weights-file", "semantics"} {
				opts.scored = opts.scored || cmd.Flags().Changed(f)
			}
			opts.contributions = cmd.Flags().Changed("contributions")
			opts.scored = opts.scored || opts.contributions
			return runShow(opts)
		},
	}
	cmd.Flags().IntVar(&opts.depth, "depth", 0, "draw at most `N` levels below the root (default: all, up to 64)")
	cmd.Flags().BoolVar(&opts.wide, "wide", false, "add each argument's claim")
	cmd.Flags().BoolVar(&opts.quotes, "quotes", false, "add each argument's quotes")
	opts.filter.add(cmd)
	opts.view.add(cmd)
	opts.weights.add(cmd)
	opts.contrib.add(cmd)
	return cmd
}

func runShow(opts *showOptions) error {
	if opts.depth < 0 {
		return usageErrorf("invalid --depth %d: give a number of levels, 1 or more (0 for all)", opts.depth)
	}
	view, err := opts.view.options(opts.app)
	if err != nil {
		return err
	}
	g, err := opts.app.Graph()
	if err != nil {
		return err
	}
	filter, err := opts.filter.resolve(g.Debate)
	if err != nil {
		return err
	}
	if filter.Relations == argument.Stated {
		g = g.StatedOnly()
	}
	if opts.root != "" {
		if err := checkID(g, opts.root); err != nil {
			return err
		}
	}
	show := render.ShowOptions{
		Options: view,
		Root:    opts.root,
		Depth:   opts.depth,
		Wide:    opts.wide,
		Quotes:  opts.quotes,
		Filter:  filter,
	}
	if opts.scored {
		var funcs []score.ContributionFunc
		if opts.contributions {
			if funcs, err = opts.contrib.resolve(); err != nil {
				return err
			}
		}
		if err := addScores(&show, g, &opts.weights, funcs); err != nil {
			return err
		}
	}
	return render.Show(opts.app.IO.Out, g, show)
}

// addScores scores the whole debate under the weight flags and hands show each node's score
// and the verdict line.
func addScores(show *render.ShowOptions, g *argument.Graph, wf *weightFlags, funcs []score.ContributionFunc) error {
	w, label, sem, err := wf.resolve(g.Debate)
	if err != nil {
		return err
	}
	r, err := score.EvaluateWith(g, w, sem, score.Options{NoContributions: len(funcs) == 0, Contributions: funcs})
	if err != nil {
		return err
	}
	if len(funcs) > 0 {
		show.Contributions = make(map[string]float64, len(r.Arguments))
		for _, a := range r.Arguments {
			show.Contributions[a.ID] = a.Value(funcs[0])
		}
		show.ContributionLabel = contributionLabel(funcs[0], r)
	}
	show.Scores = make(map[string]float64, len(r.Arguments)+1)
	for _, a := range r.Arguments {
		show.Scores[a.ID] = a.Score
	}
	if r.Thesis.HasScore {
		show.Scores[r.Thesis.ID] = r.Thesis.Score
	}
	show.ScoreLabel = fmt.Sprintf("score under %s, %s", sem, weightsPhrase(r, label))
	show.Verdict = verdictSentence(r)
	return nil
}

// weightsPhrase names the weights: the profile or file they came from, or the values.
func weightsPhrase(r *score.Result, label string) string {
	parts := make([]string, len(r.Categories))
	for i, c := range r.Categories {
		parts[i] = fmt.Sprintf("%s %g", c, r.Weights.Get(c))
	}
	ws := strings.Join(parts, ", ")
	if label == "" || label == "default" || strings.Contains(label, "=") {
		return "weights " + ws
	}
	return fmt.Sprintf("%s (%s)", label, ws)
}

// verdictSentence says the verdict in one line, as argmap score's first line does.
func verdictSentence(r *score.Result) string { return report.NewVerdict("", "", r).Line() }

// contributionLabel names the contribution function in show's legend.
func contributionLabel(f score.ContributionFunc, r *score.Result) string {
	return report.Legend(f, r.Margin)
}
