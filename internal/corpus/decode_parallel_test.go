package corpus

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/synth"
)

// TestDecodeAheadIsInvisible loads corpora with files decoded ahead (the clean ones) and
// again with every file decoded in order: the debate and the problems are the same, whether
// the corpus is clean, has mistakes in some files, or passes the limits on arguments and
// problems.
func TestDecodeAheadIsInvisible(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 1200, Seed: 7, Cycles: 2})
	clean, err := synth.MapFS(d, 100)
	if err != nil {
		t.Fatal(err)
	}
	broken := fstest.MapFS{}
	for name, f := range clean {
		data := f.Data
		switch {
		case strings.HasSuffix(name, "003-arguments.yaml"):
			data = []byte(strings.Replace(string(data), "side: pro", "side: maybe", 3))
		case strings.HasSuffix(name, "007-arguments.yaml"):
			data = []byte(strings.Replace(string(data), "strength:", "strenght:", 1))
		case strings.HasSuffix(name, "009-arguments.yaml"):
			data = append(data, "\n  - {id: x\n"...)
		}
		broken[name] = &fstest.MapFile{Data: data}
	}
	flooded := fstest.MapFS{}
	for name, f := range clean {
		flooded[name] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(string(f.Data), "side: ", "side: x"))}
	}
	for _, tc := range []struct {
		name    string
		fsys    fstest.MapFS
		maxArgs int
	}{
		{"clean", clean, MaxArguments},
		{"broken", broken, MaxArguments},
		{"too many arguments", clean, 450},
		{"too many problems", flooded, MaxArguments},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(a int) { maxArguments = a }(maxArguments)
			maxArguments = tc.maxArgs
			type result struct {
				d        *argument.Debate
				problems []Problem
				err      string
			}
			load := func(sequential bool) result {
				defer func(s bool) { sequentialDecode = s }(sequentialDecode)
				sequentialDecode = sequential
				d, problems, err := Load(tc.fsys, ".")
				return result{d, problems, fmt.Sprint(err)}
			}
			ahead, inOrder := load(false), load(true)
			if !reflect.DeepEqual(ahead, inOrder) {
				t.Errorf("decoding ahead changes the load:\nahead:    %v\nin order: %v", ahead.problems, inOrder.problems)
			}
			if tc.name == "clean" && (ahead.d == nil || len(ahead.d.Arguments) != 1200) {
				t.Errorf("the clean corpus did not load whole: %v", ahead.err)
			}
		})
	}
}
