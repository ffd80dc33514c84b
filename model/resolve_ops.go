package model

import (
	"mime"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

// nameOperations names every operation before types are resolved (the
// types made up for request bodies are named after their operation).
//
// A primary operation is named from its page's title. Pages whose titles
// give the same name compete by how well their file name matches the
// title, then by the shorter file name, then by path; the winner keeps the
// name and the others get "For" and the resource their file name starts
// with ("ListMembers", "ListMembersForDirectoryRole"). A name so depends
// only on the pages that claim it, never on unrelated pages. An alternate
// path is named after its primary plus "Via" and the path's distinguishing
// segments.
func (b *builder) nameOperations() {
	names := newNamer(operationReserved()...)
	// Names an earlier run gave are kept first.
	for _, of := range b.ops {
		if n, ok := b.lock.opName(of); ok && !names.taken(n) {
			of.name = names.unique(n)
		}
	}
	groups := map[string][]*opFacts{}
	var bases []string
	for _, of := range b.ops {
		if of.altOf != nil || of.name != "" {
			continue
		}
		if _, ok := groups[of.baseName]; !ok {
			bases = append(bases, of.baseName)
		}
		groups[of.baseName] = append(groups[of.baseName], of)
	}
	slices.Sort(bases)
	for _, base := range bases {
		g := groups[base]
		slices.SortStableFunc(g, func(x, y *opFacts) int {
			sx, sy := titleMatch(base, x.page.Path), titleMatch(base, y.page.Path)
			switch {
			case sx != sy:
				return sy - sx
			case len(pageBase(x.page.Path)) != len(pageBase(y.page.Path)):
				return len(pageBase(x.page.Path)) - len(pageBase(y.page.Path))
			}
			return strings.Compare(x.page.Path, y.page.Path)
		})
		for i, of := range g {
			if i == 0 {
				of.name = names.unique(base)
				continue
			}
			alt := base + "For" + b.resourceWord(of.page)
			if strings.Contains(base, b.resourceWord(of.page)) {
				alt = GoName(pageBase(of.page.Path))
			}
			of.name = names.unique(alt)
			b.diags.Warnf(of.page.TitlePos, "operation-name", "operation name %s is claimed by %s too; this page's operation is named %s", base, g[0].page.Path, of.name)
		}
	}
	for _, of := range b.ops {
		if of.altOf != nil && of.name == "" {
			of.name = names.unique(of.altOf.name + "Via" + altSuffix(of.altOf.tmpl.Path, of.tmpl.Path))
		}
	}
	for _, of := range b.ops {
		if of.altOf != nil || of.body == nil || of.body.ref.named == "" {
			continue
		}
		if tf := b.types[of.body.ref.named]; tf.synthesized && tf.goSuffix != "" {
			tf.goName = of.name + tf.goSuffix
		}
	}
}

// titleMatch scores how well a page's file name matches an operation name
// made from its title: the number of the name's words found in the file
// name.
func titleMatch(name, path string) int {
	file := strings.ToLower(strings.ReplaceAll(pageBase(path), "-", ""))
	n := 0
	for _, w := range words(name) {
		if strings.Contains(file, singular(strings.ToLower(w))) {
			n++
		}
	}
	return n
}

// resourceWord is the Go name of the resource a page's file name starts
// with, spelled as the page itself spells it: in a link to that resource's
// page or in an @odata.type of its annotations ("directoryrole" →
// DirectoryRole). It depends on the page alone, so adding other pages never
// changes it.
func (b *builder) resourceWord(p *parser.Page) string {
	w, ok := b.resourceWords[p]
	if !ok {
		w = resourceWordOf(p)
		b.resourceWords[p] = w
	}
	return w
}

// prepareNames computes, on every core, the names Build takes from each
// API page alone (resourceWord and operationName), ahead of the passes
// that visit the pages one by one in order and ask for them.
func (b *builder) prepareNames() {
	type names struct{ word, base string }
	out := make([]names, len(b.pages))
	// Only pages with request lines can have operations.
	hasOps := func(p *parser.Page) bool { return len(p.Templates) > 0 || len(p.LooseTemplates) > 0 }
	parallelFor(len(b.pages), func(i int) {
		if p := b.pages[i]; hasOps(p) {
			w := resourceWordOf(p)
			out[i] = names{w, operationNameOf(pageTitle(p), w)}
		}
	})
	for i, p := range b.pages {
		if hasOps(p) {
			b.resourceWords[p], b.baseNames[p] = out[i].word, out[i].base
		}
	}
}

// resourceWordOf computes resourceWord.
func resourceWordOf(p *parser.Page) string {
	base := strings.ToLower(pageBase(p.Path))
	if rest, ok := strings.CutPrefix(base, "intune-"); ok {
		// intune-<area>-<resource>-<verb>.md
		if _, r, ok := strings.Cut(rest, "-"); ok {
			base = r
		}
	}
	first, _, _ := strings.Cut(base, "-")
	if first == "" {
		return ""
	}
	for _, l := range p.Links {
		if strings.EqualFold(strings.Trim(l.Text, "`* "), first) && linkKey(l.Dest) == first {
			return GoName(strings.Trim(l.Text, "`* "))
		}
	}
	for _, a := range p.Annotations {
		name, _ := oDataTypeName(a.ODataType)
		local := name[strings.LastIndexByte(name, '.')+1:]
		if strings.EqualFold(local, first) {
			return GoName(local)
		}
	}
	for _, t := range p.Tables {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				for _, l := range c.Links {
					if strings.EqualFold(strings.Trim(l.Text, "`* "), first) && linkKey(l.Dest) == first {
						return GoName(strings.Trim(l.Text, "`* "))
					}
				}
			}
		}
	}
	return GoName(first)
}

