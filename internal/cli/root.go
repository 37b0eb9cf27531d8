// Package cli is argmap's command tree: flags, streams and exit codes. Each verb lives in its own
// file as an options struct, a constructor that binds flags to it, and a run function.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/safetext"
)

// Version is set at link time (-ldflags "-X github.com/argmap/argmap/internal/cli.Version=v1.2.3");
// otherwise the module version from the build info is used.
var Version = ""

// App is what every command shares: the streams, the global flags and the loaded corpus.
type App struct {
	IO *IOStreams

	CorpusDir string // --corpus or ARGMAP_CORPUS; empty means the built-in debate
	NoColor   bool

	debate *argument.Debate
	graph  *argument.Graph
}

// Main runs argmap with the process's own streams and returns the exit code.
func Main(args []string) int { return Run(args, System()) }

// Run runs argmap with the given arguments and streams and returns the exit code.
func Run(args []string, streams *IOStreams) int {
	// Every write to standard output, help and errors included, goes through out, so that a
	// full disk or a closed pipe is never reported as success.
	out := &errWriter{w: streams.Out}
	own := *streams
	own.Out = out
	app := &App{IO: &own}
	root := NewRootCmd(app)
	root.SetArgs(args)
	root.SetIn(own.In)
	root.SetOut(own.Out)
	root.SetErr(own.Err)
	cmd, err := root.ExecuteC()
	if out.err != nil {
		return outputFailed(streams, out.err)
	}
	if err == nil {
		return exitOK
	}
	var silent *silentError
	if !errors.As(err, &silent) {
		fmt.Fprintf(streams.Err, "argmap: %s\n", safetext.Block(err.Error()))
	}
	var usage *UsageError
	if errors.As(err, &usage) || isCobraUsageError(err) {
		name := "argmap"
		if cmd != nil {
			name = cmd.CommandPath()
		}
		fmt.Fprintf(streams.Err, "Run '%s --help' for usage.\n", name)
	}
	return exitCode(err)
}

// terminalOut is the stream under Run's error-recording wrapper, for the explorer, which needs
// the terminal itself.
func terminalOut(w io.Writer) io.Writer {
	if e, ok := w.(*errWriter); ok {
		return e.w
	}
	return w
}

// outputFailed reports a failure to write standard output and returns the exit code. A closed
// pipe (argmap ... | head) is no news to the user who closed it: it only fails the exit code.
// A real process never gets here for a closed pipe: Go dies of SIGPIPE at the first write.
func outputFailed(streams *IOStreams, err error) int {
	if errors.Is(err, syscall.EPIPE) {
		return exitUsage
	}
	fmt.Fprintf(streams.Err, "argmap: cannot write to standard output: %s\n", safetext.Line(pathErrCause(err).Error()))
	return exitUsage
}

// isCobraUsageError recognises the errors cobra makes for unknown commands and wrong argument
// counts, which it does not type.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "requires exactly", "invalid argument", "unknown flag", "unknown shorthand", "flag needs"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// NewRootCmd builds the whole command tree.
func NewRootCmd(app *App) *cobra.Command {
	cobra.EnableCommandSorting = false
	root := &cobra.Command{
		Use:   "argmap",
		Short: "Map a debate, weigh it against your values, and see where the verdict flips",
		Long: `argmap loads a debate (a folder of YAML files of pro and con arguments, each moral, strategic
or political) into an argument graph, renders it in the terminal, scores it against the weights
you give each category, and exports it as a brief or a graph.

With no --corpus, argmap uses its built-in debate: "Gimme Shelter" (Nick Catoggio, The Dispatch,
2022) on whether to grant asylum to Russian men fleeing Putin's mobilization.

Exit codes: 0 ok; 1 a check did not hold; 2 bad usage or a corpus that cannot be loaded.`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &UsageError{Err: err}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&app.CorpusDir, "corpus", "", "corpus `folder` (or one corpus file) to load (default $ARGMAP_CORPUS, else the built-in debate)")
	pf.BoolVar(&app.NoColor, "no-color", false, "never use colour (also NO_COLOR, CLICOLOR=0, TERM=dumb)")
	root.AddGroup(commandGroups...)
	root.AddCommand(commands(app)...)
	registerCompletions(root, app)
	return root
}

