// Package hostile tests docgen on hostile and broken docs: each case under
// testdata/NNN_name/ (some with pages generated at test time, too large or
// too odd to commit) must generate without a panic or an internal error,
// report the expected diagnostics, and give a package, test double and
// examples file that type-check, hold no injected code, and regenerate
// byte for byte.
package hostile

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/emitter"
	_ "github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/pipeline"
)

const (
	pkgName    = "hostile"
	importPath = "example.com/hostile"
)

// hostileCase is one case of the table.
type hostileCase struct {
	// dir is the case folder under testdata.
	dir string
	// codes are diagnostic codes the run must report.
	codes []string
	// exact says the run reports no other codes.
	exact bool
	// gen, if set, writes generated pages into the copy of dir.
	gen func(t *testing.T, dir string)
	// check, if set, makes more assertions on the result.
	check func(t *testing.T, res *pipeline.Result)
	// knownBug, if set, says why the output does not type-check yet: a
	// fix outside the packages this test owns. The test fails when the
	// output does type-check, so that the mark is removed.
	knownBug string
}

// R repeats s n times.
var R = strings.Repeat

func writePage(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// apiPage is a GET page answering with body.
func apiPage(title, template, req, body string) string {
	return "---\ntitle: \"" + title + "\"\ndoc_type: apiPageType\n---\n\n# " + title + "\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + template +
		"\n```\n\n## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"ex\" } -->\n```http\n" + req +
		"\n```\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + body + "\n```\n"
}

// cases is the table of hostile inputs.
var cases = []hostileCase{
	{dir: "001_unterminated_comment", codes: []string{"annotation-unterminated"}},
	// The fence swallows the rest of the page: GetWidget's docs name no
	// result, which response-unknown says. The list page documents one
	// widget (no collection) for GET /widgets, so its name from the path
	// is GetWidget too, taken: it is numbered (operation-name; known, a
	// name the docs' evidence contradicts).
	{dir: "002_unterminated_fence", codes: []string{"response-unknown", "operation-name"}, exact: true, check: hasOps("GetWidget", "GetWidget2")},
	{dir: "003_arrow_in_annotation", codes: []string{"annotation-json"}},
	{dir: "004_bom", exact: true, check: hasOps("GetWidget")},
	{dir: "005_crlf", exact: true, check: hasOps("GetWidget")},
	{dir: "006_bare_cr", exact: true, check: hasOps("GetWidget")},
	{dir: "007_indented_annotations", codes: []string{"request-no-response"}, check: hasOps("GetWidget", "DeleteWidget")},
	{dir: "008_annotation_in_list", exact: true, check: hasOps("GetWidget")},
	{dir: "009_annotation_in_quote", check: hasOps("UpdateWidget")},
	{dir: "010_invalid_annotation_json", codes: []string{"annotation-json", "resource-no-annotation"}},
	{dir: "011_duplicate_keys", codes: []string{"annotation-repaired", "example-json"}},
	{dir: "012_unknown_blocktype", codes: []string{"annotation-blocktype", "request-no-response"}},
	{dir: "013_json_placeholders", codes: []string{"example-json"}},
	{dir: "014_request_without_response", codes: []string{"request-no-response", "operation-no-response"}},
	{dir: "015_lowercase_method", codes: []string{"http-method-case"}, exact: true, check: hasOps("GetWidget")},
	{dir: "016_deep_json", codes: []string{"json-too-deep", "example-inexpressible"}, exact: true, gen: func(t *testing.T, dir string) {
		writePage(t, dir, "widget-get.md", apiPage("Get widget", "GET /widgets/{id}", "GET /widgets/1", R("[", 10_000_000)))
	}},
	{dir: "017_deep_list_markers", codes: []string{"markdown-too-deep"}, exact: true, gen: func(t *testing.T, dir string) {
		writePage(t, dir, "deep.md", "# Deep\n\n"+R("- ", 100_000)+"x\n")
		writePage(t, dir, "ordered.md", "# Deep\n\n"+R("1. ", 70_000)+"x\n")
	}},
	{dir: "018_deep_blockquotes", codes: []string{"markdown-too-deep"}, exact: true, gen: func(t *testing.T, dir string) {
		writePage(t, dir, "deep.md", "# Deep\n\n"+R(">", 200_000)+"\n")
		writePage(t, dir, "mixed.md", R("> - ", 50_000)+"\n")
	}},
	{dir: "019_dense_inline", codes: []string{"markdown-too-complex"}, exact: true, gen: func(t *testing.T, dir string) {
		writePage(t, dir, "links.md", "# Dense\n\n"+R("[a](b", 40_000)+"\n")
		writePage(t, dir, "emphasis.md", "# Dense\n\n"+R("*a_ ", 40_000)+"\n")
	}},
	{dir: "020_huge_page", codes: []string{"page-too-large"}, exact: true, gen: func(t *testing.T, dir string) {
		writePage(t, dir, "huge.md", "# Huge\n\n"+R("Text. ", pipeline.DefaultMaxPageBytes/6+1))
	}},
	{dir: "021_nul_bytes", codes: []string{"property-name", "example-json"}},
	{dir: "022_invalid_utf8", codes: []string{"property-name", "example-json"}},
	{dir: "023_lone_surrogates", codes: []string{"example-json", "property-name"}},
	{dir: "024_keyword_names", exact: true, check: hasOps("GetKeyword")},
	{dir: "025_digit_names", exact: true},
	{dir: "026_unicode_names", codes: []string{"property-name"}, exact: true},
	{dir: "027_punctuation_names", codes: []string{"property-name", "property-from-json-representation"}, exact: true},
	{dir: "028_case_collisions", exact: true},
	// Operations titled "Marshal JSON" and "Unmarshal JSON" are named
	// from their paths, not as the methods go vet reserves.
	{dir: "029_generated_method_names", exact: true, check: hasOps("GetWidget", "CreateWidget")},
	{dir: "030_comment_injection", exact: true},
	{dir: "031_enum_values", codes: []string{"enum-duplicate"}, exact: true},
	{dir: "032_big_numbers", codes: []string{"example-invalid-value", "example-type-mismatch"}},
	{dir: "033_empty_pages", codes: []string{"front-matter"}, exact: true},
	{dir: "034_empty_tree", exact: true, check: func(t *testing.T, res *pipeline.Result) {
		if res.Pages != 0 || len(res.Model.Types)+len(res.Model.Operations) != 0 {
			t.Errorf("an empty tree gave %d pages, %d types, %d operations", res.Pages, len(res.Model.Types), len(res.Model.Operations))
		}
	}},
	{dir: "035_path_injection"},
	{dir: "036_file_names", gen: func(t *testing.T, dir string) {
		// A page's stable name, which doc comments and examples_test.go
		// cite, is its path: folders and file names from the docs tree.
		for _, name := range []string{
			"evil*/ func init() { panic(1) } /*.md",
			"new\nline*/ func init() { panic(2) } /*.md",
			"go:generate rm -rf.md",
			"`tick` \"quote\" +build ignore.md",
			"\u202eevil\ufeff.md",
			"bad\xff.md",
		} {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			word := strings.Map(keepLetters, name)
			writePage(t, filepath.Dir(p), filepath.Base(p), apiPage("Get "+word, "GET /w/"+word+"/{id}", "GET /w/"+word+"/1", `{"id": "1"}`))
		}
	}},
	{dir: "037_bom_in_bodies"},
	{dir: "038_control_chars_in_bodies", codes: []string{"example-json"}},
	{dir: "039_many_collisions", gen: func(t *testing.T, dir string) {
		var b strings.Builder
		b.WriteString("---\ntitle: \"crowd resource type\"\n---\n\n# crowd resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n")
		for i := range 20_000 {
			fmt.Fprintf(&b, "|a%s|String|Collides.|\n", punctDigits(i))
		}
		b.WriteString("\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.crowd\" } -->\n```json\n{}\n```\n")
		writePage(t, dir, "crowd.md", b.String())
		b.Reset()
		b.WriteString("---\ntitle: \"Get widget\"\n---\n\n# Get widget\n\n## HTTP request\n\n```http\n")
		for i := range 2_000 {
			fmt.Fprintf(&b, "GET /w%d/{id}\n", i)
		}
		b.WriteString("```\n")
		writePage(t, dir, "widget-get.md", b.String())
	}, check: func(t *testing.T, res *pipeline.Result) {
		for _, typ := range res.Model.Types {
			if typ.Name == "Crowd" && len(typ.Properties) != 20_000 {
				t.Errorf("Crowd has %d properties, want 20000", len(typ.Properties))
			}
		}
		if len(res.Model.Operations) < 2_000 {
			t.Errorf("%d operations, want 2000", len(res.Model.Operations))
		}
	}},
	{dir: "040_base_cycles", codes: []string{"base-cycle", "base-enum", "type-undefined"}, exact: true},
	{dir: "041_front_matter", codes: []string{"front-matter"}},
	{dir: "042_tables", codes: []string{"type-text", "type-unknown"}},
	{dir: "043_huge_annotation_values", codes: []string{"type-undefined"}},
	{dir: "044_operation_collisions", codes: []string{"operation-name"}},
	{dir: "045_runtime_type_names", exact: true, check: func(t *testing.T, res *pipeline.Result) {
		for _, typ := range res.Model.Types {
			switch typ.Name {
			case "Client", "Date", "Duration", "TimeOfDay", "APIError", "RequestOption", "Option":
				t.Errorf("type %s takes a runtime name", typ.FullName)
			}
		}
	}},
	{dir: "046_wide_table", codes: []string{"markdown-too-complex"}, exact: true, gen: func(t *testing.T, dir string) {
		// goldmark pads every row to the columns of the delimiter row:
		// 24 KB would make 16 million cells.
		writePage(t, dir, "wide.md", "# Wide\n\n"+R("|a", 4_000)+"|\n"+R("|-", 4_000)+"|\n"+R("x\n", 4_000))
	}},
	{dir: "047_deep_base_chain", codes: []string{"base-too-deep"}, gen: func(t *testing.T, dir string) {
		// 300 types, each derived from the next, all declaring "p"; the
		// last derives from the first.
		for i := range 300 {
			writePage(t, dir, fmt.Sprintf("t%d.md", i), fmt.Sprintf("# t%d resource type\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|p|String|x|\n|p%d|Int32|x|\n\n"+
				"<!-- {\"blockType\": \"resource\", \"baseType\": \"microsoft.graph.t%d\", \"@odata.type\": \"microsoft.graph.t%d\"} -->\n```json\n{}\n```\n", i, i, (i+1)%300, i))
		}
	}},
	// Text and JSON example bodies whose lines are directives: go generate
	// runs any "//go:generate" line of a .go file, in a raw string literal
	// too (typeCheck's commentLines checks every line of every file).
	{dir: "048_directive_lines", check: func(t *testing.T, res *pipeline.Result) {
		hasOps("GetWidgetNotes", "SetWidgetNotes", "CreateWidget")(t, res)
		goGenerateRunsOnlyDocgen(t, res)
	}},
	// Documented links that leave the service, and a documented 429 that
	// asks for a day's wait; TestHostileLinksGoTest runs the package's
	// examples against a listener standing for the other host. Here the
	// host is the discard port of the loopback address.
	{dir: "049_hostile_links", gen: func(t *testing.T, dir string) { substituteTrap(t, dir, "127.0.0.1:9") }},
}

