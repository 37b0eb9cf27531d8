package cli

import (
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/arguments"
)

// schemaFile is the JSON Schema of the corpus format, embedded beside the built-in corpus.
const schemaFile = "argmap.schema.json"

type schemaOptions struct {
	app *App
}

func newSchemaCmd(app *App) *cobra.Command {
	opts := &schemaOptions{app: app}
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the corpus format",
		Long: `Schema prints the JSON Schema (draft 2020-12) of a corpus file, so that an editor can
check and complete corpus files as they are written. Save it beside the files and point them at
it with a first line such as:

  # yaml-language-server: $schema=argmap.schema.json

The schema checks each file on its own; 'argmap validate' also checks across files (unique ids,
references, categories and sources).`,
		Example: `  argmap schema > my-debate/argmap.schema.json`,
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runSchema(opts) },
	}
}

func runSchema(opts *schemaOptions) error {
	data, err := fs.ReadFile(arguments.FS, schemaFile)
	if err != nil {
		return err
	}
	_, err = opts.app.IO.Out.Write(data)
	return err
}
