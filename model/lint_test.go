package model_test

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/emitter"
	_ "github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
)

// lintLines formats findings as "pos [code]".
func lintLines(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Pos.String()+" ["+d.Code+"]")
	}
	return out
}

// TestLintSeeds checks the findings on the seed pages: the broken example
// JSON of bookcopy-update.md, the links to the synchronizationJob resource
// page that the seeds lack, and the operation that returns that type.
func TestLintSeeds(t *testing.T) {
	m, pages := seedModel(t)
	got := lintLines(model.Lint(pages, m))
	want := []string{
		"seeds/api/book-checkout.md:121:3 [example-type-mismatch]",
		"seeds/api/book-list.md:178:7 [example-type-mismatch]",
		"seeds/api/bookcopy-update.md:77:27 [example-json]",
		"seeds/api/bookcopy-update.md:78:25 [example-json]",
		"seeds/api/synchronization-synchronizationjob-list.md:14:1 [lint-broken-link]",
		"seeds/api/synchronization-synchronizationjob-list.md:31:1 [lint-response-no-page]",
		"seeds/api/synchronization-synchronizationjob-list.md:43:1 [lint-broken-link]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("lint findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Findings carry only lint codes; the model's other warnings (such as
	// type-undefined) are left to a normal run.
	for _, d := range model.Lint(pages, m) {
		if !slices.Contains(model.LintCodes(), d.Code) {
			t.Errorf("finding with code %s, not a lint code: %v", d.Code, d)
		}
	}
}

func TestLintCodesSorted(t *testing.T) {
	codes := model.LintCodes()
	if !slices.IsSorted(codes) || len(slices.Compact(slices.Clone(codes))) != len(codes) {
		t.Errorf("LintCodes not sorted and unique: %v", codes)
	}
}

const lintResource = `# thing resource type

Namespace: microsoft.graph

See [other](other.md), [the list call](../api/thing-list.md), [the web](https://example.com/x.md),
[concepts](/concepts/overview.md), [an anchor](#properties), [a picture](thing.png) and
[mail](mailto:docs@example.com).

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The id. |
| kind | [kind](kind.md) | Its kind. |
| owner | [owner](../resources/owner.md#props) | Its owner. |

## JSON representation

<!-- {
  "blockType": "resource",
  "@odata.type": "microsoft.graph.thing"
} -->
` + "```json" + `
{
  "id": "String",
  "kind": "String",
  "owner": "String"
}
` + "```" + `
`

const lintAPI = `# List things

Namespace: microsoft.graph

Returns [thing](../resources/thing.md) objects.

## HTTP request

<!-- { "blockType": "ignored" } -->
` + "```http" + `
GET /things
` + "```" + `

## Example

### Request

<!-- {
  "blockType": "request",
  "name": "list_things"
} -->
` + "```http" + `
GET https://graph.microsoft.com/v1.0/things
` + "```" + `

<!-- { "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.gadget", "isCollection": true } -->
` + "```http" + `
HTTP/1.1 200 OK
Content-Type: application/json

{"value": [{"id": "1"}]}
` + "```" + `

### Request 2

<!-- { "blockType": "request", "name": "second" } -->
` + "```http" + `
GET https://graph.microsoft.com/v1.0/things
` + "```" + `

<!-- { "blockType": "request", "name": "bad", } x -->
`

// TestLintChecks runs Lint on hand-written pages: links in paragraphs and
// table cells, resolved against the page or by file name; a response type
// without a page; a request without a response; a malformed annotation;
// and that errors always pass while other warnings (type-undefined,
// type-conflict) do not.
func TestLintChecks(t *testing.T) {
	p := parser.New()
	pages := []*parser.Page{
		p.Parse("docs/resources/thing.md", []byte(lintResource)),
		p.Parse("docs/api/thing-list.md", []byte(lintAPI)),
		p.Parse("docs/resources/kind.md", []byte("# kind enum type\n")),
	}
	m := model.Build(pages, model.Options{Reserved: emitter.Reserved()})
	m.Diags.Errorf(diag.Pos{File: "docs/api/thing-list.md", Line: 1}, "read", "an error is always reported")
	findings := model.Lint(pages, m)
	got := strings.Join(lintLines(findings), "\n")
	for _, want := range []string{
		// other.md and owner.md are no input pages; kind.md, thing.md and
		// ../api/thing-list.md are.
		"docs/resources/thing.md:5:1 [lint-broken-link]",
		"docs/resources/thing.md:15:1 [lint-broken-link]",
		"docs/api/thing-list.md:11:1 [lint-response-no-page]",
		"docs/api/thing-list.md:38:1 [request-no-response]",
		"docs/api/thing-list.md:41:49 [annotation-json]",
		"docs/api/thing-list.md:1 [read]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
	for _, code := range []string{"type-undefined", "type-conflict"} {
		if strings.Contains(got, "["+code+"]") {
			t.Errorf("findings include %s:\n%s", code, got)
		}
	}
	var broken []string
	for _, d := range findings {
		if d.Code == model.CodeBrokenLink {
			broken = append(broken, d.Message)
		}
	}
	wantBroken := []string{
		"link to other.md: no input page other.md",
		"link to ../resources/owner.md#props: no input page owner.md",
	}
	if !slices.Equal(broken, wantBroken) {
		t.Errorf("broken links %q, want %q", broken, wantBroken)
	}
	if !slices.IsSortedFunc(findings, func(a, b diag.Diagnostic) int { return a.Pos.Compare(b.Pos) }) {
		t.Error("findings not sorted")
	}
}

// modernPages parses the parser's pages in the current docs format
// (parser/testdata/modern: an api page, a resource page and an includes
// folder), named by their paths inside that folder.
func modernPages(t *testing.T) []*parser.Page {
	t.Helper()
	root := os.DirFS("../parser/testdata/modern")
	p := parser.New()
	var pages []*parser.Page
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".md" {
			return err
		}
		src, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		pages = append(pages, p.Parse(name, src))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestLintModernIncludes: on pages in the current format, includes are no
// broken links; the one include whose file the input's includes folder
// lacks is lint-broken-include; the include of ../../includes/, a folder
// outside the input, is no finding; and nothing else is reported.
func TestLintModernIncludes(t *testing.T) {
	pages := modernPages(t)
	m := model.Build(pages, model.Options{Reserved: emitter.Reserved()})
	got := lintLines(model.Lint(pages, m))
	want := []string{"v1.0/api/shelf-get.md:44:45 [lint-broken-include]"}
	if !slices.Equal(got, want) {
		t.Errorf("lint findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLintIncludesOutsideInput: without the includes folder among the
// inputs (as in the 2021 snapshot: api/ and resources/ only), no include
// is a finding, however many there are.
func TestLintIncludesOutsideInput(t *testing.T) {
	var pages []*parser.Page
	for _, p := range modernPages(t) {
		if !strings.Contains(p.Path, "/includes/") {
			pages = append(pages, p)
		}
	}
	m := model.Build(pages, model.Options{Reserved: emitter.Reserved()})
	for _, d := range model.Lint(pages, m) {
		t.Errorf("finding %v", d)
	}
}

// TestLintIncludeForms: an include resolved against the page names an
// input page or not; only folders holding input pages are checked, and
// the includes folder is the last "includes" segment of the target.
func TestLintIncludeForms(t *testing.T) {
	const page = `# p

[!INCLUDE [a](../includes/a.md)]

[!include[b](../includes/sub/b.md)]

[!INCLUDE [c](../other/c.md)]

[!INCLUDE [d](../../includes/d.md)]

[!INCLUDE [e](https://example.com/includes/e.md)]
`
	p := parser.New()
	pages := []*parser.Page{
		p.Parse("docs/api/p.md", []byte(page)),
		p.Parse("docs/includes/a.md", []byte("text\n")),
		p.Parse("docs/other/x.md", []byte("# x\n")),
	}
	m := model.Build(pages, model.Options{Reserved: emitter.Reserved()})
	var got []string
	for _, d := range model.Lint(pages, m) {
		got = append(got, d.Pos.String()+" "+d.Code+" "+d.Message)
	}
	want := []string{
		// a.md is an input page; b.md is missing from docs/includes, c.md
		// from docs/other, which both hold input pages; d.md's folder
		// "includes" holds none; e.md is not local.
		"docs/api/p.md:5:1 lint-broken-include include ../includes/sub/b.md: no file docs/includes/sub/b.md in docs/includes",
		"docs/api/p.md:7:1 lint-broken-include include ../other/c.md: no file docs/other/c.md in docs/other",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestModernPagesBuildClean: the model of the pages in the current docs
// format (includes folder and all) has no diagnostic, and the instance
// attribute of the shelf resource is a member of its JSON object.
func TestModernPagesBuildClean(t *testing.T) {
	pages := modernPages(t)
	m := model.Build(pages, model.Options{Reserved: emitter.Reserved()})
	for _, d := range m.Diags {
		t.Errorf("diagnostic %v", d)
	}
	var names []string
	for _, ty := range m.Types {
		if ty.Name == "Shelf" {
			for _, p := range ty.Properties {
				names = append(names, p.JSONName)
			}
		}
	}
	if !slices.Contains(names, "@microsoft.graph.conflictBehavior") || !slices.Contains(names, "label") {
		t.Errorf("shelf properties %q", names)
	}
}
