package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// The journal of a write (see WriteContext) is a text file:
//
//	docgen journal 1
//	rename models.go
//	rename generatedtest/server.go
//	remove old.go
//	end
//
// "rename NAME" moves .docgen-staging/NAME to NAME; "remove NAME" removes
// NAME. Each action can be performed again after a crash: a rename whose
// staged file is gone and whose target exists is done, a removal whose
// file is gone is done.
const (
	journalHeader = "docgen journal 1"
	journalEnd    = "end"
	opRename      = "rename"
	opRemove      = "remove"
)

// action is one line of a journal.
type action struct {
	op, name string
}

// journal is the list of renames and removals of a write.
type journal struct {
	actions []action
}

// encode writes j in the journal's text form.
func (j journal) encode() []byte {
	var b strings.Builder
	b.WriteString(journalHeader + "\n")
	for _, a := range j.actions {
		b.WriteString(a.op + " " + a.name + "\n")
	}
	b.WriteString(journalEnd + "\n")
	return []byte(b.String())
}

// parseJournal reads a journal written by encode. Names are checked with
// validFileName, so a journal cannot name a file outside the output (the
// os.Root would refuse one anyway) or docgen's own hidden files.
func parseJournal(src []byte) (journal, error) {
	var j journal
	lines := strings.Split(string(src), "\n")
	if len(lines) < 3 || lines[0] != journalHeader || lines[len(lines)-2] != journalEnd || lines[len(lines)-1] != "" {
		return j, errors.New("not a complete docgen journal")
	}
	for _, l := range lines[1 : len(lines)-2] {
		op, name, _ := strings.Cut(l, " ")
		if op != opRename && op != opRemove || !validFileName(name) {
			return j, fmt.Errorf("bad journal line %q", l)
		}
		j.actions = append(j.actions, action{op, name})
	}
	return j, nil
}

// RecoverStats says what Recover did.
type RecoverStats struct {
	// RolledForward is set when an interrupted run's journal was
	// performed: the folder now holds that run's output.
	RolledForward bool
	// RolledBack is set when an interrupted run's staged files, without a
	// journal, were removed: the folder holds the output before that run.
	RolledBack bool
	// Removed counts the leftover temporary files removed.
	Removed int
}

// Recover completes or discards what an interrupted docgen run left in
// dir, under the folder's lock (see WriteContext): a journal is performed
// to the end (roll forward), a staging folder without one is removed
// (roll back), and leftover temporary files (".docgen-*.tmp", also those
// of docgen before journals) in dir and its subfolders are removed.
// WriteContext does this first too; the command calls Recover before it
// reads the names file, so that the names are those of the completed
// run. A dir that does not exist is left so.
func Recover(ctx context.Context, dir string, opts OutputOptions) (RecoverStats, error) {
	out, err := openOutput(dir, false)
	if err != nil || out == nil {
		return RecoverStats{}, err
	}
	defer out.Close()
	unlock, _, err := lockOutput(ctx, out, true, opts.OnWait)
	if err != nil {
		return RecoverStats{}, err
	}
	st, err := out.recover(opts)
	return st, errors.Join(err, unlock())
}

// recover is Recover on an opened and locked folder.
func (o *outputDir) recover(opts OutputOptions) (st RecoverStats, err error) {
	j, staged, err := o.readJournal()
	switch {
	case err != nil:
		return st, err
	case j != nil:
		if err := o.apply(*j, opts); err != nil {
			return st, fmt.Errorf("completing the interrupted write of %s: %w", o.path, err)
		}
		st.RolledForward = true
	case staged:
		if err := o.root.RemoveAll(stagingName); err != nil {
			return st, fmt.Errorf("removing the staged files of an interrupted run: %w", err)
		}
		st.RolledBack = true
	}
	subs, err := o.subfolderNames()
	if err != nil {
		return st, err
	}
	left, err := o.leftovers(subs)
	if err != nil {
		return st, err
	}
	for _, name := range left {
		if err := o.root.Remove(name); err != nil {
			return st, fmt.Errorf("removing the leftover temporary file %s: %w", o.join(name), err)
		}
		st.Removed++
	}
	return st, nil
}

// subfolderNames lists the folders (not symlinks) directly in the output
// folder whose names do not start with ".": where docgen may have written.
func (o *outputDir) subfolderNames() ([]string, error) {
	entries, err := fs.ReadDir(o.root.FS(), ".")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// readJournal reads the committed journal, if any; staged reports whether
// there is a staging folder (with or without a journal).
func (o *outputDir) readJournal() (j *journal, staged bool, err error) {
	if _, err := o.root.Lstat(stagingName); errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	if ok, err := o.realSubfolder(stagingName); err != nil || !ok {
		return nil, false, err
	}
	src, err := o.readFile(stagingName+"/"+journalName, MaxOutputFileBytes, false)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, true, nil
	}
	if err != nil {
		return nil, true, err
	}
	parsed, err := parseJournal(src)
	if err != nil {
		return nil, true, fmt.Errorf("%s: %w; remove the folder %s to discard the interrupted run", o.join(stagingName+"/"+journalName), err, o.join(stagingName))
	}
	return &parsed, true, nil
}

// apply performs a committed journal, then removes it and the staging
// folder. Each action is checked again as it is performed, since a crash
// may have come between any two: a file is only replaced or removed when
// it is docgen's.
func (o *outputDir) apply(j journal, opts OutputOptions) error {
	if err := opts.step("commit"); err != nil {
		return err
	}
	touched := []string{"."}
	for _, a := range j.actions {
		if err := o.perform(a); err != nil {
			return err
		}
		if sub := path.Dir(a.name); !slices.Contains(touched, sub) {
			touched = append(touched, sub)
		}
		if err := opts.step("apply " + a.op + " " + a.name); err != nil {
			return err
		}
	}
	for _, d := range touched {
		if err := syncDir(o, d); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	// The journal goes first: a staging folder without one is rolled
	// back, which, all renames being done, removes nothing of the output.
	if err := o.root.Remove(stagingName + "/" + journalName); err != nil {
		return err
	}
	if err := opts.step("journal removed"); err != nil {
		return err
	}
	if err := o.root.RemoveAll(stagingName); err != nil {
		return err
	}
	return opts.step("done")
}

// perform does one action of a journal, or nothing if it was done.
func (o *outputDir) perform(a action) error {
	exists, owned, err := o.owned(a.name)
	if err != nil {
		return err
	}
	if a.op == opRemove {
		if !exists || !owned {
			return nil // done already, or no longer docgen's
		}
		return o.root.Remove(a.name)
	}
	staged := stagingName + "/" + a.name
	if _, err := o.root.Lstat(staged); errors.Is(err, fs.ErrNotExist) {
		if exists {
			return nil // renamed already
		}
		return fmt.Errorf("%s: the staged file is missing", o.join(staged))
	} else if err != nil {
		return err
	}
	if exists && !owned {
		return notOursError(o.join(a.name))
	}
	if sub := path.Dir(a.name); sub != "." {
		if err := o.root.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if _, err := o.realSubfolder(sub); err != nil {
			return err
		}
	}
	return o.root.Rename(staged, a.name)
}