// resolveOperations resolves the types of the named operations.
func (b *builder) resolveOperations(m *Model) {
	for _, of := range b.ops {
		of.resolved = b.operation(of, of.name)
		m.Operations = append(m.Operations, of.resolved)
	}
	sortOps(m.Operations)
}

// altSuffix names an alternate path by the literal segments it has and the
// primary path lacks: "/me/books/{id}" beside "/users/{id}/books/{id}" → "Me".
func altSuffix(primary, alt string) string {
	have := map[string]bool{}
	for _, s := range strings.Split(primary, "/") {
		if !strings.Contains(s, "{") {
			have[strings.ToLower(s)] = true
		}
	}
	var parts []string
	for _, s := range strings.Split(alt, "/") {
		if s == "" || strings.Contains(s, "{") || have[strings.ToLower(s)] {
			continue
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "Path"
	}
	return GoName(strings.Join(parts, " "))
}

func (b *builder) operation(of *opFacts, name string) *Operation {
	p := of.page
	op := &Operation{
		Name:         name,
		Method:       of.method,
		Path:         of.tmpl.Path,
		Response:     of.respKind,
		Description:  pageDescription(p),
		QueryOptions: p.QueryOptions,
		Page:         p.Path,
		Pos:          of.tmpl.Pos,
	}
	if of.respKind == ResponseSingle || of.respKind == ResponseCollection {
		op.ResponseType = b.resolveRef(of.respRef)
	}
	if of.body != nil {
		op.Body = &RequestBody{Binary: of.body.binary, Reference: of.body.reference}
		if !of.body.binary && !of.body.reference {
			op.Body.Type = b.resolveRef(of.body.ref)
		}
	}
	op.Parts, op.Params = pathParts(of.tmpl.Path, paramDescriptions(p))
	for _, ex := range of.examples {
		op.Examples = append(op.Examples, b.example(ex))
	}
	return op
}

func paramDescriptions(p *parser.Page) map[string]string {
	out := map[string]string{}
	for _, t := range p.Tables {
		if t.Kind != parser.TablePathParams {
			continue
		}
		desc := column(t.Header, "description")
		for _, r := range t.Rows {
			if len(r.Cells) == 0 || desc < 0 || desc >= len(r.Cells) {
				continue
			}
			k := strings.ToLower(strings.Trim(r.Cells[0].Text, "`* {}"))
			if _, ok := out[k]; !ok {
				out[k] = r.Cells[desc].Text
			}
		}
	}
	return out
}

// pathParts splits a template into literals and parameters. A parameter
// named "id" (or "id | something") takes its name from the segment before
// it: "/books/{id}/copies/{id}" → bookID, copyID.
func pathParts(path string, descs map[string]string) ([]PathPart, []*PathParam) {
	var parts []PathPart
	var params []*PathParam
	names := newNamer()
	rest := path
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			break
		}
		j += i
		lit := rest[:i]
		ph := strings.TrimSpace(rest[i+1 : j])
		quoted := strings.HasSuffix(lit, "'") && strings.HasPrefix(rest[j+1:], "'")
		if lit != "" {
			parts = append(parts, PathPart{Literal: lit})
		}
		prev := parts
		pp := &PathParam{Placeholder: ph, Quoted: quoted}
		pp.Name = names.unique(paramName(ph, prev, quoted))
		pp.Description = descs[strings.ToLower(ph)]
		if pp.Description == "" {
			first, _, _ := strings.Cut(ph, "|")
			pp.Description = descs[strings.ToLower(strings.TrimSpace(first))]
		}
		parts = append(parts, PathPart{Param: pp})
		params = append(params, pp)
		rest = rest[j+1:]
	}
	if rest != "" {
		parts = append(parts, PathPart{Literal: rest})
	}
	return parts, params
}

