package yamlfast

// The differential helpers, for the tests outside the package (synth_test.go).
var (
	Check     = check
	Reference = reference
	Diff      = diff
)
