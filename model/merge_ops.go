package model

// Operations that several pages document, merged; examples that fit no request line of their page, attached.

import (
	"slices"
	"strings"
)

// commonBase returns the nearest type every key is or derives from, or "".
func (b *builder) commonBase(keys []string) string {
	for cand := range b.bases(keys[0]) {
		all := true
		for _, k := range keys[1:] {
			if !b.derives(k, cand) {
				all = false
				break
			}
		}
		if all {
			return cand
		}
	}
	return ""
}

// mergeDuplicateOperations keeps one operation per method and path shape:
// the Intune docs, for one, document GET /deviceManagement on a dozen
// pages. The page with the shortest file name (then the first path) keeps
// the operation and the others' examples join it.
func (b *builder) mergeDuplicateOperations() {
	keep := map[string]*opFacts{}
	keys := make([]string, len(b.ops))
	for i, op := range b.ops {
		k := op.method + " " + shape(op.tmpl.Path)
		keys[i] = k
		cur, ok := keep[k]
		if !ok {
			keep[k] = op
			continue
		}
		if better(op, cur) {
			keep[k] = op
		}
	}
	dropped := map[*opFacts]bool{}
	for i, op := range b.ops {
		if w := keep[keys[i]]; w != op {
			dropped[op] = true
			w.examples = append(w.examples, op.examples...)
			b.merged = append(b.merged, mergedOp{page: op.page.Path, into: w})
			b.diags.Warnf(op.tmpl.Pos, "operation-duplicate", "%s %s is also documented by %s; the operations are merged", op.method, op.tmpl.Path, w.page.Path)
		}
	}
	var out []*opFacts
	// When a page's primary merged into another page's operation, the
	// page's first remaining path of that method becomes its primary.
	newPrimary := map[*opFacts]*opFacts{}
	for _, op := range b.ops {
		if dropped[op] {
			continue
		}
		if op.altOf != nil && dropped[op.altOf] {
			if np, ok := newPrimary[op.altOf]; ok {
				op.altOf = np
			} else {
				newPrimary[op.altOf] = op
				op.altOf = nil
			}
		}
		out = append(out, op)
	}
	b.ops = out
}

// better reports whether op should represent a call documented by several
// pages instead of cur: a request line without a query beats one with
// ("GET /users/{id}/messages" on the messages page, not "GET
// /users/{id}/messages?$filter=singleValueExtendedProperties/Any(...)" on
// the extended properties' page, which shows the query the call takes),
// then a primary beats an alternate path, then a page whose title names
// the method's action, then the shorter file name, then the smaller path.
func better(op, cur *opFacts) bool {
	fits := func(o *opFacts) bool { return strings.HasPrefix(o.baseName, methodVerb[o.method]) }
	switch {
	case (op.tmpl.Query == "") != (cur.tmpl.Query == ""):
		return op.tmpl.Query == ""
	case (op.altOf == nil) != (cur.altOf == nil):
		return op.altOf == nil
	case fits(op) != fits(cur):
		// A page named for the method's action ("Update x" for PATCH).
		return fits(op)
	case len(pageBase(op.page.Path)) != len(pageBase(cur.page.Path)):
		return len(pageBase(op.page.Path)) < len(pageBase(cur.page.Path))
	}
	return op.page.Path < cur.page.Path
}

// mergedOp records that a page's operation was merged into another's.
type mergedOp struct {
	page string
	into *opFacts
}

