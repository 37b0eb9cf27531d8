package report_test

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
)

// An explorer or an HTML page walks the rows of the tree and draws each its own way.
func ExampleBuildTree() {
	d := &argument.Debate{
		Thesis:     argument.Thesis{ID: "build-pier", Claim: "Build the pier.", Base: 0.5},
		Categories: []string{"strategic", "moral"},
		Arguments: []*argument.Argument{
			{ID: "jobs", Side: argument.Pro, Category: "strategic", Title: "Jobs", Strength: 0.7, Supports: []string{"build-pier"}},
			{ID: "cost", Side: argument.Con, Category: "moral", Title: "Cost", Strength: 0.6, Attacks: []string{"build-pier", "jobs"}},
		},
	}
	tree, err := report.BuildTree(argument.NewGraph(d), report.TreeOptions{})
	if err != nil {
		panic(err)
	}
	for _, r := range tree.Rows() {
		indent := strings.Repeat("  ", r.Depth)
		switch {
		case r.IsThesis():
			fmt.Printf("%sTHESIS %s\n", indent, r.ID)
		case r.Kind == report.RowFull:
			fmt.Printf("%s%s %s %s %q %.2f\n", indent, r.Rel, r.Argument.Side, r.Argument.Category, r.Argument.Title, r.Argument.Strength)
		case r.Kind == report.RowRefBelow:
			fmt.Printf("%s%s see %s below\n", indent, r.Rel, r.ID)
		}
	}
	fmt.Println(tree.Counts.Pro, "pro,", tree.Counts.Con, "con")
	// Output:
	// THESIS build-pier
	//   support pro strategic "Jobs" 0.70
	//     attack see cost below
	//   attack con moral "Cost" 0.60
	// 1 pro, 1 con
}
