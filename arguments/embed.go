// Package arguments holds the built-in debate, "Gimme Shelter", as a corpus of YAML files, and the
// JSON Schema of the corpus format. Both are embedded in the argmap binary.
package arguments

import "embed"

// FS is the built-in corpus: its YAML files at the root, beside argmap.schema.json.
//
//go:embed *.yaml argmap.schema.json
var FS embed.FS
