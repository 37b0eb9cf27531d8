// Command synth writes a synthetic corpus folder for benchmarks and comparisons:
//
//	go run ./internal/synth/cmd/synth -n 10000 -o /tmp/corpus-10k
//
// It lives under internal/ so that it never ships with argmap.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap/argmap/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("synth", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		o          synth.Options
		dir        string
		perFile    int
		categories string
	)
	fl.IntVar(&o.Arguments, "n", 1000, "number of arguments")
	fl.StringVar(&dir, "o", "", "output `folder` (created; must hold no YAML files)")
	fl.Int64Var(&o.Seed, "seed", 1, "random seed: the same seed gives the same corpus")
	fl.IntVar(&o.Depth, "depth", 0, "deepest level of ordinary arguments (0: 6)")
	fl.IntVar(&o.LongChains, "chains", 0, "long chains below the deepest level (0: one per 1,000 arguments; -1: none)")
	fl.IntVar(&o.Cycles, "cycles", 0, "number of cycles (0: acyclic)")
	fl.IntVar(&o.QuotesPerArgument, "quotes", 0, "quotes per argument (0: 1)")
	fl.IntVar(&o.Sources, "sources", 0, "number of sources (0: one per 100 arguments, 1 to 100)")
	fl.IntVar(&perFile, "per-file", 500, "arguments per file (0: all in one file)")
	fl.StringVar(&categories, "categories", "", "comma-separated categories (default moral,strategic,political)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if dir == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "synth: give the output folder with -o and no other arguments")
		return 2
	}
	if categories != "" {
		o.Categories = strings.Split(categories, ",")
	}
	d := synth.Generate(o)
	if err := synth.WriteYAML(d, dir, perFile); err != nil {
		fmt.Fprintf(stderr, "synth: %v\n", err)
		return 1
	}
	var size int64
	names, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, name := range names {
		if info, err := os.Stat(name); err == nil {
			size += info.Size()
		}
	}
	fmt.Fprintf(stderr, "synth: wrote %d arguments in %d files (%d bytes) to %s\n", len(d.Arguments), len(names), size, dir)
	return 0
}
