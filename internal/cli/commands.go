package cli

import "github.com/spf13/cobra"

// commands lists the verbs under the root, in the order help shows them.
func commands(app *App) []*cobra.Command {
	return []*cobra.Command{
		newShowCmd(app),
		newListCmd(app),
		newGetCmd(app),
		newScoreCmd(app),
		newCompareCmd(app),
		newSensitivityCmd(app),
		newValidateCmd(app),
		newSchemaCmd(app),
		newManCmd(app),
	}
}
