package diag

import (
	"path"
	"slices"
	"strings"
)

// Filter selects diagnostics by code and by page. The zero Filter selects
// all of them.
type Filter struct {
	// OnlyCodes, when not empty, are the codes selected.
	OnlyCodes []string
	// SkipCodes are codes left out.
	SkipCodes []string
	// Paths, when not empty, are path.Match patterns; a diagnostic is
	// selected when one matches its page's stable name, its shown path, or
	// a folder of either ("v1.0/api" selects "v1.0/api/user-get.md").
	Paths []string
}

// Match reports whether f selects d, whose page is shown as file.
func (f Filter) Match(d Diagnostic, file string) bool {
	if len(f.OnlyCodes) > 0 && !slices.Contains(f.OnlyCodes, d.Code) {
		return false
	}
	if slices.Contains(f.SkipCodes, d.Code) {
		return false
	}
	if len(f.Paths) == 0 {
		return true
	}
	for _, p := range f.Paths {
		if matchPath(p, d.Pos.File) || file != "" && matchPath(p, file) {
			return true
		}
	}
	return false
}

// matchPath reports whether pattern matches name or one of its folders.
func matchPath(pattern, name string) bool {
	for {
		if ok, _ := path.Match(pattern, name); ok {
			return true
		}
		i := strings.LastIndexByte(name, '/')
		if i < 0 {
			return false
		}
		name = name[:i]
	}
}

// Apply returns the diagnostics of l that f selects; file maps a page's
// stable name to its shown path and may be nil.
func (f Filter) Apply(l List, file func(string) string) List {
	var out List
	for _, d := range l {
		shown := ""
		if file != nil {
			shown = file(d.Pos.File)
		}
		if f.Match(d, shown) {
			out = append(out, d)
		}
	}
	return out
}
