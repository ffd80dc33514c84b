package parser

// This file holds a lenient JSON parser for the example request and response
// bodies found in Microsoft Graph reference pages. Those bodies are written by
// hand and a few percent of them are not valid JSON: they hold comments, "..."
// placeholders for elided members, trailing or missing commas, unquoted
// placeholder values and truncated endings. ParseJSON recovers from these
// wherever the meaning is unambiguous and reports every repair as a JSONIssue.
//
// The parser is a hand-written scanner driven by an explicit stack of open
// arrays and objects, so nesting depth never grows the goroutine stack, and
// every byte of the input is looked at a bounded number of times, so parsing is
// linear in the size of the input.

import (
	"fmt"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
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

// The stable issue codes reported by ParseJSON.
const (
	jsonCodeComment       = "json-comment"
	jsonCodeEllipsis      = "json-ellipsis"
	jsonCodeTrailingComma = "json-trailing-comma"
	jsonCodeMissingComma  = "json-missing-comma"
	jsonCodeSingleQuote   = "json-single-quote"
	jsonCodeBareWord      = "json-bare-word"
	jsonCodeUnterminated  = "json-unterminated"
	jsonCodeDuplicateKey  = "json-duplicate-key"
	jsonCodeBadEscape     = "json-bad-escape"
	jsonCodeInvalidUTF8   = "json-invalid-utf8"
	jsonCodeTooDeep       = "json-too-deep"
	jsonCodeSyntax        = "json-syntax"
	jsonCodeTrailingData  = "json-trailing-data"
	jsonCodeUnicodeSpace  = "json-unicode-space"
)

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
// Issues are in source order. ParseJSON never panics, keeps its own stack
// instead of recursing, and runs in time linear in len(src).
func ParseJSON(src []byte, maxDepth int) (v *JSONValue, strict bool, issues []JSONIssue) {
	if maxDepth < 1 {
		maxDepth = jsonDefaultMaxDepth
	}
	p := jsonParser{src: src, line: 1, maxDepth: maxDepth, strict: true}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		p.off, p.lineStart = 3, 3
		p.strict = false
	}
	root := p.parse()
	if root == nil {
		return nil, false, p.issues
	}
	return root, p.strict, p.issues
}

// The states of an open array or object.
const (
	jsonArrStart uint8 = iota // after '['
	jsonArrValue              // after ',' in an array
	jsonArrAfter              // after an element
	jsonObjStart              // after '{'
	jsonObjKey                // after ',' in an object
	jsonObjColon              // after a key
	jsonObjValue              // after ':'
	jsonObjAfter              // after a member value
)

// jsonFrame is an open array or object on the parser's stack.
type jsonFrame struct {
	v     *JSONValue
	state uint8
	// key is the pending key of an object member, at keyLine:keyCol.
	key             string
	keyLine, keyCol int
	// commaLine:commaCol is the last comma, for a trailing comma issue.
	commaLine, commaCol int
	// seen maps the keys of a large object to their first member index.
	seen map[string]int
}

// jsonParser holds the state of one ParseJSON call.
type jsonParser struct {
	src       []byte
	off       int // next byte to read
	line      int // line of src[off]
	lineStart int // offset of the first byte of the line
	maxDepth  int
	strict    bool
	issues    []JSONIssue
	stack     []jsonFrame
	slab      []JSONValue // preallocated values handed out by newValue
	slabSize  int
	buf       []byte // scratch space for decoding strings

	// eofIn is set when the input ended inside a string, which was opened
	// at eofLine:eofCol.
	eofIn           bool
	eofLine, eofCol int
	eofReported     bool
}

// col returns the column of src[off].
func (p *jsonParser) col() int { return p.off - p.lineStart + 1 }

// colAt returns the column of src[i], which must be on the current line.
func (p *jsonParser) colAt(i int) int { return i - p.lineStart + 1 }

