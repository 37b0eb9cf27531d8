package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

func newVersionCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print argmap's version, the revision it was built from, and the Go version",
		Long: `Print argmap's version: the module version (or "dev" for a build from a work tree), the
VCS revision the binary was built from when the build recorded it (with "modified" when the
work tree had changes), and the Go toolchain. argmap --version prints the first part.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(app.IO.Out, "argmap %s %s %s/%s\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
