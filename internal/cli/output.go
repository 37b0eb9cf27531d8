package cli

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/safetext"
)

// outputTarget is where -o writes: a regular file (new or to replace), written whole or not at
// all, or something else that already exists (a device, a named pipe, /dev/stdout), written in
// place as cp or a shell redirect would.
type outputTarget struct {
	path    string // what is opened or replaced
	name    string // how messages call it: the user's spelling, escaped
	inPlace bool
}

// newOutputTarget decides how output, as the user spelled it, is written. A file that exists
// and is not a regular file cannot be replaced by a rename without destroying what it is (the
// device or pipe a reader waits on), and /dev and /proc are no folders to write temporary files
// in: those are opened and written in place.
func newOutputTarget(output string) (*outputTarget, error) {
	t := &outputTarget{path: output, name: safetext.Line(output)}
	if info, err := os.Stat(output); err == nil {
		if info.IsDir() {
			return nil, fmt.Errorf("cannot write %s: it is a folder; give -o a file name", t.name)
		}
		if !info.Mode().IsRegular() || specialFolder(output) {
			t.inPlace = true
			return t, nil
		}
	}
	path, err := resolvePath(output)
	if err != nil {
		return nil, err
	}
	t.path = path
	return t, nil
}

// specialFolder reports whether p lies in a kernel file system (/dev/stdout, /proc/self/fd/1),
// where a name stands for an open stream rather than for a file that can be replaced.
func specialFolder(p string) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	for _, dir := range []string{"/dev/", "/proc/"} {
		if strings.HasPrefix(abs, dir) {
			return true
		}
	}
	return false
}

// write writes what fn writes to the target. An *exportError from fn is returned as it is; any
// other error is a failure to write the file, named.
func (t *outputTarget) write(fn func(io.Writer) error) error {
	if t.inPlace {
		return writeInPlace(t.path, t.name, fn)
	}
	return writeFileAtomic(t.path, t.name, fn)
}

// writeInPlace opens path as a shell's > would (truncating it; a device or pipe ignores that)
// and writes to it.
func writeInPlace(path, name string, fn func(io.Writer) error) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", name, pathErrCause(err))
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("cannot write %s: %w", name, pathErrCause(cerr))
		}
	}()
	return writeErr(name, fn(f))
}

// writeErr names the file in a failure to write; an *exportError passes as it is.
func writeErr(name string, err error) error {
	if err == nil {
		return nil
	}
	if ee := (*exportError)(nil); errors.As(err, &ee) {
		return err
	}
	return fmt.Errorf("cannot write %s: %w", name, pathErrCause(err))
}

// nameMax is the longest file name most file systems take (NAME_MAX on Linux, macOS and
// Windows): a temporary name must not be longer than the target's when that is the limit.
const nameMax = 255

// writeFileAtomic writes what write writes to path, through a temporary file in the same folder,
// synced, then renamed over path, so that the file is either the old one or the whole new one,
// also after a crash. An existing file keeps its permissions; a new one gets 0666 less the
// umask, as any other program's would. An interrupt (SIGINT, SIGTERM, SIGHUP) while it writes
// removes the temporary file and exits 128 plus the signal's number, as a shell expects.
func writeFileAtomic(path, name string, write func(io.Writer) error) (err error) {
	perm, keep := fs.FileMode(0o666), false
	if info, err := os.Stat(path); err == nil {
		perm, keep = info.Mode().Perm(), true
	}
	// The guard is up before the temporary file exists, so that no signal finds it unguarded.
	guard := removeOnSignal(name)
	defer guard.stop()
	tmp, err := guard.create(func() (*os.File, error) { return createTemp(filepath.Dir(path), filepath.Base(path)) })
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", name, pathErrCause(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return writeErr(name, err)
	}
	if keep {
		// The temporary file is 0600 less the umask until here: a private brief is never
		// readable by others, not even for the time it is written.
		if err = tmp.Chmod(perm); err != nil {
			return writeErr(name, err)
		}
	}
	if err = tmp.Sync(); err != nil {
		return writeErr(name, err)
	}
	if err = tmp.Close(); err != nil {
		return writeErr(name, err)
	}
	if err = guard.commit(func() error { return os.Rename(tmp.Name(), path) }); err != nil {
		return writeErr(name, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// createTemp creates a new file in dir beside base, hidden and named after it, never longer than
// nameMax bytes (a 255-byte target shortens its temporary name's copy of base). A new target's
// permissions are 0666 less the umask, as the file the rename makes of it will keep.
func createTemp(dir, base string) (*os.File, error) {
	for range 100 {
		var r [4]byte
		rand.Read(r[:])
		suffix := "." + hex.EncodeToString(r[:]) + ".tmp"
		stem := base
		if over := 1 + len(stem) + len(suffix) - nameMax; over > 0 {
			stem = stem[:len(stem)-over]
			for len(stem) > 0 && !utf8.ValidString(stem) {
				stem = stem[:len(stem)-1]
			}
		}
		f, err := os.OpenFile(filepath.Join(dir, "."+stem+suffix), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s: %w", safetext.Line(dir), fs.ErrExist)
}

// syncDir makes a rename in dir durable. It is best effort: some file systems cannot sync a
// folder, and the file itself is already whole.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// interruptSignals end a long export early; each leaves no temporary file behind.
var interruptSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// signalGuard removes a temporary file and exits 128 plus the signal's number when an interrupt
// arrives before the file is committed.
type signalGuard struct {
	sigs chan os.Signal
	mu   sync.Mutex
	tmp  string // the temporary file, once created
	done bool
}

func removeOnSignal(name string) *signalGuard {
	g := &signalGuard{sigs: make(chan os.Signal, 1)}
	signal.Notify(g.sigs, interruptSignals...)
	go func() {
		sig, ok := <-g.sigs
		if !ok {
			return
		}
		g.mu.Lock() // held until the exit: a commit under way finishes first, none starts
		if g.done {
			g.mu.Unlock()
			return
		}
		if g.tmp != "" {
			os.Remove(g.tmp)
		}
		fmt.Fprintf(os.Stderr, "argmap: interrupted: %s was not written\n", name)
		code := 128 + 2
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}()
	return g
}

// create runs create and records the file it makes, with no interrupt between the two.
func (g *signalGuard) create(create func() (*os.File, error)) (*os.File, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f, err := create()
	if err == nil {
		g.tmp = f.Name()
	}
	return f, err
}

// commit runs rename with no interrupt able to come between it and the decision it makes.
func (g *signalGuard) commit(rename func() error) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := rename(); err != nil {
		return err
	}
	g.done = true
	return nil
}

// stop ends the guard; a signal after it has its default effect again.
func (g *signalGuard) stop() {
	g.mu.Lock()
	g.done = true
	g.mu.Unlock()
	signal.Stop(g.sigs)
	close(g.sigs)
}

// pathErrCause drops the temporary file's name from an error: the user never named it.
func pathErrCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
