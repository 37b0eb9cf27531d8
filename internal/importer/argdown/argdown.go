// Package argdown reads the JSON the Argdown CLI writes (argdown json map.argdown OUTDIR) into a
// debate: every statement and argument becomes a claim, one statement the thesis.
package argdown

import (
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/importer"
)

func Read(data []byte, opts importer.Options) (*argument.Debate, importer.Summary, error) {
	return nil, importer.Summary{}, &importer.InputError{File: opts.File, Msg: "argdown import is not written yet"}
}
