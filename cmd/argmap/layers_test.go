package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/argmap/argmap/"

// layers are the packages in the order data flows through them: YAML files -> corpus ->
// argument -> score -> report -> render/tui/export -> cli. A package may import only packages
// of a lower layer, so nothing flows back up and two packages of one layer stay apart (render
// and export never import each other). Names from ../shared/STYLE.md's target layout are
// listed ahead of their packages.
var layers = map[string]int{
	"internal/safetext": 0, "arguments": 0, "internal/gitfs": 0,
	"internal/argument": 1, "internal/yamlfast": 1, // the fast YAML reader escapes with safetext
	"internal/corpus": 2, "internal/importer": 2, "internal/synth": 2, "internal/wire": 2,
	"internal/score":  3,
	"internal/report": 4, "internal/diff": 4, "internal/atlas": 4,
	"internal/render": 5, "internal/export": 5,
	"internal/tui":  6,
	"internal/cli":  7,
	"internal/perf": 8, "internal/importer/importtest": 8, "cmd": 8,
}

// layer is the layer of a package path inside the module: its own entry, or that of the
// nearest folder above it that has one.
func layer(pkg string) (int, bool) {
	for p := pkg; p != "." && p != ""; p = filepath.Dir(p) {
		if l, ok := layers[p]; ok {
			return l, true
		}
	}
	return 0, false
}

// TestLayers holds every import inside the module to the layers (what go list -deps shows,
// read from the source so that it needs no go command).
func TestLayers(t *testing.T) {
	root := "../.."
	imports := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		for _, im := range f.Imports {
			p := strings.Trim(im.Path.Value, `"`)
			if !strings.HasPrefix(p, module) {
				continue
			}
			if imports[pkg] == nil {
				imports[pkg] = map[string]bool{}
			}
			imports[pkg][strings.TrimPrefix(p, module)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports["internal/cli"]) == 0 || !imports["internal/render"]["internal/report"] {
		t.Fatalf("read no imports of cli, or render does not import report: the walk of %s is wrong", root)
	}
	var pkgs []string
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		from, ok := layer(pkg)
		if !ok {
			t.Errorf("%s is in no layer: add it to layers in cmd/argmap/layers_test.go", pkg)
			continue
		}
		for im := range imports[pkg] {
			to, ok := layer(im)
			switch {
			case !ok:
				t.Errorf("%s imports %s, which is in no layer: add it to layers", pkg, im)
			case to >= from && !strings.HasPrefix(im, pkg+"/") && !strings.HasPrefix(pkg, im+"/"):
				t.Errorf("%s (layer %d) imports %s (layer %d): data flows one way, so move the code down or invert the call", pkg, from, im, to)
			}
		}
	}
}
