package spec

import (
	"path"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/parser"
)

// Lint codes that only Lint reports.
const (
	// CodeResponseNoPage marks an operation whose response type no resource
	// or enum page defines.
	CodeResponseNoPage = "lint-response-no-page"
	// CodeBrokenLink marks a link to a markdown page that is not among the
	// input pages.
	CodeBrokenLink = "lint-broken-link"
)

// LintCodes are the codes of the findings Lint reports, sorted: the
// model's diagnostics about the docs themselves, and the checks only Lint
// makes.
//
//	annotation-json        an annotation's JSON is malformed
//	example-json           an example body is not valid JSON
//	example-type-mismatch  an example value has the wrong JSON type
//	lint-broken-link       a link names a page that is not an input
//	lint-response-no-page  an operation returns a type no page defines
//	property-from-example  an example has a property its resource lacks
//	request-no-response    a request example has no response example
func LintCodes() []string {
	return []string{
		"annotation-json",
		"example-json",
		"example-type-mismatch",
		CodeBrokenLink,
		CodeResponseNoPage,
		"property-from-example",
		"request-no-response",
	}
}

// Lint checks the docs that pages and the model m built from them hold,
// without generating code. It returns, sorted and without duplicates, the
// diagnostics of m whose codes are in LintCodes, every error of m, and the
// findings of the checks only Lint makes: operations of m whose response
// type no page defines (lint-response-no-page), and links in paragraphs or
// table cells to markdown pages no input page is (lint-broken-link).
//
// A link counts as pointing at an input page when, resolved against the
// linking page's name, it names that page, or when some input page has its
// file name: "../resources/book.md" and "book.md" both find
// "seeds/resources/book.md". Links with a scheme, site-absolute links
// ("/concepts/x.md"), anchors within a page and links to files other than
// *.md are not checked.
func Lint(pages []*parser.Page, m *Model) diag.List {
	codes := LintCodes()
	var out diag.List
	for _, d := range m.Diags {
		if d.Severity == diag.Error || slices.Contains(codes, d.Code) {
			out = append(out, d)
		}
	}
	for _, op := range m.Operations {
		t := op.ResponseType.Named
		if (op.Response != ResponseSingle && op.Response != ResponseCollection) || t == nil || t.Defined || t.Synthesized {
			continue
		}
		out.Warnf(op.Pos, CodeResponseNoPage, "operation %s returns %s, which no resource or enum page defines", op.Name, typeLabel(t))
	}
	out = append(out, brokenLinks(pages)...)
	out.Sort()
	return slices.CompactFunc(out, func(a, b diag.Diagnostic) bool { return a == b })
}

func typeLabel(t *Type) string {
	if t.FullName != "" {
		return t.FullName
	}
	return t.Name
}

// brokenLinks reports the links of pages to markdown pages that are not
// among pages.
func brokenLinks(pages []*parser.Page) diag.List {
	names := map[string]bool{}
	bases := map[string]bool{}
	for _, p := range pages {
		names[p.Path] = true
		bases[strings.ToLower(path.Base(p.Path))] = true
	}
	var out diag.List
	check := func(p *parser.Page, pos diag.Pos, dest string) {
		target, ok := localPage(dest)
		if !ok {
			return
		}
		if names[path.Join(path.Dir(p.Path), target)] || bases[strings.ToLower(path.Base(target))] {
			return
		}
		out.Warnf(pos, CodeBrokenLink, "link to %s: no input page %s", dest, path.Base(target))
	}
	for _, p := range pages {
		for _, l := range p.Links {
			check(p, l.Pos, l.Dest)
		}
		for _, t := range p.Tables {
			for _, r := range t.Rows {
				for _, c := range r.Cells {
					for _, l := range c.Links {
						check(p, r.Pos, l.Dest)
					}
				}
			}
		}
	}
	return out
}

// localPage returns the page path a link destination names, without its
// fragment or query, when it is a relative link to a markdown file.
func localPage(dest string) (string, bool) {
	dest = strings.TrimSpace(dest)
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	if i := strings.IndexByte(dest, ':'); i >= 0 && !strings.Contains(dest[:i], "/") {
		return "", false // a scheme: https:, mailto:
	}
	if dest == "" || strings.HasPrefix(dest, "/") || !strings.HasSuffix(strings.ToLower(dest), ".md") {
		return "", false
	}
	return dest, true
}
