package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/docgen-dev/docgen/diag"
)

// repairable lists the JSON slips whose meaning is unambiguous in an
// annotation: the annotation is kept, with a warning.
var repairable = map[string]bool{
	"json-trailing-comma": true,
	"json-missing-comma":  true,
	"json-comment":        true,
	"json-single-quote":   true,
	"json-duplicate-key":  true,
}

// annotationBlockType finds a blockType in an annotation too broken to
// parse, so that the diagnostic can name it, and in the comment above a
// code block: the first match of `"blockType"\s*:\s*"([^"]*)"`, without
// running a regular expression over every comment of every page
// (TestAnnotationBlockType holds it to the expression).
func annotationBlockType(raw string) string {
	const key = `"blockType"`
	for off := 0; ; {
		i := strings.Index(raw[off:], key)
		if i < 0 {
			return ""
		}
		start := off + i
		off = start + 1 // the next try; occurrences may overlap at a quote
		j := skipRESpace(raw, start+len(key))
		if j == len(raw) || raw[j] != ':' {
			continue
		}
		j = skipRESpace(raw, j+1)
		if j == len(raw) || raw[j] != '"' {
			continue
		}
		if k := strings.IndexByte(raw[j+1:], '"'); k >= 0 {
			return raw[j+1 : j+1+k]
		}
	}
}

// skipRESpace skips the bytes regexp's \s matches (tab, newline, form
// feed, carriage return, space) from s[i:] and returns the next offset.
func skipRESpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// knownBlockTypes are the blockType values of the docs convention.
// "permissions" (current docs) marks the include of an API's permissions
// table; like "ignored", it claims no code block.
var knownBlockTypes = map[string]bool{
	"request": true, "response": true, "resource": true, "ignored": true,
	"example": true, "samples": true, "enum": true, "resourcetype": true,
	"permissions": true,
}

// annotation reads an HTML block holding "<!-- {json} -->". It returns nil
// for comments that are not annotations (no JSON object, page metadata) and
// for annotations too broken to use, which are reported.
func (st *state) annotation(n *ast.HTMLBlock) *Annotation {
	raw := st.blockText(n)
	start, ok := firstOffset(n)
	if !ok {
		return nil
	}
	trimmed := strings.TrimLeft(raw, " \t")
	body, ok := strings.CutPrefix(trimmed, "<!--")
	if !ok {
		return nil
	}
	lead := len(raw) - len(trimmed) + 4
	i := strings.LastIndex(body, "-->")
	if i < 0 {
		if strings.Contains(body, "{") {
			st.warnf(st.pos(start), "annotation-unterminated", "HTML comment is not closed with -->")
		}
		return nil
	}
	body = body[:i]
	j := strings.IndexFunc(body, func(r rune) bool { return r != ' ' && r != '\t' && r != '\n' })
	if j < 0 || body[j] != '{' {
		return nil // a plain comment
	}
	jsonStart := st.pos(start + lead + j)
	v, _, issues := ParseJSON([]byte(body[j:]), st.p.jsonDepth())
	if v == nil || v.Kind != JSONObject || hasUnrepairable(issues) {
		bt := annotationBlockType(body)
		if bt == "" {
			// Not an annotation docgen reads (page metadata and the like).
			return nil
		}
		msg := "not an object"
		p := jsonStart
		if len(issues) > 0 {
			is := firstUnrepairable(issues)
			msg = is.Message
			p = jsonStart.Within(is.Line, is.Col)
		}
		st.warnf(p, "annotation-json", "malformed %q annotation skipped: %s", bt, msg)
		return nil
	}
	for _, is := range issues {
		st.warnf(jsonStart.Within(is.Line, is.Col), "annotation-repaired", "annotation JSON repaired: %s", is.Message)
	}
	a := &Annotation{Pos: st.pos(start), Section: st.section}
	btv := v.Member("blockType")
	if btv == nil {
		return nil // page metadata such as {"type": "#page.annotation"}
	}
	if btv.Kind != JSONString {
		st.warnf(a.Pos, "annotation-field", "blockType is a %s, want a string", btv.Kind)
		return nil
	}
	a.BlockType = strings.ToLower(strings.TrimSpace(btv.String))
	if !knownBlockTypes[a.BlockType] {
		st.warnf(a.Pos, "annotation-blocktype", "unknown blockType %s; annotation ignored", quoteShort(btv.String))
		return nil
	}
	for _, m := range v.Members {
		switch m.Key {
		case "name":
			a.Name = st.stringField(a, m)
		case "@odata.type":
			a.ODataType = strings.TrimSpace(st.stringField(a, m))
		case "@type":
			// A common misspelling of "@odata.type".
			if v.Member("@odata.type") == nil {
				a.ODataType = strings.TrimSpace(st.stringField(a, m))
			}
		case "truncated":
			a.Truncated = st.boolField(a, m)
		case "isCollection":
			a.IsCollection = st.boolField(a, m)
		case "baseType":
			a.BaseType = strings.TrimSpace(st.stringField(a, m))
		case "keyProperty":
			a.KeyProperty = st.stringField(a, m)
		case "openType":
			a.OpenType = st.boolField(a, m)
		case "optionalProperties":
			if m.Value.Kind == JSONArray {
				for _, e := range m.Value.Elems {
					if e.Kind == JSONString {
						a.OptionalProperties = append(a.OptionalProperties, e.String)
					}
				}
			}
		}
	}
	return a
}

