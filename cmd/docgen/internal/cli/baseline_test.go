package cli

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/diag"
)

// seedModule copies the seed pages to docs/ in a new module in a temp
// folder, makes that folder the working folder and returns it.
func seedModule(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join(root, "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "docs"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	t.Chdir(dir)
	return dir
}

// editLine replaces the one line of file that is old with new.
func editLine(t *testing.T, file, old, new string) {
	t.Helper()
	b := read(t, file)
	if strings.Count(b, "\n"+old+"\n") != 1 {
		t.Fatalf("%s has %d lines %q", file, strings.Count(b, "\n"+old+"\n"), old)
	}
	write(t, file, strings.Replace(b, "\n"+old+"\n", "\n"+new+"\n", 1))
}

// diagLines are the lines of stderr that are diagnostics (not docgen's
// own "docgen: ..." lines).
func diagLines(stderr string) []string {
	var out []string
	for _, l := range nonEmptyLines(stderr) {
		if !strings.HasPrefix(l, "docgen: ") && !strings.HasPrefix(l, "::notice::") {
			out = append(out, l)
		}
	}
	return out
}

// TestBaselineStrict: -strict with a fresh baseline passes and prints no
// finding; after a one-line edit of a page it fails with exactly the new
// finding, in text and as the only GitHub annotation; a fixed finding is
// reported as gone; -baseline-write accepts the new state.
func TestBaselineStrict(t *testing.T) {
	seedModule(t)
	args := []string{"-in", "docs", "-out", "graph", "-pkg", "graph"}
	if code, _, stderr := docgen(t, append([]string{"-baseline-write"}, args...)...); code != ExitOK || !strings.Contains(stderr, "wrote 22 findings to the baseline graph/docgen.baseline") {
		t.Fatalf("-baseline-write: exit %d:\n%s", code, stderr)
	}
	base := read(t, filepath.Join("graph", BaselineName))
	if strings.Contains(base, `"line"`) || !strings.Contains(base, `{"code":"example-json","page":"docs/api/bookcopy-update.md","key":"example body is not valid JSON: ignored // comment"}`) {
		t.Errorf("baseline:\n%s", base)
	}
	strict := append([]string{"-strict"}, args...)
	code, _, stderr := docgen(t, strict...)
	if code != ExitOK || len(diagLines(stderr)) != 0 || !strings.Contains(stderr, "docgen: baseline: 22 known findings not shown") {
		t.Fatalf("-strict with a fresh baseline: exit %d:\n%s", code, stderr)
	}
	// Without the baseline the same run fails.
	if code, _, _ := docgen(t, append([]string{"-baseline", os.DevNull}, strict...)...); code != ExitFail {
		t.Errorf("-strict with an empty baseline: exit %d", code)
	}

	// A one-line edit: a response example gives "title" twice. The
	// findings after it on other pages keep their keys.
	page := filepath.Join("docs", "api", "book-get.md")
	editLine(t, page, `  "title": "The Lighthouse Keeper's Ledger",`, `  "title": "The Lighthouse Keeper's Ledger", "title": "Ledger",`)
	code, _, stderr = docgen(t, strict...)
	got := diagLines(stderr)
	want := `docs/api/book-get.md:97:46: error: example body JSON is suspect: duplicate key "title" (first at 4:3); the last one wins [example-json]`
	if code != ExitFail || len(got) != 1 || got[0] != want {
		t.Errorf("-strict after the edit: exit %d, findings\n%s\nwant exactly\n%s", code, strings.Join(got, "\n"), want)
	}
	_, _, stderr = docgen(t, append([]string{"-diag", "github"}, strict...)...)
	var annotations []string
	for _, l := range nonEmptyLines(stderr) {
		if strings.HasPrefix(l, "::error") || strings.HasPrefix(l, "::warning") {
			annotations = append(annotations, l)
		}
	}
	if len(annotations) != 1 || !strings.HasPrefix(annotations[0], "::error file=docs/api/book-get.md,line=97,col=46::") {
		t.Errorf("annotations %q in\n%s", annotations, stderr)
	}

	// Fixing a known finding: the run says the baseline can shrink.
	editLine(t, filepath.Join("docs", "api", "bookcopy-update.md"), `  "condition": "damaged", // was "new" before the loan`, `  "condition": "damaged",`)
	_, _, stderr = docgen(t, args...)
	if !strings.Contains(stderr, "docgen: baseline: 1 known findings of graph/docgen.baseline are gone; run with -baseline-write to drop them") {
		t.Errorf("no stale line:\n%s", stderr)
	}
	if code, _, _ := docgen(t, append([]string{"-baseline-write"}, args...)...); code != ExitOK {
		t.Errorf("-baseline-write: exit %d", code)
	}
	if code, _, stderr := docgen(t, strict...); code != ExitOK || strings.Contains(stderr, "gone") {
		t.Errorf("-strict after -baseline-write: exit %d:\n%s", code, stderr)
	}
	// A baseline named by -baseline must exist and be readable.
	if code, _, stderr := docgen(t, append([]string{"-baseline", "missing.baseline"}, args...)...); code != ExitFail || !strings.Contains(stderr, "missing.baseline") {
		t.Errorf("missing -baseline: exit %d, %s", code, stderr)
	}
	write(t, "bad.baseline", "{\n")
	if code, _, stderr := docgen(t, append([]string{"-baseline", "bad.baseline"}, args...)...); code != ExitFail || !strings.Contains(stderr, "bad.baseline: line 1") {
		t.Errorf("bad -baseline: exit %d, %s", code, stderr)
	}
}

// TestInfosFolded: infos print as one line per code, not one by one, and
// never fail -strict; -v prints them and the known findings one by one.
func TestInfosFolded(t *testing.T) {
	seedModule(t)
	args := []string{"-in", "docs", "-out", "graph", "-pkg", "graph"}
	editLine(t, filepath.Join("docs", "api", "book-get.md"), `  "@odata.type": "microsoft.graph.book"`, `  "@odata.type": "microsoft.graph.book",`)
	if code, _, stderr := docgen(t, append([]string{"-baseline-write", "-skip-code", "annotation-repaired"}, args...)...); code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	code, _, stderr := docgen(t, append([]string{"-strict"}, args...)...)
	if code != ExitOK || len(diagLines(stderr)) != 0 || !strings.Contains(stderr, "docgen: 1 info: an annotation's JSON was repaired") {
		t.Errorf("-strict: exit %d:\n%s", code, stderr)
	}
	code, _, stderr = docgen(t, append([]string{"-v"}, args...)...)
	lines := diagLines(stderr)
	if code != ExitOK || len(lines) != 23 || !strings.Contains(stderr, "docs/api/book-get.md:88:40: info: annotation JSON repaired") || strings.Contains(stderr, "known findings not shown") {
		t.Errorf("-v: exit %d, %d findings:\n%s", code, len(lines), stderr)
	}
}

// TestFilters: -only-code, -skip-code and -path select diagnostics; an
// unknown code is a usage error.
func TestFilters(t *testing.T) {
	out := inRoot(t)
	count := func(args ...string) int {
		t.Helper()
		code, _, stderr := docgen(t, append([]string{"-in", "seeds", "-out", out, "-diag", "json"}, args...)...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d:\n%s", args, code, stderr)
		}
		n := 0
		for _, l := range nonEmptyLines(stderr) {
			var j diag.JSON
			if err := json.Unmarshal([]byte(l), &j); err != nil {
				t.Fatalf("%q: %v", l, err)
			}
			n++
		}
		return n
	}
	all := count()
	if all != 21 {
		t.Errorf("%d diagnostics of the seeds, want 21", all)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"-only-code", "type-undefined"}, 9},
		{[]string{"-only-code", "type-undefined,example-json"}, 11},
		{[]string{"-only-code", "type-undefined", "-only-code", "example-json"}, 11},
		{[]string{"-skip-code", "type-undefined"}, 12},
		{[]string{"-path", "seeds/api/book-*"}, 9},
		{[]string{"-path", "seeds/resources"}, 1},
		{[]string{"-path", "seeds/resources", "-path", "seeds/api/bookcopy-update.md"}, 3},
		{[]string{"-path", "seeds/api/book-*", "-skip-code", "example-invalid-value"}, 4},
	}
	for _, tt := range tests {
		if got := count(tt.args...); got != tt.want {
			t.Errorf("%v: %d diagnostics, want %d", tt.args, got, tt.want)
		}
	}
	if code, _, stderr := docgen(t, "-only-code", "no-such-code"); code != ExitUsage || !strings.Contains(stderr, `unknown diagnostic code "no-such-code"`) {
		t.Errorf("unknown code: exit %d, %s", code, stderr)
	}
	if code, _, _ := docgen(t, "-path", "[", "-in", "seeds", "-out", out); code != ExitUsage {
		t.Errorf("bad -path: exit %d", code)
	}
}

