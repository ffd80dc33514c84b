package parser

// This file holds ParseJSON, the lenient JSON reader for the example request
// and response bodies and the annotations found in Microsoft Graph reference
// pages, and the tree of positioned values it gives. Those bodies are written
// by hand and a few percent of them are not valid JSON: they hold comments,
// "..." placeholders for elided members, trailing or missing commas,
// unquoted placeholder values and truncated endings. ParseJSON works in two
// steps: repairJSON (jsonrepair.go) turns the text into valid JSON, reporting
// every repair as a JSONIssue and recording where each key and value comes
// from, and github.com/tidwall/gjson reads the repaired text; the tree is
// built from gjson's results, located in the original text through their
// byte offsets (Result.Index).

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// JSONKind is the kind of a JSON value.
type JSONKind uint8

// The kinds of JSON values.
const (
	JSONNull JSONKind = iota
	JSONBool
	JSONNumber
	JSONString
	JSONArray
	JSONObject
)

// String returns the name of the kind as JSON Schema spells it: "null",
// "boolean", "number", "string", "array" or "object".
func (k JSONKind) String() string {
	switch k {
	case JSONNull:
		return "null"
	case JSONBool:
		return "boolean"
	case JSONNumber:
		return "number"
	case JSONString:
		return "string"
	case JSONArray:
		return "array"
	case JSONObject:
		return "object"
	}
	return "JSONKind(" + strconv.Itoa(int(k)) + ")"
}

// JSONValue is a parsed JSON value with its position (1-based line and column,
// counted in bytes, relative to the start of the parsed text).
//
// Only the fields that belong to Kind are set: Bool for JSONBool, Number for
// JSONNumber, String for JSONString, Elems for JSONArray and Members for
// JSONObject.
type JSONValue struct {
	Kind JSONKind
	Bool bool
	// Number is the literal text of a number, e.g. "1e400" or
	// "123456789012345678901234567890"; it is kept as text, never converted.
	Number string
	// String is the decoded string: escapes are resolved, and invalid
	// escapes, lone surrogates and invalid UTF-8 become U+FFFD (with an
	// issue). For an unquoted placeholder token ("json-bare-word") it is the
	// raw token text.
	String string
	// Elems are the elements of an array.
	Elems []*JSONValue
	// Members are the members of an object in source order. Duplicate keys
	// are kept (with an issue).
	Members []JSONMember
	// Line and Col locate the first byte of the value.
	Line, Col int
}

// JSONMember is one member of a JSON object. Line and Col locate its key.
type JSONMember struct {
	Key       string
	Line, Col int
	Value     *JSONValue
}

// Member returns the value of the last member named key, or nil if v is nil,
// is not an object or has no such member. The last member wins, as it does
// for encoding/json.
func (v *JSONValue) Member(key string) *JSONValue {
	if v == nil || v.Kind != JSONObject {
		return nil
	}
	for i := len(v.Members) - 1; i >= 0; i-- {
		if v.Members[i].Key == key {
			return v.Members[i].Value
		}
	}
	return nil
}

// JSONIssue is something the parser repaired or could not parse. Line and Col
// are 1-based and counted in bytes like the positions of a JSONValue; Code is
// one of the stable codes listed at ParseJSON.
type JSONIssue struct {
	Line, Col int
	Code      string
	Message   string
}

// jsonDefaultMaxDepth is the nesting limit used when ParseJSON is given a
// maxDepth below 1. It is the limit encoding/json enforces.
const jsonDefaultMaxDepth = 10000

// jsonDupScanLimit is the number of members up to which duplicate keys are
// found by scanning the members; larger objects use a map.
const jsonDupScanLimit = 16

