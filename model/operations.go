package model

import (
	"cmp"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

// opFacts is one operation before names and types are resolved.
type opFacts struct {
	page     *parser.Page
	method   string
	tmpl     parser.Template
	baseName string
	// name is the resolved Go name.
	name string
	// altOf is the primary operation of the page when this is an alternate
	// path for the same call.
	altOf    *opFacts
	examples []exPair
	respKind ResponseKind
	respRef  rawRef
	// respFrom is the evidence respKind and respRef come from (see
	// responseOf), or "" when there is none.
	respFrom string
	// prose and table are what the page's Response section and a resource
	// page's Methods table say the operation returns, or nil.
	prose, table *textResponse
	// rel is what the relationship table of the resource the path
	// addresses before its last segment says a GET of it returns, or nil
	// (applyRelationships).
	rel *textResponse
	// overruled is the evidence rel overruled, or nil.
	overruled *textResponse
	// ctx is what the @odata.context of the response example says the
	// operation returns, or nil (applyContexts).
	ctx *contextSays
	// resp is the success response example of the operation, or nil.
	resp     *parser.Response
	body     *bodyFacts
	resolved *Operation
	// pathConflict is set when an example sends a type the body's
	// addressed type was not known to relate to.
	pathConflict *pathConflict
}

// pathConflict is an example's @odata.type that differs from the type the
// operation's path addresses.
type pathConflict struct {
	sent, addressed string
	pos             diag.Pos
}

// reportPathConflicts reports, once every base type is known, each
// operation whose example sends a type unrelated to the one its path
// addresses, by which the body is typed.
func (b *builder) reportPathConflicts() {
	for _, op := range b.ops {
		pc := op.pathConflict
		if pc == nil || op.body == nil {
			continue
		}
		addr, body := pc.addressed, op.body.ref.named
		if b.derives(pc.sent, addr) || b.derives(addr, pc.sent) {
			continue
		}
		if body != addr {
			b.diags.Warnf(pc.pos, "body-type-path", "request example sends %s, but %s %s addresses %s; the body is typed by their common base %s", pc.sent, op.method, op.tmpl.Path, addr, body)
			continue
		}
		b.diags.Warnf(pc.pos, "body-type-path", "request example sends %s, but %s %s addresses %s; the body is typed by the path", pc.sent, op.method, op.tmpl.Path, addr)
	}
}

type exPair struct {
	req  *parser.Request
	resp *parser.Response
	page *parser.Page
}

// replaceBraces replaces every "{...}" of s that holds no brace by repl,
// left to right (what the regular expression \{[^{}]*\} would replace).
func replaceBraces(s, repl string) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := strings.IndexAny(s[i+1:], "{}")
		if j < 0 {
			break // no closing brace after this one, nor after any later one
		}
		if s[i+1+j] == '{' {
			i += j // try again from the inner brace
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		i += j + 1
		last = i + 1
	}
	b.WriteString(s[last:])
	return b.String()
}

// shape is a path with every parameter replaced by {} and literals lower
// cased, so that templates and example URLs can be compared.
func shape(path string) string {
	return strings.ToLower(replaceBraces(path, "{}"))
}

// matches reports whether an example path fits a template. It walks both
// paths segment by segment without splitting them (it runs for every pair
// of example and request line of a page, and again for examples other
// pages document).
func matches(tmpl, example string) bool {
	t, e := strings.Trim(tmpl, "/"), strings.Trim(example, "/")
	if strings.Count(t, "/") != strings.Count(e, "/") {
		return false
	}
	for more := true; more; {
		var ts, es string
		ts, t, more = strings.Cut(t, "/")
		es, e, _ = strings.Cut(e, "/")
		if !segmentMatches(ts, es) {
			return false
		}
	}
	return true
}

// segmentMatches reports whether segment es of an example path fits
// segment ts of a template.
func segmentMatches(ts, es string) bool {
	if strings.Contains(ts, "{") {
		if !strings.Contains(ts, "(") {
			return true // a placeholder: no literal function name to match
		}
		before, _, ok := strings.Cut(replaceBraces(ts, ""), "(")
		return !ok || strings.HasPrefix(strings.ToLower(es), strings.ToLower(before))
	}
	if strings.EqualFold(ts, es) {
		return true
	}
	// A function whose template writes a literal placeholder for its
	// parameters, "filterByCurrentUser(on='parameterValue')", matches
	// any call of that function.
	tn, _, tok := strings.Cut(ts, "(")
	en, _, eok := strings.Cut(es, "(")
	return tok && eok && strings.EqualFold(tn, en)
}

