package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/synth"
)

// asMainEnv makes the test binary run as argmap itself, so that a test can send a real
// process a real signal.
const asMainEnv = "ARGMAP_TEST_AS_MAIN"

// TestInterruptedExport interrupts a long export to a file with each signal a user or a
// service manager sends, and checks that the export leaves no temporary file, the target as
// it was, and the exit code a shell gives a command killed by that signal.
func TestInterruptedExport(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a corpus of 5,000 arguments")
	}
	corpus := t.TempDir()
	if err := synth.WriteYAML(synth.Generate(synth.Options{Arguments: 5000, Seed: 1}), corpus, 500); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{
		{syscall.SIGINT, 130},
		{syscall.SIGTERM, 143},
		{syscall.SIGHUP, 129},
	} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "brief.yaml")
			if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "--corpus", corpus, "export", "--format", "yaml", "-o", target)
			cmd.Env = append(os.Environ(), asMainEnv+"=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The temporary file appears once the corpus is loaded and the export begins.
			deadline := time.Now().Add(60 * time.Second)
			for len(temps(t, dir)) == 0 {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("no temporary file appeared within a minute")
				}
				time.Sleep(time.Millisecond)
			}
			cmd.Process.Signal(tt.sig)
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Skipf("the export finished (%v) before the signal arrived; nothing to check", err)
			}
			if got := exit.ExitCode(); got != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", got, tt.code, stderr.String())
			}
			if want := "argmap: interrupted: " + target + " was not written\n"; stderr.String() != want {
				t.Errorf("stderr %q, want %q", stderr.String(), want)
			}
			if left := temps(t, dir); len(left) > 0 {
				t.Errorf("temporary files left behind: %q", left)
			}
			if got, _ := os.ReadFile(target); string(got) != "old" {
				t.Errorf("the target holds %d bytes, want it untouched", len(got))
			}
		})
	}
}

// temps lists the files in dir other than brief.yaml.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != "brief.yaml" && strings.HasSuffix(e.Name(), ".tmp") {
			names = append(names, e.Name())
		}
	}
	return names
}
