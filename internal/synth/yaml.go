package synth

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/yamlfast"
)

// File is one file of a corpus folder.
type File struct {
	Name string
	Data []byte
}

// Files encodes a debate as a version-1 corpus: 00-debate.yaml with the debate and its
// profiles, then NN-arguments.yaml files of perFile arguments each (perFile <= 0 puts them all
// in one file). File numbers are zero-padded so that name order is corpus order.
//
// The scalars are written by internal/yamlfast's emitter, as the YAML export writes them:
// plain where yaml/v4 would write them plain, else double-quoted (or a literal block), and
// text the emitter does not know is spelled by yaml/v4 itself.
func Files(d *argument.Debate, perFile int) ([]File, error) {
	w := newFileWriter()
	w.debate(d)
	head, err := w.done()
	if err != nil {
		return nil, fmt.Errorf("encode the debate: %w", err)
	}
	files := []File{{Name: "00-debate.yaml", Data: head}}
	if perFile <= 0 {
		perFile = max(len(d.Arguments), 1)
	}
	n := (len(d.Arguments) + perFile - 1) / perFile
	width := max(2, len(strconv.Itoa(n)))
	for k := range n {
		chunk := d.Arguments[k*perFile : min((k+1)*perFile, len(d.Arguments))]
		w.WriteString("arguments:\n")
		for _, a := range chunk {
			w.argument(a)
		}
		data, err := w.done()
		if err != nil {
			return nil, fmt.Errorf("encode arguments %d to %d: %w", k*perFile+1, k*perFile+len(chunk), err)
		}
		files = append(files, File{Name: fmt.Sprintf("%0*d-arguments.yaml", width, k+1), Data: data})
	}
	return files, nil
}

// WriteYAML writes the debate as a corpus folder dir (see Files), creating dir if needed. It
// refuses a folder that already holds YAML files, so that two corpora never mix.
func WriteYAML(d *argument.Debate, dir string, perFile int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml") {
			return fmt.Errorf("%s already holds %s: write the corpus to an empty folder", dir, e.Name())
		}
	}
	files, err := Files(d, perFile)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// MapFS encodes the debate (see Files) into an in-memory file system, its files at the root,