func hasUnrepairable(issues []JSONIssue) bool {
	for _, is := range issues {
		if !repairable[is.Code] {
			return true
		}
	}
	return false
}

func firstUnrepairable(issues []JSONIssue) JSONIssue {
	for _, is := range issues {
		if !repairable[is.Code] {
			return is
		}
	}
	return issues[0]
}

func (st *state) stringField(a *Annotation, m JSONMember) string {
	if m.Value.Kind == JSONNull {
		// "baseType": null says the type has no base: the same as leaving
		// the field out, so nothing is lost in reading it so.
		st.warnf(a.Pos, "annotation-field-null", "annotation field %q is null; read as absent", m.Key)
		return ""
	}
	if m.Value.Kind != JSONString {
		st.warnf(a.Pos, "annotation-field", "annotation field %q is a %s, want a string; ignored", m.Key, m.Value.Kind)
		return ""
	}
	return m.Value.String
}

func (st *state) boolField(a *Annotation, m JSONMember) bool {
	switch m.Value.Kind {
	case JSONBool:
		return m.Value.Bool
	case JSONString:
		switch strings.ToLower(m.Value.String) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	st.warnf(a.Pos, "annotation-field", "annotation field %q is not a boolean; ignored", m.Key)
	return false
}

// attach turns an annotation with its block into a request, response or
// resource fact. lastReq is the index of the latest request still waiting
// for its response; the new value is returned.
func (st *state) attach(a *Annotation, lastReq int) int {
	switch a.BlockType {
	case "request", "response", "resource":
	default:
		return lastReq
	}
	if a.Block == nil {
		st.warnf(a.Pos, "annotation-no-block", "%q annotation is not followed by a code block", a.BlockType)
		return lastReq
	}
	switch a.BlockType {
	case "request":
		if r := st.request(a); r != nil {
			st.page.Requests = append(st.page.Requests, r)
			return len(st.page.Requests) - 1
		}
	case "response":
		if r := st.response(a); r != nil {
			r.RequestIndex = lastReq
			st.unwrapValue(r)
			st.page.Responses = append(st.page.Responses, r)
		}
		return -1
	case "resource":
		r := &Resource{Pos: a.Pos, Annotation: a, ODataType: a.ODataType, BaseType: a.BaseType, KeyProperty: a.KeyProperty, OpenType: a.OpenType}
		r.Body = st.body(a.Block.Text, a.Block.Pos, true)
		if r.ODataType == "" {
			st.warnf(a.Pos, "resource-no-type", "resource annotation has no @odata.type")
		}
		st.page.Resources = append(st.page.Resources, r)
	}
	return lastReq
}

// body parses the text of a message body. json says whether the body is
// expected to be JSON; a body that looks like JSON is parsed anyway.
func (st *state) body(text string, pos diag.Pos, json bool) *Body {
	t := strings.TrimSpace(text)
	if t == "" {
		return nil
	}
	b := &Body{Pos: pos, Text: text}
	if !json {
		return b // the Content-Type says it is not JSON
	}
	v, strict, issues := ParseJSON([]byte(text), st.p.jsonDepth())
	b.JSON, b.Strict = v, strict
	if v != nil {
		b.Kind = v.Kind.String()
	}
	for _, is := range issues {
		code := "example-json"
		if is.Code == "json-too-deep" {
			code = "json-too-deep"
		}
		what := "example body is not valid JSON"
		if strict {
			what = "example body JSON is suspect"
		}
		st.warnf(pos.Within(is.Line, is.Col), code, "%s: %s", what, is.Message)
	}
	return b
}
