// Package gitfs reads one folder of a git revision as an fs.FS, through the git program
// (git rev-parse, git ls-tree, git cat-file), without checking anything out or touching the
// work tree or the index. Files are read when opened, so a loader that looks at sizes before
// it reads (as corpus does) never pulls a huge blob into memory.
package gitfs

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrNotRepository is returned when the folder is not inside a git work tree.
var ErrNotRepository = errors.New("not a git repository")

// Rev is a resolved revision of a repository. Close it when done: it keeps one git cat-file
// process for all the files it reads, since a process per file costs more than the reading.
type Rev struct {
	repo   string // the folder git runs in (paths are relative to it, as git's are)
	Name   string // as the user gave it
	Commit string // the full commit id

	mu    sync.Mutex // the loader reads files from several goroutines
	batch *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Reader
}

// blob reads one blob of the given size through git cat-file --batch.
func (r *Rev) blob(object string, size int64) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.batch == nil {
		cmd := exec.Command("git", "cat-file", "--batch")
		cmd.Dir = r.repo
		in, err := cmd.StdinPipe()
		if err != nil {
			return nil, err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		r.batch, r.in, r.out = cmd, in, bufio.NewReaderSize(out, 64<<10)
	}
	if _, err := io.WriteString(r.in, object+"\n"); err != nil {
		return nil, err
	}
	header, err := r.out.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	// "OBJECT blob SIZE" (or "OBJECT missing")
	f := strings.Fields(header)
	if len(f) != 3 || f[1] != "blob" || f[2] != strconv.FormatInt(size, 10) {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q", strings.TrimSpace(header))
	}
	data := make([]byte, size+1) // the content and the newline after it
	if _, err := io.ReadFull(r.out, data); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	return data[:size], nil
}

// Close ends the git process that reads files, if one was started.
func (r *Rev) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.batch == nil {
		return nil
	}
	r.in.Close()
	err := r.batch.Wait()
	r.batch = nil
	return err
}

// Resolve finds the commit that name means in the repository that holds dir. It fails with
// ErrNotRepository outside a repository, and with a message naming the revision when git does
// not know it.
func Resolve(dir, name string) (*Rev, error) {
	if strings.HasPrefix(name, "-") {
		return nil, fmt.Errorf("revision %q starts with a dash: name a branch, tag or commit", name)
	}
	if _, err := run(dir, nil, "rev-parse", "--is-inside-work-tree"); err != nil {
		var ee *exec.Error
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("cannot run git to read revision %q: %w; install git or give two folders", name, ee.Err)
		}
		return nil, ErrNotRepository
	}
	out, err := run(dir, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", name+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("unknown revision %q: name a branch, tag or commit of this repository (git log lists them)", name)
	}
	return &Rev{repo: dir, Name: name, Commit: strings.TrimSpace(string(out))}, nil
}

// FS returns the folder dir of the revision (relative to the folder Resolve was given, as git
// paths are) as a file system holding that folder's entries at its root ("."). A folder the
// revision does not have gives an empty file system whose root does not exist.
func (r *Rev) FS(dir string) (fs.FS, error) {
	spec := r.Commit + ":" + "./" + strings.TrimPrefix(path.Clean(dir), "./")
	if path.Clean(dir) == "." {
		spec = r.Commit + ":./"
	}
	kind, err := run(r.repo, nil, "cat-file", "-t", spec)
	if err != nil {
		return &tree{rev: r, missing: true}, nil
	}
	if strings.TrimSpace(string(kind)) != "tree" {
		return nil, fmt.Errorf("%s in revision %s is a file, not a folder: give --corpus the corpus folder", dir, r.Name)
	}
	out, err := run(r.repo, nil, "ls-tree", "-l", "-z", spec)
	if err != nil {
		return nil, fmt.Errorf("cannot list %s in revision %s: %w", dir, r.Name, err)
	}
	t := &tree{rev: r, entries: map[string]entry{}}
	for rec := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if rec == "" {
			continue
		}
		e, ok := parseEntry(rec)
		if !ok {
			return nil, fmt.Errorf("cannot read git ls-tree output for revision %s", r.Name)
		}
		t.entries[e.name] = e
		t.order = append(t.order, e.name)
	}
	return t, nil
}

