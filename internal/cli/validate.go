package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/corpus"
)

// validateOptions are the flags of argmap validate.
type validateOptions struct {
	app    *App
	strict bool
	format string
}

func newValidateCmd(app *App) *cobra.Command {
	opts := &validateOptions{app: app}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check the corpus and report every problem with its file, line and column",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return runValidate(opts) },
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "count warnings as errors")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output `format`: text or json")
	return cmd
}

// PROVISIONAL: reports load errors only; the validating loader's command replaces it.
func runValidate(opts *validateOptions) error {
	fsys, dir, err := opts.app.corpusSource()
	if err != nil {
		return err
	}
	_, problems, err := corpus.Load(fsys, dir)
	for _, p := range problems {
		fmt.Fprintln(opts.app.IO.Out, p.String())
	}
	if err != nil {
		return err
	}
	return nil
}