// for loading without touching the disk.
func MapFS(d *argument.Debate, perFile int) (fstest.MapFS, error) {
	files, err := Files(d, perFile)
	if err != nil {
		return nil, err
	}
	m := make(fstest.MapFS, len(files))
	for _, f := range files {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return m, nil
}

// fileWriter writes one corpus file after another.
type fileWriter struct {
	buf bytes.Buffer
	*bufio.Writer
	err error // the first text yaml/v4 could not spell
}

func newFileWriter() *fileWriter {
	w := &fileWriter{}
	w.Writer = bufio.NewWriter(&w.buf)
	return w
}

// done returns the file written so far and starts the next.
func (w *fileWriter) done() ([]byte, error) {
	w.Flush()
	data, err := bytes.Clone(w.buf.Bytes()), w.err
	w.buf.Reset()
	w.err = nil
	return data, err
}

func (w *fileWriter) debate(d *argument.Debate) {
	w.WriteString("argmap: " + num(float64(max(d.Version, 1))) + "\ndebate:\n")
	w.field("  ", "id", d.ID)
	w.field("  ", "title", d.Title)
	w.field("  ", "question", d.Question)
	w.WriteString("  thesis:\n")
	w.field("    ", "id", d.Thesis.ID)
	w.field("    ", "claim", d.Thesis.Claim)
	w.WriteString("    base: " + num(d.Thesis.Base) + "\n")
	w.WriteString("  categories: ")
	w.flowList(d.Categories)
	w.WriteString("\n  sources:\n")
	for _, s := range d.Sources {
		w.WriteString("  - ")
		kv := []string{"id", s.ID, "title", s.Title}
		if s.Subtitle != "" {
			kv = append(kv, "subtitle", s.Subtitle)
		}
		w.flowMapping(append(kv, "author", s.Author, "publication", s.Publication, "date", s.Date, "url", s.URL)...)
		w.WriteByte('\n')
	}
	w.WriteString("profiles:\n")
	for _, p := range d.Profiles {
		w.WriteString("  ")
		w.scalar(p.Name, true)
		w.WriteString(":\n")
		w.field("    ", "description", p.Description)
		w.WriteString("    weights: {")
		n := 0
		for _, c := range d.Categories {
			if x, ok := p.Weights[c]; ok {
				if n > 0 {
					w.WriteString(", ")
				}
				w.scalar(c, true)
				w.WriteString(": " + num(x))
				n++
			}
		}
		w.WriteString("}\n")
	}
}

func (w *fileWriter) argument(a *argument.Argument) {
	w.WriteString("- ")
	w.field("", "id", a.ID)
	w.field("  ", "side", string(a.Side))
	w.field("  ", "category", a.Category)
	w.field("  ", "title", a.Title)
	w.field("  ", "claim", a.Claim)
	if a.Reasoning != "" {
		w.field("  ", "reasoning", a.Reasoning)
	}
	w.WriteString("  strength: " + num(a.Strength) + "\n")
	for _, l := range [...]struct {
		key string
		ids []string
	}{{"supports", a.Supports}, {"attacks", a.Attacks}} {
		if len(l.ids) > 0 {
			w.WriteString("  " + l.key + ": ")
			w.flowList(l.ids)
			w.WriteByte('\n')
		}
	}
	for _, ps := range [...]struct {
		key  string
		list []argument.Passage
	}{{"quotes", a.Quotes}, {"evidence", a.Evidence}} {
		if len(ps.list) == 0 {
			continue
		}
		w.WriteString("  " + ps.key + ":\n")
		for _, p := range ps.list {
			w.WriteString("  - ")
			w.flowMapping("source", p.Source, "text", p.Text)
			w.WriteByte('\n')
		}
	}
	if len(a.Tags) > 0 {
		w.WriteString("  tags: ")
		w.flowList(a.Tags)
		w.WriteByte('\n')
	}
	if a.Note != "" {
		w.field("  ", "note", a.Note)
	}
}

// field writes key: value as a line of a block mapping whose keys are at indent.
func (w *fileWriter) field(indent, key, value string) {
	w.WriteString(indent + key + ": ")
	st, known := yamlfast.StringStyle(value, false)
	switch {
	case !known:
		w.library(value)
	case st == yamlfast.Plain:
		w.WriteString(value)
	case st == yamlfast.DoubleQuoted:
		yamlfast.WriteDouble(w.Writer, value)
	default:
		yamlfast.WriteLiteral(w.Writer, value, len(indent)+2)
	}
	w.WriteByte('\n')
}

// scalar writes s as an item or key of a flow collection (flow), or a block mapping's key.
func (w *fileWriter) scalar(s string, flow bool) {
	st, known := yamlfast.StringStyle(s, flow)
	switch {
	case !known:
		w.library(s)
	case st == yamlfast.Plain:
		w.WriteString(s)
	default:
		yamlfast.WriteDouble(w.Writer, s)
	}
}

func (w *fileWriter) flowList(items []string) {
	w.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			w.WriteString(", ")
		}
		w.scalar(s, true)
	}
	w.WriteByte(']')
}

// flowMapping writes {k: v, ...} from alternating keys and values.
func (w *fileWriter) flowMapping(kv ...string) {
	w.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			w.WriteString(", ")
		}
		w.WriteString(kv[i] + ": ")
		w.scalar(kv[i+1], true)
	}
	w.WriteByte('}')
}

// library writes text the emitter does not know (controls, invisible characters, characters
// past the Basic Multilingual Plane) as yaml/v4 spells it, double-quoted on one line.
func (w *fileWriter) library(s string) {
	out, err := yaml.Dump(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s}, yaml.WithLineWidth(-1))
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	w.Write(bytes.TrimSuffix(out, []byte("\n")))
}

// num is a number as the corpus writes it: the shortest decimal that reads back the same.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
