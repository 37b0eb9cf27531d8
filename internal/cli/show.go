package cli

import (
	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/render"
)

// showOptions are the flags of argmap show.
type showOptions struct {
	app    *App
	filter filterFlags
	view   viewFlags
	root   string
	depth  int
	wide   bool
	quotes bool
}

func newShowCmd(app *App) *cobra.Command {
	opts := &showOptions{app: app}
	cmd := &cobra.Command{
		Use:   "show [ID]",
		Short: "Draw the argument tree from the thesis, or from one argument",
		Long: `Draw the debate as a tree: the thesis on top, each argument under what it supports (+) or
attacks (−), marked PRO or CON, with its category, title and strength. An argument reached by a
second path is drawn in full once and then as a reference; arguments with no path to the thesis
are listed under "Not connected". With a filter, the ancestors of each match stay, dimmed.`,
		Example: `  argmap show
  argmap show drain-manpower --wide
  argmap show --side con --category political
  argmap show --depth 1 --ascii | less`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.root = args[0]
			}
			return runShow(opts)
		},
	}
	cmd.Flags().IntVar(&opts.depth, "depth", 0, "draw at most `N` levels below the root (default: all, up to 64)")
	cmd.Flags().BoolVar(&opts.wide, "wide", false, "add each argument's claim")
	cmd.Flags().BoolVar(&opts.quotes, "quotes", false, "add each argument's quotes")
	opts.filter.add(cmd)
	opts.view.add(cmd)
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
	if opts.root != "" {
		if err := checkID(g, opts.root); err != nil {
			return err
		}
	}
	return render.Show(opts.app.IO.Out, g, render.ShowOptions{
		Options: view,
		Root:    opts.root,
		Depth:   opts.depth,
		Wide:    opts.wide,
		Quotes:  opts.quotes,
		Filter:  filter,
	})
}
