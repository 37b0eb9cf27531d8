package cli

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/wire"
)

// scoreOptions are the flags of argmap score.
type scoreOptions struct {
	app     *App
	weights weightFlags
	filters filterFlags
	view    viewFlags
	contrib contributionFlag
	format  formatFlag
	top     int
	expect  string
	// minMargin is the --min-margin value; hasMinMargin says it was given.
	minMargin    float64
	hasMinMargin bool
}

func newScoreCmd(app *App) *cobra.Command {
	opts := &scoreOptions{app: app}
	cmd := &cobra.Command{
		Use:   "score",
		Short: "Weigh the debate with your category weights and give the verdict",
		Long: `Score the debate: each argument's strength flows through the graph of supports and attacks
under the chosen semantics, scaled by the weight of its category, and the thesis ends up above
its base (pro), below it (con) or on it (tie).

Weights are relative: each is divided by the largest. A category left out weighs 1; a weight
of 0 removes that category's influence. The filters keep only the matching arguments (and the
relations among them) before scoring.

"What decides it" lists the arguments that push the verdict most toward pro and toward con,
by their Shapley values (--contributions shapley, the default): each argument's average effect
on the margin over every order in which the arguments could be added, which add up to the
margin. Exact up to 20 arguments that reach the thesis (12 on a graph with cycles); beyond,
estimated from 256 sampled orders (fewer past 10,000 arguments; a fixed seed: the same every
run), each with its standard error. --contributions
removal (the margin minus the margin without it), restricted (the same with the argument's own
answers cut off) and gradient (how fast the margin moves with its strength) are the other
functions of Kampik et al. 2024; give several, comma-separated, and the JSON carries each.

With --expect or --min-margin, score is a check for CI: it still prints the result, and exits
1 with a one-line reason when the verdict or margin is not what was asked.`,
		Example: `  argmap score
  argmap score --profile humanitarian --top 3
  argmap score --contributions shapley,removal --format json
  argmap score --weights moral=2,political=0.5 --semantics quadratic-energy
  argmap score --format json --expect pro --min-margin 0.05`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.hasMinMargin = cmd.Flags().Changed("min-margin")
			return runScore(opts)
		},
	}
	opts.weights.add(cmd)
	opts.filters.add(cmd)
	opts.view.add(cmd)
	opts.contrib.add(cmd)
	fl := cmd.Flags()
	opts.format.add(cmd, textOrJSON...)
	fl.IntVar(&opts.top, "top", 5, "list the `N` arguments that push the verdict most each way, pro and con (text only)")
	fl.StringVar(&opts.expect, "expect", "", "exit 1 unless the verdict is this `verdict`: pro, con or tie")
	fl.Float64Var(&opts.minMargin, "min-margin", 0, "exit 1 unless the absolute margin is at least `X`")
	return cmd
}

func runScore(opts *scoreOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	if opts.top < 0 {
		return usageErrorf("invalid --top %d: give 0 or more", opts.top)
	}
	expect, err := parseExpect(opts.expect)
	if err != nil {
		return err
	}
	if opts.hasMinMargin && !(opts.minMargin >= 0) || math.IsInf(opts.minMargin, 0) {
		return usageErrorf("invalid --min-margin %v: give a number of 0 or more", opts.minMargin)
	}
	funcs, err := opts.contrib.resolve()
	if err != nil {
		return err
	}
	app := opts.app
	d, err := app.Load()
	if err != nil {
		return err
	}
	w, label, sem, err := opts.weights.resolve(d)
	if err != nil {
		return err
	}
	g, err := scoreGraph(app, &opts.filters)
	if err != nil {
		return err
	}
	funcs = opts.contrib.fit(funcs, g, shapleyDefaultLimit)
	r, err := score.EvaluateWith(g, w, sem, score.Options{Contributions: funcs})
	if err != nil {
		return err
	}
	for _, warning := range r.Warnings {
		fmt.Fprintf(app.IO.Err, "argmap: warning: %s\n", warning)
	}
	gate := checkGates(r, expect, opts.hasMinMargin, opts.minMargin)
	r.Check = gateCheck(gate, expect, opts.hasMinMargin, opts.minMargin)
	if opts.format.is("json") {
		err = r.WriteJSON(app.IO.Out) // streams: a hundred thousand rows need not sit in memory
	} else {
		view, verr := opts.view.options(app)
		if verr != nil {
			return verr
		}
		err = render.Score(app.IO.Out, r, render.ScoreOptions{
			Options: view,
			Styles:  render.NewStyles(view.Color, d.Categories),
			Label:   label,
			Top:     opts.top,
			Debate:  d,
		})
	}
	if err != nil {
		return err
	}
	return gate
}

// gateCheck is the JSON "check" for --expect and --min-margin: nil when neither was given.
func gateCheck(gate error, expect score.Verdict, hasMin bool, minMargin float64) *wire.Check {
	if expect == "" && !hasMin {
		return nil
	}
	c := wire.Check{Expect: string(expect)}
	if hasMin {
		c.MinMargin = &minMargin
	}
	return held(c, gate)
}

// held is the check c asked for, with whether it held and, if not, why: the line the command
// also prints on standard error.
func held(c wire.Check, gate error) *wire.Check {
	c.OK = gate == nil
	if gate != nil {
		c.Reason = gate.Error()
	}
	return &c
}

// scoreGraph is the corpus graph restricted by the filter flags: the matching arguments and
// the thesis, with the relations among them.
func scoreGraph(app *App, f *filterFlags) (*argument.Graph, error) {
	g, err := app.Graph()
	if err != nil {
		return nil, err
	}
	flt, err := f.resolve(g.Debate)
	if err != nil {
		return nil, err
	}
	if flt.IsZero() {
		return g, nil
	}
	sub := flt.Apply(g)
	if len(sub.Arguments()) == 0 {
		// Scored, an empty graph is a tie at the thesis's base: a verdict nobody asked for,
		// and in CI a gate that passes or fails for no reason.
		return nil, usageErrorf("no argument matches the filters (%s): loosen them, or check them with argmap list", f.describe())
	}
	return sub, nil
}

func parseExpect(s string) (score.Verdict, error) {
	switch v := score.Verdict(strings.ToLower(strings.TrimSpace(s))); v {
	case "", score.VerdictPro, score.VerdictCon, score.VerdictTie:
		return v, nil
	}
	return "", usageErrorf("invalid --expect %q: use pro, con or tie", s)
}

// checkGates applies --expect and --min-margin to a result.
func checkGates(r *score.Result, expect score.Verdict, hasMin bool, minMargin float64) error {
	if expect != "" && r.Verdict != expect {
		return &CheckError{Msg: fmt.Sprintf("verdict is %s (margin %s), expected %s", r.Verdict, report.Margin(r.Margin), expect)}
	}
	// Within the tie tolerance a margin counts as reached: −0.1 computed as −0.0999…98 meets 0.1.
	if hasMin && math.Abs(r.Margin) < minMargin-score.Tolerance {
		return &CheckError{Msg: fmt.Sprintf("margin %s is smaller than --min-margin %g", report.Margin(r.Margin), minMargin)}
	}
	return nil
}

// writeScoreJSON writes v indented by two spaces, ending with a newline, or nothing at all when it
// cannot be encoded.
func writeScoreJSON(w io.Writer, v any) error {
	data, err := wire.Data.Marshal(v, "")
	if err != nil {
		return fmt.Errorf("cannot encode the result as JSON: %w", err)
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