// ParseJSON parses src leniently. maxDepth bounds nesting (arrays+objects);
// exceeding it is an error issue "json-too-deep" and v == nil. A maxDepth
// below 1 means the default of 10000, the limit of encoding/json. strict
// reports whether src was valid strict JSON (RFC 8259, exactly the texts
// json.Valid accepts). On an unrecoverable error v is nil, strict is false and
// issues says where.
//
// A strict input has no issues except three that flag lossy or surprising
// content which RFC 8259 still allows: "json-duplicate-key",
// "json-invalid-utf8" and "json-bad-escape" for a lone UTF-16 surrogate
// escape such as "\ud800". A leading UTF-8 byte order mark is skipped without
// an issue, but makes strict false. Lines end at LF, CR or CRLF.
//
// The repairs, each reported with the position of the offending text:
//
//   - "json-comment": a // or /* */ comment is skipped.
//   - "json-ellipsis": a ... or … placeholder is dropped: as an element it
//     drops the element, as a member ({"a": 1, ...}) it is skipped, as a
//     member value ("key": ...) it drops the member; {...} and [...] give an
//     empty object or array.
//   - "json-trailing-comma": a comma before ] or } is ignored.
//   - "json-unicode-space": white space JSON does not allow (U+00A0,
//     U+202F, U+FEFF, U+200B, ...) outside a string is skipped.
//   - "json-missing-comma": a missing comma between elements or members is
//     supplied.
//   - "json-single-quote": a single-quoted string is read as a string; in it
//     \' stands for a quote.
//   - "json-bare-word": an unquoted token in place of a value (<id>,
//     true | false, 2019-01-01, +1, .5, NaN, ...) is kept as a string
//     holding the raw token text, which runs to the next , ] } " or line
//     break, or to a comment or placeholder after white space. An unquoted
//     object key followed by a colon is kept the same way.
//   - "json-unterminated": at the end of input, an open string, array or
//     object is closed; an incomplete member (a key without a value) is
//     dropped. One issue is reported, at the end of input.
//   - "json-duplicate-key": both members are kept; Member returns the last.
//   - "json-bad-escape": an invalid escape, an invalid \u escape or a lone
//     surrogate escape becomes U+FFFD; an unescaped control character in a
//     string is kept as is.
//   - "json-invalid-utf8": each invalid byte in a string or bare word becomes
//     U+FFFD, as encoding/json does (one issue per string).
//   - "json-trailing-data": anything but white space and comments after the
//     top-level value is ignored.
//
// Unrecoverable errors, which make v nil: "json-syntax" (no value at all, a
// NUL byte outside a string, a missing value, colon or key, a mismatched
// bracket, and the like) and "json-too-deep".
//
// Issues are in source order. ParseJSON never panics and never recurses:
// the repair step (repairJSON) keeps its own stack, runs in time linear in
// len(src) and rejects nesting deeper than maxDepth, which is checked again
// on the repaired text before gjson reads it; the tree is then built from
// gjson's results with an explicit stack. gjson scans the text of each
// level again, so reading costs at most len(src) times the nesting depth.
func ParseJSON(src []byte, maxDepth int) (v *JSONValue, strict bool, issues []JSONIssue) {
	if maxDepth < 1 {
		maxDepth = jsonDefaultMaxDepth
	}
	r := repairJSON(src, maxDepth)
	if r.fatal {
		return nil, false, r.issues
	}
	// The repair enforces maxDepth; gjson's reading is only ever given text
	// that this check, on the repaired text itself, has bounded.
	if d := jsonNesting(r.out); d > maxDepth {
		return nil, false, append(r.issues, JSONIssue{Line: 1, Col: 1, Code: jsonCodeTooDeep,
			Message: fmt.Sprintf("repaired JSON nested %d deep, deeper than the limit of %d", d, maxDepth)})
	}
	v, issues = jsonRead(&r)
	return v, r.strict, issues
}

// jsonRead reads the repaired text of r with gjson into a tree of values
// located in the original text, and returns the tree and r's issues merged
// with the duplicate keys it finds, in source order. It walks the tree with
// its own stack; r.out must be valid JSON nested no deeper than the limit
// checked before.
func jsonRead(r *jsonRepair) (*JSONValue, []JSONIssue) {
	b := jsonReader{r: r}
	res := gjson.Parse(string(r.out))
	root := b.value(res)
	type open struct {
		res gjson.Result
		v   *JSONValue
	}
	var stack []open
	if root.Kind == JSONArray || root.Kind == JSONObject {
		stack = append(stack, open{res, root})
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var seen map[string]int // the keys of a large object, to their first member
		top.res.ForEach(func(key, val gjson.Result) bool {
			v := b.value(val)
			if top.v.Kind == JSONArray {
				top.v.Elems = append(top.v.Elems, v)
			} else {
				line, col := b.at(key.Index)
				seen = b.member(top.v, seen, JSONMember{Key: key.Str, Line: line, Col: col, Value: v})
			}
			if v.Kind == JSONArray || v.Kind == JSONObject {
				stack = append(stack, open{val, v})
			}
			return true
		})
	}
	return root, jsonMergeIssues(r.issues, b.dups)
}

