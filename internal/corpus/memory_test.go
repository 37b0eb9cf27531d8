package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/synth"
)

// memoryCorpus is a corpus of one big file of arguments (about 6 MiB, as the README's limits
// table measures it) beside a small file with the debate.
type memoryCorpus struct {
	name     string
	files    map[string][]byte
	bytes    int  // of the big file
	mistakes bool // it has errors to report
}

const memoryFileSize = 6 << 20

// flowCorpus writes one argument a line, the way importers and scripts write many: a flow
// mapping of about 170 bytes with a relation and a quote, so that the corpus is clean.
func flowCorpus() memoryCorpus {
	var b strings.Builder
	b.WriteString("arguments:\n")
	for i := 0; b.Len() < memoryFileSize; i++ {
		side := [...]string{"pro", "con"}[i%2]
		rel := [...]string{"supports", "attacks"}[i%2]
		fmt.Fprintf(&b, "  - {id: a%06d, side: %s, category: moral, title: Argument %d in one line, claim: It says one thing., strength: 0.5, %s: [t], quotes: [{source: s, text: q}]}\n", i, side, i, rel)
	}
	return memoryCorpus{name: "flow", files: map[string][]byte{
		"00-debate.yaml":    []byte(memoryDebate),
		"01-arguments.yaml": []byte(b.String()),
	}, bytes: b.Len()}
}

// jsonCorpus is flowCorpus as a script writes it in JSON (which is YAML too): the arguments
// in one top mapping, an argument a line, every key quoted.
func jsonCorpus() memoryCorpus {
	var b strings.Builder
	b.WriteString("{\"arguments\": [\n")
	for i := 0; b.Len() < memoryFileSize; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		side := [...]string{"pro", "con"}[i%2]
		rel := [...]string{"supports", "attacks"}[i%2]
		fmt.Fprintf(&b, `{"id":"a%06d","side":"%s","category":"moral","title":"Argument %d in one line","claim":"It says one thing.","strength":0.5,"%s":["t"],"quotes":[{"source":"s","text":"q"}]}`, i, side, i, rel)
	}
	b.WriteString("\n]}\n")
	return memoryCorpus{name: "json", files: map[string][]byte{
		"00-debate.yaml":    []byte(memoryDebate),
		"01-arguments.yaml": []byte(b.String()),
	}, bytes: b.Len()}
}

const memoryDebate = "argmap: 1\ndebate: {id: d, title: D, question: Q, thesis: {id: t, claim: T}, sources: [{id: s, title: S}]}\n"

// withDebate moves the debate into the big file, which the loader then decodes in order
// rather than ahead.
func (c memoryCorpus) withDebate() memoryCorpus {
	c.name += ", with the debate"
	c.files = map[string][]byte{"01-arguments.yaml": append([]byte(memoryDebate), c.files["01-arguments.yaml"]...)}
	return c
}

// withMistakes makes one argument in a thousand say side: maybe, so that the big file is read
// again and decoded in order.
func (c memoryCorpus) withMistakes() memoryCorpus {
	c.name += ", with mistakes"
	lines := strings.SplitAfter(string(c.files["01-arguments.yaml"]), "\n")
	for i := 1; i < len(lines); i += 1000 {
		lines[i] = strings.Replace(lines[i], "side: pro", "side: maybe", 1)
	}
	c.files = map[string][]byte{"00-debate.yaml": c.files["00-debate.yaml"], "01-arguments.yaml": []byte(strings.Join(lines, ""))}
	c.mistakes = true
	return c
}

