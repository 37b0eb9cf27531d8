package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/argmap/argmap/internal/cli"
)

func TestMain(m *testing.M) {
	if os.Getenv(asMainEnv) == "1" {
		os.Exit(cli.Main(os.Args[1:]))
	}
	testscript.Main(m, map[string]func(){
		"argmap": func() { os.Exit(cli.Main(os.Args[1:])) },
	})
}

var update = flag.Bool("update", false, "rewrite the files that cmp compares against in testdata/script from the current output")

// TestScript runs the end-to-end scripts in testdata/script, one behaviour each.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds:                scriptCmds,
		Condition:           scriptCondition,
		Setup: func(env *testscript.Env) error {
			// A predictable environment: no colour forced or forbidden from outside, the
			// source text of the built-in debate within reach.
			env.Setenv("NO_COLOR", "")
			env.Setenv("CLICOLOR_FORCE", "")
			env.Setenv("ARGMAP_CORPUS", "")
			env.Setenv("SEED", seedPath())
			// Each built-in export is pinned once, in internal/export's goldens (go test
			// ./internal/export -update rewrites them); the scripts compare argmap's
			// output with the same files.
			golden, err := filepath.Abs("../../internal/export/testdata/golden")
			if err != nil {
				return err
			}
			env.Setenv("EXPORT_GOLDEN", golden)
			// ARGMAP_BIN is the folder testscript put argmap in, for a script that sets PATH
			// to it alone, as on a machine without some program.
			env.Setenv("ARGMAP_BIN", filepath.SplitList(env.Getenv("PATH"))[0])
			return nil
		},
	})
}

// seedRel is the article the built-in debate maps, from this folder: ../shared/seed/ beside the
// project root.
const seedRel = "../../../shared/seed/000_90f4eb1b3109ed87.txt"

// seedPath is the seed article's absolute path, whether or not it is there: a script that
// checks the quotes against it fails when it is missing, and TestSeedArticle says why.
func seedPath() string {
	abs, err := filepath.Abs(seedRel)
	if err != nil {
		return seedRel
	}
	return abs
}

// TestSeedArticle fails, rather than letting the quote check pass unseen, when the article the
// built-in debate quotes is missing.
func TestSeedArticle(t *testing.T) {
	info, err := os.Stat(seedPath())
	if err != nil {
		t.Fatalf("the seed article is missing (%v): the built-in debate's quotes cannot be checked against it; restore it at ../shared/seed/ beside the project root", err)
	}
	if info.Size() == 0 {
		t.Fatalf("the seed article %s is empty: restore it from ../shared/seed/", seedPath())
	}
}
