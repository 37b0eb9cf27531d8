package export_test

import (
	"os"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/export"
)

func ExampleMermaidEncoder() {
	d := &argument.Debate{
		Thesis: argument.Thesis{ID: "open-harbour", Claim: `Open the "harbour" tonight`},
		Arguments: []*argument.Argument{
			{ID: "storm", Side: argument.Pro, Category: "moral", Title: "A storm is coming", Supports: []string{"open-harbour"}},
			{ID: "full", Side: argument.Con, Category: "strategic", Title: "The quay is full <100%>", Attacks: []string{"open-harbour"}},
		},
	}
	export.NewMermaidEncoder(os.Stdout).Encode(argument.NewGraph(d))
	// Output:
	// flowchart BT
	//   n0["Thesis<br/>Open the #quot;harbour#quot; tonight"]
	//   n1["A storm is coming<br/>pro · moral"]
	//   n2["The quay is full<br/>#60;100#37;#62;<br/>con · strategic"]
	//   n1 --> n0
	//   n2 -.-> n0
	//   linkStyle 0 stroke:#1a7f37,stroke-width:2px
	//   linkStyle 1 stroke:#cf222e,stroke-width:2px
	//   classDef thesis fill:#f6f8fa,stroke:#24292f,stroke-width:2px
	//   classDef pro fill:#dafbe1,stroke:#1a7f37
	//   classDef con fill:#ffebe9,stroke:#cf222e
	//   class n0 thesis
	//   class n1 pro
	//   class n2 con
}
