package cli

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/argmap/argmap/internal/safetext"
)

type manOptions struct {
	app *App
	dir string
}

// newManCmd builds the hidden command that writes the man pages ('make man' runs it). The
// pages carry the date SOURCE_DATE_EPOCH gives, when it is set.
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
	if epoch := opts.app.IO.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		// Reproducible builds: the date the sources say, not today's.
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return usageErrorf("SOURCE_DATE_EPOCH must be seconds since 1970, not %s", safetext.Line(epoch))
		}
		date := time.Unix(sec, 0).UTC()
		header.Date = &date
	}
	if err := doc.GenManTree(root, header, opts.dir); err != nil {
		return fmt.Errorf("cannot write the man pages: %w", err)
	}
	fmt.Fprintf(opts.app.IO.Err, "wrote the man pages to %s\n", opts.dir)
	return nil
}
