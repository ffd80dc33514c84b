package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/diag"
	_ "github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/pipeline"
)

// root is the repository root, from this package's folder.
const root = "../../../.."

// docgen runs Main with args and returns the exit code, stdout and stderr.
func docgen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// inRoot makes the repository root the working folder, so that -in seeds
// names the seed pages as a user's command in the repository would, and
// returns a fresh output folder.
func inRoot(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "graph")
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
	return out
}

// snapshot records the names, contents and mtimes of a folder's files.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = fi.ModTime().String() + "\n" + string(b)
	}
	return out
}

func sameSnapshot(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	for k, v := range a {
		if w, ok := b[k]; !ok {
			t.Errorf("%s: %s disappeared", what, k)
		} else if v != w {
			t.Errorf("%s: %s changed (content or mtime)", what, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			t.Errorf("%s: %s appeared", what, k)
		}
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// backdate sets the mtime of every file in dir an hour back.
func backdate(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := os.Chtimes(filepath.Join(dir, e.Name()), old, old); err != nil {
			t.Fatal(err)
		}
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestHelpAndManualDescribeEveryFlag checks that "docgen -h" and the
// package doc of cmd/docgen (the manual) name every flag, each with an
// example.
func TestHelpAndManualDescribeEveryFlag(t *testing.T) {
	code, help, stderr := docgen(t, "-h")
	if code != ExitOK || stderr != "" {
		t.Fatalf("-h: exit %d, stderr %q", code, stderr)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../../main.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatal("cmd/docgen/main.go has no package doc")
	}
	manual := f.Doc.Text()
	var o options
	fs := newFlagSet(&o)
	n := 0
	fs.VisitAll(func(fl *flag.Flag) {
		n++
		name := regexp.MustCompile(`(^|[\s\[(])-` + regexp.QuoteMeta(fl.Name) + `\b($|[^-\w])`)
		if !name.MatchString(help) {
			t.Errorf("-h does not mention -%s", fl.Name)
		}
		if !name.MatchString(manual) {
			t.Errorf("the manual (package doc of cmd/docgen) does not mention -%s", fl.Name)
		}
		// An example: a "docgen ..." command line using the flag.
		example := regexp.MustCompile(`(?m)^\s*docgen .*-` + regexp.QuoteMeta(fl.Name) + `\b($|[^-\w])`)
		if !example.MatchString(manual) {
			t.Errorf("the manual has no example command using -%s", fl.Name)
		}
		if !strings.Contains(fl.Usage, "\nexample: ") {
			t.Errorf("-%s has no example in -h", fl.Name)
		}
	})
	if n < 13 {
		t.Errorf("only %d flags", n)
	}
	for _, s := range []string{"usage: docgen", "Exit status", "example: -ops '^(Get|List)Book'", "(default 200)"} {
		if !strings.Contains(help, s) {
			t.Errorf("-h lacks %q", s)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, stderr := docgen(t, "-version")
	if code != ExitOK || stderr != "" || !regexp.MustCompile(`^docgen \S+\n$`).MatchString(out) {
		t.Errorf("-version: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"-nope"},
		{"-diag", "xml"},
		{"-diag"},
		{"-ops", "(unclosed"},
		{"-include", "[a-"},
		{"-exclude", "x\\"},
		{"-diff-lines", "-1"},
		{"-diff-lines", "many"},
		{"-strict=maybe"},
		{"-lint", "-check"},
		{"-out", "x", "extra"},
	} {
		code, out, stderr := docgen(t, args...)
		if code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
		if out != "" || !strings.Contains(stderr, `run "docgen -h" for usage`) {
			t.Errorf("%q: stdout %q, stderr %q", args, out, stderr)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) > 0 {
		t.Errorf("usage errors wrote %v", entries)
	}
}

// TestCheck covers -check: exit 0 and no output when the folder is up to
// date; exit 1 with added/changed/removed lines and a unified diff, cut at
// -diff-lines, when it is not; and nothing written either way.
func TestCheck(t *testing.T) {
	out := inRoot(t)
	args := []string{"-in", "seeds", "-out", out, "-pkg", "graph"}
	if code, _, stderr := docgen(t, append(args, "-q")...); code != ExitOK || stderr != "" {
		t.Fatalf("generate: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := docgen(t, append([]string{"-check"}, args...)...)
	if code != ExitOK || stdout != "" {
		t.Fatalf("check up to date: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "docgen: 29 pages") {
		t.Errorf("check up to date: no summary line in %q", stderr)
	}

	// Drift: an edited file, a deleted one, a stale generated one; a
	// hand-written file is not drift.
	ops := filepath.Join(out, "operations.go")
	write(t, ops, strings.Replace(read(t, ops), "func (c *Client) DeleteBook(", "func (c *Client) RemoveBook(", 1))
	write(t, filepath.Join(out, "old.go"), "// Code generated by docgen. DO NOT EDIT.\n\npackage graph\n")
	write(t, filepath.Join(out, "hand.go"), "package graph\n")
	valuesGo := read(t, filepath.Join(out, "values.go"))
	if err := os.Remove(filepath.Join(out, "values.go")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	code, stdout, _ = docgen(t, append([]string{"-check"}, args...)...)
	if code != ExitFail {
		t.Errorf("check with drift: exit %d, want 1", code)
	}
	// Without values.go the package in the folder does not compile, so
	// there is no API summary, and -check says why.
	lines := nonEmptyLines(stdout)
	if len(lines) < 4 || !strings.HasPrefix(lines[0], "API: no summary: the package in the output folder: ") ||
		!slices.Equal(lines[1:4], []string{"removed: old.go", "changed: operations.go", "added: values.go"}) {
		t.Fatalf("check with drift: stdout\n%s", stdout)
	}
	for _, want := range []string{
		"--- " + filepath.ToSlash(out) + "/operations.go\tcurrent\n+++ " + filepath.ToSlash(out) + "/operations.go\tgenerated\n@@ -",
		"\n-func (c *Client) RemoveBook(",
		"\n+func (c *Client) DeleteBook(",
		"\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-// Code generated by docgen. DO NOT EDIT.\n",
		"\n--- /dev/null\n+++ " + filepath.ToSlash(out) + "/values.go\tgenerated\n@@ -0,0 +1,",
		"... (diff truncated)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check with drift: stdout lacks %q", want)
		}
	}
	if n := len(strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")); n != 1+3+DefaultDiffLines+1 {
		t.Errorf("check with drift: %d lines, want the API line, 3 change lines, %d diff lines and the truncation note", n, DefaultDiffLines)
	}
	sameSnapshot(t, "-check", before, snapshot(t, out))

	_, stdout, _ = docgen(t, append([]string{"-check", "-diff-lines", "12"}, args...)...)
	if lines := nonEmptyLines(stdout); len(lines) != 1+3+12+1 || lines[len(lines)-1] != "... (diff truncated)" {
		t.Errorf("-diff-lines 12: stdout\n%s", stdout)
	}
	_, stdout, _ = docgen(t, append([]string{"-check", "-diff-lines", "0"}, args...)...)
	if _, files, _ := strings.Cut(stdout, "\n"); files != "removed: old.go\nchanged: operations.go\nadded: values.go\n" {
		t.Errorf("-diff-lines 0: stdout\n%s", stdout)
	}
	sameSnapshot(t, "-check -diff-lines", before, snapshot(t, out))

	// With the package whole again, the API summary comes first and names
	// the renamed method as a breaking change.
	write(t, filepath.Join(out, "values.go"), valuesGo)
	_, stdout, _ = docgen(t, append([]string{"-check", "-diff-lines", "0"}, args...)...)
	lines = nonEmptyLines(stdout)
	if len(lines) < 6 || !slices.Equal(lines[:2], []string{"API: 1 breaking changes (1 removed, 0 changed), 1 added", "removed:"}) ||
		!strings.HasPrefix(lines[2], "  (*Client).RemoveBook: func(ctx context.Context, bookID string") ||
		lines[3] != "added:" || !strings.HasPrefix(lines[4], "  (*Client).DeleteBook: func(ctx context.Context, bookID string") ||
		lines[5] != "removed: old.go" {
		t.Errorf("check with an API change: stdout\n%s", stdout)
	}

	// A folder that does not exist is not created.
	missing := filepath.Join(t.TempDir(), "none")
	if code, _, _ := docgen(t, "-check", "-in", "seeds", "-out", missing); code != ExitFail {
		t.Errorf("check of a missing folder: exit %d", code)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("-check created %s", missing)
	}
}

func TestDiagJSON(t *testing.T) {
	out := inRoot(t)
	code, stdout, stderr := docgen(t, "-in", "seeds", "-out", out, "-diag", "json")
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	lines := nonEmptyLines(stderr)
	if len(lines) == 0 {
		t.Fatal("no diagnostics")
	}
	var found bool
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not a JSON object: %q", l)
		}
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, []string{"code", "col", "file", "key", "line", "message", "page", "severity"}) {
			t.Errorf("keys %v in %s", keys, l)
		}
		if m["code"] == "example-json" && m["line"] == 77.0 {
			found = true
			want := map[string]any{"file": "seeds/api/bookcopy-update.md", "line": 77.0, "col": 27.0, "severity": "warning", "code": "example-json", "message": "example body is not valid JSON: ignored // comment", "page": "seeds/api/bookcopy-update.md", "key": "example body is not valid JSON: ignored // comment"}
			for k, v := range want {
				if m[k] != v {
					t.Errorf("%s = %v, want %v", k, m[k], v)
				}
			}
		}
	}
	if !found {
		t.Errorf("no example-json diagnostic in\n%s", stderr)
	}
	// A failed write is a JSON object too.
	write(t, filepath.Join(out, "enums.go"), "package graph\n")
	code, _, stderr = docgen(t, "-in", "seeds", "-out", out, "-diag", "json", "-q")
	var m map[string]any
	if code != ExitFail || json.Unmarshal([]byte(strings.TrimSpace(stderr)), &m) != nil || m["code"] != "write" || m["severity"] != "error" {
		t.Errorf("failed write: exit %d, stderr %q", code, stderr)
	}
}

func TestDiagGitHub(t *testing.T) {
	out := inRoot(t)
	code, _, stderr := docgen(t, "-in", "seeds", "-out", out, "-diag", "github")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	lines := nonEmptyLines(stderr)
	want := "::warning file=seeds/api/book-checkout.md,line=120,col=14::example value \"2021-07-22T00:00:00Z\": not a valid Edm.Date value [example-invalid-value]"
	if len(lines) == 0 || lines[0] != want {
		t.Errorf("first line %q, want %q", lines, want)
	}
	for _, l := range lines[:len(lines)-1] {
		// Infos are folded into one notice per code (TestInfosFolded).
		if !strings.HasPrefix(l, "::warning file=seeds/") && !strings.HasPrefix(l, "::notice::docgen: ") {
			t.Errorf("not a workflow command: %q", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "docgen: 29 pages") {
		t.Errorf("summary %q", last)
	}
}

func TestGitHubCommandEscaping(t *testing.T) {
	tests := []struct {
		d    diag.Diagnostic
		want string
	}{
		{
			diag.Diagnostic{Pos: diag.Pos{File: "docs/a,b:c%.md", Line: 3, Col: 4}, Severity: diag.Error, Code: "x", Message: "100% bad\r\nthing: a, b"},
			"::error file=docs/a%2Cb%3Ac%25.md,line=3,col=4::100%25 bad%0D%0Athing: a, b [x]",
		},
		{
			diag.Diagnostic{Pos: diag.Pos{File: "a.md", Line: 3}, Code: "y", Message: "m"},
			"::warning file=a.md,line=3::m [y]",
		},
		{
			diag.Diagnostic{Pos: diag.Pos{File: "a.md"}, Code: "z", Message: "whole file"},
			"::warning file=a.md::whole file [z]",
		},
		{
			diag.Diagnostic{Code: "run", Message: "no position", Severity: diag.Error},
			"::error::no position [run]",
		},
	}
	for _, tt := range tests {
		if got := githubCommand(tt.d); got != tt.want {
			t.Errorf("githubCommand(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestStrict: -strict makes the seeds' warnings errors: exit 1, output
// still written; with -check nothing is written.
func TestStrict(t *testing.T) {
	out := inRoot(t)
	code, _, stderr := docgen(t, "-strict", "-in", "seeds", "-out", out)
	if code != ExitFail {
		t.Errorf("-strict: exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "seeds/api/bookcopy-update.md:77:27: error: example body is not valid JSON") {
		t.Errorf("-strict: warnings not shown as errors:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "models.go")); err != nil {
		t.Errorf("-strict: output not written: %v", err)
	}
	// Without -strict the same run succeeds.
	if code, _, _ := docgen(t, "-in", "seeds", "-out", out); code != ExitOK {
		t.Errorf("without -strict: exit %d", code)
	}
	// -strict -check on an up-to-date folder fails on the warnings and
	// writes nothing.
	backdate(t, out)
	before := snapshot(t, out)
	if code, stdout, _ := docgen(t, "-strict", "-check", "-in", "seeds", "-out", out); code != ExitFail || stdout != "" {
		t.Errorf("-strict -check: exit %d, stdout %q", code, stdout)
	}
	sameSnapshot(t, "-strict -check", before, snapshot(t, out))
}

func TestQuiet(t *testing.T) {
	out := inRoot(t)
	if code, stdout, stderr := docgen(t, "-q", "-in", "seeds", "-out", out); code != ExitOK || stdout != "" || stderr != "" {
		t.Errorf("-q: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// Errors and the summary still show.
	code, _, stderr := docgen(t, "-q", "-strict", "-in", "seeds", "-out", out)
	if code != ExitFail || !strings.Contains(stderr, "error: example body is not valid JSON") || !strings.Contains(stderr, "docgen: 29 pages") {
		t.Errorf("-q -strict: exit %d, stderr %q", code, stderr)
	}
	if strings.Contains(stderr, "[type-undefined]") == false {
		t.Errorf("-q -strict: promoted warnings missing:\n%s", stderr)
	}
}

// TestSubsetFlags: -ops, -include and -exclude generate part of the client
// with the types it needs; the go:generate line repeats the selection; a
// selection of nothing fails.
func TestSubsetFlags(t *testing.T) {
	out := inRoot(t)
	code, _, stderr := docgen(t, "-q", "-in", "seeds", "-out", out, "-pkg", "books", "-ops", "^GetBook$")
	if code != ExitOK {
		t.Fatalf("-ops: exit %d: %s", code, stderr)
	}
	ops, models := read(t, filepath.Join(out, "operations.go")), read(t, filepath.Join(out, "models.go"))
	funcs := regexp.MustCompile(`func \(c \*Client\) (\w+)\(`).FindAllStringSubmatch(ops, -1)
	if len(funcs) != 1 || funcs[0][1] != "GetBook" {
		t.Errorf("-ops ^GetBook$: methods %v", funcs)
	}
	for _, typ := range []string{"Book", "Entity", "Edition", "PublicationInfo", "Publisher", "PostalAddress", "BookCopy"} {
		if !strings.Contains(models, "\ntype "+typ+" struct") {
			t.Errorf("-ops ^GetBook$: type %s missing", typ)
		}
	}
	for _, typ := range []string{"Loan", "SynchronizationJob", "CheckoutBookParameters"} {
		if strings.Contains(models, "\ntype "+typ+" struct") {
			t.Errorf("-ops ^GetBook$: type %s generated", typ)
		}
	}
	if doc := read(t, filepath.Join(out, "doc.go")); !strings.Contains(doc, "-pkg books -ops ^GetBook${DOLLAR}\n") {
		t.Errorf("go:generate line does not repeat -ops:\n%s", doc)
	}

	code, _, stderr = docgen(t, "-q", "-in", "seeds", "-out", out, "-pkg", "books", "-include", "seeds/api/book-*.md", "-exclude", "*-delete.md", "-exclude", "book-get-cover.md")
	if code != ExitOK {
		t.Fatalf("-include/-exclude: exit %d: %s", code, stderr)
	}
	ops = read(t, filepath.Join(out, "operations.go"))
	for _, m := range []string{"GetBook", "ListBooks", "CreateBook", "CheckoutBook"} {
		if !strings.Contains(ops, ") "+m+"(") {
			t.Errorf("-include: %s missing", m)
		}
	}
	for _, m := range []string{"DeleteBook", "GetBookCover", "ListCopies", "ListSynchronizationJobs"} {
		if strings.Contains(ops, ") "+m+"(") {
			t.Errorf("-include/-exclude: %s generated", m)
		}
	}

	before := snapshot(t, out)
	code, _, stderr = docgen(t, "-in", "seeds", "-out", out, "-ops", "NoSuchOperation")
	if code != ExitFail || !strings.Contains(stderr, "matches none of the 23 operations") {
		t.Errorf("empty selection: exit %d, stderr %q", code, stderr)
	}
	sameSnapshot(t, "empty selection", before, snapshot(t, out))
}

func TestGenerateArg(t *testing.T) {
	for in, want := range map[string]string{
		"^GetBook$":    "^GetBook${DOLLAR}",
		"a$b":          "a${DOLLAR}b",
		"seeds/*.md":   "seeds/*.md",
		"two words":    `"two words"`,
		`back\slash`:   `"back\\slash"`,
		`"quoted"`:     `"\"quoted\""`,
		"(Get|List).+": "(Get|List).+",
	} {
		if got := generateArg(in); got != want {
			t.Errorf("generateArg(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLint: -lint reports the docs problems of the seeds with their codes,
// writes nothing, and fails only with -strict.
func TestLint(t *testing.T) {
	out := inRoot(t)
	code, stdout, stderr := docgen(t, "-lint", "-in", "seeds", "-out", out)
	if code != ExitOK || stdout != "" {
		t.Errorf("-lint: exit %d, stdout %q", code, stdout)
	}
	for _, want := range []string{
		"seeds/api/bookcopy-update.md:77:27: example body is not valid JSON: ignored // comment [example-json]\n",
		"seeds/api/synchronization-synchronizationjob-list.md:14:1: link to ../resources/synchronizationjob.md: no input page synchronizationjob.md [lint-broken-link]\n",
		"seeds/api/synchronization-synchronizationjob-list.md:31:1: operation ListSynchronizationJobs returns microsoft.graph.synchronizationJob, which no resource or enum page defines [lint-response-no-page]\n",
		"seeds/api/book-list.md:178:7: property microsoft.graph.book.copyCount is Edm.Int32 but an example gives a string [example-type-mismatch]\n",
		"docgen: lint: 7 findings in 29 pages",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-lint output lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "[type-undefined]") {
		t.Errorf("-lint reports generation warnings:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("-lint wrote %s", out)
	}
	if code, _, _ := docgen(t, "-lint", "-strict", "-in", "seeds", "-out", out); code != ExitFail {
		t.Errorf("-lint -strict: exit %d, want 1", code)
	}
	_, _, stderr = docgen(t, "-lint", "-diag", "json", "-in", "seeds", "-out", out)
	if lines := nonEmptyLines(stderr); len(lines) != 7 || !strings.Contains(lines[0], `"code":"example-type-mismatch"`) {
		t.Errorf("-lint -diag json:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("-lint wrote %s", out)
	}
}

// TestOwnership: a hand-written file in the output folder is left alone,
// and a generated file's name clashing with one is an error (exit 1) that
// leaves the folder as it was.
func TestOwnership(t *testing.T) {
	out := inRoot(t)
	args := []string{"-q", "-in", "seeds", "-out", out, "-pkg", "graph"}
	if code, _, stderr := docgen(t, args...); code != ExitOK {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	hand := "package graph\n\n// Extra is hand-written.\nfunc Extra() {}\n"
	write(t, filepath.Join(out, "extra.go"), hand)
	write(t, filepath.Join(out, "README.md"), "# graph\n")
	if code, _, stderr := docgen(t, args...); code != ExitOK {
		t.Fatalf("rerun: exit %d: %s", code, stderr)
	}
	if read(t, filepath.Join(out, "extra.go")) != hand || read(t, filepath.Join(out, "README.md")) != "# graph\n" {
		t.Error("hand-written files changed")
	}
	// enums.go becomes hand-written: docgen must not overwrite it.
	write(t, filepath.Join(out, "enums.go"), hand)
	backdate(t, out)
	before := snapshot(t, out)
	code, _, stderr := docgen(t, args...)
	if code != ExitFail || !strings.Contains(stderr, "enums.go exists and was not generated by docgen") {
		t.Errorf("clash: exit %d, stderr %q", code, stderr)
	}
	sameSnapshot(t, "clash", before, snapshot(t, out))
}

// TestFailedRunKeepsOutput: a run that fails (here on a clash) changes no
// file, not even those it would have rewritten; and a successful rerun
// leaves unchanged files with their mtimes.
func TestFailedRunKeepsOutput(t *testing.T) {
	out := inRoot(t)
	args := []string{"-q", "-in", "seeds", "-out", out, "-pkg", "graph"}
	if code, _, stderr := docgen(t, args...); code != ExitOK {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	generated := read(t, filepath.Join(out, "enums.go"))
	write(t, filepath.Join(out, "enums.go"), "package graph\n")
	backdate(t, out)
	before := snapshot(t, out)
	// This run would rewrite models.go, operations.go and doc.go.
	if code, _, _ := docgen(t, append(args, "-ops", "^GetBook$")...); code != ExitFail {
		t.Fatalf("clashing run: exit %d, want 1", code)
	}
	sameSnapshot(t, "failed run", before, snapshot(t, out))

	// Without the clash, the rerun writes enums.go and touches nothing else.
	if err := os.Remove(filepath.Join(out, "enums.go")); err != nil {
		t.Fatal(err)
	}
	delete(before, "enums.go")
	if code, _, stderr := docgen(t, args...); code != ExitOK {
		t.Fatalf("rerun: exit %d: %s", code, stderr)
	}
	after := snapshot(t, out)
	if read(t, filepath.Join(out, "enums.go")) != generated {
		t.Error("enums.go not regenerated")
	}
	delete(after, "enums.go")
	sameSnapshot(t, "rerun", before, after)
	if tmp, _ := filepath.Glob(filepath.Join(out, ".docgen-*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func TestReportFlag(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.json")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"-in", "../../../../seeds", "-out", filepath.Join(dir, "out"), "-report", report}, &stdout, &stderr)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var r pipeline.RunReport
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Pages != len(r.Pages) || r.Summary.Pages < 13 {
		t.Errorf("summary pages %d, page entries %d", r.Summary.Pages, len(r.Pages))
	}
	var sawBook bool
	for _, p := range r.Pages {
		if p.Path == "seeds/resources/book.md" && slices.Contains(p.Types, "Book") {
			sawBook = true
		}
		if len(p.Types)+len(p.Enums)+len(p.Operations) == 0 && p.Reason == "" {
			t.Errorf("page %s contributed nothing and says no reason", p.Path)
		}
	}
	if !sawBook {
		t.Error("report does not say book.md contributed Book")
	}
	if r.Summary.ByCode["example-json"] == 0 || len(r.Diagnostics) != r.Summary.Diagnostics {
		t.Errorf("diagnostics by code %v, %d listed of %d", r.Summary.ByCode, len(r.Diagnostics), r.Summary.Diagnostics)
	}
	if r.Coverage.RequestPages == 0 || r.Coverage.RequestPagesWithOperation != r.Coverage.RequestPages {
		t.Errorf("coverage %+v", r.Coverage)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "models.go")); err != nil {
		t.Errorf("-report must not stop the output being written: %v", err)
	}
}