// lineBreak records the line break byte at src[i]. A CR followed by LF is
// counted at the LF.
func (p *jsonParser) lineBreak(i int) {
	if p.src[i] == '\r' && i+1 < len(p.src) && p.src[i+1] == '\n' {
		return
	}
	p.line++
	p.lineStart = i + 1
}

// repair records an issue that makes the input not strict JSON.
func (p *jsonParser) repair(line, col int, code, msg string) {
	p.strict = false
	p.warn(line, col, code, msg)
}

// warn records an issue about content that strict JSON allows. Issues are
// kept in source order: the few reported late (a trailing comma when the
// bracket is seen, a duplicate key when its value is read) move back past
// the comments in between, so keeping the order costs linear time overall.
func (p *jsonParser) warn(line, col int, code, msg string) {
	is := JSONIssue{Line: line, Col: col, Code: code, Message: msg}
	i := len(p.issues)
	for i > 0 && (p.issues[i-1].Line > line || p.issues[i-1].Line == line && p.issues[i-1].Col > col) {
		i--
	}
	p.issues = slices.Insert(p.issues, i, is)
}

// syntax records an unrecoverable error at the current position.
func (p *jsonParser) syntax(msg string) {
	p.repair(p.line, p.col(), jsonCodeSyntax, msg)
}

// newValue returns a new value of the given kind at line:col. Values are
// allocated in growing slabs to keep allocations few.
func (p *jsonParser) newValue(kind JSONKind, line, col int) *JSONValue {
	if len(p.slab) == 0 {
		switch {
		case p.slabSize == 0:
			p.slabSize = 4
		case p.slabSize < 256:
			p.slabSize *= 2
		}
		p.slab = make([]JSONValue, p.slabSize)
	}
	v := &p.slab[0]
	p.slab = p.slab[1:]
	v.Kind, v.Line, v.Col = kind, line, col
	return v
}

// parse parses the whole input and returns the top-level value, or nil after
// an unrecoverable error.
func (p *jsonParser) parse() *JSONValue {
	p.skipSpace()
	if p.off >= len(p.src) {
		p.syntax("unexpected end of input: no JSON value")
		return nil
	}
	if n := p.ellipsisAt(p.off); n > 0 {
		p.syntax("expected a JSON value, found placeholder " + strconv.Quote(string(p.src[p.off:p.off+n])))
		return nil
	}
	root := p.value()
	if root == nil {
		return nil
	}
	if (root.Kind == JSONArray || root.Kind == JSONObject) && !p.push(root) {
		return nil
	}
	if !p.loop() {
		return nil
	}
	if p.eofIn {
		p.unterminated()
	}
	p.skipSpace()
	if p.off < len(p.src) {
		p.repair(p.line, p.col(), jsonCodeTrailingData,
			"ignored data after the JSON value, starting with "+p.describe(p.off))
	}
	return root
}

// push opens the array or object v, which has just been read.
func (p *jsonParser) push(v *JSONValue) bool {
	if len(p.stack) >= p.maxDepth {
		p.repair(v.Line, v.Col, jsonCodeTooDeep,
			fmt.Sprintf("%s nested deeper than the limit of %d", v.Kind, p.maxDepth))
		return false
	}
	state := jsonArrStart
	if v.Kind == JSONObject {
		state = jsonObjStart
	}
	p.stack = append(p.stack, jsonFrame{v: v, state: state})
	return true
}

// pop closes the innermost open array or object, whose closing bracket is
// at the current position.
func (p *jsonParser) pop() {
	p.off++
	p.stack[len(p.stack)-1] = jsonFrame{}
	p.stack = p.stack[:len(p.stack)-1]
}

