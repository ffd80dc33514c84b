package pipeline

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/emitter"
	_ "github.com/docgen-dev/docgen/internal/golden"
)

func numbered(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "l%d\n", i)
	}
	return b.String()
}

func TestUnifiedDiffExamples(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"both empty", "", "", ""},
		{
			"one change with three lines of context",
			numbered(1, 10),
			strings.Replace(numbered(1, 10), "l5\n", "five\n", 1),
			"--- o\n+++ n\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+five\n l6\n l7\n l8\n",
		},
		{"from empty", "", "a\nb\n", "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n"},
		{"to empty", "a\nb\n", "", "--- o\n+++ n\n@@ -1,2 +0,0 @@\n-a\n-b\n"},
		{"one line each", "a\n", "b\n", "--- o\n+++ n\n@@ -1 +1 @@\n-a\n+b\n"},
		{
			"insertion after the last line",
			"a\nb\nc\nd\n", "a\nb\nc\nd\ne\n",
			"--- o\n+++ n\n@@ -2,3 +2,4 @@\n b\n c\n d\n+e\n",
		},
		{
			"no newline at end of file",
			"a\nb", "a\nb\n",
			"--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		{
			"deletions before insertions",
			"x\na\nb\ny\n", "x\nc\nd\ny\n",
			"--- o\n+++ n\n@@ -1,4 +1,4 @@\n x\n-a\n-b\n+c\n+d\n y\n",
		},
		{
			// Changes 7 kept lines apart make two hunks...
			"two hunks",
			numbered(1, 20),
			strings.Replace(strings.Replace(numbered(1, 20), "l3\n", "three\n", 1), "l11\n", "eleven\n", 1),
			"--- o\n+++ n\n@@ -1,6 +1,6 @@\n l1\n l2\n-l3\n+three\n l4\n l5\n l6\n" +
				"@@ -8,7 +8,7 @@\n l8\n l9\n l10\n-l11\n+eleven\n l12\n l13\n l14\n",
		},
		{
			// ...6 apart share one.
			"one hunk",
			numbered(1, 20),
			strings.Replace(strings.Replace(numbered(1, 20), "l3\n", "three\n", 1), "l10\n", "ten\n", 1),
			"--- o\n+++ n\n@@ -1,13 +1,13 @@\n l1\n l2\n-l3\n+three\n l4\n l5\n l6\n l7\n l8\n l9\n-l10\n+ten\n l11\n l12\n l13\n",
		},
	}
	for _, tt := range tests {
		if got := UnifiedDiff("o", "n", tt.old, tt.new); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// applyDiff applies a diff made by diffLines to old, checking that every
// kept and deleted line is where the hunk says.
func applyDiff(old string, diff []string) (string, error) {
	a := splitLines(old)
	var out []string
	pos := 0
	for i := 2; i < len(diff); i++ {
		l := diff[i]
		if strings.HasPrefix(l, "@@ ") {
			f := strings.Fields(l)
			start, count, ok := strings.Cut(strings.TrimPrefix(f[1], "-"), ",")
			s, _ := strconv.Atoi(start)
			c := 1
			if ok {
				c, _ = strconv.Atoi(count)
			}
			idx := s - 1
			if c == 0 {
				idx = s
			}
			if idx < pos || idx > len(a) {
				return "", fmt.Errorf("hunk %q out of order", l)
			}
			out = append(out, a[pos:idx]...)
			pos = idx
			continue
		}
		if strings.HasPrefix(l, `\`) {
			continue
		}
		text := l[1:] + "\n"
		if i+1 < len(diff) && strings.HasPrefix(diff[i+1], `\`) {
			text = l[1:]
		}
		switch l[0] {
		case ' ', '-':
			if pos >= len(a) || a[pos] != text {
				return "", fmt.Errorf("line %d is not %q", pos+1, text)
			}
			if l[0] == ' ' {
				out = append(out, text)
			}
			pos++
		case '+':
			out = append(out, text)
		default:
			return "", fmt.Errorf("bad diff line %q", l)
		}
	}
	return strings.Join(append(out, a[pos:]...), ""), nil
}

// lcs is the length of a longest common subsequence of a and b.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev = cur
	}
	return prev[len(b)]
}

// TestUnifiedDiffRandom diffs random files: the diff must turn old into
// new, and change as few lines as possible (the lines outside a longest
// common subsequence).
func TestUnifiedDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	gen := func() string {
		var b strings.Builder
		for range r.IntN(50) {
			b.WriteString(string(rune('a'+r.IntN(5))) + "\n")
		}
		s := b.String()
		if s != "" && r.IntN(5) == 0 {
			s = s[:len(s)-1] // no newline at end
		}
		return s
	}
	for i := range 500 {
		old, new := gen(), gen()
		d := diffLines("o", "n", old, new)
		if (len(d) == 0) != (old == new) {
			t.Fatalf("case %d: %d diff lines for old == new: %v", i, len(d), old == new)
		}
		got, err := applyDiff(old, d)
		if err != nil || got != new {
			t.Fatalf("case %d: applying the diff: %v\nold %q\nnew %q\ngot %q\n%s", i, err, old, new, got, strings.Join(d, "\n"))
		}
		changed := 0
		for _, l := range d[min(2, len(d)):] {
			if l[0] == '-' || l[0] == '+' {
				changed++
			}
		}
		a, b := splitLines(old), splitLines(new)
		if want := len(a) + len(b) - 2*lcs(a, b); changed != want {
			t.Fatalf("case %d: %d lines changed, want %d\n%s", i, changed, want, strings.Join(d, "\n"))
		}
	}
}

// TestUnifiedDiffLarge diffs files that differ in more lines than Myers'
// search is allowed to explore: the diff is no longer minimal but still
// correct.
func TestUnifiedDiffLarge(t *testing.T) {
	var ob, nb strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&ob, "old %d\n", i)
		fmt.Fprintf(&nb, "new %d\n", i)
		if i%10 == 0 {
			fmt.Fprintf(&ob, "same %d\n", i)
			fmt.Fprintf(&nb, "same %d\n", i)
		}
	}
	old, new := "header\n"+ob.String()+"footer\n", "header\n"+nb.String()+"footer\n"
	d := diffLines("o", "n", old, new)
	got, err := applyDiff(old, d)
	if err != nil || got != new {
		t.Fatalf("applying the diff: %v", err)
	}
	if d[2] != "@@ -1,3302 +1,3302 @@" {
		t.Errorf("hunk header %q", d[2])
	}
}

func genFile(name, body string) emitter.File {
	return emitter.File{Name: name, Content: []byte("// Code generated by docgen. DO NOT EDIT.\n\npackage x\n" + body)}
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

func TestCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files := []emitter.File{genFile("b.go", "// b\n"), genFile("a.go", "// a\n"), genFile("c.go", "// c\n")}

	// A folder that does not exist: everything would be added, and
	// nothing is created.
	changes, err := Check(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if got := changeLines(changes); !slices.Equal(got, []string{"added: a.go", "added: b.go", "added: c.go"}) {
		t.Errorf("missing folder: %v", got)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("Check created %s: %v", dir, err)
	}

	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if changes, err := Check(dir, files); err != nil || changes != nil {
		t.Fatalf("up to date: %v, %v", changeLines(changes), err)
	}

	// Drift: a.go edited, b.go deleted, a stale generated old.go; the
	// hand-written files are nobody's business.
	old := time.Now().Add(-time.Hour)
	for name, content := range map[string]string{
		"a.go":      string(genFile("a.go", "// edited\n").Content),
		"old.go":    string(genFile("old.go", "").Content),
		"hand.go":   "package x\n",
		"notes.txt": "// Code generated by docgen. DO NOT EDIT.\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(dir, "b.go")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	changes, err = Check(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if got := changeLines(changes); !slices.Equal(got, []string{"changed: a.go", "added: b.go", "removed: old.go"}) {
		t.Errorf("drift: %v", got)
	}
	if c := changes[0]; !strings.Contains(string(c.Old), "edited") || !strings.Contains(string(c.New), "// a") {
		t.Errorf("changed a.go: old %q new %q", c.Old, c.New)
	}
	if after := snapshot(t, dir); !mapsEqual(before, after) {
		t.Errorf("Check changed the folder")
	}

	// Where Write would refuse, Check fails too.
	if _, err := Check(dir, append(files, genFile("hand.go", ""))); err == nil || !strings.Contains(err.Error(), "not generated by docgen") {
		t.Errorf("clash with a hand-written file: err = %v", err)
	}
	if _, err := Check(dir, []emitter.File{genFile("../a.go", "")}); err == nil {
		t.Error("Check accepted a file name outside the folder")
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err == nil {
		if _, err := Check(link, files); err == nil {
			t.Error("Check accepted a symlinked output folder")
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func changeLines(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return out
}

func TestReport(t *testing.T) {
	changes := []Change{
		{Kind: Added, Name: "a.go", New: []byte("x\ny\n")},
		{Kind: Changed, Name: "b.go", Old: []byte(numbered(1, 10)), New: []byte(strings.Replace(numbered(1, 10), "l5", "five", 1))},
		{Kind: Removed, Name: "c.go", Old: []byte("z\n")},
	}
	var full strings.Builder
	if err := Report(&full, "out", changes, 1000); err != nil {
		t.Fatal(err)
	}
	want := "added: a.go\nchanged: b.go\nremoved: c.go\n" +
		"--- /dev/null\n+++ out/a.go\tgenerated\n@@ -0,0 +1,2 @@\n+x\n+y\n" +
		"--- out/b.go\tcurrent\n+++ out/b.go\tgenerated\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+five\n l6\n l7\n l8\n" +
		"--- out/c.go\tcurrent\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n"
	if full.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", full.String(), want)
	}
	// The diff is cut after maxLines lines in all.
	for _, n := range []int{1, 7, 8} {
		var b strings.Builder
		if err := Report(&b, "out", changes, n); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		wantLines := strings.Split(strings.TrimSuffix(want, "\n"), "\n")[:3+n]
		if !slices.Equal(lines[:len(lines)-1], wantLines) || lines[len(lines)-1] != "... (diff truncated)" {
			t.Errorf("maxLines %d:\n%s", n, b.String())
		}
	}
	var none strings.Builder
	if err := Report(&none, "out", changes, 0); err != nil {
		t.Fatal(err)
	}
	if none.String() != "added: a.go\nchanged: b.go\nremoved: c.go\n" {
		t.Errorf("maxLines 0:\n%s", none.String())
	}
}

// TestRunSelection covers Config.Include, Exclude and Ops: patterns match
// a page's stable name or its base name, and a malformed pattern or a
// selection of nothing is an error.
func TestRunSelection(t *testing.T) {
	ops := func(cfg Config) []string {
		t.Helper()
		cfg.Inputs, cfg.Package = []string{"../seeds"}, "x"
		res, err := Run(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, op := range res.Model.Operations {
			names = append(names, op.Name)
		}
		return names
	}
	byName := ops(Config{Include: []string{"seeds/api/bookcopy-*.md"}})
	byBase := ops(Config{Include: []string{"bookcopy-*.md"}})
	want := []string{"ListBookCopies", "ListBookCopiesViaLibraries", "UpdateBookCopy"}
	if !slices.Equal(byName, want) || !slices.Equal(byBase, want) {
		t.Errorf("include: %v and %v, want %v", byName, byBase, want)
	}
	if got := ops(Config{Include: []string{"bookcopy-*.md"}, Exclude: []string{"seeds/api/*-update.md"}, Ops: regexp.MustCompile("Libraries$")}); !slices.Equal(got, []string{"ListBookCopiesViaLibraries"}) {
		t.Errorf("include, exclude and ops: %v", got)
	}
	if got := ops(Config{Exclude: []string{"book-*.md", "bookcopy-*.md"}}); !slices.Equal(got, []string{"ListSynchronizationJobs"}) {
		t.Errorf("exclude: %v", got)
	}
	for _, cfg := range []Config{
		{Include: []string{"["}},
		{Exclude: []string{"a\\"}},
		{Ops: regexp.MustCompile("^Nothing$")},
	} {
		cfg.Inputs, cfg.Package = []string{"../seeds"}, "x"
		if _, err := Run(cfg); err == nil {
			t.Errorf("Run(%+v) succeeded", cfg)
		}
	}
}
