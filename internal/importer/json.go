package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// DecodeJSON reads one JSON document of a format into v, placing a syntax or type error at its
// line and column in file. what names the format in messages ("AIF JSON").
func DecodeJSON(file string, data []byte, v any, what string) error {
	at := func(off int, format string, args ...any) error {
		line, col := lineCol(data, off)
		return &InputError{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(v)
	if err == nil {
		if _, err := dec.Token(); err != io.EOF {
			return at(int(dec.InputOffset()), "more after the end of the JSON document: the file should hold one %s document", what)
		}
		return nil
	}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return at(int(syntax.Offset)-1, "not JSON (%s): the file should be %s; check --from", syntax.Error(), what)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return at(int(typ.Offset)-1, "%s is a JSON %s where %s has %s: check the file is %s", field, typ.Value, what, jsonType(typ.Type.Kind().String()), what)
	case errors.Is(err, io.EOF):
		return at(0, "the file is empty: it should be %s", what)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return at(len(data), "the JSON ends early: the file is cut short; export it again")
	}
	return at(int(dec.InputOffset()), "%v: check the file is %s", err, what)
}

func jsonType(kind string) string {
	switch kind {
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "a list"
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	}
	return "a " + kind
}

// lineCol is the line and column (from 1; the column in bytes) of offset off in data.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}