// loop parses the contents of the open arrays and objects until the stack
// is empty or the input ends. It returns false after an unrecoverable error.
func (p *jsonParser) loop() bool {
	for len(p.stack) > 0 {
		p.skipSpace()
		if p.off >= len(p.src) {
			p.unterminated()
			p.stack = p.stack[:0]
			return true
		}
		c := p.src[p.off]
		if c == 0 {
			p.syntax("NUL byte outside a string")
			return false
		}
		top := len(p.stack) - 1
		f := &p.stack[top]
		switch f.state {
		case jsonArrStart, jsonArrValue:
			if c == ']' {
				if f.state == jsonArrValue {
					p.repair(f.commaLine, f.commaCol, jsonCodeTrailingComma, "ignored trailing comma before ']'")
				}
				p.pop()
				continue
			}
			if n := p.ellipsisAt(p.off); n > 0 {
				p.ellipsis(n, "omitted array elements")
				f.state = jsonArrAfter
				continue
			}
			if !p.element(top) {
				return false
			}
		case jsonArrAfter:
			switch c {
			case ',':
				f.commaLine, f.commaCol = p.line, p.col()
				f.state = jsonArrValue
				p.off++
				continue
			case ']':
				p.pop()
				continue
			case '}', ':':
				p.syntax("expected ',' or ']' after array element, found " + p.describe(p.off))
				return false
			}
			if n := p.ellipsisAt(p.off); n > 0 {
				p.ellipsis(n, "omitted array elements")
				continue
			}
			p.repair(p.line, p.col(), jsonCodeMissingComma, "inserted missing ',' between array elements")
			if !p.element(top) {
				return false
			}
		case jsonObjStart, jsonObjKey:
			if c == '}' {
				if f.state == jsonObjKey {
					p.repair(f.commaLine, f.commaCol, jsonCodeTrailingComma, "ignored trailing comma before '}'")
				}
				p.pop()
				continue
			}
			if n := p.ellipsisAt(p.off); n > 0 {
				p.ellipsis(n, "omitted object members")
				f.state = jsonObjAfter
				continue
			}
			if !p.key(f) {
				return false
			}
		case jsonObjColon:
			if c != ':' {
				p.syntax("expected ':' after object key " + strconv.Quote(f.key) + ", found " + p.describe(p.off))
				return false
			}
			p.off++
			f.state = jsonObjValue
		case jsonObjValue:
			if n := p.ellipsisAt(p.off); n > 0 {
				p.ellipsis(n, "placeholder in place of the value of "+strconv.Quote(f.key)+"; member dropped")
				f.state = jsonObjAfter
				continue
			}
			if !p.member(top) {
				return false
			}
		case jsonObjAfter:
			switch c {
			case ',':
				f.commaLine, f.commaCol = p.line, p.col()
				f.state = jsonObjKey
				p.off++
				continue
			case '}':
				p.pop()
				continue
			}
			if n := p.ellipsisAt(p.off); n > 0 {
				p.ellipsis(n, "omitted object members")
				continue
			}
			if c != '"' && c != '\'' && p.bareKeyEnd() < 0 {
				p.syntax("expected ',' or '}' after object member, found " + p.describe(p.off))
				return false
			}
			p.repair(p.line, p.col(), jsonCodeMissingComma, "inserted missing ',' between object members")
			if !p.key(f) {
				return false
			}
		}
	}
	return true
}

// element reads an array element into the array at stack[top].
func (p *jsonParser) element(top int) bool {
	v := p.value()
	if v == nil {
		return false
	}
	f := &p.stack[top]
	f.v.Elems = append(f.v.Elems, v)
	f.state = jsonArrAfter
	if v.Kind == JSONArray || v.Kind == JSONObject {
		return p.push(v)
	}
	return true
}

// member reads the value of the pending member of the object at stack[top].
func (p *jsonParser) member(top int) bool {
	v := p.value()
	if v == nil {
		return false
	}
	f := &p.stack[top]
	p.addMember(f, v)
	f.state = jsonObjAfter
	if v.Kind == JSONArray || v.Kind == JSONObject {
		return p.push(v)
	}
	return true
}

