// Package corpus reads a debate from a folder of YAML files (on disk or embedded) into the
// argument types, with every problem placed at its file, line and column.
package corpus

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/argument"
)

// Load reads every *.yaml and *.yml file directly in dir of fsys, in name order, and returns
// the debate and the problems found (warnings included). err is a *LoadError when any problem
// is an error, or an error naming the folder when it cannot be read.
//
// PROVISIONAL: a minimal decoder so that the rest of the tool can run; the validating loader
// replaces it.
func Load(fsys fs.FS, dir string) (*argument.Debate, []Problem, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, err
	}
	d := &argument.Debate{Categories: argument.DefaultCategories, Thesis: argument.Thesis{Base: argument.DefaultBase}}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, nil, err
		}
		var raw struct {
			Debate *struct {
				ID, Title, Question string
				Thesis              struct {
					ID, Claim string
					Base      *float64
				}
				Categories []string
				Sources    []struct{ ID, Title, Subtitle, Author, Publication, Date, URL string }
			}
			Profiles map[string]struct {
				Description string
				Weights     map[string]float64
			}
			Arguments []struct {
				ID, Side, Category, Title, Claim, Reasoning, Note string
				Strength                                          float64
				Supports, Attacks, Tags                           []string
				Quotes, Evidence                                  []struct{ Source, Text string }
			}
		}
		if err := yaml.Unmarshal(data, &raw); err != nil {
			return nil, []Problem{{Pos: argument.Pos{File: name, Line: 1, Column: 1}, Severity: Error, Message: err.Error()}}, &LoadError{}
		}
		if raw.Debate != nil {
			rd := raw.Debate
			d.Version, d.ID, d.Title, d.Question = 1, rd.ID, rd.Title, rd.Question
			d.Thesis = argument.Thesis{ID: rd.Thesis.ID, Claim: rd.Thesis.Claim, Base: argument.DefaultBase}
			if rd.Thesis.Base != nil {
				d.Thesis.Base = *rd.Thesis.Base
			}
			if len(rd.Categories) > 0 {
				d.Categories = rd.Categories
			}
			for _, s := range rd.Sources {
				d.Sources = append(d.Sources, argument.Source{ID: s.ID, Title: s.Title, Subtitle: s.Subtitle, Author: s.Author, Publication: s.Publication, Date: s.Date, URL: s.URL})
			}
		}
		names := make([]string, 0, len(raw.Profiles))
		for n := range raw.Profiles {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			p := raw.Profiles[n]
			d.Profiles = append(d.Profiles, argument.Profile{Name: n, Description: p.Description, Weights: p.Weights})
		}
		for _, a := range raw.Arguments {
			arg := &argument.Argument{ID: a.ID, Side: argument.Side(a.Side), Category: a.Category, Title: a.Title, Claim: a.Claim,
				Reasoning: a.Reasoning, Note: a.Note, Strength: a.Strength, Supports: a.Supports, Attacks: a.Attacks, Tags: a.Tags,
				Pos: argument.Pos{File: name, Line: 1, Column: 1}}
			for _, q := range a.Quotes {
				arg.Quotes = append(arg.Quotes, argument.Passage{Source: q.Source, Text: q.Text})
			}
			for _, q := range a.Evidence {
				arg.Evidence = append(arg.Evidence, argument.Passage{Source: q.Source, Text: q.Text})
			}
			d.Arguments = append(d.Arguments, arg)
		}
	}
	return d, nil, nil
}