// pathGroups says, for each request line of a page, what sets it apart
// from the others of its method: "" for most, which are paths to one
// operation ("/me/drive/items/{id}", "/groups/{id}/drive/items/{id}"), and
// for a line that extends another line of the page by property steps
// ("/me/mailboxSettings/timeZone" beside "/me/mailboxSettings"), those
// steps: it addresses a property of what the other addresses, another
// operation. It looks up each line's prefixes among the page's lines, so
// that a page of many lines costs their total length, not its square.
func pathGroups(all []parser.Template) []string {
	lines := map[string]bool{}
	for _, u := range all {
		if u.Query == "" {
			lines[u.Method+" "+strings.Trim(shape(u.Path), "/")] = true
		}
	}
	out := make([]string, len(all))
	for i, t := range all {
		out[i] = pathGroup(t, lines)
	}
	return out
}

// pathGroup is pathGroups for one line; lines holds the method and shape
// of every line of the page without a query.
func pathGroup(t parser.Template, lines map[string]bool) string {
	if t.Query != "" {
		// A line with a query documents what the query returns, beside
		// the page's own resource (opentypeextension-get.md's "GET
		// /users/{id}/events?$filter=Extensions/any(...)").
		return ""
	}
	ts := strings.Split(strings.Trim(shape(t.Path), "/"), "/")
	if len(ts) > maxNavigationDepth {
		// No API nests so deep; a hostile line costs nothing.
		return ""
	}
	// The longest prefix of the line that is a line of its own: the
	// steps after it must all be properties, a key, a "$value" or
	// "$ref", a cast or a call after another line's path making it that
	// line's resource reached another way, or its content, as the page
	// documents them together.
	k := len(ts) - 1
	for ; k > 0; k-- {
		if lines[t.Method+" "+strings.Join(ts[:k], "/")] {
			break
		}
		if s := ts[k-1]; !plainSegment(s) || isPlaceholder(s) {
			return ""
		}
	}
	if k == 0 {
		return ""
	}
	for _, seg := range ts[k:] {
		if !plainSegment(seg) || isPlaceholder(seg) {
			return ""
		}
	}
	return strings.Join(ts[k:], "/")
}

// ungrouped returns the examples among pairs that are not the examples of
// an operation of method on p that pathGroups set apart from the first.
func (b *builder) ungrouped(p *parser.Page, method string, pairs []exPair) []exPair {
	var first *opFacts
	apart := map[*parser.Request]bool{}
	for _, o := range b.pageOps[p] {
		if o.method != method {
			continue
		}
		if first == nil {
			first = o
		}
		if o.primary() != first {
			for _, ex := range o.examples {
				apart[ex.req] = true
			}
		}
	}
	if len(apart) == 0 {
		return pairs
	}
	var out []exPair
	for _, ex := range pairs {
		if !apart[ex.req] {
			out = append(out, ex)
		}
	}
	return out
}

// primary is the operation op is a path to: op itself, or the one it is
// an alternate of.
func (op *opFacts) primary() *opFacts {
	if op.altOf != nil {
		return op.altOf
	}
	return op
}

// segments is the number of segments matches splits path into.
func segments(path string) int {
	return strings.Count(strings.Trim(path, "/"), "/") + 1
}

