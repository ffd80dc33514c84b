package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/emitter"
)

// ChangeKind says how a file in the output folder differs from what would
// be generated.
type ChangeKind string

// Kinds of change.
const (
	// Added is a file that would be generated and is not in the folder.
	Added ChangeKind = "added"
	// Changed is a generated file whose content would change.
	Changed ChangeKind = "changed"
	// Removed is a generated file in the folder that would no longer be
	// produced.
	Removed ChangeKind = "removed"
	// Leftover is something an interrupted docgen run left in the folder
	// (a staging folder, a temporary file, a lock file nobody holds); the
	// next run removes it, or completes the run it belongs to.
	Leftover ChangeKind = "leftover"
)

// Change is one difference between an output folder and the files that
// would be written to it.
type Change struct {
	Kind ChangeKind
	// Name is the file name in the folder, such as "models.go".
	Name string
	// Old is the content in the folder (nil when Added); New is the content
	// that would be generated (nil when Removed).
	Old, New []byte
}

// String formats c as "kind: name", such as "changed: models.go".
func (c Change) String() string { return string(c.Kind) + ": " + c.Name }

// Check is CheckContext without a context or options.
func Check(dir string, files []emitter.File) ([]Change, error) {
	return CheckContext(context.Background(), dir, files, OutputOptions{})
}

// CheckContext compares dir with files, the way WriteContext would write
// them, and changes nothing. It returns the differences sorted by file
// name: nil means dir already holds exactly files (as far as docgen's
// files go) and nothing an interrupted run left. Like WriteContext it
// fails when it would fail: when a file to generate has the name of a
// file in dir that is not docgen's (see OwnedByDocgen), when dir (after
// filepath.Clean) or a subfolder is a symlink, when a file it must read is
// not a regular file or is larger than MaxOutputFileBytes, or when a file
// name leaves the folder. A dir that does not exist is empty.
//
// What an interrupted run left is drift of kind Leftover: the staging
// folder (with or without a journal: the next run rolls it forward or
// back), temporary files (".docgen-*.tmp", also those of docgen before
// journals) and a lock file nobody holds. CheckContext holds the folder's
// lock shared while it reads, so it never sees a run half-way through its
// renames: it waits for one (calling opts.OnWait) until ctx is done.
func CheckContext(ctx context.Context, dir string, files []emitter.File, opts OutputOptions) ([]Change, error) {
	for _, f := range files {
		if !validFileName(f.Name) {
			return nil, fmt.Errorf("output file name %q leaves the output folder", f.Name)
		}
	}
	out, err := openOutput(dir, false)
	if err != nil {
		return nil, err
	}
	var changes []Change
	if out == nil {
		for _, f := range files {
			changes = append(changes, Change{Kind: Added, Name: f.Name, New: f.Content})
		}
		slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.Name, b.Name) })
		return changes, nil
	}
	defer out.Close()
	unlock, staleLock, err := lockOutput(ctx, out, false, opts.OnWait)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if staleLock {
		changes = append(changes, Change{Kind: Leftover, Name: lockName})
	}
	if _, staged, err := out.readJournal(); err != nil {
		return nil, err
	} else if staged {
		changes = append(changes, Change{Kind: Leftover, Name: stagingName + "/"})
	}
	subs, err := out.subfolderNames()
	if err != nil {
		return nil, err
	}
	left, err := out.leftovers(subs)
	if err != nil {
		return nil, err
	}
	for _, name := range left {
		changes = append(changes, Change{Kind: Leftover, Name: name})
	}
	want := map[string]bool{}
	for _, f := range files {
		want[f.Name] = true
	}
	for _, sub := range subfolders(want) {
		if _, err := out.realSubfolder(sub); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		exists, owned, err := out.owned(f.Name)
		switch {
		case err != nil:
			return nil, err
		case !exists:
			changes = append(changes, Change{Kind: Added, Name: f.Name, New: f.Content})
			continue
		case !owned:
			return nil, notOursError(out.join(f.Name))
		}
		old, err := out.readFile(f.Name, max(MaxOutputFileBytes, int64(len(f.Content))), false)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(old, f.Content) {
			changes = append(changes, Change{Kind: Changed, Name: f.Name, Old: old, New: f.Content})
		}
	}
	stale, err := out.stale(want)
	if err != nil {
		return nil, err
	}
	for _, name := range stale {
		old, err := out.readFile(name, MaxOutputFileBytes, false)
		if err != nil {
			return nil, err
		}
		changes = append(changes, Change{Kind: Removed, Name: name, Old: old})
	}
	slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.Name, b.Name) })
	return changes, nil
}