// addMember appends the pending member of f with value v, reporting a
// duplicate key.
func (p *jsonParser) addMember(f *jsonFrame, v *JSONValue) {
	obj := f.v
	first := -1
	if f.seen != nil {
		if i, ok := f.seen[f.key]; ok {
			first = i
		} else {
			f.seen[f.key] = len(obj.Members)
		}
	} else {
		for i := range obj.Members {
			if obj.Members[i].Key == f.key {
				first = i
				break
			}
		}
		if len(obj.Members)+1 >= jsonDupScanLimit {
			f.seen = make(map[string]int, 2*jsonDupScanLimit)
			for i := len(obj.Members) - 1; i >= 0; i-- {
				f.seen[obj.Members[i].Key] = i
			}
			if first < 0 {
				f.seen[f.key] = len(obj.Members)
			}
		}
	}
	if first >= 0 {
		m := obj.Members[first]
		p.warn(f.keyLine, f.keyCol, jsonCodeDuplicateKey,
			fmt.Sprintf("duplicate key %s (first at %d:%d); the last one wins", strconv.Quote(f.key), m.Line, m.Col))
	}
	obj.Members = append(obj.Members, JSONMember{Key: f.key, Line: f.keyLine, Col: f.keyCol, Value: v})
}

// key reads an object key at the current position into f.
func (p *jsonParser) key(f *jsonFrame) bool {
	line, col := p.line, p.col()
	switch p.src[p.off] {
	case '"':
		f.key = p.str()
	case '\'':
		p.repair(line, col, jsonCodeSingleQuote, "single-quoted object key")
		f.key = p.str()
	default:
		end := p.bareKeyEnd()
		if end < 0 {
			p.syntax("expected a string as object key, found " + p.describe(p.off))
			return false
		}
		p.repair(line, col, jsonCodeBareWord, "unquoted object key "+jsonShort(string(p.src[p.off:end])))
		f.key = p.raw(p.off, end)
		p.off = end
	}
	f.keyLine, f.keyCol = line, col
	f.state = jsonObjColon
	return true
}

// bareKeyEnd returns the end of an unquoted object key at the current
// position, or -1 if there is none. A bare key is a run of bytes other than
// white space and , : [ ] { } " ' / and NUL, followed on the same line by ':'.
func (p *jsonParser) bareKeyEnd() int {
	src := p.src
	i := p.off
	for i < len(src) && !jsonKeyStop(src[i]) {
		i++
	}
	if i == p.off {
		return -1
	}
	j := i
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j < len(src) && src[j] == ':' {
		return i
	}
	return -1
}

// jsonKeyStop reports whether c ends an unquoted object key.
func jsonKeyStop(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '[', ']', '{', '}', '"', '\'', '/', 0:
		return true
	}
	return false
}

// ellipsis reports and skips the n-byte placeholder at the current position.
func (p *jsonParser) ellipsis(n int, what string) {
	tok := string(p.src[p.off : p.off+n])
	p.repair(p.line, p.col(), jsonCodeEllipsis, "ignored placeholder "+strconv.Quote(tok)+": "+what)
	p.off += n
}

// ellipsisAt returns the length of a placeholder ("..." or longer, or one or
// more "…") starting at src[i], or 0. The placeholder must end at white
// space, the end of input, a comment, or one of , ] }.
func (p *jsonParser) ellipsisAt(i int) int {
	src := p.src
	j, dots, ells := i, 0, 0
	for j < len(src) {
		if src[j] == '.' {
			dots++
			j++
		} else if j+3 <= len(src) && src[j] == 0xE2 && src[j+1] == 0x80 && src[j+2] == 0xA6 {
			ells++
			j += 3
		} else {
			break
		}
	}
	if dots < 3 && ells == 0 {
		return 0
	}
	if j < len(src) {
		switch src[j] {
		case ' ', '\t', '\n', '\r', ',', ']', '}', '/':
		default:
			return 0
		}
	}
	return j - i
}

