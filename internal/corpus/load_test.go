package corpus

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/argmap/argmap/internal/argument"
)

// head is a debate with one source; the arguments of a case follow from line 8.
const head = `argmap: 1
debate:
  id: d
  title: T
  question: Q?
  thesis: {id: t, claim: C}
  sources: [{id: s, title: S}]
`

// arg is a clean argument, to be changed by a case.
const arg = `arguments:
  - id: a
    side: pro
    category: moral
    title: A
    claim: C
    strength: 0.5
    supports: [t]
    quotes: [{source: s, text: q}]
`

// corpusFS makes a corpus from a txtar archive; a case with no file header is one file, a.yaml.
func corpusFS(src string) fstest.MapFS {
	fsys := fstest.MapFS{}
	if !strings.HasPrefix(src, "-- ") {
		fsys["a.yaml"] = &fstest.MapFile{Data: []byte(src)}
		return fsys
	}
	for _, f := range txtar.Parse([]byte(src)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func problemStrings(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// loadCases is one case per rule: a corpus and every problem it must produce, exactly.
var loadCases = []struct {
	name string
	src  string
	want []string
}{
	{"clean", head + arg, nil},
	{"clean, several files", "-- 00.yaml --\n" + head + "-- 10.yml --\n" + arg + "-- README.md --\nnot read\n-- .hidden.yaml --\nnot: [read\n", nil},
	{"bom and crlf", strings.ReplaceAll("\ufeff"+head+arg, "\n", "\r\n"), nil},
	{"a --- line at the start", "# the debate\n---\n" + head + arg, nil},
	{"tabs in text, quoted keys, old Mac line ends", strings.ReplaceAll(strings.Replace(strings.Replace(head+arg, "claim: C", "claim: C\tD", 1), "title:", "\"title\":", 1), "\n", "\r"), nil},
	// An argument yamlfast leaves to yaml/v4 is read on its own, its problems placed in the file.
	{"a tag in an argument", head + strings.Replace(arg, "side: pro", "side: !!str up", 1) + strings.NewReplacer("arguments:\n", "", "id: a", "id: b", "pro", "maybe").Replace(arg), []string{
		"a.yaml:10:11: error: side must be pro or con, not \"up\"",
		"a.yaml:18:11: error: side must be pro or con, not \"maybe\""}},

	// The files themselves.
	{"syntax error", head + "arguments: [a\n", []string{
		"a.yaml:9:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence: fix the syntax here (check indentation, quotes and brackets)"}},
	{"tab indentation", head + "arguments:\n\t- id: a\n", []string{
		"a.yaml:9:1: error: invalid YAML: found character that cannot start any token while scanning for the next token: fix the syntax here (check indentation, quotes and brackets)"}},
	{"two documents", head + "---\n" + arg, []string{
		"a.yaml:8:1: error: a second YAML document: a corpus file holds one document; remove the --- line and merge it, or move it to a file of its own"}},
	{"invalid utf-8", head + "arguments:\n  - id: a\n    title: caf\xe9\n", []string{
		"a.yaml:10:15: error: the file is not valid UTF-8 (byte 0xe9): save it as UTF-8"}},
	{"alias", head + strings.Replace(arg, "claim: C", "claim: &c C", 1) + "  - id: b\n    claim: *c\n", []string{
		"a.yaml:18:12: error: aliases are not allowed in a corpus: write the value out in full instead of *c"}},
	{"alias to no anchor", head + arg + "  - id: b\n    <<: *x\n", []string{
		"a.yaml:18:9: error: invalid YAML: unknown anchor 'x' referenced: fix the syntax here (check indentation, quotes and brackets)"}},
	{"top level a list", "- a\n", []string{
		"a.yaml:1:1: error: a corpus file must be a mapping with the keys argmap, debate, profiles, arguments; this one is a list"}},
	{"empty file beside a debate", "-- 00.yaml --\n" + head + arg + "-- 01.yaml --\n# nothing yet\n", nil},
	{"deep nesting", head + "arguments: " + strings.Repeat("[", 30) + strings.Repeat("]", 30) + "\n", []string{
		"a.yaml:8:32: error: nesting is deeper than 20 levels: a corpus needs at most 5; check the indentation and brackets"}},

	// Keys and types.
	{"unknown key", head + strings.Replace(arg, "strength:", "stregth:", 1), []string{
		"a.yaml:9:5: error: an argument has no strength: add its base strength, a number from 0 to 1",
		"a.yaml:14:5: error: unknown key \"stregth\" in an argument: did you mean \"strength\"?"}},
	{"unknown key, nothing near", head + arg + "colour: red\n", []string{
		"a.yaml:17:1: error: unknown key \"colour\" in a corpus file: the keys are argmap, debate, profiles, arguments"}},
	{"duplicate key", head + strings.Replace(arg, "    claim: C\n", "    claim: C\n    claim: D\n", 1), []string{
		"a.yaml:14:5: error: duplicate key \"claim\" (first at line 13): remove one of them"}},
	{"missing fields", head + "arguments:\n  - id: a\n    supports: [t]\n    quotes: [{source: s, text: q}]\n", []string{
		"a.yaml:9:5: error: an argument has no side: add side: pro or side: con",
		"a.yaml:9:5: error: an argument has no category: add the category it belongs to, one of the debate's categories",
		"a.yaml:9:5: error: an argument has no title: give it a short title",
		"a.yaml:9:5: error: an argument has no claim: add one sentence that states it",
		"a.yaml:9:5: error: an argument has no strength: add its base strength, a number from 0 to 1"}},
	{"text a number", head + strings.Replace(arg, "title: A", "title: 1984", 1), []string{
		"a.yaml:12:12: error: title must be text, not the number 1984: put it in quotes"}},
	{"text a list", head + strings.Replace(arg, "claim: C", "claim: [C]", 1), []string{
		"a.yaml:13:12: error: claim must be text, not a list"}},
	{"text empty", head + strings.Replace(arg, "claim: C", "claim: \"  \"", 1), []string{
		"a.yaml:13:12: error: claim is empty: add one sentence that states it"}},
	{"text null", head + strings.Replace(arg, "claim: C", "claim:", 1), []string{
		"a.yaml:13:11: error: claim is empty: add one sentence that states it"}},
	{"optional text null", head + arg + "    note:\n", []string{
		"a.yaml:17:10: error: note has no value: write one or remove the key"}},
	{"title too long", head + strings.Replace(arg, "title: A", "title: "+strings.Repeat("é", 81), 1), []string{
		"a.yaml:12:12: error: title is 81 characters long: keep it to 80 and put the rest in claim or reasoning"}},
	{"list a scalar", head + strings.Replace(arg, "supports: [t]", "supports: t", 1), []string{
		"a.yaml:15:15: error: supports must be a list of ids, not the text \"t\": write [t]"}},
	{"list null", head + strings.Replace(arg, "supports: [t]", "supports:", 1), []string{
		"a.yaml:15:14: error: supports has no value: write [] or remove the key"}},
	{"mapping a list", head + "profiles: [even]\n" + arg, []string{
		"a.yaml:8:11: error: profiles must be a mapping of keys to values, not a list"}},
	{"argument a scalar", head + "arguments: [a]\n", []string{
		"a.yaml:8:13: error: an argument must be a mapping of keys to values, not the text \"a\""}},
	{"key a list", head + arg + "  - [a]: b\n", []string{
		"a.yaml:17:5: error: a key in an argument must be text, not a list: use one of id, side, category, title, claim, reasoning, strength, supports, attacks, quotes, evidence, tags, note",
		"a.yaml:17:5: error: an argument has no id: give it a unique lower-case id, like drain-manpower",
		"a.yaml:17:5: error: an argument has no side: add side: pro or side: con",
		"a.yaml:17:5: error: an argument has no category: add the category it belongs to, one of the debate's categories",
		"a.yaml:17:5: error: an argument has no title: give it a short title",
		"a.yaml:17:5: error: an argument has no claim: add one sentence that states it",
		"a.yaml:17:5: error: an argument has no strength: add its base strength, a number from 0 to 1"}},

	// Numbers.
	{"strength nan", head + strings.Replace(arg, "strength: 0.5", "strength: .nan", 1), []string{
		"a.yaml:14:15: error: strength must be a number from 0 to 1, not .nan"}},
	{"strength inf", head + strings.Replace(arg, "strength: 0.5", "strength: .inf", 1), []string{
		"a.yaml:14:15: error: strength must be a number from 0 to 1, not .inf"}},
	{"strength negative", head + strings.Replace(arg, "strength: 0.5", "strength: -1", 1), []string{
		"a.yaml:14:15: error: strength must be a number from 0 to 1, not -1"}},
	{"strength above 1", head + strings.Replace(arg, "strength: 0.5", "strength: 1.5", 1), []string{
		"a.yaml:14:15: error: strength must be a number from 0 to 1, not 1.5"}},
	{"strength text", head + strings.Replace(arg, "strength: 0.5", "strength: \"0.5\"", 1), []string{
		"a.yaml:14:15: error: strength must be a number from 0 to 1, not the text \"0.5\""}},
	{"strength integer", head + strings.Replace(arg, "strength: 0.5", "strength: 1", 1), nil},
	{"base out of range", strings.Replace(head, "claim: C}", "claim: C, base: 2}", 1) + arg, []string{
		"a.yaml:6:35: error: base must be a number from 0 to 1, not 2"}},
	{"version wrong", strings.Replace(head, "argmap: 1", "argmap: 2", 1) + arg, []string{
		"a.yaml:1:9: error: argmap 2 is a format version this argmap does not read: it reads version 1"}},
	{"version text", strings.Replace(head, "argmap: 1", "argmap: one", 1) + arg, []string{
		"a.yaml:1:9: error: argmap must be the format version 1, not the text \"one\""}},
	{"version missing", strings.Replace(head, "argmap: 1\n", "", 1) + "\n" + arg, []string{
		"a.yaml:1:1: error: the file with the debate must say argmap: 1 (the format version): add it above debate"}},

	// Ids.
	{"id no", head + strings.Replace(arg, "id: a", "id: no", 1), nil},
	{"id hex", head + strings.Replace(arg, "id: a", "id: 0x1F", 1), []string{
		"a.yaml:9:9: error: id \"0x1F\" is not a valid id: use lower-case letters, digits and single hyphens, like drain-manpower (at most 64 characters)"}},
	{"id number", head + strings.Replace(arg, "id: a", "id: 12", 1), []string{
		"a.yaml:9:9: error: id must be text, not the number 12: put it in quotes"}},
	{"id list", head + strings.Replace(arg, "id: a", "id: [a]", 1), []string{
		"a.yaml:9:9: error: id must be text, not a list"}},
	{"id too long", head + strings.Replace(arg, "id: a", "id: "+strings.Repeat("a", 65), 1), []string{
		"a.yaml:9:9: error: id \"" + strings.Repeat("a", 60) + "…\" is not a valid id: use lower-case letters, digits and single hyphens, like drain-manpower (at most 64 characters)"}},
	{"id with control character", head + strings.Replace(arg, "id: a", "id: \"a\\x1b[31m\"", 1), []string{
		"a.yaml:9:9: error: id \"a\\x1b[31m\" is not a valid id: use lower-case letters, digits and single hyphens, like drain-manpower (at most 64 characters)"}},
	{"duplicate id across files", "-- 00.yaml --\n" + head + arg + "-- 01.yaml --\n" + arg, []string{
		"01.yaml:2:9: error: duplicate id \"a\": an argument at 00.yaml:9:9 has it already; give each argument its own id"}},
	{"argument with the thesis id", head + strings.Replace(arg, "id: a", "id: t", 1), []string{
		"a.yaml:9:9: error: duplicate id \"t\": the thesis at line 6 has it already; give each argument its own id",
		"a.yaml:15:16: error: argument t supports itself: remove t from supports"}},
	{"duplicate source", strings.Replace(head, "title: S}]", "title: S}, {id: s, title: S2}]", 1) + arg, []string{
		"a.yaml:7:37: error: duplicate source id \"s\" (first at column 18): give each source its own id"}},

	// Relations.
	{"unknown id", head + strings.Replace(arg, "supports: [t]", "supports: [tt]", 1), []string{
		"a.yaml:15:16: error: unknown id \"tt\" in supports: no argument or thesis has it; check the spelling, or add the argument"}},
	{"malformed target", head + strings.Replace(arg, "supports: [t]", "supports: [T]", 1), []string{
		"a.yaml:15:16: error: the id \"T\" is not a valid id: use lower-case letters, digits and single hyphens, like grant-asylum (at most 64 characters)"}},
	{"self relation", head + strings.Replace(arg, "supports: [t]", "supports: [t]\n    attacks: [a]", 1), []string{
		"a.yaml:16:15: error: argument a attacks itself: remove a from attacks"}},
	{"relation unknown basis", head + strings.Replace(arg, "supports: [t]", "supports: [{to: t, basis: implied, note: n}]", 1), []string{
		"a.yaml:15:31: error: unknown basis \"implied\" in supports: use stated (the source makes the link; give its quote) or inferred (the curators' reading; say why in note)"}},
	{"relation stated without quote", head + strings.Replace(arg, "supports: [t]", "supports: [{to: t, basis: stated}]", 1), []string{
		"a.yaml:15:31: error: relation to t is stated but has no quote: add quote: with the source's sentence that makes the link, or make it basis: inferred with a note"}},
	{"relation inferred without note", head + strings.Replace(arg, "supports: [t]", "supports: [{to: t, basis: inferred}]", 1), []string{
		"a.yaml:15:31: error: relation to t is inferred but has no note: say in note: why the link is read into the source"}},
	{"relation without to", head + strings.Replace(arg, "supports: [t]", "supports: [{basis: inferred, note: n}]", 1), []string{
		"a.yaml:15:16: error: a relation has no to: add the id of the argument or thesis it supports or attacks"}},
	{"relation unknown key", head + strings.Replace(arg, "supports: [t]", "supports: [{to: t, basis: inferred, note: n, why: w}]", 1), []string{
		"a.yaml:15:50: error: unknown key \"why\" in a relation: the keys are to, basis, quote, source, note"}},
	{"relation unknown source", head + strings.Replace(arg, "supports: [t]", "supports: [{to: t, basis: stated, quote: q, source: z}]", 1), []string{
		"a.yaml:15:57: error: unknown source \"z\" in the quote of a relation: use one of s, or add it to debate.sources"}},
	{"relation unknown target", head + strings.Replace(arg, "supports: [t]", "supports: [{to: x, basis: inferred, note: n}]", 1), []string{
		"a.yaml:15:21: error: unknown id \"x\" in supports: no argument or thesis has it; check the spelling, or add the argument"}},
	{"duplicate relation", head + strings.Replace(arg, "supports: [t]", "supports: [t, t]", 1), []string{
		"a.yaml:15:19: error: argument a supports t twice (first at column 16): remove one"}},
	{"supports and attacks", head + strings.Replace(arg, "supports: [t]", "supports: [t]\n    attacks: [t]", 1), []string{
		"a.yaml:16:15: error: argument a both supports and attacks t: keep the one that is meant"}},

	// Categories, sources, sides.
	{"unknown id, near", head + strings.Replace(arg, "supports: [t]", "supports: [drain-manpowr]", 1) + "  - {id: drain-manpower, side: pro, category: moral, title: D, claim: C, strength: 1, supports: [t], quotes: [{source: s, text: q}]}\n", []string{
		"a.yaml:15:16: error: unknown id \"drain-manpowr\" in supports: no argument or thesis has it; did you mean \"drain-manpower\"?"}},
	{"unknown category", head + strings.Replace(arg, "category: moral", "category: morale", 1), []string{
		"a.yaml:11:15: error: unknown category \"morale\": did you mean \"moral\"? (the categories are moral, strategic, political)"}},
	{"own categories", strings.Replace(head, "  sources:", "  categories: [economic]\n  sources:", 1) + arg, []string{
		"a.yaml:12:15: error: unknown category \"moral\": use one of economic, or add it to debate.categories"}},
	{"duplicate category", strings.Replace(head, "  sources:", "  categories: [moral, moral]\n  sources:", 1) + arg, []string{
		"a.yaml:7:23: error: category \"moral\" is listed twice (first at column 16): remove one"}},
	{"no categories", strings.Replace(head, "  sources:", "  categories: []\n  sources:", 1) + arg, []string{
		"a.yaml:7:15: error: categories is empty: list at least one, or remove the key for the default moral, strategic, political"}},
	{"unknown source", head + strings.Replace(arg, "source: s,", "source: x,", 1), []string{
		"a.yaml:16:23: error: unknown source \"x\" in quotes: use one of s, or add it to debate.sources"}},
	{"unknown source in evidence", head + arg + "    evidence: [{source: catoggio, text: e}]\n", []string{
		"a.yaml:17:25: error: unknown source \"catoggio\" in evidence: use one of s, or add it to debate.sources"}},
	{"passage without text", head + strings.Replace(arg, ", text: q}", "}", 1), []string{
		"a.yaml:16:14: error: a quote has no text: add the passage itself"}},
	{"side", head + strings.Replace(arg, "side: pro", "side: maybe", 1), []string{
		"a.yaml:10:11: error: side must be pro or con, not \"maybe\""}},
	{"side bool", head + strings.Replace(arg, "side: pro", "side: true", 1), []string{
		"a.yaml:10:11: error: side must be text, not true or false (true): put it in quotes"}},

	// Tags.
	{"bad tag", head + arg + "    tags: [Man Power]\n", []string{
		"a.yaml:17:12: error: tag \"Man Power\" is not a valid id: use lower-case letters, digits and single hyphens, like manpower (at most 64 characters)"}},
	{"duplicate tag", head + arg + "    tags: [x, x]\n", []string{
		"a.yaml:17:15: error: tag \"x\" is listed twice (first at column 12): remove one"}},

	// Profiles.
	{"profile clean", head + "profiles:\n  even: {description: Even., weights: {moral: 1, strategic: 1, political: 1}}\n" + arg, nil},
	{"profile unknown category", head + "profiles:\n  p: {weights: {moral: 1, money: 2}}\n" + arg, []string{
		"a.yaml:9:27: error: unknown category \"money\" in the weights of profile p: use one of moral, strategic, political, or add it to debate.categories"}},
	{"profile negative", head + "profiles:\n  p: {weights: {moral: -1, strategic: 1}}\n" + arg, []string{
		"a.yaml:9:24: error: the weight of moral must be a finite number of 0 or more, not -1"}},
	{"profile infinite", head + "profiles:\n  p: {weights: {moral: .inf}}\n" + arg, []string{
		"a.yaml:9:24: error: the weight of moral must be a finite number of 0 or more, not .inf"}},
	{"profile text weight", head + "profiles:\n  p: {weights: {moral: high}}\n" + arg, []string{
		"a.yaml:9:24: error: the weight of moral must be a number of 0 or more, not the text \"high\""}},
	{"profile all zero", head + "profiles:\n  p: {weights: {moral: 0, strategic: 0}}\n" + arg, []string{
		"a.yaml:9:3: error: profile p gives no category a weight above 0: give at least one a positive weight"}},
	{"profile without weights", head + "profiles:\n  p: {description: x}\n" + arg, []string{
		"a.yaml:9:6: error: a profile has no weights: add the weight of each category, like {moral: 1, strategic: 1, political: 1}"}},
	{"profile bad name", head + "profiles:\n  Even: {weights: {moral: 1}}\n" + arg, []string{
		"a.yaml:9:3: error: profile name \"Even\" is not a valid id: use lower-case letters, digits and single hyphens, like even (at most 64 characters)"}},
	{"duplicate profile across files", "-- 00.yaml --\n" + head + "profiles:\n  p: {weights: {moral: 1}}\n" + arg + "-- 01.yaml --\nprofiles:\n  p: {weights: {moral: 2}}\n", []string{
		"01.yaml:2:3: error: duplicate profile \"p\" (first at 00.yaml:9:3): rename one of them"}},
	{"duplicate weight", head + "profiles:\n  p: {weights: {moral: 1, moral: 2}}\n" + arg, []string{
		"a.yaml:9:27: error: duplicate key \"moral\" (first at column 17): remove one of them"}},

	// The debate.
	{"no debate", arg, []string{
		".: error: the corpus has no debate: add a top-level debate: with id, title, question and thesis to one of its files"}},
	{"two debates", "-- 00.yaml --\n" + head + arg + "-- 01.yaml --\n" + head, []string{
		"01.yaml:2:1: error: a second debate (the first is at 00.yaml:2:1): a corpus holds exactly one; remove one of them"}},
	{"debate incomplete", "argmap: 1\ndebate:\n  id: d\n", []string{
		"a.yaml:3:3: error: the debate has no title: give it a short title",
		"a.yaml:3:3: error: the debate has no question: add the question the debate answers",
		"a.yaml:3:3: error: the debate has no thesis: add the thesis with its id and claim"}},
	{"thesis incomplete", strings.Replace(head, "{id: t, claim: C}", "{claim: C}", 1) + arg, []string{
		"a.yaml:6:11: error: the thesis has no id: give it a unique lower-case id, like drain-manpower",
		"a.yaml:15:16: error: unknown id \"t\" in supports: no argument or thesis has it; check the spelling, or add the argument"}},

	// Warnings.
	{"no relation", head + strings.Replace(arg, "    supports: [t]\n", "", 1), []string{
		"a.yaml:9:5: warning: argument a supports and attacks nothing, so it counts for nothing: add supports: [...] or attacks: [...]"}},
	{"no quote", head + strings.Replace(arg, "    quotes: [{source: s, text: q}]\n", "", 1), []string{
		"a.yaml:9:5: warning: argument a has no quote: add a verbatim passage from a source under quotes"}},
	{"pro attacks thesis", head + strings.Replace(arg, "supports: [t]", "attacks: [t]", 1), []string{
		"a.yaml:15:15: warning: pro argument a attacks the thesis, which is on its side: make it con, or make the relation supports"}},
	{"con supports thesis", head + strings.Replace(arg, "side: pro", "side: con", 1), []string{
		"a.yaml:15:16: warning: con argument a supports the thesis, which is on the other side: make it pro, or make the relation attacks"}},
	{"pro supports con", head + arg + "  - {id: b, side: con, category: moral, title: B, claim: C, strength: 1, attacks: [t], quotes: [{source: s, text: q}]}\n  - {id: c, side: pro, category: moral, title: C, claim: C, strength: 1, supports: [b], quotes: [{source: s, text: q}]}\n", []string{
		"a.yaml:18:85: warning: pro argument c supports the con argument b, which is on the other side: make it con, or make the relation attacks"}},
	{"con attacks con", head + arg + "  - {id: b, side: con, category: moral, title: B, claim: C, strength: 1, attacks: [t], quotes: [{source: s, text: q}]}\n  - {id: c, side: con, category: moral, title: C, claim: C, strength: 1, attacks: [b], quotes: [{source: s, text: q}]}\n", []string{
		"a.yaml:18:84: warning: con argument c attacks the con argument b, which is on its side: make it pro, or make the relation supports"}},
	{"cycle", head + arg + "  - {id: b, side: pro, category: moral, title: B, claim: C, strength: 1, supports: [c], quotes: [{source: s, text: q}]}\n  - {id: c, side: pro, category: moral, title: C, claim: C, strength: 1, supports: [b], quotes: [{source: s, text: q}]}\n", []string{
		"a.yaml:17:5: warning: b and c form a cycle of relations: scoring handles it, but check each relation is meant"}},
}

func TestLoad(t *testing.T) {
	for _, tc := range loadCases {
		t.Run(tc.name, func(t *testing.T) {
			d, problems, err := Load(corpusFS(tc.src), ".")
			got := problemStrings(problems)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n got: %q\nwant: %q", got, tc.want)
			}
			nerr, _ := Count(problems)
			var le *LoadError
			switch {
			case nerr > 0 && !errors.As(err, &le):
				t.Errorf("err = %v, want a *LoadError", err)
			case nerr == 0 && err != nil:
				t.Errorf("err = %v, want nil", err)
			case nerr == 0 && d == nil:
				t.Errorf("no debate returned for a clean corpus")
			}
		})
	}
}

func TestLoadErrorMessage(t *testing.T) {
	_, _, err := Load(corpusFS(head+strings.Replace(arg, "side: pro", "side: up", 1)+"    tags: [x, x]\n"), ".")
	want := "the corpus has 2 errors; fix them and run 'argmap validate' again\n" +
		"a.yaml:10:11: error: side must be pro or con, not \"up\"\n" +
		"a.yaml:17:15: error: tag \"x\" is listed twice (first at column 12): remove one"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	_, _, err = Load(corpusFS(head+strings.Replace(arg, "side: pro", "side: up", 1)), ".")
	if err == nil || !strings.HasPrefix(err.Error(), "the corpus has 1 error; fix it and") {
		t.Errorf("err = %v", err)
	}
}

// TestLoadGraph gives the graph the checks built, the one argument.NewGraph builds, and no
// graph with an error.
func TestLoadGraph(t *testing.T) {
	fsys := fstest.MapFS{"a.yaml": {Data: []byte(head + "arguments:\n" + `  - {id: a, side: pro, category: moral, title: A, claim: A., strength: 0.5, supports: [t], quotes: [{source: s, text: q}]}
  - {id: b, side: con, category: moral, title: B, claim: B., strength: 0.5, attacks: [a], quotes: [{source: s, text: q}]}
`)}}
	g, _, err := LoadGraph(fsys, ".", "")
	if err != nil {
		t.Fatal(err)
	}
	want := argument.NewGraph(g.Debate)
	if g.Len() != 3 || !slices.Equal(g.Relations(), want.Relations()) {
		t.Errorf("LoadGraph: %d nodes, relations %v; want 3 nodes, %v", g.Len(), g.Relations(), want.Relations())
	}
	broken := fstest.MapFS{"a.yaml": {Data: []byte(head + "arguments:\n  - {id: a, side: maybe}\n")}}
	if g, _, err := LoadGraph(broken, ".", ""); err == nil || g != nil {
		t.Errorf("LoadGraph of a broken corpus = %v, %v; want no graph and an error", g, err)
	}
}
