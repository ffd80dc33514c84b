package parser

// This file holds the repair step that runs before gjson reads an example
// or annotation body. The bodies in the reference pages are written by hand
// and a few percent of them are not valid JSON: they hold comments, "..."
// placeholders for elided members, trailing or missing commas, unquoted
// placeholder values and keys, single quotes and truncated endings.
// repairJSON rewrites such a text into valid, compact JSON that gjson can
// read, reports every repair as a JSONIssue at the position of the offending
// text, and records where each key and value of its output comes from, so
// that the values gjson reads can be located in the original text.
//
// The scanner is driven by an explicit stack of open arrays and objects, so
// nesting depth never grows the goroutine stack; it enforces the nesting
// limit, so gjson (whose validation and reading recurse or rescan per level)
// never sees text nested deeper than it; and every byte of the input is
// looked at a bounded number of times, so repairing is linear in the size of
// the input.

import (
	"fmt"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

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

// jsonMark says that the key or value starting at byte out of the repaired
// text starts at line:col of the original text.
type jsonMark struct {
	out       int
	line, col int
}

// jsonRepair is the result of repairJSON.
type jsonRepair struct {
	// out is valid, compact JSON (RFC 8259, no white space) when fatal is
	// false: what the original text means, with every repair applied.
	out []byte
	// marks locate every key and value of out in the original text, in
	// increasing order of out.
	marks []jsonMark
	// issues are the repairs and warnings, in source order.
	issues []JSONIssue
	// strict reports whether the original text was strict JSON.
	strict bool
	// fatal reports an unrecoverable error ("json-syntax" or
	// "json-too-deep", in issues); out is then meaningless.
	fatal bool
}

// at returns the position in the original text of the key or value that
// starts at byte off of out, and whether one does.
func (r *jsonRepair) at(off int) (line, col int, ok bool) {
	i, found := slices.BinarySearchFunc(r.marks, off, func(m jsonMark, off int) int { return m.out - off })
	if !found {
		return 0, 0, false
	}
	return r.marks[i].line, r.marks[i].col, true
}

// repairJSON repairs src as ParseJSON documents, nesting at most maxDepth
// arrays and objects (maxDepth must be positive). It never panics, keeps
// its own stack instead of recursing, and runs in time linear in len(src).
// Duplicate keys are left in out, for the reader to report.
func repairJSON(src []byte, maxDepth int) jsonRepair {
	p := jsonRepairer{src: src, line: 1, maxDepth: maxDepth, strict: true}
	p.out = make([]byte, 0, len(src))
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		p.off, p.lineStart = 3, 3
		p.strict = false
	}
	ok := p.parse()
	return jsonRepair{out: p.out, marks: p.marks, issues: p.issues, strict: ok && p.strict, fatal: !ok}
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

// jsonFrame is an open array or object on the repairer's stack.
type jsonFrame struct {
	kind      JSONKind // JSONArray or JSONObject
	line, col int      // where it opens
	state     uint8
	n         int // elements or members written to out
	// key is the decoded pending key of an object member, at
	// keyLine:keyCol, and keyRaw its source text when that is a valid JSON
	// string as is. It is written to out with the member's value, so that a
	// member without a value is dropped. key aliases src or the repairer's
	// buf, which are not written to before the member is.
	key, keyRaw     []byte
	keyLine, keyCol int
	// commaLine:commaCol is the last comma, for a trailing comma issue.
	commaLine, commaCol int
}

// jsonRepairer holds the state of one repairJSON call.
type jsonRepairer struct {
	src       []byte
	off       int // next byte to read
	line      int // line of src[off]
	lineStart int // offset of the first byte of the line
	maxDepth  int
	strict    bool
	issues    []JSONIssue
	stack     []jsonFrame
	out       []byte
	marks     []jsonMark
	buf       []byte // scratch space for decoding strings

	// eofIn is set when the input ended inside a string, which was opened
	// at eofLine:eofCol.
	eofIn           bool
	eofLine, eofCol int
	eofReported     bool
}

// col returns the column of src[off].
func (p *jsonRepairer) col() int { return p.off - p.lineStart + 1 }

// colAt returns the column of src[i], which must be on the current line.
func (p *jsonRepairer) colAt(i int) int { return i - p.lineStart + 1 }

// lineBreak records the line break byte at src[i]. A CR followed by LF is
// counted at the LF.
func (p *jsonRepairer) lineBreak(i int) {
	if p.src[i] == '\r' && i+1 < len(p.src) && p.src[i+1] == '\n' {
		return
	}
	p.line++
	p.lineStart = i + 1
}

// repair records an issue that makes the input not strict JSON.
func (p *jsonRepairer) repair(line, col int, code, msg string) {
	p.strict = false
	p.warn(line, col, code, msg)
}

// warn records an issue about content that strict JSON allows. Issues are
// kept in source order: the few reported late (a trailing comma when the
// bracket is seen) move back past the comments in between, so keeping the
// order costs linear time overall.
func (p *jsonRepairer) warn(line, col int, code, msg string) {
	p.issues = jsonInsertIssue(p.issues, JSONIssue{Line: line, Col: col, Code: code, Message: msg})
}

// jsonInsertIssue inserts is into issues, which are in source order, after
// the issues at or before its position.
func jsonInsertIssue(issues []JSONIssue, is JSONIssue) []JSONIssue {
	i := len(issues)
	for i > 0 && (issues[i-1].Line > is.Line || issues[i-1].Line == is.Line && issues[i-1].Col > is.Col) {
		i--
	}
	if i == len(issues) {
		return append(issues, is)
	}
	return slices.Insert(issues, i, is)
}

// syntax records an unrecoverable error at the current position.
func (p *jsonRepairer) syntax(msg string) {
	p.repair(p.line, p.col(), jsonCodeSyntax, msg)
}

// mark records that what is written next to out starts at line:col.
func (p *jsonRepairer) mark(line, col int) {
	p.marks = append(p.marks, jsonMark{out: len(p.out), line: line, col: col})
}

// parse repairs the whole input into out. It returns false after an
// unrecoverable error.
func (p *jsonRepairer) parse() bool {
	p.skipSpace()
	if p.off >= len(p.src) {
		p.syntax("unexpected end of input: no JSON value")
		return false
	}
	if n := p.ellipsisAt(p.off); n > 0 {
		p.syntax("expected a JSON value, found placeholder " + strconv.Quote(string(p.src[p.off:p.off+n])))
		return false
	}
	if !p.value() || !p.loop() {
		return false
	}
	if p.eofIn {
		p.unterminated()
	}
	p.skipSpace()
	if p.off < len(p.src) {
		p.repair(p.line, p.col(), jsonCodeTrailingData,
			"ignored data after the JSON value, starting with "+p.describe(p.off))
	}
	return true
}

// push opens an array or object, whose bracket at line:col has just been
// read and written.
func (p *jsonRepairer) push(kind JSONKind, line, col int) bool {
	if len(p.stack) >= p.maxDepth {
		p.repair(line, col, jsonCodeTooDeep,
			fmt.Sprintf("%s nested deeper than the limit of %d", kind, p.maxDepth))
		return false
	}
	state := jsonArrStart
	if kind == JSONObject {
		state = jsonObjStart
	}
	p.stack = append(p.stack, jsonFrame{kind: kind, line: line, col: col, state: state})
	return true
}

// pop closes the innermost open array or object, whose closing bracket is
// at the current position (or at the end of input).
func (p *jsonRepairer) pop() {
	p.off++
	p.close()
}

// close writes the closing bracket of the innermost open array or object
// and drops it from the stack.
func (p *jsonRepairer) close() {
	top := len(p.stack) - 1
	if p.stack[top].kind == JSONObject {
		p.out = append(p.out, '}')
	} else {
		p.out = append(p.out, ']')
	}
	p.stack[top] = jsonFrame{}
	p.stack = p.stack[:top]
}

// loop repairs the contents of the open arrays and objects until the stack
// is empty or the input ends. It returns false after an unrecoverable error.
func (p *jsonRepairer) loop() bool {
	for len(p.stack) > 0 {
		p.skipSpace()
		if p.off >= len(p.src) {
			p.unterminated()
			for len(p.stack) > 0 {
				p.close()
			}
			return true
		}
		c := p.src[p.off]
		if c == 0 {
			p.syntax("NUL byte outside a string")
			return false
		}
		f := &p.stack[len(p.stack)-1]
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
			if !p.element(f) {
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
			if !p.element(f) {
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
				p.syntax("expected ':' after object key " + strconv.Quote(string(f.key)) + ", found " + p.describe(p.off))
				return false
			}
			p.off++
			f.state = jsonObjValue
		case jsonObjValue:
			if n := p.ellipsisAt(p.off); n > 0 {
				p.ellipsis(n, "placeholder in place of the value of "+strconv.Quote(string(f.key))+"; member dropped")
				f.state = jsonObjAfter
				continue
			}
			if !p.member(f) {
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

// element repairs an array element of the array f, which is the innermost.
func (p *jsonRepairer) element(f *jsonFrame) bool {
	if f.n > 0 {
		p.out = append(p.out, ',')
	}
	f.n++
	f.state = jsonArrAfter
	return p.value() // may push, moving the stack: f is not used after it
}

// member repairs the value of the pending member of the object f, which is
// the innermost, and writes the member.
func (p *jsonRepairer) member(f *jsonFrame) bool {
	if f.n > 0 {
		p.out = append(p.out, ',')
	}
	f.n++
	f.state = jsonObjAfter
	p.mark(f.keyLine, f.keyCol)
	if f.keyRaw != nil {
		p.out = append(p.out, f.keyRaw...)
	} else {
		p.out = jsonAppendString(p.out, f.key)
	}
	p.out = append(p.out, ':')
	return p.value()
}

// key reads an object key at the current position into f.
func (p *jsonRepairer) key(f *jsonFrame) bool {
	line, col := p.line, p.col()
	f.keyRaw = nil
	switch start := p.off; p.src[start] {
	case '"':
		var clean bool
		if f.key, clean = p.str(); clean {
			f.keyRaw = p.src[start:p.off]
		}
	case '\'':
		p.repair(line, col, jsonCodeSingleQuote, "single-quoted object key")
		f.key, _ = p.str()
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
func (p *jsonRepairer) bareKeyEnd() int {
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
func (p *jsonRepairer) ellipsis(n int, what string) {
	tok := string(p.src[p.off : p.off+n])
	p.repair(p.line, p.col(), jsonCodeEllipsis, "ignored placeholder "+strconv.Quote(tok)+": "+what)
	p.off += n
}

// ellipsisAt returns the length of a placeholder ("..." or longer, or one or
// more "…") starting at src[i], or 0. The placeholder must end at white
// space, the end of input, a comment, or one of , ] }.
func (p *jsonRepairer) ellipsisAt(i int) int {
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

// value repairs a value at the current position, which is not white space,
// a comment or a placeholder, and writes it to out; an array or object is
// written up to its opening bracket and pushed. It returns false after an
// unrecoverable error.
func (p *jsonRepairer) value() bool {
	src := p.src
	start := p.off
	line, col := p.line, p.col()
	switch c := src[start]; c {
	case '{', '[':
		p.off++
		kind := JSONArray
		if c == '{' {
			kind = JSONObject
		}
		if !p.push(kind, line, col) {
			return false
		}
		p.mark(line, col)
		p.out = append(p.out, c)
		return true
	case '"':
		p.mark(line, col)
		if s, clean := p.str(); clean {
			p.out = append(p.out, src[start:p.off]...)
		} else {
			p.out = jsonAppendString(p.out, s)
		}
		return true
	case '\'':
		p.repair(line, col, jsonCodeSingleQuote, "single-quoted string")
		s, _ := p.str()
		p.mark(line, col)
		p.out = jsonAppendString(p.out, s)
		return true
	case ',', ']', '}', ':', 0:
		p.syntax("expected a JSON value, found " + p.describe(start))
		return false
	}
	end := p.runEnd(start)
	tok := src[start:end]
	p.off = end
	switch string(tok) {
	case "true", "false", "null":
	default:
		if !jsonIsNumber(tok) {
			p.repair(line, col, jsonCodeBareWord, "unquoted value "+jsonShort(string(tok))+" kept as a string")
			s := p.raw(start, end)
			p.mark(line, col)
			p.out = jsonAppendString(p.out, s)
			return true
		}
	}
	p.mark(line, col)
	p.out = append(p.out, tok...)
	return true
}

// runEnd returns the end of the unquoted token starting at src[start]: it
// runs to the next , ] } " NUL or line break, or to white space followed by a
// comment or a placeholder, with trailing white space left out.
func (p *jsonRepairer) runEnd(start int) int {
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

// raw returns src[start:end], which holds no line break, with each invalid
// UTF-8 byte replaced by U+FFFD (reported once). The result aliases src or
// buf.
func (p *jsonRepairer) raw(start, end int) []byte {
	b := p.src[start:end]
	if utf8.Valid(b) {
		return b
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
	return buf
}

// str reads a string quoted by the ' or " at the current position and
// returns its decoded text, and whether the string's source text, quotes
// included, is itself a valid JSON string with that text and without
// escapes (so it can be copied as is). The text aliases src or buf. At the
// end of input the string is closed and eofIn is set.
func (p *jsonRepairer) str() (s []byte, clean bool) {
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
	if esc {
		buf = append(buf, src[seg:i]...)
		s = buf
	} else {
		s = src[seg:i]
	}
	p.buf = buf
	clean = q == '"' && !esc && !ctlReported && i < len(src)
	if i < len(src) {
		i++ // closing quote
	}
	p.off = i
	return s, clean
}

// escape decodes the escape sequence at src[i] (a backslash) in a string
// quoted by q, appends it to buf and returns buf and the offset after it.
func (p *jsonRepairer) escape(buf []byte, i int, q byte) ([]byte, int) {
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
func (p *jsonRepairer) skipSpace() {
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
func (p *jsonRepairer) unterminated() {
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
		f := p.stack[n-1]
		what, line, col = f.kind.String(), f.line, f.col
	}
	if n == 0 {
		return
	}
	msg := fmt.Sprintf("unexpected end of input: closed %d unterminated value(s); the innermost, a%s %s, opened at %d:%d",
		n, jsonArticle(what), what, line, col)
	if len(p.stack) > 0 {
		if f := p.stack[len(p.stack)-1]; f.state == jsonObjColon || f.state == jsonObjValue {
			msg += "; dropped incomplete member " + strconv.Quote(string(f.key))
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
func (p *jsonRepairer) describe(i int) string {
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

// jsonNesting returns the deepest nesting of arrays and objects in the
// valid JSON text b, without recursing.
func jsonNesting(b []byte) int {
	depth, deepest := 0, 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			depth--
		}
	}
	return deepest
}
