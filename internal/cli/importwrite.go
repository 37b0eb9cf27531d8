package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/export"
)

// importFile is the name of the one file an import writes.
const importFile = "debate.yaml"

// errNotEmpty is returned by writeCorpus when the target folder holds something and force is
// off.
var errNotEmpty = errors.New("folder is not empty")

// writeCorpus writes an imported debate as a corpus into dir, whole or not at all. The debate
// goes through the domain checks first; the file, written by the YAML exporter into a new
// folder beside dir, is loaded back through the corpus loader (so what is kept is what argmap
// validate accepts, and its warnings are placed in the file); only then does the folder take
// dir's place. A dir that holds anything is refused unless force is set, and then replaced.
func writeCorpus(dir string, d *argument.Debate, force bool) ([]corpus.Problem, error) {
	for _, p := range argument.Check(d) {
		if p.Severity == argument.Error {
			// The reader made a debate the format refuses: a bug in the reader.
			return nil, fmt.Errorf("the imported debate breaks a rule of the format (%s): please report this with the input file", p.Message)
		}
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a folder: name a new or empty folder for the corpus", dir)
	}
	entries, err := os.ReadDir(dir)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("cannot read the output folder %s: %w", dir, unwrapPath(err))
	case exists && len(entries) > 0 && !force:
		return nil, fmt.Errorf("%s: %w: choose an empty or new folder, or add --force to replace what it holds", dir, errNotEmpty)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the folder %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".import-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a folder beside %s: %w", dir, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := writeImportFile(filepath.Join(tmp, importFile), d); err != nil {
		return nil, err
	}
	_, problems, err := corpus.LoadNamed(os.DirFS(tmp), ".", dir)
	if err != nil {
		// The reader made a debate the format refuses: a bug in the reader, which the problems
		// place in the file it would have written.
		for _, p := range problems {
			if p.Severity == corpus.Error {
				return nil, fmt.Errorf("the imported debate does not load as a corpus (%s): please report this with the input file", p)
			}
		}
		return nil, fmt.Errorf("the imported debate does not load as a corpus: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	if exists {
		// A folder cannot be renamed over one that is not empty: move the old one aside first,
		// and back if the new one cannot take its place.
		old := tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return nil, fmt.Errorf("cannot replace %s: %w", dir, err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			os.Rename(old, dir)
			return nil, fmt.Errorf("cannot replace %s: %w", dir, err)
		}
		done = true
		os.RemoveAll(old)
		return problems, nil
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", dir, err)
	}
	done = true
	return problems, nil
}

func writeImportFile(name string, d *argument.Debate) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = export.NewYAMLEncoder(w).Encode(argument.NewGraph(d))
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	return nil
}
