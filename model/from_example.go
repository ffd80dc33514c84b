package model

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

// segmentVocabulary is the set of literal path segments (function names
// without their parameters), lower cased, that the request lines of all
// pages use: the words an example URL may be made of when it becomes a
// request line itself.
func (b *builder) segmentVocabulary() map[string]bool {
	vocab := map[string]bool{}
	for _, op := range b.ops {
		for _, seg := range strings.Split(strings.Trim(op.tmpl.Path, "/"), "/") {
			if strings.Contains(seg, "{") && !strings.Contains(seg, "(") {
				continue
			}
			name, _, _ := strings.Cut(seg, "(")
			if name != "" && !strings.Contains(name, "{") {
				vocab[strings.ToLower(name)] = true
			}
		}
	}
	return vocab
}

var (
	digitsRe = regexp.MustCompile(`^[0-9]+$`)
	argRe    = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(.*?)\s*$`)
)

// templateFromExample turns the path of a request example that fits no
// request line into one, or says it cannot: a segment is kept when the
// request lines of the docs use it (or it is a $segment or a qualified type
// name), becomes a parameter when it is a placeholder, a GUID or a number,
// and a function call keeps its name with each argument a parameter. Any
// other segment (a name that is data, such as "contosohr") makes the path
// unusable.
func templateFromExample(path string, vocab map[string]bool) (string, bool) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	out := make([]string, 0, len(segs))
	for _, seg := range segs {
		switch {
		case seg == "":
			return "", false
		case strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && strings.Count(seg, "{") == 1:
			out = append(out, seg)
		case guidRe.MatchString(seg) || digitsRe.MatchString(seg):
			out = append(out, "{id}")
		case strings.HasPrefix(seg, "$") || strings.HasPrefix(strings.ToLower(seg), "microsoft.graph.") && !strings.ContainsAny(seg, "(){}"):
			out = append(out, seg)
		case strings.HasSuffix(seg, ")") && strings.Contains(seg, "("):
			name, args, _ := strings.Cut(strings.TrimSuffix(seg, ")"), "(")
			if !vocab[strings.ToLower(name)] {
				return "", false
			}
			var params []string
			for _, a := range strings.Split(args, ",") {
				if strings.TrimSpace(a) == "" {
					continue
				}
				m := argRe.FindStringSubmatch(a)
				if m == nil {
					return "", false
				}
				if strings.HasPrefix(m[2], "'") {
					params = append(params, m[1]+"='{"+m[1]+"}'")
				} else {
					params = append(params, m[1]+"={"+m[1]+"}")
				}
			}
			out = append(out, name+"("+strings.Join(params, ",")+")")
		case vocab[strings.ToLower(seg)] && !strings.ContainsAny(seg, "{}()'"):
			out = append(out, seg)
		default:
			return "", false
		}
	}
	return "/" + strings.Join(out, "/"), true
}

// operationFromExample makes an operation of a request example that fits no
// request line of any page, when its path can become a template: the docs
// show the call even where the request section leaves it out (GET /me/...
// beside GET /users/{id}/..., a function called with its parameters). It is
// an alternate of its page's operation of the same method, named as other
// alternates are, and reported.
func (b *builder) operationFromExample(ex exPair, vocab map[string]bool) *opFacts {
	p := ex.page
	if p == nil {
		return nil
	}
	tmplPath, ok := templateFromExample(ex.req.Path, vocab)
	if !ok {
		return nil
	}
	var prim *opFacts
	for _, op := range b.pageOps[p] {
		if op.method == ex.req.Method && op.altOf == nil {
			prim = op
			break
		}
	}
	if prim == nil {
		return nil // the page documents no call of this method
	}
	t := prim.tmpl
	t.Path, t.Pos = tmplPath, ex.req.Pos
	op := &opFacts{page: p, method: ex.req.Method, tmpl: t, baseName: prim.baseName, altOf: prim, examples: []exPair{ex}}
	op.respKind, op.respRef = b.responseOf(p, op, success(ex.resp))
	b.ops = append(b.ops, op)
	b.pageOps[p] = append(b.pageOps[p], op)
	b.diags.Warnf(ex.req.Pos, "operation-from-example", "request example %s %s fits no request line of any page; it documents the operation %s %s, an alternate of %s", ex.req.Method, ex.req.Path, ex.req.Method, tmplPath, prim.tmpl.Path)
	return op
}

// withoutLiteralIDs returns the request lines with every segment that is a
// GUID made a parameter: some pages write their request line with the ids
// of their example ("GET /education/classes/acdefc6b-.../assignments/..."),
// which would make a method that can only ever call that one resource.
// Each is reported. The slice is copied only when something changes.
func (b *builder) withoutLiteralIDs(templates []parser.Template) []parser.Template {
	var out []parser.Template
	for i, t := range templates {
		segs := strings.Split(t.Path, "/")
		changed := false
		for j, seg := range segs {
			if guidRe.MatchString(seg) {
				segs[j], changed = "{id}", true
			}
		}
		if !changed {
			continue
		}
		if out == nil {
			out = slices.Clone(templates)
		}
		out[i].Path = strings.Join(segs, "/")
		b.diags.Warnf(t.Pos, "template-literal-id", "request line %s %s names literal ids; they are taken as parameters: %s", t.Method, t.Path, out[i].Path)
	}
	if out == nil {
		return templates
	}
	return out
}

// literalArgsAsParams returns path with every function argument that is a
// literal (a docs placeholder such as '<address>' or 'parameterValue', or
// an example value such as 640) made a parameter named after the argument:
// "range(address='<address>')" becomes "range(address='{address}')" and
// "image(width=640)" becomes "image(width={width})". An argument already
// written as a parameter is kept. A segment whose arguments cannot be read
// as name=value pairs is left as it is. It reports whether path changed.
func literalArgsAsParams(path string) (string, bool) {
	segs := strings.Split(path, "/")
	changed := false
	for i, seg := range segs {
		name, args, ok := strings.Cut(seg, "(")
		if !ok || !strings.HasSuffix(args, ")") || name == "" {
			continue
		}
		list := strings.Split(strings.TrimSuffix(args, ")"), ",")
		out := make([]string, 0, len(list))
		segChanged := false
		for _, a := range list {
			m := argRe.FindStringSubmatch(a)
			if m == nil {
				out = nil
				break
			}
			v := m[2]
			unq := strings.TrimSuffix(strings.TrimPrefix(v, "'"), "'")
			if strings.HasPrefix(unq, "{") && strings.HasSuffix(unq, "}") && strings.Count(unq, "{") == 1 {
				out = append(out, strings.TrimSpace(a))
				continue
			}
			segChanged = true
			if strings.HasPrefix(v, "'") {
				out = append(out, m[1]+"='{"+m[1]+"}'")
			} else {
				out = append(out, m[1]+"={"+m[1]+"}")
			}
		}
		if out == nil || !segChanged {
			continue
		}
		segs[i], changed = name+"("+strings.Join(out, ",")+")", true
	}
	if !changed {
		return path, false
	}
	return strings.Join(segs, "/"), true
}

var angleRe = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9_.-]*)>`)