// value reads a value at the current position, which is not white space, a
// comment or a placeholder. An array or object is returned empty and not yet
// pushed. It returns nil after an unrecoverable error.
func (p *jsonParser) value() *JSONValue {
	src := p.src
	start := p.off
	line, col := p.line, p.col()
	switch c := src[start]; c {
	case '{':
		p.off++
		return p.newValue(JSONObject, line, col)
	case '[':
		p.off++
		return p.newValue(JSONArray, line, col)
	case '"':
		v := p.newValue(JSONString, line, col)
		v.String = p.str()
		return v
	case '\'':
		p.repair(line, col, jsonCodeSingleQuote, "single-quoted string")
		v := p.newValue(JSONString, line, col)
		v.String = p.str()
		return v
	case ',', ']', '}', ':', 0:
		p.syntax("expected a JSON value, found " + p.describe(start))
		return nil
	}
	end := p.runEnd(start)
	tok := src[start:end]
	p.off = end
	switch string(tok) {
	case "true", "false":
		v := p.newValue(JSONBool, line, col)
		v.Bool = tok[0] == 't'
		return v
	case "null":
		return p.newValue(JSONNull, line, col)
	}
	if jsonIsNumber(tok) {
		v := p.newValue(JSONNumber, line, col)
		v.Number = string(tok)
		return v
	}
	p.repair(line, col, jsonCodeBareWord, "unquoted value "+jsonShort(string(tok))+" kept as a string")
	v := p.newValue(JSONString, line, col)
	v.String = p.raw(start, end)
	return v
}

// runEnd returns the end of the unquoted token starting at src[start]: it
// runs to the next , ] } " NUL or line break, or to white space followed by a
// comment or a placeholder, with trailing white space left out.
func (p *jsonParser) runEnd(start int) int {
	src := p.src
	i, last := start, start
	for i < len(src) {
		switch src[i] {
		case ',', ']', '}', '"', '\n', '\r', 0:
			return last
		case ' ', '\t':
			j := i + 1
			for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			if j >= len(src) {
				return last
			}
			if src[j] == '/' && j+1 < len(src) && (src[j+1] == '/' || src[j+1] == '*') {
				return last
			}
			if p.ellipsisAt(j) > 0 {
				return last
			}
			i = j
			continue
		}
		i++
		last = i
	}
	return last
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

// raw returns src[start:end], which holds no line break, as a string with
// each invalid UTF-8 byte replaced by U+FFFD (reported once).
func (p *jsonParser) raw(start, end int) string {
	b := p.src[start:end]
	if utf8.Valid(b) {
		return string(b)
	}
	buf := p.buf[:0]
	reported := false
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if !reported {
				reported = true
				p.warn(p.line, p.colAt(start+i), jsonCodeInvalidUTF8, "invalid UTF-8 replaced by U+FFFD")
			}
			buf = utf8.AppendRune(buf, utf8.RuneError)
		} else {
			buf = append(buf, b[i:i+size]...)
		}
		i += size
	}
	p.buf = buf
	return string(buf)
}

