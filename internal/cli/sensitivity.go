package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/score"
)

// sensitivityOptions are the flags of argmap sensitivity.
type sensitivityOptions struct {
	app     *App
	weights weightFlags
	filters filterFlags
	span    string
	format  formatFlag
	top     int
	view    viewFlags
}

func newSensitivityCmd(app *App) *cobra.Command {
	opts := &sensitivityOptions{app: app}
	cmd := &cobra.Command{
		Use:   "sensitivity",
		Short: "Show how far your weights and the arguments' strengths can move before the verdict flips",
		Long: `Find where the verdict flips. For each category, with the others held at their weights, every
weight in --range at which the verdict changes, and the interval around the current weight in
which it holds; the most critical category is the one whose weight needs the smallest relative
change to flip it. For each argument, the strengths from 0 to 1 at which it flips, the others
held.

Weights are relative (each is divided by the largest), so raising one category's weight past
the others' also shrinks theirs; under a graph semantics even a category with no arguments can
flip the verdict that way. A category can flip the verdict more than once.

Flips are found by scanning 256 steps of the range (32 of an argument's strength) and
bisecting to 1e-6; two flips closer together than a step can be missed. Under sum they come
from the exact closed form. A margin within 1e-9 of 0 is a tie: passing through it from pro to
con is one flip; touching it and going back is none. The range is widened to take in a weight
that lies outside it.`,
		Example: `  argmap sensitivity
  argmap sensitivity --profile author --range 0:5
  argmap sensitivity --weights moral=2 --semantics sum --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runSensitivity(opts) },
	}
	opts.weights.add(cmd)
	opts.filters.add(cmd)
	fl := cmd.Flags()
	fl.StringVar(&opts.span, "range", "0:10", "scan each category weight over `FROM:TO` (0 ≤ FROM < TO)")
	opts.format.add(cmd, textOrJSON...)
	fl.IntVar(&opts.top, "top", 10, "list the `N` arguments nearest to flipping the verdict (text only)")
	opts.view.add(cmd)
	return cmd
}

func runSensitivity(opts *sensitivityOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	from, to, err := parseRange(opts.span)
	if err != nil {
		return err
	}
	if opts.top < 0 {
		return usageErrorf("invalid --top %d: give 0 or more", opts.top)
	}
	app := opts.app
	view, err := opts.view.options(app)
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
	g, err := scoreGraph(app, &opts.filters)
	if err != nil {
		return err
	}
	s, err := score.AnalyzeSensitivity(g, w, sem, score.SensitivityOptions{From: from, To: to})
	if err != nil {
		return err
	}
	for _, warning := range s.Warnings {
		fmt.Fprintf(app.IO.Err, "argmap: warning: %s\n", warning)
	}
	if opts.format.is("json") {
		return writeScoreJSON(app.IO.Out, s)
	}
	return render.Sensitivity(app.IO.Out, s, render.SensitivityOptions{
		Options: view,
		Styles:  render.NewStyles(view.Color, d.Categories),
		Label:   label,
		Top:     opts.top,
		Debate:  d,
	})
}

// parseRange reads a --range value, FROM:TO.
func parseRange(spec string) (from, to float64, err error) {
	bad := func(why string) error {
		return usageErrorf("invalid --range %q: %s; give FROM:TO with 0 ≤ FROM < TO, e.g. 0:10", spec, why)
	}
	a, b, ok := strings.Cut(spec, ":")
	if !ok {
		return 0, 0, bad("no colon between the two ends")
	}
	num := func(s, end string) (float64, error) {
		x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, bad(fmt.Sprintf("the %s %q is not a finite number", end, strings.TrimSpace(s)))
		}
		return x, nil
	}
	if from, err = num(a, "start"); err != nil {
		return 0, 0, err
	}
	if to, err = num(b, "end"); err != nil {
		return 0, 0, err
	}
	if err := score.CheckRange(from, to); err != nil {
		return 0, 0, bad(err.Error())
	}
	return from, to, nil
}