// angleParams returns path with every docs placeholder written in angle
// brackets made a parameter: "/resources/<resourceId>/roleSettings" becomes
// "/resources/{resourceId}/roleSettings" and "borders(<sideIndex>)"
// becomes "borders({sideIndex})". It reports whether path changed.
func angleParams(path string) (string, bool) {
	out := angleRe.ReplaceAllString(path, "{$1}")
	return out, out != path
}

// closeCalls returns path with a function call whose closing parenthesis
// the docs left out closed at the end of its segment:
// "range(address='{address}'/entireRow" becomes
// "range(address='{address}')/entireRow". Only a segment that opens one
// parenthesis, closes none and ends with its argument (a quote or brace)
// is closed. It reports whether path changed.
func closeCalls(path string) (string, bool) {
	segs := strings.Split(path, "/")
	changed := false
	for i, seg := range segs {
		if strings.Count(seg, "(") == 1 && !strings.Contains(seg, ")") && (strings.HasSuffix(seg, "'") || strings.HasSuffix(seg, "}") || strings.HasSuffix(seg, ">")) {
			segs[i], changed = seg+")", true
		}
	}
	if !changed {
		return path, false
	}
	return strings.Join(segs, "/"), true
}

// withoutLiteralArgs returns the request lines with every unclosed
// function call closed (see closeCalls), every literal function argument
// made a parameter (see literalArgsAsParams) and every placeholder in angle
// brackets made a parameter (see angleParams), each reported. The slice is
// copied only when something changes.
func (b *builder) withoutLiteralArgs(templates []parser.Template) []parser.Template {
	var out []parser.Template
	for i, t := range templates {
		path := t.Path
		closed, unclosed := closeCalls(path)
		if unclosed {
			b.diags.Warnf(t.Pos, "template-unclosed-call", "request line %s %s leaves a function call unclosed; it is closed at the end of its segment: %s", t.Method, path, closed)
			path = closed
		}
		p, literal := literalArgsAsParams(path)
		if literal {
			b.diags.Warnf(t.Pos, "template-literal-arg", "request line %s %s passes literal function arguments; they are taken as parameters: %s", t.Method, t.Path, p)
		}
		p, angle := angleParams(p)
		if angle {
			b.diags.Warnf(t.Pos, "template-placeholder", "request line %s %s writes parameters as <name>; they are taken as {name}: %s", t.Method, t.Path, p)
		}
		if !unclosed && !literal && !angle {
			continue
		}
		if out == nil {
			out = slices.Clone(templates)
		}
		out[i].Path = p
	}
	if out == nil {
		return templates
	}
	return out
}
