package yamlfast_test

// These tests read synth's corpora, and synth writes them with this package's emitter: they
// are outside the package so that the imports make no cycle.

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/synth"
	"github.com/argmap/argmap/internal/yamlfast"
)

// TestSynth reads generated corpora, cycles and all, as the benchmarks do, and as yaml/v4
// writes them: every file is in the subset and reads as yaml/v4 reads it.
func TestSynth(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		d := synth.Generate(synth.Options{Arguments: 600, Seed: seed, Cycles: int(seed - 1), QuotesPerArgument: int(seed)})
		files, err := synth.Files(d, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if !yamlfast.Check(t, f.Data) {
				t.Errorf("seed %d, %s: Parse refused a generated file", seed, f.Name)
			}
			// The same file as yaml/v4 writes it by default: long text folded at column 80,
			// single-quoted, sequences compact, which the corpus writers do not do but
			// people's editors and other tools do.
			var n yaml.Node
			if err := yaml.Unmarshal(f.Data, &n); err != nil {
				t.Fatal(err)
			}
			dumped, err := yaml.Dump(&n)
			if err != nil {
				t.Fatal(err)
			}
			if !yamlfast.Check(t, dumped) {
				t.Errorf("seed %d, %s as yaml/v4 writes it: Parse refused it", seed, f.Name)
			}
		}
	}
}

// TestParserReuse reads many files with one Parser, as the corpus loader does: each tree is
// right although the memory of the one before is reused for it.
func TestParserReuse(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 3000, Seed: 4, Cycles: 3})
	files, err := synth.Files(d, 250)
	if err != nil {
		t.Fatal(err)
	}
	srcs := [][]byte{[]byte("a: [x]\n")}
	for _, f := range files {
		srcs = append(srcs, f.Data)
	}
	srcs = append(srcs, []byte("- short\n"), []byte(""), []byte("b: {c: d}\n"))
	var p yamlfast.Parser
	for i, src := range srcs {
		got, ok := p.Parse(src)
		if !ok {
			t.Fatalf("file %d refused", i)
		}
		want, err := yamlfast.Reference(src)
		if err != nil {
			t.Fatal(err)
		}
		if d := yamlfast.Diff("", got, want); d != "" {
			t.Fatalf("file %d: Parse and yaml/v4 differ at %s", i, d)
		}
	}
}

// TestParseEachReuse reads many files with one Parser through ParseEach, as the corpus loader
// does: every item handed over is yaml/v4's although each is read into the memory of the one
// before, items bigger than a chunk of nodes included, and the tree returned is right too.
func TestParseEachReuse(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 3000, Seed: 5, QuotesPerArgument: 3})
	files, err := synth.Files(d, 700)
	if err != nil {
		t.Fatal(err)
	}
	var srcs [][]byte
	for _, f := range files {
		srcs = append(srcs, f.Data)
	}
	big := "argmap: 1\narguments:\n- {tags: [" + strings.Repeat("t, ", 3000) + "u]}\n- small\n- {tags: [" + strings.Repeat("v, ", 1500) + "w]}\nafter: [x]\n"
	srcs = append(srcs, []byte(big), []byte("arguments: [a, {b: c}]\n"))
	var p yamlfast.Parser
	for i, src := range srcs {
		want, err := yamlfast.Reference(src)
		if err != nil {
			t.Fatal(err)
		}
		var items []*yaml.Node
		for k := 0; k+1 < len(want.Content); k += 2 {
			if want.Content[k].Value == "arguments" {
				items = want.Content[k+1].Content
				want.Content[k+1].Content = nil
				break
			}
		}
		n := 0
		got, ok := p.ParseEach(src, "arguments", func(item *yaml.Node) {
			if n < len(items) {
				if d := yamlfast.Diff("", item, items[n]); d != "" {
					t.Fatalf("file %d, item %d: ParseEach and yaml/v4 differ at %s", i, n, d)
				}
			}
			n++
		})
		if !ok {
			t.Fatalf("file %d refused", i)
		}
		if n != len(items) || n == 0 && i < len(files) && files[i].Name != "00-debate.yaml" {
			t.Fatalf("file %d: %d items handed over, want %d", i, n, len(items))
		}
		if d := yamlfast.Diff("", got, want); d != "" {
			t.Fatalf("file %d: the tree without the arguments differs from yaml/v4's at %s", i, d)
		}
	}
}
