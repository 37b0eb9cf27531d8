package render_test

import (
	"os"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
)

func ExampleShow() {
	d := &argument.Debate{
		Title:      "Lunch",
		Thesis:     argument.Thesis{ID: "pizza", Claim: "We should order pizza."},
		Categories: []string{"taste", "cost"},
		Arguments: []*argument.Argument{
			{ID: "cheap", Side: argument.Pro, Category: "cost", Title: "It is cheap", Strength: 0.6, Supports: []string{"pizza"}},
			{ID: "again", Side: argument.Con, Category: "taste", Title: "We had it yesterday", Strength: 0.4, Attacks: []string{"pizza"}},
			{ID: "coupon", Side: argument.Pro, Category: "cost", Title: "The coupon expires today", Strength: 0.3, Supports: []string{"cheap"}},
		},
	}
	render.Show(os.Stdout, argument.NewGraph(d), render.ShowOptions{Options: render.Options{Width: 72, ASCII: true}})
	// Output:
	// Lunch
	//
	// * THESIS  We should order pizza.  pizza
	// |-- + PRO  cost   It is cheap                   ###.. 0.60  cheap
	// |   `-- + PRO  cost   The coupon expires today  #=... 0.30  coupon
	// `-- - CON  taste  We had it yesterday           ##... 0.40  again
	//
	// 3 arguments  2 pro  1 con  taste 1  cost 2
	// + supports  - attacks the argument above  ## strength 0-1
}