// str reads a string quoted by the ' or " at the current position and
// returns its decoded text. At the end of input the string is closed and
// eofIn is set.
func (p *jsonParser) str() string {
	src := p.src
	q := src[p.off]
	openLine, openCol := p.line, p.col()
	i := p.off + 1
	seg := i     // start of the bytes not yet copied to buf
	esc := false // whether buf holds the beginning of the string
	buf := p.buf[:0]
	ctlReported, utf8Reported := false, false
	for {
		if i >= len(src) {
			p.eofIn = true
			p.eofLine, p.eofCol = openLine, openCol
			break
		}
		c := src[i]
		if c == q {
			break
		}
		if c >= 0x20 && c < utf8.RuneSelf && c != '\\' {
			i++
			continue
		}
		switch {
		case c == '\\':
			buf = append(buf, src[seg:i]...)
			esc = true
			buf, i = p.escape(buf, i, q)
			seg = i
		case c < 0x20:
			if !ctlReported {
				ctlReported = true
				p.repair(p.line, p.colAt(i), jsonCodeBadEscape,
					fmt.Sprintf("unescaped control character U+%04X in string", c))
			}
			if c == '\n' || c == '\r' {
				p.lineBreak(i)
			}
			i++
		default:
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				if !utf8Reported {
					utf8Reported = true
					p.warn(p.line, p.colAt(i), jsonCodeInvalidUTF8, "invalid UTF-8 in string replaced by U+FFFD")
				}
				buf = append(buf, src[seg:i]...)
				buf = utf8.AppendRune(buf, utf8.RuneError)
				esc = true
				seg = i + 1
			}
			i += size
		}
	}
	var s string
	if esc {
		buf = append(buf, src[seg:i]...)
		s = string(buf)
	} else {
		s = string(src[seg:i])
	}
	p.buf = buf
	if i < len(src) {
		i++ // closing quote
	}
	p.off = i
	return s
}

// escape decodes the escape sequence at src[i] (a backslash) in a string
// quoted by q, appends it to buf and returns buf and the offset after it.
func (p *jsonParser) escape(buf []byte, i int, q byte) ([]byte, int) {
	src := p.src
	j := i + 1
	if j >= len(src) {
		return buf, j // the string is unterminated; the backslash is dropped
	}
	switch e := src[j]; e {
	case '"', '\\', '/':
		return append(buf, e), j + 1
	case 'b':
		return append(buf, '\b'), j + 1
	case 'f':
		return append(buf, '\f'), j + 1
	case 'n':
		return append(buf, '\n'), j + 1
	case 'r':
		return append(buf, '\r'), j + 1
	case 't':
		return append(buf, '\t'), j + 1
	case '\'':
		if q == '\'' {
			return append(buf, '\''), j + 1
		}
	case 'u':
		r, n := jsonHex4(src[j+1:])
		if n < 4 {
			p.repair(p.line, p.colAt(i), jsonCodeBadEscape,
				"invalid escape "+strconv.Quote(string(src[i:j+1+n]))+" replaced by U+FFFD")
			return utf8.AppendRune(buf, utf8.RuneError), j + 1 + n
		}
		k := j + 5
		if !utf16.IsSurrogate(r) {
			return utf8.AppendRune(buf, r), k
		}
		if r < 0xDC00 && k+1 < len(src) && src[k] == '\\' && src[k+1] == 'u' {
			if r2, n2 := jsonHex4(src[k+2:]); n2 == 4 && r2 >= 0xDC00 && r2 <= 0xDFFF {
				return utf8.AppendRune(buf, utf16.DecodeRune(r, r2)), k + 6
			}
		}
		p.warn(p.line, p.colAt(i), jsonCodeBadEscape,
			"lone surrogate escape "+strconv.Quote(string(src[i:k]))+" replaced by U+FFFD")
		return utf8.AppendRune(buf, utf8.RuneError), k
	}
	// An invalid escape: the backslash and a printable ASCII byte after it
	// are replaced; anything else after it is read as usual.
	end := j
	if e := src[j]; e >= 0x20 && e < 0x7F {
		end = j + 1
	}
	p.repair(p.line, p.colAt(i), jsonCodeBadEscape,
		"invalid escape "+strconv.Quote(string(src[i:end]))+" replaced by U+FFFD")
	return utf8.AppendRune(buf, utf8.RuneError), end
}

// jsonHex4 decodes up to four hex digits at the start of b. It returns the
// value and the number of hex digits found.
func jsonHex4(b []byte) (rune, int) {
	var r rune
	for n := 0; n < 4; n++ {
		if n >= len(b) {
			return r, n
		}
		c := b[n]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return r, n
		}
		r = r<<4 | rune(c)
	}
	return r, 4
}