// goGenerateRunsOnlyDocgen writes the generated files into a module and
// asks go generate which commands it would run (-n runs none): none but
// docgen's own line in doc.go, which the hostile runs leave out (they set
// no GenerateLine).
func goGenerateRunsOnlyDocgen(t *testing.T, res *pipeline.Result) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	dir := t.TempDir()
	files := append([]emitter.File{{Name: "go.mod", Content: []byte("module " + importPath + "\n\ngo 1.24\n")}}, res.Files...)
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "generate", "-n", "./...")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go generate -n: %v\n%s", err, out)
	}
	for l := range strings.Lines(string(out)) {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "go run github.com/docgen-dev/docgen/cmd/docgen ") {
			t.Errorf("go generate would run %q", l)
		}
	}
}

// keepLetters keeps ASCII letters and digits, mapping the rest to "-".
func keepLetters(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		return r
	}
	return '-'
}

// punctDigits writes n in base 5 with the digits - . $ ~ !, so that every
// n gives a distinct JSON name that GoName turns into the same word.
func punctDigits(n int) string {
	const digits = "-.$~!"
	s := string(digits[n%5])
	for n /= 5; n > 0; n /= 5 {
		s += string(digits[n%5])
	}
	return s
}

// hasOps checks that the model has the named operations.
func hasOps(names ...string) func(*testing.T, *pipeline.Result) {
	return func(t *testing.T, res *pipeline.Result) {
		t.Helper()
		for _, n := range names {
			if !slices.ContainsFunc(res.Model.Operations, func(op *model.Operation) bool { return op.Name == n }) {
				var have []string
				for _, op := range res.Model.Operations {
					have = append(have, op.Name)
				}
				t.Errorf("no operation %s; have %v", n, have)
			}
		}
	}
}

