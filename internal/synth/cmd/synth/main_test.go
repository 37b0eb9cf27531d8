package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	var stderr bytes.Buffer
	if code := run([]string{"-n", "25", "-per-file", "10", "-o", dir}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(names) != 4 {
		t.Errorf("wrote %d files, want the debate and three of arguments", len(names))
	}
	if !strings.Contains(stderr.String(), "wrote 25 arguments in 4 files") {
		t.Errorf("stderr %q does not report what was written", stderr.String())
	}

	stderr.Reset()
	if code := run([]string{"-n", "5", "-o", dir}, &stderr); code != 1 || !strings.Contains(stderr.String(), "already holds 00-debate.yaml") {
		t.Errorf("writing over a corpus: exit %d, stderr %q; want 1 and a refusal", code, stderr.String())
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "03-arguments.yaml")); !bytes.Contains(data, []byte("arguments:")) {
		t.Error("the refused run changed the existing corpus")
	}

	for _, args := range [][]string{{"-n", "5"}, {"-o", dir, "extra"}, {"-bogus"}} {
		stderr.Reset()
		if code := run(args, &stderr); code != 2 {
			t.Errorf("run %q: exit %d, want 2 (usage)", args, code)
		}
	}
}
