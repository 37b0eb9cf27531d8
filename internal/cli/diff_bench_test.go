package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/synth"
)

// BenchmarkDiffRevisions is `argmap --corpus c diff HEAD~1 HEAD` on two commits of a
// 10,000-argument generated debate, the second with every hundredth argument's strength
// changed and ten arguments removed: both revisions read through git, loaded, compared and
// scored under every profile.
//
//	go test -run '^$' -bench DiffRevisions -benchtime 5x ./internal/cli
func BenchmarkDiffRevisions(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("needs git")
	}
	repo := b.TempDir()
	git := func(args ...string) {
		b.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=b", "GIT_AUTHOR_EMAIL=b@example.com",
			"GIT_COMMITTER_NAME=b", "GIT_COMMITTER_EMAIL=b@example.com", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(n int, change bool) {
		b.Helper()
		d := synth.Generate(synth.Options{Arguments: n, Seed: 1})
		if change {
			for i, a := range d.Arguments {
				if i%100 == 0 {
					a.Strength = 1 - a.Strength
				}
			}
		}
		dir := filepath.Join(repo, "c")
		os.RemoveAll(dir)
		if err := synth.WriteYAML(d, dir, 500); err != nil {
			b.Fatal(err)
		}
	}
	git("init", "-q")
	write(10_000, false)
	git("add", "-A")
	git("commit", "-q", "-m", "one")
	write(10_000, true)
	git("add", "-A")
	git("commit", "-q", "-m", "two")
	b.Chdir(repo)
	b.ResetTimer()
	for b.Loop() {
		streams, _, errOut := TestStreams()
		if code := Run([]string{"--corpus", "c", "diff", "HEAD~1", "HEAD", "--format", "json"}, streams); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut)
		}
	}
}