// copyDir copies the case folder src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// prepare copies a case folder to a temporary folder and adds its
// generated pages.
func prepare(t *testing.T, c hostileCase, into string) string {
	t.Helper()
	dir := filepath.Join(into, c.dir)
	copyDir(t, filepath.Join("testdata", c.dir), dir)
	if c.gen != nil {
		c.gen(t, dir)
	}
	return dir
}

// run generates the package for inputs, turning a panic into a test
// failure that names it.
func run(t *testing.T, inputs ...string) (res *pipeline.Result, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("pipeline.Run panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return pipeline.Run(pipeline.Config{Inputs: inputs, Package: pkgName, ImportPath: importPath})
}

// runCase runs a case: a failed run is a test failure, or with a known
// bug, the bug showing.
func runCase(t *testing.T, c hostileCase, inputs ...string) (*pipeline.Result, bool) {
	t.Helper()
	res, err := run(t, inputs...)
	switch {
	case err == nil:
		return res, true
	case c.knownBug != "":
		t.Logf("known bug: %s: pipeline.Run: %v", c.knownBug, short(err.Error()))
	default:
		t.Errorf("pipeline.Run: %v", err)
	}
	return nil, false
}

// verify makes the assertions every case shares: no internal error, the
// expected codes, output that type-checks and holds no injected code, and
// the same output from a second run.
func verify(t *testing.T, c hostileCase, res *pipeline.Result, again func() (*pipeline.Result, error)) {
	t.Helper()
	seen := map[string]bool{}
	for _, d := range res.Model.Diags {
		seen[d.Code] = true
		if d.Code == "internal-error" {
			t.Errorf("internal error: %s", d)
		}
	}
	var have []string
	for k := range seen {
		have = append(have, k)
	}
	slices.Sort(have)
	for _, code := range c.codes {
		if !seen[code] {
			t.Errorf("no %s diagnostic; have %v", code, have)
		}
	}
	if c.exact {
		for _, code := range have {
			if !slices.Contains(c.codes, code) {
				t.Errorf("unexpected %s diagnostic; want only %v", code, c.codes)
			}
		}
	}
	err := typeCheck(res.Files, pkgName, importPath)
	switch {
	case c.knownBug == "" && err != nil:
		t.Errorf("output does not type-check or holds injected code:\n%v", err)
	case c.knownBug != "" && err == nil:
		t.Errorf("the known bug is fixed (%s): remove its mark", c.knownBug)
	case c.knownBug != "":
		t.Logf("known bug: %s:\n%v", c.knownBug, err)
	}
	if c.check != nil {
		c.check(t, res)
	}
	// Output file names are fixed by the emitter: the docs never name a
	// file, beyond the initial letter of a Go name when large files are
	// split, which cannot make a build-constrained or test file name.
	fixed := emptyTreeFiles(t)
	for _, name := range sortedNames(res.Files) {
		if !slices.Contains(fixed, name) && !splitFileRe.MatchString(name) {
			t.Errorf("output file %q is not one of an empty tree's, %v, nor a split file", name, fixed)
		}
	}
	res2, err := again()
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	if !slices.Equal(sortedNames(res.Files), sortedNames(res2.Files)) {
		t.Fatalf("second run gave files %v, first %v", sortedNames(res2.Files), sortedNames(res.Files))
	}
	for i := range res.Files {
		if !bytes.Equal(res.Files[i].Content, res2.Files[i].Content) {
			t.Errorf("second run gave a different %s", res.Files[i].Name)
		}
	}
	if fmt.Sprint(res.Model.Diags) != fmt.Sprint(res2.Model.Diags) {
		t.Errorf("second run gave different diagnostics")
	}
}

// splitFileRe matches the files large models, enums and operations files
// are split into.
var splitFileRe = regexp.MustCompile(`^(models|enums|operations)_([a-z]|other)\.go$`)

// emptyTreeFiles returns the names of the files generated from no pages.
var emptyTreeFiles = func() func(t *testing.T) []string {
	var once sync.Once
	var names []string
	return func(t *testing.T) []string {
		once.Do(func() {
			res, err := run(t, t.TempDir())
			if err != nil {
				t.Fatalf("empty tree: %v", err)
			}
			names = sortedNames(res.Files)
		})
		return names
	}
}()

// TestHostile runs every case of the table.
func TestHostile(t *testing.T) {
	dirs, err := filepath.Glob("testdata/[0-9]*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != len(cases) {
		t.Errorf("%d case folders, %d cases", len(dirs), len(cases))
	}
	if len(cases) < 35 {
		t.Errorf("only %d cases", len(cases))
	}
	tmp := t.TempDir()
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			t.Parallel()
			dir := prepare(t, c, tmp)
			start := time.Now()
			res, ok := runCase(t, c, dir)
			if d := time.Since(start); d > slowdown*time.Minute {
				t.Errorf("took %v", d)
			}
			if ok {
				verify(t, c, res, func() (*pipeline.Result, error) { return run(t, dir) })
			}
		})
	}
}