// jsonReader builds the tree of one jsonRead call.
type jsonReader struct {
	r        *jsonRepair
	dups     []JSONIssue // duplicate keys, in the order found
	slab     []JSONValue // preallocated values handed out by value
	slabSize int
}

// at returns the position in the original text of the key or value at byte
// off of the repaired text (1:1 if the repair recorded none, which it
// always does).
func (b *jsonReader) at(off int) (line, col int) {
	if line, col, ok := b.r.at(off); ok {
		return line, col
	}
	return 1, 1
}

// value returns a new value for res, located in the original text, with an
// array or object left empty. Values are allocated in growing slabs to
// keep allocations few.
func (b *jsonReader) value(res gjson.Result) *JSONValue {
	if len(b.slab) == 0 {
		switch {
		case b.slabSize == 0:
			b.slabSize = 4
		case b.slabSize < 256:
			b.slabSize *= 2
		}
		b.slab = make([]JSONValue, b.slabSize)
	}
	v := &b.slab[0]
	b.slab = b.slab[1:]
	v.Line, v.Col = b.at(res.Index)
	switch res.Type {
	case gjson.Null:
		v.Kind = JSONNull
	case gjson.False:
		v.Kind = JSONBool
	case gjson.True:
		v.Kind, v.Bool = JSONBool, true
	case gjson.Number:
		v.Kind, v.Number = JSONNumber, res.Raw // the literal text, never converted
	case gjson.String:
		v.Kind, v.String = JSONString, res.Str
	default: // gjson.JSON
		v.Kind = JSONArray
		if res.Raw != "" && res.Raw[0] == '{' {
			v.Kind = JSONObject
		}
	}
	return v
}

// member appends m to the object obj, reporting a duplicate key. seen maps
// the keys of a large object to their first member index; member returns
// it, made once the object grows past jsonDupScanLimit members.
func (b *jsonReader) member(obj *JSONValue, seen map[string]int, m JSONMember) map[string]int {
	first := -1
	if seen != nil {
		if i, ok := seen[m.Key]; ok {
			first = i
		} else {
			seen[m.Key] = len(obj.Members)
		}
	} else {
		for i := range obj.Members {
			if obj.Members[i].Key == m.Key {
				first = i
				break
			}
		}
		if len(obj.Members)+1 >= jsonDupScanLimit {
			seen = make(map[string]int, 2*jsonDupScanLimit)
			for i := len(obj.Members) - 1; i >= 0; i-- {
				seen[obj.Members[i].Key] = i
			}
			if first < 0 {
				seen[m.Key] = len(obj.Members)
			}
		}
	}
	if first >= 0 {
		f := obj.Members[first]
		b.dups = append(b.dups, JSONIssue{Line: m.Line, Col: m.Col, Code: jsonCodeDuplicateKey,
			Message: fmt.Sprintf("duplicate key %s (first at %d:%d); the last one wins", strconv.Quote(m.Key), f.Line, f.Col)})
	}
	obj.Members = append(obj.Members, m)
	return seen
}

// jsonMergeIssues merges the duplicate key issues dups, in any order, into
// issues, which are in source order; at the same position the issue of
// issues comes first.
func jsonMergeIssues(issues, dups []JSONIssue) []JSONIssue {
	if len(dups) == 0 {
		return issues
	}
	before := func(a, b JSONIssue) bool { return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col }
	slices.SortStableFunc(dups, func(a, b JSONIssue) int {
		switch {
		case before(a, b):
			return -1
		case before(b, a):
			return 1
		}
		return 0
	})
	merged := make([]JSONIssue, 0, len(issues)+len(dups))
	i, j := 0, 0
	for i < len(issues) && j < len(dups) {
		if before(dups[j], issues[i]) {
			merged = append(merged, dups[j])
			j++
		} else {
			merged = append(merged, issues[i])
			i++
		}
	}
	merged = append(merged, issues[i:]...)
	return append(merged, dups[j:]...)
}

