package export

import "github.com/argmap/argmap/internal/report"

// The brief's outline lives in report, where an HTML brief finds it too; these names keep
// export's API whole.
type (
	// Brief is what the Markdown brief shows (see report.Brief).
	Brief = report.Brief
	// Verdict is one scoring of the debate (see report.Verdict).
	Verdict = report.Verdict
	// Section is an optional part of the brief (see report.Section).
	Section = report.Section
	// Table is a simple table (see report.Table).
	Table = report.Table
	// Weight is one category's weight (see report.Weight).
	Weight = report.Weight
)

// NewVerdict turns a score result into a verdict row (see report.NewVerdict).
var NewVerdict = report.NewVerdict

// NewBrief builds the brief of g (see report.NewBrief).
var NewBrief = report.NewBrief