// attachUnmatched gives each example that fits no request line of its own
// page to the operation of another page whose request line it fits, the
// first in page order; an example that fits none documents no operation.
func (b *builder) attachUnmatched() {
	// matches fails on paths of a different method or length, which most
	// are: the candidates are indexed by both, in operation order, so the
	// first that matches is the one a scan of b.ops would find.
	type opKey struct {
		method string
		segs   int
	}
	index := map[opKey][]*opFacts{}
	add := func(op *opFacts) {
		k := opKey{op.method, segments(op.tmpl.Path)}
		index[k] = append(index[k], op)
	}
	for _, op := range b.ops {
		add(op)
	}
	vocab := b.segmentVocabulary()
	for _, ex := range b.unmatched {
		var to *opFacts
		for _, op := range index[opKey{ex.req.Method, segments(ex.req.Path)}] {
			if matches(op.tmpl.Path, ex.req.Path) {
				to = op
				break
			}
		}
		if to == nil {
			if op := b.operationFromExample(ex, vocab); op != nil {
				add(op)
				continue
			}
			b.diags.Warnf(ex.req.Pos, "example-no-template", "request example %s %s fits no request line of any page; it documents no operation", ex.req.Method, ex.req.Path)
			continue
		}
		to.examples = append(to.examples, ex)
		b.diags.Warnf(ex.req.Pos, "example-other-page", "request example %s %s fits no request line of its page; it documents %s %s of %s", ex.req.Method, ex.req.Path, to.method, to.tmpl.Path, to.page.Path)
	}
}

// addressedOther returns what a GET of path returns by the request lines
// without a query that document it, when that is a type unrelated to ref
// (neither derives from the other): the path addresses another page's
// resource, not the one ref's page answers with.
func (b *builder) addressedOther(path string, ref rawRef) (rawRef, bool) {
	if ref.named == "" {
		return rawRef{}, false
	}
	for _, types := range []map[string]rawRef{b.getTypes, b.collTypes} {
		addr, ok := types[shape(path)]
		if !ok || addr.named == "" || addr.named == ref.named || b.types[addr.named] == nil || b.types[addr.named].kind == Enum {
			continue
		}
		if b.derives(addr.named, ref.named) || b.derives(ref.named, addr.named) {
			continue
		}
		return addr, true
	}
	return rawRef{}, false
}

// dropForeignQueries removes the GET request lines with a query whose path
// addresses another page's resource of an unrelated type ("GET
// /users/{id}/messages?$filter=Extensions/any(...)" on an extension's
// page): the page types their answer by what the query shows, but an
// operation of that path alone would call the other resource and decode
// its answer as this page's type. An alternate only is removed (a primary
// names the page's call), each reported; the examples it held are left to
// find their request line on another page.
func (b *builder) dropForeignQueries() {
	drop := map[*opFacts]bool{}
	for _, op := range b.ops {
		if op.method != "GET" || op.tmpl.Query == "" || op.altOf == nil {
			continue
		}
		addr, ok := b.addressedOther(op.tmpl.Path, op.respRef)
		if !ok {
			continue
		}
		drop[op] = true
		b.diags.Warnf(op.tmpl.Pos, "request-other-resource", "request line GET %s?%s addresses %s, which other pages document as returning %s, not this page's %s; no operation of this page is made of it", op.tmpl.Path, op.tmpl.Query, op.tmpl.Path, addr.named, op.respRef.named)
	}
	if len(drop) == 0 {
		return
	}
	dropped := func(op *opFacts) bool { return drop[op] }
	var orphans []exPair
	for _, op := range b.ops {
		if drop[op] {
			orphans = append(orphans, op.examples...)
		}
	}
	b.ops = slices.DeleteFunc(b.ops, dropped)
	for _, p := range b.pages {
		if ops, ok := b.pageOps[p]; ok {
			b.pageOps[p] = slices.DeleteFunc(ops, dropped)
		}
	}
	for _, ex := range orphans {
		held := slices.ContainsFunc(b.pageOps[ex.page], func(op *opFacts) bool {
			return slices.ContainsFunc(op.examples, func(e exPair) bool { return e.req == ex.req })
		})
		if !held && !slices.ContainsFunc(b.unmatched, func(e exPair) bool { return e.req == ex.req }) {
			b.unmatched = append(b.unmatched, ex)
		}
	}
}
