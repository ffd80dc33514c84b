package diag

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// digits are the runs of digits a stable key leaves out.
var digits = regexp.MustCompile(`[0-9]+`)

// Key is the stable key of d: its message with every run of digits
// replaced by "#" and spaces collapsed, so that a finding keeps its key
// when lines move or a count changes. Names in messages (properties, types,
// request lines) stay, so that two findings about different subjects keep
// different keys.
func Key(d Diagnostic) string {
	return strings.Join(strings.Fields(digits.ReplaceAllString(d.Message, "#")), " ")
}

// BaselineEntry is one known finding: a code on a page (its stable name)
// with a stable key, Count times.
type BaselineEntry struct {
	Code  string `json:"code"`
	Page  string `json:"page"`
	Key   string `json:"key"`
	Count int    `json:"count,omitempty"`
}

// Baseline is a set of known findings, as a baseline file holds them.
type Baseline []BaselineEntry

func (e BaselineEntry) compare(f BaselineEntry) int {
	return cmp.Or(cmp.Compare(e.Page, f.Page), cmp.Compare(e.Code, f.Code), cmp.Compare(e.Key, f.Key))
}

// NewBaseline returns the baseline of l: one entry per code, page and key,
// sorted by page, code and key.
func NewBaseline(l List) Baseline {
	var b Baseline
	for _, d := range l {
		b = append(b, BaselineEntry{Code: d.Code, Page: d.Pos.File, Key: Key(d), Count: 1})
	}
	slices.SortFunc(b, BaselineEntry.compare)
	var out Baseline
	for _, e := range b {
		if n := len(out); n > 0 && out[n-1].compare(e) == 0 {
			out[n-1].Count++
			continue
		}
		out = append(out, e)
	}
	return out
}

// Write writes b as JSON lines, one entry a line, in b's order (NewBaseline
// sorts it): a file that diffs well when findings come and go. A count of
// 1 is left out.
func (b Baseline) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, e := range b {
		if e.Count == 1 {
			e.Count = 0
		}
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		bw.Write(line)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ReadBaseline reads a baseline file written by Baseline.Write. Blank
// lines and lines starting with "#" are skipped.
func ReadBaseline(r io.Reader) (Baseline, error) {
	var b Baseline
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var e BaselineEntry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		if e.Code == "" || e.Count < 0 {
			return nil, fmt.Errorf("line %d: an entry needs a code and a count of 0 or more", n)
		}
		if e.Count == 0 {
			e.Count = 1
		}
		b = append(b, e)
	}
	return b, sc.Err()
}

// Match splits l into the findings b does not know (fresh) and the known
// ones, and returns the entries of b that no finding matched (stale: fixed
// findings, by which the baseline can shrink). A finding matches an entry
// with its code, page and key; an entry with count N matches N findings.
// Line numbers play no part.
func (b Baseline) Match(l List) (fresh, known List, stale Baseline) {
	left := map[BaselineEntry]int{}
	for _, e := range b {
		k := BaselineEntry{Code: e.Code, Page: e.Page, Key: e.Key}
		left[k] += e.Count
	}
	for _, d := range l {
		k := BaselineEntry{Code: d.Code, Page: d.Pos.File, Key: Key(d)}
		if left[k] > 0 {
			left[k]--
			known = append(known, d)
			continue
		}
		fresh = append(fresh, d)
	}
	for k, n := range left {
		if n > 0 {
			k.Count = n
			stale = append(stale, k)
		}
	}
	slices.SortFunc(stale, BaselineEntry.compare)
	return fresh, known, stale
}
