package cli

import (
	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
)

// listOptions are the flags of argmap list.
type listOptions struct {
	app    *App
	filter filterFlags
	view   viewFlags
	format formatFlag
}

func newListCmd(app *App) *cobra.Command {
	opts := &listOptions{app: app}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the arguments, one row each: id, side, category, strength, title",
		Long: `List the arguments in corpus order, one row each. On a terminal the list is a table;
into a pipe it is tab-separated values with a header row; --format json gives every field.`,
		Example: `  argmap list --side con
  argmap list --category moral,strategic --min-strength 0.6
  argmap list --format json | jq '.[].id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runList(opts) },
	}
	opts.format.add(cmd, textOrJSON...)
	opts.filter.add(cmd)
	opts.view.add(cmd)
	return cmd
}

func runList(opts *listOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	view, err := opts.view.options(opts.app)
	if err != nil {
		return err
	}
	d, err := opts.app.Load()
	if err != nil {
		return err
	}
	filter, err := opts.filter.resolve(d)
	if err != nil {
		return err
	}
	var args []*argument.Argument
	for _, a := range d.Arguments {
		if filter.Match(a) {
			if filter.Relations == argument.Stated {
				a = a.WithoutInferred()
			}
			args = append(args, a)
		}
	}
	if opts.format.is("json") {
		return render.ListJSON(opts.app.IO.Out, args)
	}
	return render.List(opts.app.IO.Out, d, args, render.ListOptions{Options: view, Table: opts.app.IO.OutTTY})
}