// withCRLF starts the big file with a byte-order mark and ends its lines with CR LF, as
// Windows editors do.
func (c memoryCorpus) withCRLF() memoryCorpus {
	c.name += ", CRLF"
	return c.edit(func(s string) string { return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n") })
}

// withStart opens the big file with a --- line, as much hand-written YAML does.
func (c memoryCorpus) withStart() memoryCorpus {
	c.name += ", a document start"
	return c.edit(func(s string) string { return "---\n" + s })
}

// withTab writes a tab inside the first argument's title, as a pasted quote may hold one.
func (c memoryCorpus) withTab() memoryCorpus {
	c.name += ", a tab"
	return c.edit(func(s string) string { return strings.Replace(s, "in one line", "in\tone line", 1) })
}

// withTag tags the first argument's strength, which yamlfast leaves to yaml/v4 (as it leaves
// anchors and explicit keys): yaml/v4 reads that argument, yamlfast the others.
func (c memoryCorpus) withTag() memoryCorpus {
	c.name += ", a tag"
	return c.edit(func(s string) string { return strings.Replace(s, "strength: 0.5", "strength: !!float 0.5", 1) })
}

// withTopTag tags the key of the arguments, which leaves the whole file to yaml/v4 (as a
// carriage return on its own or a --- line would).
func (c memoryCorpus) withTopTag() memoryCorpus {
	c.name += ", a tag on top"
	return c.edit(func(s string) string { return strings.Replace(s, "arguments:", "!!str arguments:", 1) })
}

// slowFiles is three flow files of about 2 MiB, each with a tag that leaves it to yaml/v4, which
// holds a file's whole tree: loaded one after another, they take little more than one does.
func slowFiles() memoryCorpus {
	one := flowCorpus().withTopTag().files["01-arguments.yaml"]
	third := bytes.Index(one[len(one)/3:], []byte("\n  - ")) + len(one)/3 + 1
	return copies("three tagged files", one[:third], 3)
}

// copies is a corpus of n copies of the arguments file part, each with its own ids (a0 becomes
// b0, c0, d0, ...); its bytes are one copy's.
func copies(name string, part []byte, n int) memoryCorpus {
	c := memoryCorpus{name: name, files: map[string][]byte{"00-debate.yaml": []byte(memoryDebate)}, bytes: len(part)}
	for k := range n {
		c.files[fmt.Sprintf("%02d-arguments.yaml", k+1)] = bytes.ReplaceAll(part, []byte("id: a"), []byte("id: "+string(rune('b'+k))))
	}
	return c
}

func (c memoryCorpus) edit(change func(string) string) memoryCorpus {
	data := change(string(c.files["01-arguments.yaml"]))
	c.files = map[string][]byte{"00-debate.yaml": c.files["00-debate.yaml"], "01-arguments.yaml": []byte(data)}
	c.bytes = len(data)
	return c
}

// blockCorpus is synth's corpus of 7,000 arguments in one file (5.6 MiB), one key a line,
// with reasoning and a quote for each.
func blockCorpus(t testing.TB) memoryCorpus {
	fs, err := synth.Files(synth.Generate(synth.Options{Arguments: 7000, Seed: 1}), 0)
	if err != nil {
		t.Fatal(err)
	}
	c := memoryCorpus{name: "block", files: map[string][]byte{}}
	for _, f := range fs {
		c.files[f.Name] = f.Data
		c.bytes = max(c.bytes, len(f.Data))
	}
	return c
}

// write puts the corpus in a folder of dir, so that loading it reads the disk, as argmap
// does, and the input is not on the heap being measured.
func (c memoryCorpus) write(t testing.TB, dir string) string {
	t.Helper()
	folder := filepath.Join(dir, strings.NewReplacer(", ", "-", " ", "-").Replace(c.name))
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range c.files {
		if err := os.WriteFile(filepath.Join(folder, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return folder
}

// peakHeap loads the corpus in folder and returns the most heap its objects took at once
// (sampled every 100 µs) and what they take once the load is over, the loaded debate kept,
// both above what they took before. The collector runs at GOGC=10 meanwhile, so that the
// figures are close to what was alive rather than to when the collector happened to run.
func peakHeap(t testing.TB, folder string, mistakes bool) (peak, kept uint64) {
	t.Helper()
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	d, problems, err := LoadNamed(os.DirFS(folder), ".", folder)
	close(done)
	wg.Wait()
	peak = max(peak, read())
	if (err != nil || len(problems) > 0) != mistakes {
		t.Fatalf("the corpus loads with %d problems: %v %v", len(problems), err, problems[:min(len(problems), 3)])
	}
	runtime.GC()
	kept = read()
	runtime.KeepAlive(d)
	return peak - min(peak, base), kept - min(kept, base)
}

// TestLoadMemoryPerByte holds the heap a load takes to a small multiple of its biggest file,
// one argument a line or one key a line, decoded ahead or in order, on one processor or two.
// Each argument's YAML tree goes as soon as the argument is decoded, so that the load takes
// little more than the debate it returns: when the whole tree of a file stayed until the file
// was decoded, a file of one-line arguments took 35 times its size, 10 for one key a line.
// An argument yamlfast leaves to yaml/v4 (here for a tag) is read on its own; a file it leaves
// to yaml/v4 whole (for a tag on top) is decoded from its whole tree, and has a bound of its
// own; such files are parsed one at a time.
//
// ARGMAP_MEMORY_CORPORA=DIR writes the corpora to DIR too, for measuring argmap itself:
//
//	/usr/bin/time -f %M argmap --corpus DIR/flow validate
func TestLoadMemoryPerByte(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 6 MiB files several times")
	}
	dir := t.TempDir()
	if d := os.Getenv("ARGMAP_MEMORY_CORPORA"); d != "" {
		dir = d
	}
	flow := flowCorpus()
	for _, tc := range []struct {
		c     memoryCorpus
		most  float64 // bytes of heap at the peak for each byte of the big file
		procs []int   // GOMAXPROCS to load at; 1 and 2 when nil
	}{
		// The debate decoded from a flow file takes 5.4 times the file (an Argument, with
		// its relation, quote and positions, for every 170 bytes); the checks add to it.
		{flow, 12, nil},
		{flow.withDebate(), 12, nil},
		{flow.withMistakes(), 12, nil},
		{flow.withCRLF(), 12, nil},
		{flow.withTab(), 12, nil},
		{flow.withStart(), 12, nil},
		{jsonCorpus(), 12, nil},
		{flow.withTag(), 12, nil},
		// yaml/v4 holds the file's whole tree: 30 to 33 bytes a byte.
		{flow.withTopTag(), 40, nil},
		// One tree at a time beside the arguments of all three: 45 to 52 bytes a byte. When
		// each file was parsed as it was read, two or three trees at once took 60 to 96.
		{slowFiles(), 60, []int{1, 2, 4}},
		// Four streamed files hold four debates' worth of arguments and little else: 35 bytes
		// a byte of one file.
		{copies("four files", flow.files["01-arguments.yaml"], 4), 45, []int{1, 2, 4}},
		{blockCorpus(t), 6, nil},
	} {
		folder := tc.c.write(t, dir)
		if tc.procs == nil {
			tc.procs = []int{1, 2}
		}
		for _, procs := range tc.procs {
			t.Run(fmt.Sprintf("%s/GOMAXPROCS=%d", tc.c.name, procs), func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				peak, kept := peakHeap(t, folder, tc.c.mistakes)
				perByte := float64(peak) / float64(tc.c.bytes)
				t.Logf("%s: peak heap %.1f MB (%.1f MB kept) for a file of %.1f MiB: %.1f bytes a byte", tc.c.name, float64(peak)/1e6, float64(kept)/1e6, float64(tc.c.bytes)/(1<<20), perByte)
				if perByte > tc.most {
					t.Errorf("loading %s took %.1f bytes of heap for each byte of its biggest file, more than %g", tc.c.name, perByte, tc.most)
				}
			})
		}
	}
}

// BenchmarkLoadMemoryPerByte reports the peak heap of loading TestLoadMemoryPerByte's 6 MiB
// flow file for each byte of it: streamed, with one argument left to yaml/v4, and left to
// yaml/v4 whole. The collector runs at GOGC=10 meanwhile, so ns/op is not a load's speed
// (BenchmarkLoad is).
func BenchmarkLoadMemoryPerByte(b *testing.B) {
	dir := b.TempDir()
	flow := flowCorpus()
	for _, c := range []memoryCorpus{flow, flow.withTag(), flow.withTopTag()} {
		folder := c.write(b, dir)
		b.Run(c.name, func(b *testing.B) {
			var most uint64
			for b.Loop() {
				peak, _ := peakHeap(b, folder, c.mistakes)
				most = max(most, peak)
			}
			b.ReportMetric(float64(most)/float64(c.bytes), "heap-B/B")
		})
	}
}