// TestPathsUnderGoGenerate: with the output folder as working folder, as
// go generate runs docgen, diagnostics show paths from the module root,
// not "../docs/...".
func TestPathsUnderGoGenerate(t *testing.T) {
	dir := seedModule(t)
	// The pages' stable names ("docs/...") differ from their paths from
	// the module root ("site/docs/...").
	if err := os.Mkdir(filepath.Join(dir, "site"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "docs"), filepath.Join(dir, "site", "docs")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "graph")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(out)
	_, _, stderr := docgen(t, "-in", "../site/docs", "-out", ".", "-pkg", "graph", "-only-code", "example-json")
	if want := "site/docs/api/bookcopy-update.md:77:27: example body is not valid JSON: ignored // comment [example-json]\n"; !strings.HasPrefix(stderr, want) {
		t.Errorf("got\n%s\nwant it to start with\n%s", stderr, want)
	}
	// Outside a module, pages show their stable names.
	plain := t.TempDir()
	if err := os.CopyFS(filepath.Join(plain, "pages"), os.DirFS(filepath.Join(dir, "site", "docs"))); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(plain, "pages", "api"))
	_, _, stderr = docgen(t, "-in", "..", "-out", filepath.Join(plain, "out"), "-only-code", "example-json")
	if want := "pages/api/bookcopy-update.md:77:27:"; !strings.HasPrefix(stderr, want) {
		t.Errorf("outside a module: got\n%s\nwant %s...", stderr, want)
	}
}