func paramName(ph string, prev []PathPart, quoted bool) string {
	first, _, _ := strings.Cut(ph, "|")
	first = strings.TrimSpace(first)
	generic := first == "" || strings.EqualFold(first, "id") || strings.EqualFold(first, "key")
	if !generic || quoted {
		return LowerName(first)
	}
	seg := ""
	for k := len(prev) - 1; k >= 0 && seg == ""; k-- {
		if prev[k].Literal == "" {
			break
		}
		segs := strings.Split(strings.Trim(prev[k].Literal, "/"), "/")
		seg = segs[len(segs)-1]
		if i := strings.IndexByte(seg, '('); i >= 0 {
			seg = seg[:i]
		}
	}
	if seg == "" {
		return LowerName(first)
	}
	return LowerName(singular(seg) + "Id")
}

// singular makes a plural path segment singular: "books" → "book",
// "policies" → "policy", "addresses" → "address".
func singular(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "ches"), strings.HasSuffix(l, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "us"), strings.HasSuffix(l, "is"):
		return s
	case strings.HasSuffix(l, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

func (b *builder) example(ex exPair) *Example {
	e := &Example{Name: ex.req.Name, Pos: ex.req.Pos, Method: ex.req.Method, Path: ex.req.Path, Query: ex.req.Query}
	if ct := strings.TrimSpace(headerValue(ex.req.Headers, "Content-Type")); ct != "" {
		if _, _, err := mime.ParseMediaType(ct); err == nil {
			e.RequestContentType = ct
		}
	}
	if ex.req.Body != nil {
		e.RequestBody, e.RequestBodyPos = ex.req.Body.Text, ex.req.Body.Pos
		e.RequestJSON = ex.req.Body.Strict
		if !e.RequestJSON && ex.req.Body.JSON != nil {
			e.RequestRepaired = string(ex.req.Body.JSON.Encode())
		}
	}
	if r := ex.resp; r != nil {
		e.Status = r.Status
		for _, h := range r.Headers {
			e.ResponseHeaders = append(e.ResponseHeaders, [2]string{h.Name, h.Value})
		}
		if r.Body != nil {
			e.ResponseBody, e.ResponseBodyPos = r.Body.Text, r.Body.Pos
			e.ResponseJSON = r.Body.Strict
			if !e.ResponseJSON && r.Body.JSON != nil {
				e.ResponseRepaired = string(r.Body.JSON.Encode())
			}
		}
		if r.ODataType != "" {
			name, coll := oDataTypeName(r.ODataType)
			if ref, ok := parseTypeText(name, DefaultNamespace); ok && (ref.prim != "" || b.types[ref.named] != nil) {
				ref.collection = ref.collection || coll || r.IsCollection
				e.ResponseType = b.resolveRef(ref)
			}
		}
	}
	return e
}

// summarize records what every page contributed.
func (b *builder) summarize(m *Model) {
	for _, k := range b.sortedKeys() {
		tf := b.types[k]
		if !tf.defined || tf.synthesized {
			continue
		}
		for _, page := range tf.pages {
			s := b.summary[page]
			if s == nil {
				continue
			}
			if tf.kind == Enum {
				s.Enums = append(s.Enums, tf.resolved.Name)
			} else {
				s.Types = append(s.Types, tf.resolved.Name)
			}
		}
	}
	for _, of := range b.ops {
		if s := b.summary[of.page.Path]; s != nil {
			s.Operations = append(s.Operations, of.resolved.Name)
		}
	}
	for _, mg := range b.merged {
		if s := b.summary[mg.page]; s != nil && !slices.Contains(s.Operations, mg.into.resolved.Name) {
			s.Operations = append(s.Operations, mg.into.resolved.Name)
		}
	}
	for _, p := range b.pages {
		s := b.summary[p.Path]
		slices.Sort(s.Types)
		slices.Sort(s.Enums)
		slices.Sort(s.Operations)
		if len(s.Types)+len(s.Enums)+len(s.Operations) == 0 {
			s.Reason = emptyReason(p)
		}
		m.Pages = append(m.Pages, s)
	}
}

func emptyReason(p *parser.Page) string {
	switch {
	case len(p.Annotations) == 0 && len(p.Tables) == 0:
		return "conceptual page: no annotations and no tables"
	case len(p.Requests) > 0 && len(p.Templates) == 0:
		return "request examples without an HTTP request section"
	case len(p.Annotations) == 0:
		return "no annotations"
	case len(p.Resources) == 0 && len(p.Requests) == 0:
		return "annotations name no request or resource"
	}
	return "its facts were merged into types defined elsewhere"
}