// collectOperations reads the operations of an API page: one per request
// template, named from the page title.
func (b *builder) collectOperations(p *parser.Page) {
	templates := p.Templates
	if len(templates) == 0 && len(p.Requests) > 0 && len(p.Resources) == 0 {
		// No HTTP request section: an API page may still give its
		// request lines in other sections or in a relative example.
		templates = p.LooseTemplates
		if len(templates) > 0 {
			b.diags.Warnf(templates[0].Pos, "template-outside-section", "page has no \"HTTP request\" section; request lines are taken from other code blocks")
		}
	}
	templates = b.withoutLiteralIDs(templates)
	templates = b.withoutLiteralArgs(templates)
	if len(templates) == 0 {
		if len(p.Requests) > 0 && len(p.Resources) == 0 {
			b.diags.Warnf(p.Requests[0].Pos, "operation-no-template", "page has request examples but no request line in an \"HTTP request\" section; no operation generated")
		}
		return
	}
	title := pageTitle(p)
	var pairs []exPair
	for i, r := range p.Requests {
		ex := exPair{req: r, page: p}
		for _, resp := range p.Responses {
			if resp.RequestIndex == i {
				ex.resp = resp
				break
			}
		}
		if ex.resp == nil {
			b.diags.Warnf(r.Pos, "request-no-response", "request example %s has no response example", quote(r.Name))
		}
		pairs = append(pairs, ex)
	}
	// Templates with the same method share one primary, which gets the
	// title's name; the others are alternate paths, except those that
	// extend another request line of the page (pathGroups).
	byMethod := map[string]*opFacts{}
	byGroup := map[string]*opFacts{}
	groups := pathGroups(templates)
	seen := map[string]bool{}
	baseName := ""
	if len(templates) > 0 {
		baseName = b.operationName(p)
	}
	for i, t := range templates {
		key := t.Method + " " + t.Path
		if seen[key] {
			continue
		}
		seen[key] = true
		op := &opFacts{page: p, method: t.Method, tmpl: t, baseName: baseName}
		for _, ex := range pairs {
			if ex.req.Method == t.Method && matches(t.Path, ex.req.Path) {
				op.examples = append(op.examples, ex)
			}
		}
		group := t.Method + " " + groups[i]
		if prim := byGroup[group]; prim == nil {
			byGroup[group] = op
		} else {
			op.altOf = prim
		}
		if byMethod[t.Method] == nil {
			byMethod[t.Method] = op
		}
		b.ops = append(b.ops, op)
		b.pageOps[p] = append(b.pageOps[p], op)
	}
	if len(byMethod) > 1 {
		// A page documenting several methods: name each operation by
		// its method, and its alternates after it.
		for _, op := range b.pageOps[p] {
			if op.altOf == nil {
				op.baseName = methodName(op.method, title)
			}
		}
		for _, op := range b.pageOps[p] {
			if op.altOf != nil {
				op.baseName = op.altOf.baseName
			}
		}
	}
	// Examples that match no template document a call the page does not
	// declare; they are reported, not guessed onto another operation.
	for _, ex := range pairs {
		found := false
		for _, op := range b.pageOps[p] {
			if slices.ContainsFunc(op.examples, func(e exPair) bool { return e.req == ex.req }) {
				found = true
			}
		}
		if !found {
			b.unmatched = append(b.unmatched, ex)
		}
	}
	// The examples of each operation's paths, alternates included.
	byPrimary := map[*opFacts][]exPair{}
	for _, op := range b.pageOps[p] {
		byPrimary[op.primary()] = append(byPrimary[op.primary()], op.examples...)
	}
	// The page's examples the first operation of each method may answer
	// like (ungrouped), computed once per method.
	shared := map[string][]exPair{}
	for _, op := range b.pageOps[p] {
		// An operation without examples of its own answers like
		// another path of its own operation, or, the first operation of
		// the method, like any example of the page that no operation
		// pathGroups set apart holds. A download (a GET of content) borrows
		// no other path's answer, which would be the JSON of the resource
		// the content belongs to.
		var resp *parser.Response
		candidates := op.examples
		if !(op.method == "GET" && contentPath(op.tmpl.Path)) {
			prim := op.primary()
			candidates = append(slices.Clone(op.examples), byPrimary[prim]...)
			if byMethod[op.method] == prim {
				sh, ok := shared[op.method]
				if !ok {
					sh = b.ungrouped(p, op.method, pairs)
					shared[op.method] = sh
				}
				candidates = append(candidates, sh...)
			}
		}
		for _, ex := range candidates {
			if success(ex.resp) != nil && ex.req.Method == op.method {
				resp = ex.resp
				break
			}
		}
		// The page's unpaired example, its prose and its Methods table
		// row describe the first operation of the method.
		first := byMethod[op.method] == op.primary()
		if resp == nil && first && b.oneMethod(p, op.method) {
			resp = unpaired(p)
		}
		if first {
			op.prose, op.table = b.proseResponse(p, op), b.tableResponse(p, op)
		}
		op.respKind, op.respRef = b.responseOf(p, op, resp)
		// A GET with a query ("GET /users/{id}?$expand=extensions(...)" on
		// an extension's page) documents what the query returns, not the
		// type of the resource its path addresses.
		if op.method == "GET" && op.tmpl.Query == "" && op.respRef.named != "" && !op.respRef.collection {
			types := b.getTypes
			if op.respKind == ResponseCollection {
				types = b.collTypes
			}
			if _, ok := types[shape(op.tmpl.Path)]; !ok && (op.respKind == ResponseSingle || op.respKind == ResponseCollection) {
				types[shape(op.tmpl.Path)] = op.respRef
			}
		}
		for _, ex := range op.examples {
			if ex.req.Base != "" {
				b.origins[ex.req.Base]++
			}
		}
	}
}

// baseURL is the most common service root of the example requests.
func (b *builder) baseURL() string {
	best, n := "", 0
	for o, c := range b.origins {
		if c > n || c == n && o < best {
			best, n = o, c
		}
	}
	if best == "" {
		return "https://graph.microsoft.com/v1.0"
	}
	return best
}

func sortOps(ops []*Operation) {
	slices.SortStableFunc(ops, func(x, y *Operation) int { return cmp.Compare(x.Name, y.Name) })
}