// versionString is the module version (or the one set at link time), "dev" for a build from
// a work tree, and the VCS revision the binary was built from when the build recorded it:
// "v1.2.0", or "dev (3f2a9c1e0b7d, modified, 2026-12-02T05:40:00Z)".
func versionString() string {
	v := Version
	bi, ok := debug.ReadBuildInfo()
	if v == "" && ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	if v == "" {
		v = "dev"
	}
	if !ok {
		return v
	}
	var rev, modified, at string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		case "vcs.time":
			at = s.Value
		}
	}
	if rev == "" {
		return v
	}
	parts := []string{rev[:min(len(rev), 12)]}
	if modified == "true" {
		parts = append(parts, "modified")
	}
	if at != "" {
		parts = append(parts, at)
	}
	return v + " (" + strings.Join(parts, ", ") + ")"
}

// corpusSource returns the file system and folder to load, and a name for messages.
func (a *App) corpusSource() (fs.FS, string, error) {
	dir := a.CorpusDir
	if dir == "" {
		dir = a.IO.Getenv("ARGMAP_CORPUS")
	}
	if dir == "" {
		return arguments.FS, ".", nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("corpus folder %s does not exist: give --corpus a folder of .yaml files", safetext.Line(dir))
		}
		return nil, "", fmt.Errorf("cannot read corpus folder %s: %w", safetext.Line(dir), err)
	}
	if !info.IsDir() {
		if !isCorpusFile(dir, info) {
			return nil, "", fmt.Errorf("corpus %s is not a folder: give --corpus a folder of .yaml files, or one .yaml file", safetext.Line(dir))
		}
		// One file, such as export --format yaml writes: its folder, seen through a file
		// system that holds that file alone, so that the loader and its limits stay the same.
		root, err := os.OpenRoot(filepath.Dir(dir))
		if err != nil {
			return nil, "", fmt.Errorf("cannot read corpus file %s: %w", safetext.Line(dir), err)
		}
		return oneFile{root.FS(), filepath.Base(dir)}, ".", nil
	}
	// An os.Root will not follow a link out of the folder: a corpus file that links to
	// /etc/passwd must not have its first line quoted back in an error, in a CI log.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, "", fmt.Errorf("cannot read corpus folder %s: %w", safetext.Line(dir), err)
	}
	return root.FS(), ".", nil
}

// corpusDisplayDir is the corpus folder as the user named it, so that problems name files a
// shell or editor can open; empty for the built-in debate.
func (a *App) corpusDisplayDir() string {
	if file := a.corpusFile(); file != "" {
		return filepath.Dir(file)
	}
	return a.corpusPath()
}

// corpusPath is --corpus, or ARGMAP_CORPUS; empty for the built-in debate.
func (a *App) corpusPath() string {
	if a.CorpusDir != "" {
		return a.CorpusDir
	}
	return a.IO.Getenv("ARGMAP_CORPUS")
}

// corpusFile is the corpus path when it names one corpus file rather than a folder.
func (a *App) corpusFile() string {
	p := a.corpusPath()
	if p == "" {
		return ""
	}
	if info, err := os.Stat(p); err == nil && isCorpusFile(p, info) {
		return p
	}
	return ""
}

// isCorpusFile says whether a path that is not a folder can be loaded as a one-file corpus.
func isCorpusFile(p string, info fs.FileInfo) bool {
	return info.Mode().IsRegular() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml"))
}

// oneFile is a folder seen with one of its files only: the corpus that --corpus FILE names.
type oneFile struct {
	fsys fs.FS
	name string
}

func (o oneFile) Open(name string) (fs.File, error) {
	if name != "." && name != o.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.fsys.Open(name)
}

func (o oneFile) Stat(name string) (fs.FileInfo, error) {
	if name != "." && name != o.name {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(o.fsys, name)
}

func (o oneFile) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	info, err := fs.Stat(o.fsys, o.name)
	if err != nil {
		return nil, err
	}
	return []fs.DirEntry{fs.FileInfoToDirEntry(info)}, nil
}

// Load loads the corpus once and returns the debate, or the error that stops it loading.
func (a *App) Load() (*argument.Debate, error) {
	if a.debate != nil {
		return a.debate, nil
	}
	fsys, dir, err := a.corpusSource()
	if err != nil {
		return nil, err
	}
	g, _, err := corpus.LoadGraph(fsys, dir, a.corpusDisplayDir())
	if err != nil {
		return nil, err
	}
	a.debate, a.graph = g.Debate, g
	return g.Debate, nil
}

// Graph loads the corpus and returns its whole graph.
func (a *App) Graph() (*argument.Graph, error) {
	if a.graph != nil {
		return a.graph, nil
	}
	d, err := a.Load()
	if err != nil {
		return nil, err
	}
	a.graph = argument.NewGraph(d)
	return a.graph, nil
}
