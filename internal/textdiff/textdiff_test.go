package textdiff

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// numbered returns the lines "l<from>" to "l<to>", each with its newline.
func numbered(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "l%d\n", i)
	}
	return b.String()
}

func TestUnifiedExamples(t *testing.T) {
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
		if got := Unified("o", "n", tt.old, tt.new); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// applyDiff applies a diff made by Lines to old, checking that every
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

// TestLinesRandom diffs random files: the diff must turn old into
// new, and change as few lines as possible (the lines outside a longest
// common subsequence).
func TestLinesRandom(t *testing.T) {
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
		d := Lines("o", "n", old, new)
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

// TestLinesLarge diffs files that differ in more lines than Myers'
// search is allowed to explore: the diff is no longer minimal but still
// correct.
func TestLinesLarge(t *testing.T) {
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
	d := Lines("o", "n", old, new)
	got, err := applyDiff(old, d)
	if err != nil || got != new {
		t.Fatalf("applying the diff: %v", err)
	}
	if d[2] != "@@ -1,3302 +1,3302 @@" {
		t.Errorf("hunk header %q", d[2])
	}
}

// TestLinesScattered diffs a 50,000-line generated-looking file against
// itself with 100 scattered edits (as BenchmarkLines does): the diff must
// turn old into new and change at most the 2 lines per edit the edits
// account for, not give up and replace most of the file (as a diff with a
// work budget, such as go-udiff's, does on these inputs).
func TestLinesScattered(t *testing.T) {
	old := goLikeFile(50000)
	const edits = 100
	oldText, newText := strings.Join(old, ""), strings.Join(scatter(old, edits, 7), "")
	d := Lines("o", "n", oldText, newText)
	got, err := applyDiff(oldText, d)
	if err != nil || got != newText {
		t.Fatalf("applying the diff: %v", err)
	}
	changed := 0
	for _, l := range d[2:] {
		if l[0] == '-' || l[0] == '+' {
			changed++
		}
	}
	if changed == 0 || changed > 2*edits {
		t.Errorf("%d lines changed for %d edits", changed, edits)
	}
}
