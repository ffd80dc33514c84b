package model

import (
	"path"
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

// pageDescription is what a page says about its type or operation: its own
// first paragraph (the parser's Intro, already plain text), else its
// front-matter description with the markdown reduced to text. The front
// matter is a summary for search engines, often cut mid-sentence
// ("... attached to an event, message or post. The **contentBytes**"), so
// it is only the fallback. The docs' placeholder "Not yet documented" is
// no description: it yields to the other source, or leaves none.
func pageDescription(p *parser.Page) string {
	intro, front := dropBrokenLinks(p.Intro), plainMarkdown(p.FrontMatter.Description)
	switch {
	case intro != "" && !undocumented(intro):
		return intro
	case !undocumented(front):
		return front
	}
	return ""
}

// undocumented reports the docs' placeholder text for a missing description.
func undocumented(s string) bool {
	return strings.EqualFold(strings.TrimRight(strings.TrimSpace(s), "."), "not yet documented")
}

// plainMarkdown reduces inline markdown to its text: emphasis markers and
// code backquotes go, a link keeps its text, runs of white space become one
// space. It is for the docs' short texts (front matter), not for pages.
func plainMarkdown(s string) string {
	if !strings.ContainsAny(s, "*_`[]") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '*', '`':
			continue
		case '_':
			// "__bold__" markers go; a snake_case word keeps its underscore.
			if i+1 < len(s) && s[i+1] == '_' {
				i++
				continue
			}
		case '[':
			// [text](dest) → text.
			if end := strings.IndexByte(s[i:], ']'); end > 0 && i+end+1 < len(s) && s[i+end+1] == '(' {
				if close := strings.IndexByte(s[i+end+1:], ')'); close > 0 {
					b.WriteString(s[i+1 : i+end])
					i += end + 1 + close
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return dropBrokenLinks(strings.Join(strings.Fields(b.String()), " "))
}

// dropBrokenLinks removes what is left of links the docs got wrong, which
// markdown shows as text: "policy](../resources/x.md) in" → "policy in",
// "a [personInterest](../x.md] in" → "a personInterest in". A bracket
// without its partner goes too; balanced brackets ("[User]") stay.
func dropBrokenLinks(s string) string {
	if !strings.ContainsAny(s, "[]") {
		return s
	}
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			break
		}
		end := strings.IndexAny(s[i+2:], ")] ")
		if end < 0 {
			end = len(s) - i - 2
		} else if s[i+2+end] != ' ' {
			end++
		}
		s = s[:i] + s[i+2+end:]
	}
	// A '[' pairs with the next ']' unless another '[' comes first; every
	// bracket without a partner is dropped.
	drop := map[int]bool{}
	open := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			if open >= 0 {
				drop[open] = true
			}
			open = i
		case ']':
			if open < 0 {
				drop[i] = true
			}
			open = -1
		}
	}
	if open >= 0 {
		drop[open] = true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if !drop[i] {
			b.WriteByte(s[i])
		}
	}
	out := b.String()
	return strings.Join(strings.Fields(out), " ")
}

// homePage reports whether the page at p is a type's own page: its file is
// named after the type ("user.md" for microsoft.graph.user), as against a
// page that also defines it ("intune-devices-user.md").
func homePage(p, fullName string) bool {
	short := fullName[strings.LastIndexByte(fullName, '.')+1:]
	return strings.EqualFold(strings.TrimSuffix(path.Base(p), path.Ext(p)), short)
}

// PublishedURL is the address at which Microsoft publishes the page with
// the stable name page ("v1.0/api/user-get.md" →
// "https://learn.microsoft.com/graph/api/user-get?view=graph-rest-1.0"), or
// "" when the page is not laid out as the Graph docs are (a version folder,
// then api/ or resources/) or its file name is not a plain slug.
func PublishedURL(page string) string {
	parts := strings.Split(page, "/")
	if len(parts) < 3 {
		return ""
	}
	version, kind, file := parts[len(parts)-3], parts[len(parts)-2], parts[len(parts)-1]
	var view string
	switch version {
	case "v1.0":
		view = "graph-rest-1.0"
	case "beta":
		view = "graph-rest-beta"
	default:
		return ""
	}
	slug, ok := strings.CutSuffix(file, ".md")
	if !ok || slug == "" {
		return ""
	}
	for _, c := range slug {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return ""
		}
	}
	switch kind {
	case "api":
		return "https://learn.microsoft.com/graph/api/" + slug + "?view=" + view
	case "resources":
		return "https://learn.microsoft.com/graph/api/resources/" + slug + "?view=" + view
	}
	return ""
}
