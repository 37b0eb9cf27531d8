package gitfs

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repo makes a repository with one commit holding c/a.yaml, c/b.yml, c/link (a symbolic link)
// and c/sub/x.yaml, and returns its folder.
func repo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("c/a.yaml", "a: 1\n")
	write("c/b.yml", "b: 2\n")
	write("c/sub/x.yaml", "x: 3\n")
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "c/link")); err != nil {
		t.Fatal(err)
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "one")
	// The work tree changes after the commit: the revision must not see it.
	write("c/a.yaml", "a: changed\n")
	return dir
}

func TestRevisionFS(t *testing.T) {
	dir := repo(t)
	rev, err := Resolve(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	defer rev.Close()
	fsys, err := rev.FS("c")
	if err != nil {
		t.Fatal(err)
	}
	data, err := fs.ReadFile(fsys, "a.yaml")
	if err != nil || string(data) != "a: 1\n" {
		t.Errorf("a.yaml = %q, %v; want the committed %q", data, err, "a: 1\n")
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name()+":"+e.Type().String())
	}
	if got, want := strings.Join(names, " "), "a.yaml:---------- b.yml:---------- link:L--------- sub:d---------"; got != want {
		t.Errorf("entries = %s, want %s", got, want)
	}
	info, err := fs.Stat(fsys, "link")
	if err != nil || info.Mode().IsRegular() {
		t.Errorf("link stats as %v, %v; want a link, not a regular file", info, err)
	}
	f, err := fsys.Open(".")
	if err != nil {
		t.Fatal(err)
	}
	if rd, ok := f.(fs.ReadDirFile); !ok {
		t.Error("the folder does not open as an fs.ReadDirFile")
	} else if list, err := rd.ReadDir(-1); err != nil || len(list) != 4 {
		t.Errorf("ReadDir(-1) = %d entries, %v; want 4", len(list), err)
	}
}

func TestResolveErrors(t *testing.T) {
	dir := repo(t)
	if _, err := Resolve(dir, "nosuch"); err == nil || !strings.Contains(err.Error(), `unknown revision "nosuch"`) {
		t.Errorf("Resolve(nosuch) = %v, want unknown revision", err)
	}
	if _, err := Resolve(dir, "--all"); err == nil || !strings.Contains(err.Error(), "starts with a dash") {
		t.Errorf("Resolve(--all) = %v, want a refusal", err)
	}
	if _, err := Resolve(t.TempDir(), "HEAD"); !errors.Is(err, ErrNotRepository) {
		t.Errorf("outside a repository: %v, want ErrNotRepository", err)
	}
	rev, err := Resolve(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	defer rev.Close()
	missing, err := rev.FS("nowhere")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadDir(missing, "."); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a folder the revision lacks: %v, want ErrNotExist", err)
	}
	if _, err := rev.FS("c/a.yaml"); err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
		t.Errorf("FS(file) = %v, want a refusal", err)
	}
}
