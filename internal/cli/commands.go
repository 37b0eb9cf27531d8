package cli

import "github.com/spf13/cobra"

// commandGroups are the headings of argmap --help, in order.
var commandGroups = []*cobra.Group{
	{ID: "explore", Title: "Explore the debate:"},
	{ID: "weigh", Title: "Weigh it against your values:"},
	{ID: "output", Title: "Export and check:"},
}

// commands lists the verbs under the root, in the order help shows them, each under its group.
func commands(app *App) []*cobra.Command {
	grouped := []struct {
		group string
		cmd   *cobra.Command
	}{
		{"explore", newShowCmd(app)},
		{"explore", newListCmd(app)},
		{"explore", newGetCmd(app)},
		{"explore", newExploreCmd(app)},
		{"weigh", newScoreCmd(app)},
		{"weigh", newCompareCmd(app)},
		{"weigh", newSensitivityCmd(app)},
		{"weigh", newAtlasCmd(app)},
		{"output", newExportCmd(app)},
		{"output", newImportCmd(app)},
		{"output", newValidateCmd(app)},
		{"output", newDiffCmd(app)},
		{"output", newSchemaCmd(app)},
		{"", newVersionCmd(app)},
		{"", newManCmd(app)},
	}
	cmds := make([]*cobra.Command, len(grouped))
	for i, g := range grouped {
		g.cmd.GroupID = g.group
		cmds[i] = g.cmd
	}
	return cmds
}
