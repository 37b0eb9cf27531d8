package export

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
)

// hostileProblems are problems whose file names and messages carry what could start a
// workflow command or break its properties.
var hostileProblems = []corpus.Problem{
	{Pos: argument.Pos{File: "c/a,b:c.yaml", Line: 3, Column: 5}, End: argument.Pos{Line: 3, Column: 9},
		Severity: argument.Error, Rule: "dangling-ref", Message: "unknown id \"x\"\n::error::forged 100%"},
	{Pos: argument.Pos{File: "c/evil\n::warning::x.yaml", Line: 1, Column: 1}, Severity: argument.Warning, Rule: "no-quote", Message: "no quote\r\nhere"},
	{Pos: argument.Pos{File: "c"}, Severity: argument.Error, Rule: "no-debate", Message: "the corpus has no debate"},
}

func identity(s string) string { return s }

func TestGitHubAnnotations(t *testing.T) {
	var b bytes.Buffer
	if err := GitHubAnnotations(&b, hostileProblems, identity); err != nil {
		t.Fatal(err)
	}
	want := `::error file=c/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,title=argmap dangling-ref::unknown id "x"\x0a::error::forged 100%25
::warning file=c/evil\x0a%3A%3Awarning%3A%3Ax.yaml,line=1,col=1,title=argmap no-quote::no quote\x0d\x0ahere
::error file=c,title=argmap no-debate::the corpus has no debate
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The runner reads a command only at the start of a line: there must be exactly one per
	// problem, and no other line.
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(hostileProblems) {
		t.Errorf("%d lines for %d problems: a newline got through", len(lines), len(hostileProblems))
	}
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	const schemaPath = "testdata/sarif/sarif-2.1.0-rtm.5.json"
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaPath, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	problems := append(hostileProblems, corpus.Problem{Severity: argument.Warning, Message: "stopped after 1000 problems", Omitted: 12})
	var b bytes.Buffer
	if err := SARIF(&b, problems, corpus.Rules(), "v1.2.3", identity); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("the SARIF log does not validate: %v\n%s", err, b.String())
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex *int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != len(problems) {
		t.Fatalf("%d results for %d problems", len(run.Results), len(problems))
	}
	first := run.Results[0]
	if first.RuleID != "dangling-ref" || first.RuleIndex == nil || run.Tool.Driver.Rules[*first.RuleIndex].ID != "dangling-ref" {
		t.Errorf("result 0 rule = %q at %v, want dangling-ref indexing its rule", first.RuleID, first.RuleIndex)
	}
	loc := first.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "c/a,b%3Ac.yaml" || loc.Region == nil || *loc.Region != (struct{ StartLine, StartColumn, EndLine, EndColumn int }{3, 5, 3, 9}) {
		t.Errorf("result 0 location = %+v", loc)
	}
	if got := run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "c/evil%0A%3A%3Awarning%3A%3Ax.yaml" {
		t.Errorf("a hostile file name's URI = %q", got)
	}
	if run.Results[2].Locations[0].PhysicalLocation.Region != nil {
		t.Error("a problem with no line has a region")
	}
}
