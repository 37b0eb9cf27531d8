package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileAtomic checks that -o replaces the file only with a whole document: an encoder
// that fails after writing part of one leaves the old file and no temporary file, and its
// error comes back as it is.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := &exportError{errors.New("cannot export as markdown: boom")}
	err := writeFileAtomic(path, "brief.md", func(w io.Writer) error {
		io.WriteString(w, "half a document")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("writeFileAtomic = %v, want the encoder's error", err)
	}
	checkDir(t, dir, "old")

	err = writeFileAtomic(path, "brief.md", func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checkDir(t, dir, "new")

	err = writeFileAtomic(path, "brief.md", func(w io.Writer) error { return errors.New("disk full") })
	if err == nil || err.Error() != "cannot write brief.md: disk full" {
		t.Errorf("writeFileAtomic = %v, want cannot write brief.md: disk full", err)
	}
	checkDir(t, dir, "new")
}

// checkDir checks that dir holds brief.md alone, with the content want.
func checkDir(t *testing.T, dir, want string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "brief.md" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %q, want brief.md alone", names)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "brief.md")); string(got) != want {
		t.Errorf("brief.md holds %q, want %q", got, want)
	}
}
