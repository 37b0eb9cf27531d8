package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

type manOptions struct {
	app *App
	dir string
}

// newManCmd builds the hidden command that writes the man pages ('make man' runs it).
func newManCmd(app *App) *cobra.Command {
	opts := &manOptions{app: app}
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write the man pages of argmap and its commands into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = args[0]
			return runMan(opts, cmd.Root())
		},
	}
}

func runMan(opts *manOptions, root *cobra.Command) error {
	if err := os.MkdirAll(opts.dir, 0o755); err != nil {
		return fmt.Errorf("cannot make the man page folder: %w", err)
	}
	root.DisableAutoGenTag = true // pages that do not change with the day they were built
	header := &doc.GenManHeader{Title: "ARGMAP", Section: "1", Source: "argmap " + versionString(), Manual: "argmap manual"}
	if err := doc.GenManTree(root, header, opts.dir); err != nil {
		return fmt.Errorf("cannot write the man pages: %w", err)
	}
	fmt.Fprintf(opts.app.IO.Err, "wrote the man pages to %s\n", opts.dir)
	return nil
}