// validFileName reports whether name stays inside the output folder: a
// plain file name, or one subfolder and a file name ("graphtest/server.go"),
// both made of letters, digits, '_', '-' and '.', never "." or "..".
func validFileName(name string) bool {
	dir, base, sub := strings.Cut(name, "/")
	if !sub {
		dir, base = "", name
	}
	ok := func(s string) bool {
		if s == "" || s == "." || s == ".." || strings.HasPrefix(s, ".") {
			return false
		}
		for _, r := range s {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
				return false
			}
		}
		return true
	}
	return ok(base) && (!sub || ok(dir))
}

// DiffContext is the number of unchanged lines a unified diff shows around
// each change.
const DiffContext = 3

// Report writes changes for a person reading a CI log: one "kind: name"
// line per change, then a unified diff of them all (dir names the files in
// its headers), cut after maxLines lines with a "... (diff truncated)"
// line. A maxLines of 0 or less writes no diff.
func Report(w io.Writer, dir string, changes []Change, maxLines int) error {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString(c.String() + "\n")
	}
	if maxLines > 0 {
		n := 0
	diffs:
		for _, c := range changes {
			name := filepath.ToSlash(filepath.Join(dir, c.Name))
			oldName, newName := name+"\tcurrent", name+"\tgenerated"
			switch c.Kind {
			case Added:
				oldName = "/dev/null"
			case Removed:
				newName = "/dev/null"
			}
			for _, l := range diffLines(oldName, newName, string(c.Old), string(c.New)) {
				if n == maxLines {
					b.WriteString("... (diff truncated)\n")
					break diffs
				}
				b.WriteString(l + "\n")
				n++
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// UnifiedDiff returns the unified diff that turns old into new, with
// DiffContext lines of context and the file names oldName and newName in
// its "---" and "+++" lines, or "" when they are equal. Lines are compared
// exactly; a last line without a newline is marked "\ No newline at end of
// file", as diff -u does.
func UnifiedDiff(oldName, newName, old, new string) string {
	lines := diffLines(oldName, newName, old, new)
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// diffLines is UnifiedDiff as lines without their newlines.
func diffLines(oldName, newName, old, new string) []string {
	a, b := splitLines(old), splitLines(new)
	edits := lineEdits(a, b)
	hunks := groupHunks(edits, DiffContext)
	if len(hunks) == 0 {
		return nil
	}
	out := []string{"--- " + oldName, "+++ " + newName}
	for _, h := range hunks {
		oldN, newN := 0, 0
		for _, e := range h {
			if e.op != '+' {
				oldN++
			}
			if e.op != '-' {
				newN++
			}
		}
		out = append(out, fmt.Sprintf("@@ -%s +%s @@", hunkRange(h[0].a, oldN), hunkRange(h[0].b, newN)))
		for _, e := range h {
			text := e.text
			if strings.HasSuffix(text, "\n") {
				out = append(out, string(e.op)+strings.TrimSuffix(text, "\n"))
			} else {
				out = append(out, string(e.op)+text, `\ No newline at end of file`)
			}
		}
	}
	return out
}

// hunkRange formats the range of a hunk header the way diff -u does: the
// 1-based first line and the count, the count left out when it is 1, and
// for an empty range the line before it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s into lines that keep their "\n"; the last line may
// lack it.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// edit is one line of an edit script: op is ' ' (kept), '-' (deleted from
// a) or '+' (inserted from b); a and b are the 0-based indexes in a and b
// the line is at (for '+', a is the index of the next line of a, and for
// '-', b that of the next line of b).
type edit struct {
	op   byte
	a, b int
	text string
}

// maxEditDistance bounds the work of lineEdits: beyond this many deleted
// plus inserted lines (after the common prefix and suffix), the rest is
// shown as one replacement, which a report truncated after a few hundred
// lines shows just as well.
const maxEditDistance = 2000

// lineEdits returns a shortest edit script from a to b, by Myers' O(ND)
// algorithm on the lines between the common prefix and suffix.
func lineEdits(a, b []string) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []edit
	for i := range pre {
		out = append(out, edit{' ', i, i, a[i]})
	}
	out = append(out, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre)...)
	for i := range suf {
		ai, bi := len(a)-suf+i, len(b)-suf+i
		out = append(out, edit{' ', ai, bi, a[ai]})
	}
	return deletesFirst(out)
}

// deletesFirst reorders each run of changed lines to show its deleted
// lines before its inserted ones, as diff -u does.
func deletesFirst(edits []edit) []edit {
	for i := 0; i < len(edits); {
		if edits[i].op == ' ' {
			i++
			continue
		}
		j := i
		for j < len(edits) && edits[j].op != ' ' {
			j++
		}
		a0, b0 := edits[i].a, edits[i].b
		var dels, ins []edit
		for _, e := range edits[i:j] {
			if e.op == '-' {
				dels = append(dels, edit{'-', a0 + len(dels), b0, e.text})
			} else {
				ins = append(ins, e)
			}
		}
		for k := range ins {
			ins[k] = edit{'+', a0 + len(dels), b0 + k, ins[k].text}
		}
		copy(edits[i:], append(dels, ins...))
		i = j
	}
	return edits
}

// myers diffs a and b, which start at lines offA and offB of their files.
func myers(a, b []string, offA, offB int) []edit {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return nil
	}
	limit := n + m
	if limit > maxEditDistance {
		limit = maxEditDistance
	}
	off := n + m + 1
	v := make([]int, 2*(n+m)+3)
	// trace[d] holds v[k] for k in [-d, d] after step d, at index k+d.
	var trace [][]int
	done := false
	for d := 0; d <= limit && !done; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				done = true
				break
			}
		}
		trace = append(trace, slices.Clone(v[off-d:off+d+1]))
	}
	if !done {
		out := make([]edit, 0, n+m)
		for i := range n {
			out = append(out, edit{'-', offA + i, offB, a[i]})
		}
		for j := range m {
			out = append(out, edit{'+', offA + n, offB + j, b[j]})
		}
		return out
	}
	var rev []edit
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		prev := trace[d-1]
		at := func(k int) int { return prev[k+d-1] }
		k := x - y
		prevK := k - 1
		if k == -d || k != d && at(k-1) < at(k+1) {
			prevK = k + 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, edit{' ', offA + x, offB + y, a[x]})
		}
		if x == prevX {
			y--
			rev = append(rev, edit{'+', offA + x, offB + y, b[y]})
		} else {
			x--
			rev = append(rev, edit{'-', offA + x, offB + y, a[x]})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, edit{' ', offA + x, offB + y, a[x]})
	}
	slices.Reverse(rev)
	return rev
}

// groupHunks cuts an edit script into hunks: each change with up to ctx
// kept lines around it, changes closer than 2*ctx+1 kept lines sharing one
// hunk.
func groupHunks(edits []edit, ctx int) [][]edit {
	var hunks [][]edit
	i := 0
	for i < len(edits) {
		for i < len(edits) && edits[i].op == ' ' {
			i++
		}
		if i == len(edits) {
			break
		}
		start := max(0, i-ctx)
		end := i // one past the last change of the hunk
		for j := i; j < len(edits); j++ {
			if edits[j].op != ' ' {
				end = j + 1
				continue
			}
			if j-end >= 2*ctx {
				break
			}
		}
		stop := min(len(edits), end+ctx)
		hunks = append(hunks, edits[start:stop])
		i = stop
	}
	return hunks
}
