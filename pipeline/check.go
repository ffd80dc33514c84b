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
	"github.com/docgen-dev/docgen/internal/textdiff"
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
			for _, l := range textdiff.Lines(oldName, newName, string(c.Old), string(c.New)) {
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
