package corpus

import (
	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/yamlfast"
)

// ReadWeights reads a weights file (argmap's --weights-file): one YAML or JSON document, a
// mapping of category to weight, each weight read exactly as a corpus profile's is (a plain
// decimal number, finite and not negative). A second document, or a syntax error after the
// first, is refused like any other. name is how problems name the file. The weights are nil
// whenever a problem is returned; whether their categories are the debate's is the caller's
// check.
func ReadWeights(name string, data []byte) (map[string]float64, []Problem) {
	l := newLoader(name)
	l.fileKind = "a weights file"
	root, _ := l.parse(name, data, new(yamlfast.Parser), nil)
	if len(l.problems) > 0 {
		return nil, l.problems
	}
	f := file{l, name}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, []Problem{{Pos: argument.Pos{File: name}, Severity: Error, Rule: ruleWrongType,
			Message: "want a map of category to number, e.g. {moral: 2, strategic: 1}"}}
	}
	if f.aliases(root) {
		return nil, l.problems
	}
	var p argument.Profile
	f.weights(&p, root)
	if len(l.problems) > 0 {
		return nil, l.problems
	}
	return p.Weights, nil
}
