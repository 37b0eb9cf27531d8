package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/tui"
)

// exploreOptions are the flags of argmap explore.
type exploreOptions struct {
	app     *App
	filter  filterFlags
	weights weightFlags
	contrib contributionFlag
	ascii   bool
}

// errNoTerminal is what explore says when it is piped: it draws a full screen and reads keys,
// so it needs a terminal on both ends.
var errNoTerminal = errors.New("explore needs a terminal; use argmap show or argmap score in scripts")

func newExploreCmd(app *App) *cobra.Command {
	opts := &exploreOptions{app: app}
	cmd := &cobra.Command{
		Use:   "explore",
		Short: "Explore the debate in the terminal and move the weights live",
		Long: `Open the debate full screen: the argument tree from the thesis, the selected argument in full,
the verdict, and one weight slider per category. Every change re-scores the whole debate and
redraws it; when a change flips the verdict, the bar says which one did.

Keys: arrows or j/k move, enter or space folds, tab goes to the weights, left/right move a
weight, digits type one, s cycles the semantics, p picks a profile, / searches, f and c filter
by side and category, g goes to what the argument supports or attacks, ? shows every key, q
quits. On quit, explore prints the argmap score command that gives the same result.

The corpus, filter, weight and --semantics flags set where it starts, as for score. Each
argument's bar is its share of the margin by --contributions (Shapley values by default, which
add up to the margin; see argmap score --help). Past ` + fmt.Sprint(score.ExactShapleyPlayers) + ` arguments Shapley values are sampled,
which takes far longer than a frame, so there the default is removal: pass --contributions
shapley to have them anyway. explore
needs a terminal: in scripts use argmap show or argmap score.`,
		Example: `  argmap explore
  argmap explore --profile author --semantics euler
  argmap explore --corpus ./debate --ascii`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runExplore(opts) },
	}
	opts.filter.add(cmd)
	opts.weights.add(cmd)
	opts.contrib.add(cmd)
	cmd.Flags().BoolVar(&opts.ascii, "ascii", false, "draw with ASCII characters only")
	return cmd
}

func runExplore(opts *exploreOptions) error {
	app := opts.app
	funcs, err := opts.contrib.resolve()
	if err != nil {
		return err
	}
	d, err := app.Load()
	if err != nil {
		return err
	}
	w, label, sem, err := opts.weights.resolve(d)
	if err != nil {
		return err
	}
	g, err := scoreGraph(app, &opts.filter)
	if err != nil {
		return err
	}
	// Every key re-scores: exact Shapley values take milliseconds, sampled ones at ten
	// thousand arguments half a second, so a debate past the exact size starts with removal.
	funcs = opts.contrib.fit(funcs, g, score.ExactShapleyPlayers)
	// The flags are checked first, so that a mistake in them is named even in a pipe. The
	// explorer draws on the terminal itself, not through the wrapper that records write errors.
	out := terminalOut(app.IO.Out)
	if !isTerminal(app.IO.In) || !isTerminal(out) {
		return errNoTerminal
	}
	profile := ""
	if opts.weights.profile != "" {
		profile = label
	}
	m, err := tui.New(tui.Options{
		Graph: g, Weights: w, Semantics: sem, Profile: profile,
		Color:         app.IO.ColorEnabled(app.NoColor),
		ASCII:         opts.ascii,
		ScoreArgs:     opts.scoreArgs(),
		Contributions: funcs,
	})
	if err != nil {
		return err
	}
	p := tea.NewProgram(m, tea.WithInput(app.IO.In), tea.WithOutput(out))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("the explorer stopped: %w", err)
	}
	_, err = fmt.Fprintln(app.IO.Out, m.Command())
	return err
}

// scoreArgs are the corpus and filter flags that argmap score needs to score the same graph.
func (opts *exploreOptions) scoreArgs() []string {
	var args []string
	if opts.app.CorpusDir != "" {
		args = append(args, "--corpus", opts.app.CorpusDir)
	}
	f := &opts.filter
	if f.side != "" {
		args = append(args, "--side", f.side)
	}
	for _, c := range cleanList(f.categories) {
		args = append(args, "--category", c)
	}
	for _, t := range cleanList(f.tags) {
		args = append(args, "--tag", t)
	}
	if f.minStrength != 0 {
		args = append(args, "--min-strength", strconv.FormatFloat(f.minStrength, 'g', -1, 64))
	}
	if f.search != "" {
		args = append(args, "--search", f.search)
	}
	if c := strings.TrimSpace(opts.contrib.value); c != "" && c != string(score.DefaultContributionFunc) {
		args = append(args, "--contributions", c)
	}
	return args
}

// isTerminal reports whether a stream is a terminal. ARGMAP_FORCE_TTY does not count: explore
// reads keys and needs a real one.
func isTerminal(s any) bool {
	f, ok := s.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
