package main

import (
	"flag"
	"os"
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
			return nil
		},
	})
}

func seedPath() string {
	const p = "../../../shared/seed/000_90f4eb1b3109ed87.txt"
	if _, err := os.Stat(p); err == nil {
		abs, _ := os.Getwd()
		return abs + "/" + p
	}
	return ""
}
