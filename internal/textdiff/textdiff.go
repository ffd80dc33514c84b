// Package textdiff is docgen's one line diff: the unified diff that
// "docgen -check" prints (pipeline.Report) and the short diffs the tests
// print (internal/golden.Diff) both come from here.
//
// Lines are compared exactly. The edit script is a shortest one, found by
// Myers' O(ND) algorithm on the lines between the common prefix and
// suffix, except that the search gives up beyond maxEditDistance changed
// lines and shows the rest as one replacement.
package textdiff

import (
	"fmt"
	"slices"
	"strings"
)

// Context is the number of unchanged lines a unified diff shows around
// each change, as diff -u does by default.
const Context = 3

// Unified returns the unified diff that turns old into new, with Context
// lines of context and the file names oldName and newName in its "---"
// and "+++" lines, or "" when they are equal. A last line without a
// newline is marked "\ No newline at end of file", as diff -u does.
func Unified(oldName, newName, old, new string) string {
	lines := Lines(oldName, newName, old, new)
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// Lines is Unified as lines without their newlines, so that a caller can
// cut the diff after a number of lines; it is nil when old equals new.
func Lines(oldName, newName, old, new string) []string {
	a, b := splitLines(old), splitLines(new)
	edits := lineEdits(a, b)
	hunks := groupHunks(edits, Context)
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