// jsonIsNumber reports whether b is a number in the RFC 8259 grammar.
func jsonIsNumber[T string | []byte](b T) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) {
		return false
	}
	switch {
	case b[i] == '0':
		i++
	case b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(b)
}

// Encode writes v as compact JSON: members in source order, numbers as their
// literal text, strings escaped as encoding/json does with
// SetEscapeHTML(false). A nil value, element or member value is written as
// null, and so is a value of an unknown kind; a Number that is not valid JSON
// number text is written as a string so that the output stays valid JSON.
// Encode uses its own stack, so deep values cannot overflow the goroutine
// stack; v must not contain cycles.
func (v *JSONValue) Encode() []byte {
	type frame struct {
		v *JSONValue
		i int // index of the element or member being written
	}
	var out []byte
	var stack []frame
	cur := v
	for {
		// Write the start of cur, descending into a non-empty container.
		descended := false
		switch {
		case cur == nil:
			out = append(out, "null"...)
		case cur.Kind == JSONNull:
			out = append(out, "null"...)
		case cur.Kind == JSONBool:
			out = strconv.AppendBool(out, cur.Bool)
		case cur.Kind == JSONNumber:
			if jsonIsNumber(cur.Number) {
				out = append(out, cur.Number...)
			} else {
				out = jsonAppendString(out, cur.Number)
			}
		case cur.Kind == JSONString:
			out = jsonAppendString(out, cur.String)
		case cur.Kind == JSONArray:
			out = append(out, '[')
			if len(cur.Elems) > 0 {
				stack = append(stack, frame{v: cur})
				cur = cur.Elems[0]
				descended = true
			} else {
				out = append(out, ']')
			}
		case cur.Kind == JSONObject:
			out = append(out, '{')
			if len(cur.Members) > 0 {
				stack = append(stack, frame{v: cur})
				out = jsonAppendString(out, cur.Members[0].Key)
				out = append(out, ':')
				cur = cur.Members[0].Value
				descended = true
			} else {
				out = append(out, '}')
			}
		default:
			out = append(out, "null"...)
		}
		if descended {
			continue
		}
		// cur is written: move on to the next sibling, closing containers.
		for {
			if len(stack) == 0 {
				return out
			}
			top := &stack[len(stack)-1]
			top.i++
			if top.v.Kind == JSONArray {
				if top.i < len(top.v.Elems) {
					out = append(out, ',')
					cur = top.v.Elems[top.i]
					break
				}
				out = append(out, ']')
			} else {
				if top.i < len(top.v.Members) {
					m := &top.v.Members[top.i]
					out = append(out, ',')
					out = jsonAppendString(out, m.Key)
					out = append(out, ':')
					cur = m.Value
					break
				}
				out = append(out, '}')
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// jsonDecodeRune is utf8.DecodeRune for a string or a byte slice.
func jsonDecodeRune[T string | []byte](s T) (rune, int) {
	if b, ok := any(s).([]byte); ok {
		return utf8.DecodeRune(b)
	}
	return utf8.DecodeRuneInString(string(s))
}

// jsonAppendString appends s as a JSON string escaped the way encoding/json
// does with SetEscapeHTML(false): " and \ and control characters are
// escaped (\b \f \n \r \t or \u00XX), as are U+2028 and U+2029, and each
// invalid UTF-8 byte becomes \ufffd.
func jsonAppendString[T string | []byte](out []byte, s T) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			out = append(out, s[start:i]...)
			switch b {
			case '"', '\\':
				out = append(out, '\\', b)
			case '\b':
				out = append(out, '\\', 'b')
			case '\f':
				out = append(out, '\\', 'f')
			case '\n':
				out = append(out, '\\', 'n')
			case '\r':
				out = append(out, '\\', 'r')
			case '\t':
				out = append(out, '\\', 't')
			default:
				out = append(out, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := jsonDecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, s[start:i]...)
			out = append(out, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			out = append(out, s[start:i]...)
			out = append(out, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	out = append(out, s[start:]...)
	return append(out, '"')
}
