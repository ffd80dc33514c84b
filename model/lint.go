package model

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
	// CodeBrokenInclude marks an "[!INCLUDE [...](path)]" whose file is
	// missing from an includes folder that is part of the input.
	CodeBrokenInclude = "lint-broken-include"
)

// LintCodes are the codes of the findings Lint reports, sorted: the
// model's diagnostics about the docs themselves, and the checks only Lint
// makes.
//
//	annotation-json        an annotation's JSON is malformed
//	example-json           an example body is not valid JSON
//	example-type-mismatch  an example value has the wrong JSON type
//	lint-broken-include    an include names a file its includes folder lacks
//	lint-broken-link       a link names a page that is not an input
//	lint-response-no-page  an operation returns a type no page defines
//	property-from-example  an example has a property its resource lacks
//	request-no-response    a request example has no response example
//	response-body-ignored  an operation drops the body an example returns
//	response-context-conflict  an example's @odata.context and its annotation disagree
//	response-prose-conflict  an example and the Response prose disagree
//	response-relationship-conflict  a relationship or property table and other evidence disagree
//	response-table-conflict  a Methods table and stronger evidence disagree
//	response-unknown       a GET names no result anywhere in its docs
func LintCodes() []string {
	return []string{
		"annotation-json",
		"example-json",
		"example-type-mismatch",
		CodeBrokenInclude,
		CodeBrokenLink,
		CodeResponseNoPage,
		"property-from-example",
		"request-no-response",
		"response-body-ignored",
		"response-context-conflict",
		"response-prose-conflict",
		"response-relationship-conflict",
		"response-table-conflict",
		"response-unknown",
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
// *.md are not checked. Includes ("[!INCLUDE [...](path)]") are not links:
// an include is lint-broken-include when its path, resolved against the
// page, names no input page although its includes folder holds input
// pages (see brokenIncludes).
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
	out = append(out, brokenIncludes(pages)...)
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

// brokenIncludes reports the includes of pages whose file is not an input
// page although the includes folder it names is part of the input: some
// input page lies under that folder. The includes folder of
// "v1.0/includes/permissions/x.md" is "v1.0/includes"; a file outside any
// "includes" folder is checked against its own folder.
//
// An include whose folder holds no input page is not a finding. Includes
// are DocFX's business, not docgen's: the docs build pastes them in, and
// docgen reads nothing from them. Trees given to docgen often hold only
// api/ and resources/ (the snapshot does); there, every include points
// outside the input, and docgen cannot tell a typo from a file it simply
// was not given. Only when the folder is there can a missing file be a
// broken include. An includes folder next to the input tree counts when
// the command is given it too (-in v1.0/api -in v1.0/includes), since
// pages name by the input folders' base names.
func brokenIncludes(pages []*parser.Page) diag.List {
	names := map[string]bool{}
	dirs := map[string]bool{} // every folder that holds an input page
	for _, p := range pages {
		names[p.Path] = true
		for d := path.Dir(p.Path); d != "." && d != "/" && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var out diag.List
	for _, p := range pages {
		for _, in := range p.Includes {
			target, ok := localPage(in.Dest)
			if !ok {
				continue
			}
			full := path.Join(path.Dir(p.Path), target)
			if names[full] {
				continue
			}
			folder := includesFolder(full)
			if folder == "" {
				folder = path.Dir(full) // an include kept elsewhere
			}
			if !dirs[folder] {
				continue // not part of the input: see above
			}
			out.Warnf(in.Pos, CodeBrokenInclude, "include %s: no file %s in %s", in.Dest, full, folder)
		}
	}
	return out
}

// includesFolder returns the folder of name up to its last "includes"
// segment ("v1.0/includes/snippets/go/x.md" gives "v1.0/includes"), or "".
func includesFolder(name string) string {
	segs := strings.Split(path.Dir(name), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if strings.EqualFold(segs[i], "includes") {
			return strings.Join(segs[:i+1], "/")
		}
	}
	return ""
}
