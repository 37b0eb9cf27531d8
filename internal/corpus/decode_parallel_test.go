package corpus

import (
	"fmt"
	"io/fs"
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
	// The debate in a file of arguments, with and without mistakes in them, and arguments
	// before the debate: the file is decoded in order, its arguments decoded as they are read
	// (taken as they are when they had no problem, read again when they had).
	mixed := fstest.MapFS{
		"0.yaml": {Data: []byte(limitArgs(0, 300) + limitDebate + "profiles: {p: {weights: {moral: 1}}}\n")},
		"1.yaml": {Data: []byte(limitDebate + limitArgs(300, 300))},
		"2.yaml": {Data: []byte("argmap: 1\n" + strings.Replace(limitArgs(600, 300), "side: pro", "sde: pro", 40) + "debate: x\n")},
		"3.yaml": {Data: []byte(limitArgs(900, 300) + "argumentz: [x]\narguments: []\n")},
	}
	// A debate whose problems reach the limit before the file's clean arguments are decoded.
	badSources := fstest.MapFS{"0.yaml": {Data: []byte("argmap: 1\ndebate:\n  sources:\n" +
		strings.Repeat("  - {id: S}\n", MaxProblems) + limitArgs(0, 10))}}
	d := synth.Generate(synth.Options{Arguments: 1200, Seed: 7, Cycles: 2})
	clean, err := synth.MapFS(d, 100)
	if err != nil {
		t.Fatal(err)
	}
	broken := fstest.MapFS{}
	for name, f := range clean {
		data := f.Data
		switch {
		case strings.HasSuffix(name, "03-arguments.yaml"):
			data = []byte(strings.Replace(string(data), "side: pro", "side: maybe", 3))
		case strings.HasSuffix(name, "07-arguments.yaml"):
			data = []byte(strings.Replace(string(data), "strength:", "strenght:", 1))
		case strings.HasSuffix(name, "09-arguments.yaml"):
			data = append(data, "\n  - {id: x\n"...)
		}
		broken[name] = &fstest.MapFile{Data: data}
	}
	// Arguments yamlfast leaves to yaml/v4, one at a time, clean or not: a tag, an anchor, an
	// explicit key.
	tagged := fstest.MapFS{}
	for name, f := range clean {
		data := string(f.Data)
		switch {
		case strings.HasSuffix(name, "02-arguments.yaml"):
			data = strings.Replace(data, "strength: ", "strength: !!float ", 5)
		case strings.HasSuffix(name, "04-arguments.yaml"):
			data = strings.Replace(strings.Replace(data, "side: pro", "side: !!str maybe", 2), "side: con", "side: &s con", 1)
		case strings.HasSuffix(name, "05-arguments.yaml"):
			data = strings.Replace(data, "- id: ", "- ? id\n  : ", 3)
		}
		tagged[name] = &fstest.MapFile{Data: []byte(data)}
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
		{"arguments yaml/v4 reads", tagged, MaxArguments},
		{"too many arguments", clean, 450},
		{"too many problems", flooded, MaxArguments},
		{"debate among arguments", mixed, MaxArguments},
		{"debate among arguments, too many", mixed, 700},
		{"debate among arguments, too many problems", mixed, 100},
		{"problems before the arguments", badSources, MaxArguments},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(a int) { maxArguments = a }(maxArguments)
			maxArguments = tc.maxArgs
			load := func(sequential bool) loaded {
				defer func(s bool) { sequentialDecode = s }(sequentialDecode)
				sequentialDecode = sequential
				d, problems, err := Load(tc.fsys, ".")
				return loaded{d, problems, fmt.Sprint(err)}
			}
			ahead, inOrder := load(false), load(true)
			if !reflect.DeepEqual(ahead, inOrder) {
				t.Errorf("decoding ahead changes the load:\nahead:    %v\nin order: %v", ahead.problems, inOrder.problems)
			}
			if whole := loadWhole(tc.fsys); !reflect.DeepEqual(ahead, whole) {
				t.Errorf("decoding each argument as it is read changes the load:\neach:  %v\nwhole: %v", ahead.problems, whole.problems)
			}
			if tc.name == "clean" && (ahead.d == nil || len(ahead.d.Arguments) != 1200) {
				t.Errorf("the clean corpus did not load whole: %v", ahead.err)
			}
			if tc.name != "clean" && len(ahead.problems) == 0 {
				t.Errorf("no problems: the corpus is not the broken one it was meant to be")
			}
		})
	}
}

// loaded is what a load returns, to compare loads.
type loaded struct {
	d        *argument.Debate
	problems []Problem
	err      string
}

// loadWhole loads fsys with every file decoded from its whole tree, as before arguments were
// decoded as yamlfast reads them.
func loadWhole(fsys fs.FS) loaded {
	defer func(w bool) { wholeTrees = w }(wholeTrees)
	wholeTrees = true
	d, problems, err := Load(fsys, ".")
	return loaded{d, problems, fmt.Sprint(err)}
}