// skipSpace skips white space and comments, reporting the comments.
func (p *jsonParser) skipSpace() {
	src := p.src
	for p.off < len(src) {
		switch src[p.off] {
		case ' ', '\t':
			p.off++
		case '\n', '\r':
			p.lineBreak(p.off)
			p.off++
		case '/':
			if p.off+1 >= len(src) {
				return
			}
			switch src[p.off+1] {
			case '/':
				p.repair(p.line, p.col(), jsonCodeComment, "ignored // comment")
				i := p.off + 2
				for i < len(src) && src[i] != '\n' && src[i] != '\r' {
					i++
				}
				p.off = i
			case '*':
				line, col := p.line, p.col()
				i := p.off + 2
				for {
					if i >= len(src) {
						p.repair(line, col, jsonCodeComment, "ignored unterminated /* comment")
						p.off = i
						return
					}
					if src[i] == '*' && i+1 < len(src) && src[i+1] == '/' {
						break
					}
					if src[i] == '\n' || src[i] == '\r' {
						p.lineBreak(i)
					}
					i++
				}
				p.repair(line, col, jsonCodeComment, "ignored /* */ comment")
				p.off = i + 2
			default:
				return
			}
		default:
			// White space JSON does not allow, such as a no-break space
			// pasted into a docs example, is skipped like a blank.
			r, size := utf8.DecodeRune(src[p.off:])
			if src[p.off] < utf8.RuneSelf || !unicode.IsSpace(r) && r != '\uFEFF' && r != '\u200B' {
				return
			}
			p.repair(p.line, p.col(), jsonCodeUnicodeSpace, fmt.Sprintf("ignored white space %U outside a string", r))
			p.off += size
		}
	}
}

// unterminated reports, once, that the input ended inside open values.
func (p *jsonParser) unterminated() {
	if p.eofReported {
		return
	}
	p.eofReported = true
	n := len(p.stack)
	what, line, col := "", 0, 0
	if p.eofIn {
		n++
		what, line, col = "string", p.eofLine, p.eofCol
	} else if n > 0 {
		v := p.stack[n-1].v
		what, line, col = v.Kind.String(), v.Line, v.Col
	}
	if n == 0 {
		return
	}
	msg := fmt.Sprintf("unexpected end of input: closed %d unterminated value(s); the innermost, a%s %s, opened at %d:%d",
		n, jsonArticle(what), what, line, col)
	if len(p.stack) > 0 {
		if f := p.stack[len(p.stack)-1]; f.state == jsonObjColon || f.state == jsonObjValue {
			msg += "; dropped incomplete member " + strconv.Quote(f.key)
		}
	}
	p.repair(p.line, p.col(), jsonCodeUnterminated, msg)
}

// jsonArticle returns the "n" that "a" needs before word.
func jsonArticle(word string) string {
	if word != "" && (word[0] == 'a' || word[0] == 'o') {
		return "n"
	}
	return ""
}

// describe names the byte at src[i] for a message.
func (p *jsonParser) describe(i int) string {
	if i >= len(p.src) {
		return "end of input"
	}
	c := p.src[i]
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(rune(c))
	}
	r, _ := utf8.DecodeRune(p.src[i:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02X", c)
	}
	return strconv.QuoteRune(r)
}

// jsonShort quotes s for a message, cutting it to at most 40 bytes.
func jsonShort(s string) string {
	if len(s) <= 40 {
		return strconv.Quote(s)
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
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

// jsonAppendString appends s as a JSON string escaped the way encoding/json
// does with SetEscapeHTML(false): " and \ and control characters are
// escaped (\b \f \n \r \t or \u00XX), as are U+2028 and U+2029, and each
// invalid UTF-8 byte becomes \ufffd.
func jsonAppendString(out []byte, s string) []byte {
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
		r, size := utf8.DecodeRuneInString(s[i:])
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
