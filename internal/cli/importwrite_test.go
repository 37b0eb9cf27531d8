package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/importer"
)

func debate() *argument.Debate {
	b := importer.NewBuilder(importer.Options{File: "in.txt", Strength: 0.5}, "test", "A debate")
	b.SetThesis("The thesis.", "thesis")
	a := b.Add("", "A reason.", argument.Pro, "reason", "line 3")
	b.Relate(a, b.Debate.Thesis.ID, argument.Support)
	return b.Debate
}

func TestWriteCorpus(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	problems, err := writeCorpus(dir, debate(), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "has no quote") {
		t.Errorf("problems %v, want the one no-quote warning", problems)
	}
	if _, err := os.Stat(filepath.Join(dir, importFile)); err != nil {
		t.Error(err)
	}
	// A folder that holds something is refused, and left as it was.
	if _, err := writeCorpus(dir, debate(), false); !errors.Is(err, errNotEmpty) {
		t.Errorf("second write: got %v, want errNotEmpty", err)
	}
	os.WriteFile(filepath.Join(dir, "old.yaml"), []byte("x"), 0o644)
	if _, err := writeCorpus(dir, debate(), true); err != nil {
		t.Fatalf("forced write: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "old.yaml")); !os.IsNotExist(err) {
		t.Errorf("--force left old.yaml behind: %v", err)
	}
	// A debate the format refuses is never written, and leaves nothing beside the target.
	bad := debate()
	bad.Arguments[0].Category = "unknown"
	if _, err := writeCorpus(filepath.Join(root, "bad"), bad, false); err == nil || !strings.Contains(err.Error(), "unknown category") {
		t.Errorf("got %v, want the loader's error", err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
