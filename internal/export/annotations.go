package export

import (
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/wire"
)

// GitHubAnnotations writes each problem as a GitHub Actions workflow command, one a line:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=argmap RULE::message
//
// so that the runner shows it on that line of the pull request. path maps a problem's file to
// the path GitHub knows it by (relative to the repository root). Text is escaped as the runner
// requires: %, CR and LF in the message; those and ':' and ',' in properties. A message is
// first made one inert line (safetext.Line), so a claim holding "::error::" or a newline cannot
// start a workflow command of its own.
func GitHubAnnotations(w io.Writer, problems []corpus.Problem, path func(string) string) error {
	bw := newWriter(w)
	for _, p := range problems {
		level := "warning"
		if p.Severity == argument.Error {
			level = "error"
		}
		bw.WriteString("::" + level + " ")
		var props []string
		if p.Pos.File != "" {
			props = append(props, "file="+githubProperty(path(p.Pos.File)))
		}
		if p.Pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(p.Pos.Line))
			if p.Pos.Column > 0 {
				props = append(props, "col="+strconv.Itoa(p.Pos.Column))
			}
			if p.End.Line > 0 {
				props = append(props, "endLine="+strconv.Itoa(p.End.Line))
				if p.End.Column > 0 {
					props = append(props, "endColumn="+strconv.Itoa(p.End.Column))
				}
			}
		}
		title := "argmap"
		if p.Rule != "" {
			title += " " + string(p.Rule)
		}
		props = append(props, "title="+githubProperty(title))
		bw.WriteString(strings.Join(props, ","))
		bw.WriteString("::")
		bw.WriteString(githubData(safetext.Line(p.Message)))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// githubData escapes a workflow command's message, as @actions/core's escapeData does.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a workflow command's property value, as escapeProperty does. The
// value is made one inert line first: a file name is as untrusted as the corpus text.
func githubProperty(s string) string {
	return githubPropertyReplacer.Replace(safetext.Line(s))
}

var githubPropertyReplacer = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

// SARIF writes the problems as a SARIF 2.1.0 log with one run, for code scanning: the tool
// (argmap, with every rule it has, warnings and errors), and one result per problem at its
// file (relative to the repository root, through path) and region. version is argmap's.
func SARIF(w io.Writer, problems []corpus.Problem, rules []argument.RuleInfo, version string, path func(string) string) error {
	index := map[argument.Rule]int{}
	driver := sarifDriver{Name: "argmap", Version: version, Rules: []sarifRule{}}
	for i, r := range rules {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID: string(r.ID), ShortDescription: sarifText{Text: r.Meaning},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		})
	}
	results := []sarifResult{}
	for _, p := range problems {
		if p.Omitted > 0 {
			// The line that stands for problems not listed is about the list, not a place.
			results = append(results, sarifResult{Level: "note", Message: sarifText{Text: safetext.Line(p.Message)}})
			continue
		}
		res := sarifResult{Level: sarifLevel(p.Severity), Message: sarifText{Text: safetext.Line(p.Message)}}
		if p.Rule != "" {
			res.RuleID = string(p.Rule)
			if i, ok := index[p.Rule]; ok {
				res.RuleIndex = &i
			}
		}
		if p.Pos.File != "" {
			loc := sarifLocation{}
			loc.PhysicalLocation.ArtifactLocation = sarifArtifact{URI: sarifURI(path(p.Pos.File)), URIBaseID: "%SRCROOT%"}
			if p.Pos.Line > 0 {
				region := &sarifRegion{StartLine: p.Pos.Line, StartColumn: p.Pos.Column}
				if p.End.Line >= p.Pos.Line && p.End.Line > 0 {
					region.EndLine, region.EndColumn = p.End.Line, p.End.Column
				}
				loc.PhysicalLocation.Region = region
			}
			res.Locations = []sarifLocation{loc}
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}},
	}
	return wire.Data.Write(w, log)
}

func sarifLevel(s argument.Severity) string {
	if s == argument.Error {
		return "error"
	}
	return "warning"
}

// sarifURI writes a relative path as a URI reference: each segment percent-encoded where a URI
// needs it, the slashes kept.
func sarifURI(p string) string {
	segs := strings.Split(strings.ReplaceAll(p, "\\", "/"), "/")
	for i, s := range segs {
		segs[i] = uriSegment(s)
	}
	return strings.Join(segs, "/")
}

func uriSegment(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=@", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)>>4, 16)) + strings.ToUpper(strconv.FormatInt(int64(c)&15, 16)))
	}
	return b.String()
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name    string      `json:"name"`
	Version string      `json:"version,omitempty"`
	Rules   []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId,omitempty"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	} `json:"physicalLocation"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}
