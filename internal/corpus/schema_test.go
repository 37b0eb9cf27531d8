package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/arguments"
)

const schemaFile = "argmap.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := fs.ReadFile(arguments.FS, schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaFile, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// toJSON turns a YAML document into the value an editor's YAML 1.2 language server checks
// against the schema. ok is false for what JSON cannot hold: aliases, keys that are not text,
// duplicate keys.
func toJSON(n *yaml.Node) (any, bool) {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return nil, false
			}
			if _, dup := m[k.Value]; dup {
				return nil, false
			}
			v, ok := toJSON(n.Content[i+1])
			if !ok {
				return nil, false
			}
			m[k.Value] = v
		}
		return m, true
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			v, ok := toJSON(c)
			if !ok {
				return nil, false
			}
			s = append(s, v)
		}
		return s, true
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, true
		case "!!bool":
			return n.Value == "true", true
		case "!!int", "!!float":
			x, ok := number(n)
			if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
				return "not a JSON number: " + n.Value, true
			}
			return json.Number(strconv.FormatFloat(x, 'g', -1, 64)), true
		}
		return n.Value, true
	}
	return nil, false
}

func parseYAML(t *testing.T, data []byte) (*yaml.Node, bool) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, false
	}
	return doc.Content[0], true
}

// The built-in corpus passes the schema, file by file.
func TestSchemaAcceptsBuiltinCorpus(t *testing.T) {
	sch := compileSchema(t)
	files, _ := fs.Glob(arguments.FS, "*.yaml")
	if len(files) == 0 {
		t.Fatal("no built-in corpus files")
	}
	for _, name := range files {
		data, _ := fs.ReadFile(arguments.FS, name)
		n, ok := parseYAML(t, data)
		if !ok {
			t.Errorf("%s: cannot parse", name)
			continue
		}
		v, ok := toJSON(n)
		if !ok {
			t.Errorf("%s: not JSON", name)
			continue
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The schema and the loader's key tables name the same keys, required keys, enums and limits.
func TestSchemaMatchesLoaderTables(t *testing.T) {
	data, err := fs.ReadFile(arguments.FS, schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	defs := root["$defs"].(map[string]any)
	objects := map[string]struct {
		schema map[string]any
		shape  *shape
	}{
		"file":     {root, fileShape},
		"debate":   {defs["debate"].(map[string]any), debateShape},
		"thesis":   {defs["thesis"].(map[string]any), thesisShape},
		"source":   {defs["source"].(map[string]any), sourceShape},
		"profile":  {defs["profile"].(map[string]any), profileShape},
		"argument": {defs["argument"].(map[string]any), argumentShape},
		"quote":    {defs["passage"].(map[string]any), quoteShape},
		"evidence": {defs["passage"].(map[string]any), evidenceShape},
		"relation": {defs["relation"].(map[string]any), relationShape},
	}
	for name, o := range objects {
		var keys []string
		for k := range o.schema["properties"].(map[string]any) {
			keys = append(keys, k)
		}
		var required []string
		for _, r := range asList(o.schema["required"]) {
			required = append(required, r.(string))
		}
		if !sameSet(keys, o.shape.keys) {
			t.Errorf("%s: schema keys %v, loader keys %v", name, keys, o.shape.keys)
		}
		if !sameSet(required, o.shape.required) {
			t.Errorf("%s: schema requires %v, loader requires %v", name, required, o.shape.required)
		}
		if o.schema["additionalProperties"] != false {
			t.Errorf("%s: the schema allows unknown keys; the loader does not", name)
		}
	}
	// The debate's file must name the format version.
	if dep := asList(root["dependentRequired"].(map[string]any)["debate"]); len(dep) != 1 || dep[0] != "argmap" {
		t.Errorf("schema: debate does not require argmap")
	}
	if v := root["properties"].(map[string]any)["argmap"].(map[string]any)["const"]; v != float64(Version) {
		t.Errorf("schema: argmap const %v, loader reads %d", v, Version)
	}
	side := defs["argument"].(map[string]any)["properties"].(map[string]any)["side"].(map[string]any)
	var enum []string
	for _, s := range asList(side["enum"]) {
		enum = append(enum, s.(string))
	}
	if !slices.Equal(enum, sides) {
		t.Errorf("schema: side enum %v, loader %v", enum, sides)
	}
	id := defs["id"].(map[string]any)
	if id["pattern"] != idPattern || id["maxLength"] != float64(MaxIDLength) {
		t.Errorf("schema: id %v, loader %s at most %d", id, idPattern, MaxIDLength)
	}
	basis := defs["relation"].(map[string]any)["properties"].(map[string]any)["basis"].(map[string]any)
	var benum []string
	for _, b := range asList(basis["enum"]) {
		benum = append(benum, b.(string))
	}
	if !slices.Equal(benum, bases) {
		t.Errorf("schema: basis enum %v, loader %v", benum, bases)
	}
	title := defs["argument"].(map[string]any)["properties"].(map[string]any)["title"].(map[string]any)
	if title["maxLength"] != float64(MaxTitleLength) {
		t.Errorf("schema: title at most %v, loader %d", title["maxLength"], MaxTitleLength)
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// acrossFiles are the loader's cases the schema cannot see, as it checks one file alone and
// knows neither ids nor categories: every other rejected case must be rejected by both.
var acrossFiles = []string{
	"unknown id", "unknown id, near", "argument with the thesis id", "duplicate source",
	"self relation", "supports and attacks", "unknown category", "own categories",
	"unknown source", "unknown source in evidence", "profile unknown category",
	"profile all zero", "no debate", "relation unknown source", "relation unknown target",
}

// The table of bad inputs through both: the schema never rejects a file the loader takes,
// and rejects every file the loader rejects for what is in the file itself.
func TestSchemaAgreesWithLoader(t *testing.T) {
	sch := compileSchema(t)
	checked := 0
	for _, tc := range loadCases {
		if strings.HasPrefix(tc.src, "-- ") {
			continue
		}
		n, ok := parseYAML(t, []byte(tc.src))
		if !ok {
			continue // not YAML, or not one document: no schema sees it
		}
		v, ok := toJSON(n)
		if !ok {
			continue
		}
		checked++
		schemaErr := sch.Validate(v)
		_, problems, _ := Load(corpusFS(tc.src), ".")
		nerr, _ := Count(problems)
		switch {
		case schemaErr != nil && nerr == 0:
			t.Errorf("%s: the schema rejects what the loader takes: %v", tc.name, schemaErr)
		case schemaErr == nil && nerr > 0 && !slices.Contains(acrossFiles, tc.name):
			t.Errorf("%s: the schema takes what the loader rejects: %q", tc.name, problemStrings(problems))
		case schemaErr != nil && slices.Contains(acrossFiles, tc.name):
			t.Errorf("%s: listed as beyond the schema, but the schema rejects it: %v", tc.name, schemaErr)
		}
	}
	if checked < 40 {
		t.Errorf("only %d cases reached the schema", checked)
	}
}

// TestReadmeListsRules holds the README's table of rules to Rules: every id, its severity and
// its meaning, in order.
func TestReadmeListsRules(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, r := range Rules() {
		fmt.Fprintf(&want, "| `%s` | %s | %s |\n", r.ID, r.Severity, r.Meaning)
	}
	if !strings.Contains(string(data), "|---|---|---|\n"+want.String()) {
		t.Errorf("README.md's table of rules is not Rules(); it should read\n%s", want.String())
	}
}