// parseEntry reads one ls-tree -l record: "MODE TYPE OBJECT SIZE\tNAME".
func parseEntry(rec string) (entry, bool) {
	meta, name, ok := strings.Cut(rec, "\t")
	f := strings.Fields(meta)
	if !ok || len(f) != 4 {
		return entry{}, false
	}
	e := entry{name: name, mode: f[0], kind: f[1], object: f[2]}
	if f[3] != "-" {
		n, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return entry{}, false
		}
		e.size = n
	}
	return e, true
}

type entry struct {
	name, mode, kind, object string
	size                     int64
}

func (e entry) fileMode() fs.FileMode {
	switch {
	case e.kind == "tree":
		return fs.ModeDir | 0o755
	case e.mode == "120000":
		return fs.ModeSymlink | 0o777
	case e.kind == "commit": // a submodule
		return fs.ModeIrregular
	case e.mode == "100755":
		return 0o755
	}
	return 0o644
}

// tree is one folder of a revision; only its direct entries are reachable.
type tree struct {
	rev     *Rev
	missing bool
	entries map[string]entry
	order   []string
}

func (t *tree) lookup(op, name string) (entry, error) {
	if !fs.ValidPath(name) {
		return entry{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if t.missing {
		return entry{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	e, ok := t.entries[name]
	if !ok {
		return entry{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	return e, nil
}

// Open opens the folder itself (".") or one of its files. A symbolic link is not followed: it
// stats as a link, and a corpus loader refuses it as it refuses one on disk.
func (t *tree) Open(name string) (fs.File, error) {
	if name == "." {
		if t.missing {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return &dir{t: t}, nil
	}
	e, err := t.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if e.kind != "blob" || e.mode == "120000" {
		return &file{info: info{e}}, nil
	}
	data, err := t.rev.blob(e.object, e.size)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &file{info: info{e}, r: bytes.NewReader(data)}, nil
}

// Stat answers from the listing, without reading the file.
func (t *tree) Stat(name string) (fs.FileInfo, error) {
	if name == "." {
		if t.missing {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
		}
		return info{entry{name: ".", kind: "tree"}}, nil
	}
	e, err := t.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return info{e}, nil
}

// ReadDir lists the folder's entries by name, as fs.ReadDir does.
func (t *tree) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		if _, err := t.lookup("readdir", name); err != nil {
			return nil, err
		}
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("only the corpus folder itself is read")}
	}
	if t.missing {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(t.order))
	for _, n := range t.order { // git lists a tree in byte order of names, as fs.ReadDir sorts
		out = append(out, fs.FileInfoToDirEntry(info{t.entries[n]}))
	}
	return out, nil
}

type info struct{ e entry }

func (i info) Name() string       { return path.Base(i.e.name) }
func (i info) Size() int64        { return i.e.size }
func (i info) Mode() fs.FileMode  { return i.e.fileMode() }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.e.kind == "tree" }
func (i info) Sys() any           { return nil }

type file struct {
	info info
	r    *bytes.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }
func (f *file) Read(p []byte) (int, error) {
	if f.r == nil {
		return 0, &fs.PathError{Op: "read", Path: f.info.e.name, Err: errors.New("not a regular file")}
	}
	return f.r.Read(p)
}

type dir struct {
	t    *tree
	read bool
}

// ReadDir lists the folder, all at once (n is ignored past the first call, as for a small folder).
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.read {
		if n > 0 {
			return nil, io.EOF
		}
		return nil, nil
	}
	d.read = true
	return d.t.ReadDir(".")
}

func (d *dir) Stat() (fs.FileInfo, error) { return info{entry{name: ".", kind: "tree"}}, nil }
func (d *dir) Close() error               { return nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: errors.New("is a directory")}
}

// run runs git in dir and returns its standard output; the error carries git's first line of
// standard error. The environment is the process's, so GIT_DIR and friends work as with git.
func run(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-c", "core.quotePath=false"}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
			if msg == "" {
				msg = ee.Error()
			}
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}