// TestManualListsEveryCode: the manual's "Diagnostic codes" list is the
// catalog, code by code, with severity and meaning.
func TestManualListsEveryCode(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../../main.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(f.Doc.Text(), "# Diagnostic codes\n")
	if !ok {
		t.Fatal("the manual has no Diagnostic codes section")
	}
	list, _, _ = strings.Cut(list, "\n# ")
	var got []string
	for _, l := range strings.Split(list, "\n") {
		if strings.HasPrefix(l, "\t") {
			got = append(got, strings.Join(strings.Fields(l), " "))
		}
	}
	var want []string
	for _, c := range diag.Codes() {
		want = append(want, strings.Join(strings.Fields(c.Name+" "+c.Severity.String()+" "+c.Meaning), " "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		var b strings.Builder
		for _, c := range diag.Codes() {
			b.WriteString("//\t" + c.Name + strings.Repeat(" ", max(1, 37-len(c.Name))) + c.Severity.String() + strings.Repeat(" ", 9-len(c.Severity.String())) + c.Meaning + "\n")
		}
		t.Errorf("the manual's code list differs from diag.Codes; it should read:\n%s", b.String())
	}
}

// TestBaselineWriteFirstRun: a first run into an empty folder reports the
// naming conflicts it settles ("operation name X is claimed by ... too"),
// which later runs, reading the names file, no longer meet. The baseline
// -baseline-write writes on such a run is that of the runs to come, so the
// next run finds no known finding gone.
func TestBaselineWriteFirstRun(t *testing.T) {
	seedModule(t)
	// A second getAvailableCopies: both are named after where they start.
	write(t, filepath.Join("docs", "api", "library-getavailablecopies.md"), "---\ntitle: \"library: getAvailableCopies\"\ndoc_type: apiPageType\n---\n\n# library: getAvailableCopies\n\n## HTTP request\n\n```http\nGET /libraries/{id}/getAvailableCopies()\n```\n")
	args := []string{"-in", "docs", "-out", "graph", "-pkg", "graph"}
	code, _, stderr := docgen(t, append([]string{"-baseline-write"}, args...)...)
	if code != ExitOK || !strings.Contains(stderr, "operation-name") {
		t.Fatalf("-baseline-write: exit %d, want an operation-name finding:\n%s", code, stderr)
	}
	if base := read(t, filepath.Join("graph", BaselineName)); strings.Contains(base, "operation-name") {
		t.Errorf("the baseline keeps a finding the next run does not make:\n%s", base)
	}
	if code, _, stderr := docgen(t, append([]string{"-strict"}, args...)...); code != ExitOK || strings.Contains(stderr, "gone") || strings.Contains(stderr, "[operation-name]") {
		t.Errorf("the run after -baseline-write: exit %d:\n%s", code, stderr)
	}
}