// TestHostileAllAtOnce generates one package from every case at once, then
// writes it over a folder holding a hand-written file and an older
// generated file: the hand-written file survives, every generated file is
// written, and writing again changes nothing.
func TestHostileAllAtOnce(t *testing.T) {
	root := filepath.Join(t.TempDir(), "all")
	all := hostileCase{dir: "all"}
	// Pages of different cases define the same types, which merge: only
	// the codes of the parser, which reads each page alone, must all
	// appear.
	pageCodes := func(codes []string) []string {
		var out []string
		for _, c := range codes {
			if strings.HasPrefix(c, "annotation-") || strings.HasPrefix(c, "markdown-") || strings.HasPrefix(c, "http-") ||
				slices.Contains([]string{"json-too-deep", "page-too-large", "example-json", "front-matter"}, c) {
				out = append(out, c)
			}
		}
		return out
	}
	for _, c := range cases {
		prepare(t, c, root)
		all.codes = append(all.codes, pageCodes(c.codes)...)
		if c.knownBug != "" {
			all.knownBug += c.knownBug + "; "
		}
	}
	res, ok := runCase(t, all, root)
	if !ok {
		// A known bug fails the whole run: check the rest without the
		// cases that show one.
		root = filepath.Join(t.TempDir(), "all")
		all = hostileCase{dir: "all"}
		for _, c := range cases {
			if c.knownBug == "" {
				prepare(t, c, root)
				all.codes = append(all.codes, pageCodes(c.codes)...)
			}
		}
		if res, ok = runCase(t, all, root); !ok {
			return
		}
	}
	verify(t, all, res, func() (*pipeline.Result, error) { return run(t, root) })

	out := filepath.Join(t.TempDir(), "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	mine := "package hostile\n\n// Hand-written.\nfunc Mine() {}\n"
	writePage(t, out, "mine.go", mine)
	writePage(t, out, "stale.go", "// Code generated by docgen. DO NOT EDIT.\n\npackage hostile\n")
	if _, err := pipeline.Write(out, res.Files); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "mine.go")); err != nil || string(b) != mine {
		t.Errorf("the hand-written file was lost or changed: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.go")); err == nil {
		t.Errorf("the stale generated file was kept")
	}
	for _, f := range res.Files {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Name)))
		if err != nil || !bytes.Equal(b, f.Content) {
			t.Errorf("%s not written as generated: %v", f.Name, err)
		}
	}
	st, err := pipeline.Write(out, res.Files)
	if err != nil || st.Written != 0 || st.Removed != 0 {
		t.Errorf("writing again: %+v, %v", st, err)
	}
}

