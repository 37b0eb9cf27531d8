package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/argument"
)

// File is one file of a corpus folder.
type File struct {
	Name string
	Data []byte
}

// Files encodes a debate as a version-1 corpus: 00-debate.yaml with the debate and its
// profiles, then NN-arguments.yaml files of perFile arguments each (perFile <= 0 puts them all
// in one file). File numbers are zero-padded so that name order is corpus order.
func Files(d *argument.Debate, perFile int) ([]File, error) {
	head, err := yaml.Dump(debateNode(d))
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
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range chunk {
			seq.Content = append(seq.Content, argumentNode(a))
		}
		data, err := yaml.Dump(mapping("arguments", seq))
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

// Size is the number of bytes of the files in m.
func Size(m fstest.MapFS) int64 {
	var total int64
	for _, f := range m {
		total += int64(len(f.Data))
	}
	return total
}

func debateNode(d *argument.Debate) *yaml.Node {
	sources := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range d.Sources {
		n := mapping("id", str(s.ID), "title", str(s.Title))
		if s.Subtitle != "" {
			add(n, "subtitle", str(s.Subtitle))
		}
		add(n, "author", str(s.Author), "publication", str(s.Publication), "date", str(s.Date), "url", str(s.URL))
		n.Style = yaml.FlowStyle
		sources.Content = append(sources.Content, n)
	}
	thesis := mapping("id", str(d.Thesis.ID), "claim", str(d.Thesis.Claim), "base", num(d.Thesis.Base))
	debate := mapping(
		"id", str(d.ID),
		"title", str(d.Title),
		"question", str(d.Question),
		"thesis", thesis,
		"categories", flowSeq(d.Categories),
		"sources", sources,
	)
	profiles := &yaml.Node{Kind: yaml.MappingNode}
	for _, p := range d.Profiles {
		weights := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		for _, c := range d.Categories {
			if w, ok := p.Weights[c]; ok {
				add(weights, c, num(w))
			}
		}
		add(profiles, p.Name, mapping("description", str(p.Description), "weights", weights))
	}
	return mapping("argmap", num(float64(max(d.Version, 1))), "debate", debate, "profiles", profiles)
}

func argumentNode(a *argument.Argument) *yaml.Node {
	n := mapping(
		"id", str(a.ID),
		"side", str(string(a.Side)),
		"category", str(a.Category),
		"title", str(a.Title),
		"claim", str(a.Claim),
	)
	if a.Reasoning != "" {
		add(n, "reasoning", str(a.Reasoning))
	}
	add(n, "strength", num(a.Strength))
	if len(a.Supports) > 0 {
		add(n, "supports", flowSeq(a.Supports))
	}
	if len(a.Attacks) > 0 {
		add(n, "attacks", flowSeq(a.Attacks))
	}
	if len(a.Quotes) > 0 {
		add(n, "quotes", passages(a.Quotes))
	}
	if len(a.Evidence) > 0 {
		add(n, "evidence", passages(a.Evidence))
	}
	if len(a.Tags) > 0 {
		add(n, "tags", flowSeq(a.Tags))
	}
	if a.Note != "" {
		add(n, "note", str(a.Note))
	}
	return n
}

func passages(ps []argument.Passage) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, p := range ps {
		m := mapping("source", str(p.Source), "text", str(p.Text))
		m.Style = yaml.FlowStyle
		seq.Content = append(seq.Content, m)
	}
	return seq
}

// mapping builds a block mapping from alternating keys and value nodes.
func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	add(n, kv...)
	return n
}

func add(n *yaml.Node, kv ...any) {
	for i := 0; i < len(kv); i += 2 {
		n.Content = append(n.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
}

// str is a string scalar; the encoder quotes it when it would otherwise read as something else.
func str(s string) *yaml.Node {
	n := &yaml.Node{}
	n.SetString(s)
	return n
}

func num(f float64) *yaml.Node {
	tag := "!!float"
	if f == float64(int64(f)) {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: strconv.FormatFloat(f, 'f', -1, 64)}
}

func flowSeq(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}