// TestHostileParseFast checks that the pages built to be slow are parsed
// (rejected) in well under a second each.
func TestHostileParseFast(t *testing.T) {
	p := parser.New()
	for name, src := range map[string]string{
		"list markers":   R("- ", 100_000) + "x\n",
		"block quotes":   R(">", 200_000),
		"dense links":    R("[a](b", 40_000),
		"deep JSON":      apiPage("Get widget", "GET /widgets/{id}", "GET /widgets/1", R("[", 10_000_000)),
		"mixed emphasis": R("*a_ ", 40_000),
		"wide table":     R("|a", 4_000) + "|\n" + R("|-", 4_000) + "|\n" + R("x\n", 4_000),
	} {
		start := time.Now()
		pg := p.Parse("x.md", []byte(src))
		if d := time.Since(start); d > slowdown*3*time.Second {
			t.Errorf("%s: %v", name, d)
		}
		if len(pg.Diags) == 0 {
			t.Errorf("%s: no diagnostic", name)
		}
	}
}

// TestHostileBuild writes the package of every case without a known bug
// as a module and runs go vet and go test on it: the generated Example
// functions call every documented request against the generated test
// double.
func TestHostileBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the generated package; skipped under -short")
	}
	root := t.TempDir()
	docs := filepath.Join(root, "docs")
	for _, c := range cases {
		if c.knownBug == "" {
			prepare(t, c, docs)
		}
	}
	res, err := run(t, docs)
	if err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(root, "mod")
	if _, err := pipeline.Write(filepath.Join(mod, pkgName), res.Files); err != nil {
		t.Fatal(err)
	}
	writePage(t, mod, "go.mod", "module example.com\n\ngo 1.26\n")
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		switch {
		case err == nil:
		default:
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}
