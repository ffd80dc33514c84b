package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/emitter"
)

// WriteStats counts what Write did.
type WriteStats struct {
	Written, Unchanged, Removed int
}

// OutputOptions tune WriteContext, CheckContext and Recover.
type OutputOptions struct {
	// OnWait, if set, is called once when the run has to wait for another
	// docgen run that holds the output folder's lock.
	OnWait func()

	// hook, for tests, is called at each step of a write with the step's
	// name ("locked", "stage models.go", "commit", "apply rename
	// models.go", ...); an error it returns fails the step, as a failed
	// write or rename would.
	hook func(step string) error
}

// step runs the test hook, if any, at the named step.
func (o OutputOptions) step(name string) error {
	if o.hook == nil {
		return nil
	}
	return o.hook(name)
}

// Write is WriteContext without a context or options.
func Write(dir string, files []emitter.File) (WriteStats, error) {
	return WriteContext(context.Background(), dir, files, OutputOptions{})
}

// WriteContext makes dir hold exactly files, as far as docgen's files go,
// and replaces the previous output all at once or not at all.
//
// Ownership: a file belongs to docgen when its first line is docgen's
// header (emitter.Header, see OwnedByDocgen). Only such files are
// replaced or removed; every other file, hand-written or made by another
// generator, is left alone, and a file to write whose name is taken by one
// is an error. Symlinks are refused: dir itself (after filepath.Clean, so
// "link/" and "link/." too), its subfolders and the files to replace. dir
// is opened once (os.Root) and every file operation goes through it; every
// file read from it must be a regular file of at most MaxOutputFileBytes.
// Files whose content is unchanged are not touched (they keep their
// mtime), and docgen's .go files no longer produced are removed.
//
// Atomicity: the folder also holds files that are not docgen's, so it
// cannot be swapped as a whole. Instead a run
//
//  1. takes the folder's lock (the file .docgen.lock, flock(2) on unix:
//     released by the kernel if the process dies; a run that finds it
//     held waits, calling opts.OnWait, until ctx is done), and completes
//     or discards what an interrupted run left (Recover);
//  2. checks everything (ownership, file kinds, subfolders) and plans the
//     renames and removals; nothing is changed yet;
//  3. stages every new or changed file in the hidden folder
//     .docgen-staging inside dir, each fsynced, and creates and removes a
//     probe file in every folder it will change (an unwritable folder
//     fails here, not halfway through the renames);
//  4. writes the journal, the list of renames and removals, to
//     .docgen-staging/.journal.tmp, fsyncs it and renames it to
//     .docgen-staging/.journal: that rename is the commit point;
//  5. performs the journal: renames the staged files into place, removes
//     the stale ones, fsyncs the folders; then deletes the journal and the
//     staging folder, and releases the lock.
//
// A failure or a cancelled ctx (SIGINT, SIGTERM) before the commit point
// removes the staging folder and returns an error: the old output is
// untouched. After the commit point ctx is ignored and the journal is
// performed to the end, so the caller must hold the signals until Write
// returns (signal.NotifyContext does). A process killed (SIGKILL, a power
// cut) before the commit point leaves a staging folder without a journal,
// which the next run removes (roll back); killed after it, it leaves the
// journal, which the next run performs first (roll forward). Either way
// the next run, or Recover, restores the complete old or the complete new
// output, and CheckContext reports the leftovers as drift until then. A
// failure while performing the journal (after the commit point) returns an
// error saying so; the journal stays and the next run completes it.
func WriteContext(ctx context.Context, dir string, files []emitter.File, opts OutputOptions) (st WriteStats, err error) {
	for _, f := range files {
		if !validFileName(f.Name) {
			return st, fmt.Errorf("output file name %q leaves the output folder", f.Name)
		}
	}
	if err := ctx.Err(); err != nil {
		return st, fmt.Errorf("not writing %s: %w", dir, context.Cause(ctx))
	}
	out, err := openOutput(dir, true)
	if err != nil {
		return st, err
	}
	defer out.Close()
	unlock, _, err := lockOutput(ctx, out, true, opts.OnWait)
	if err != nil {
		return st, err
	}
	defer func() { err = errors.Join(err, unlock()) }()
	if err := opts.step("locked"); err != nil {
		return st, err
	}
	if _, err := out.recover(opts); err != nil {
		return st, err
	}
	plan, st, err := out.plan(files)
	if err != nil {
		return st, err
	}
	if len(plan.actions) == 0 {
		return st, nil
	}
	if err := out.stage(ctx, plan, opts); err != nil {
		// Roll back: the old output was not touched.
		return st, errors.Join(err, out.root.RemoveAll(stagingName))
	}
	// The commit point is passed: ctx no longer counts.
	if err := out.apply(plan.journal, opts); err != nil {
		return st, fmt.Errorf("%w; %s is partly updated: the next docgen run into it completes the update (journal %s)", err, out.path, out.join(stagingName+"/"+journalName))
	}
	return plan.stats, nil
}

// writePlan is what a write will do.
type writePlan struct {
	journal
	// content holds the new content of each file to rename into place.
	content map[string][]byte
	stats   WriteStats
}

// plan checks the output folder against files and lists the renames (new
// and changed files) and removals (docgen's .go files no longer produced)
// that would make it hold them. It changes nothing.
func (o *outputDir) plan(files []emitter.File) (p writePlan, st WriteStats, err error) {
	want := map[string]bool{}
	p.content = map[string][]byte{}
	for _, f := range files {
		want[f.Name] = true
	}
	for _, sub := range subfolders(want) {
		if _, err := o.realSubfolder(sub); err != nil {
			return p, st, err
		}
	}
	for _, f := range files {
		same, err := o.sameAs(f)
		if err != nil {
			return p, st, err
		}
		if same {
			st.Unchanged++
			continue
		}
		p.actions = append(p.actions, action{op: opRename, name: f.Name})
		p.content[f.Name] = f.Content
		st.Written++
	}
	stale, err := o.stale(want)
	if err != nil {
		return p, st, err
	}
	for _, name := range stale {
		p.actions = append(p.actions, action{op: opRemove, name: name})
		st.Removed++
	}
	p.stats = st
	return p, st, nil
}

// sameAs reports whether the output folder holds f already. A file of f's
// name that is not docgen's, or not a regular file, is an error.
func (o *outputDir) sameAs(f emitter.File) (bool, error) {
	exists, owned, err := o.owned(f.Name)
	switch {
	case err != nil:
		return false, err
	case !exists:
		return false, nil
	case !owned:
		return false, notOursError(o.join(f.Name))
	}
	old, err := o.readFile(f.Name, max(MaxOutputFileBytes, int64(len(f.Content))), false)
	return err == nil && string(old) == string(f.Content), err
}

// notOursError is the error for a file to generate whose name is taken by
// a file that is not docgen's.
func notOursError(p string) error {
	return fmt.Errorf("%s exists and was not generated by docgen (its first line is not %q); refusing to overwrite it", p, emitter.Header)
}

// stale lists docgen's .go files in the output folder, and in the
// subfolders the wanted files name, that are not wanted, sorted.
func (o *outputDir) stale(want map[string]bool) ([]string, error) {
	var out []string
	for _, sub := range append([]string{"."}, subfolders(want)...) {
		if sub != "." {
			if ok, err := o.realSubfolder(sub); err != nil || !ok {
				continue
			}
		}
		entries, err := fs.ReadDir(o.root.FS(), sub)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			name := path.Join(sub, e.Name())
			if want[name] || !e.Type().IsRegular() || path.Ext(name) != ".go" {
				continue
			}
			_, owned, err := o.owned(name)
			if err != nil {
				return nil, err
			}
			if owned {
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// staleFiles lists docgen's .go files in dir, and in the subfolders the
// wanted files name, that are not wanted, as paths under dir.
func staleFiles(dir string, want map[string]bool) ([]string, error) {
	out, err := openOutput(dir, false)
	if err != nil || out == nil {
		return nil, err
	}
	defer out.Close()
	names, err := out.stale(want)
	for i, name := range names {
		names[i] = out.join(name)
	}
	return names, err
}

// stage writes every file to rename into the staging folder, fsynced,
// probes the folders the journal changes, then writes and commits the
// journal. It stops with an error, before the commit point, when a step
// fails or ctx is done.
func (o *outputDir) stage(ctx context.Context, p writePlan, opts OutputOptions) error {
	cancelled := func() error {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted before the commit point; %s is unchanged: %w", o.path, context.Cause(ctx))
		}
		return nil
	}
	if err := o.root.Mkdir(stagingName, 0o755); err != nil {
		return err
	}
	stagingDirs := []string{stagingName}
	folders := map[string]bool{".": true}
	for _, a := range p.actions {
		sub := path.Dir(a.name)
		if _, err := o.root.Lstat(sub); err == nil {
			folders[sub] = true
		}
		if a.op != opRename {
			continue
		}
		if sub != "." && !slices.Contains(stagingDirs, stagingName+"/"+sub) {
			if err := o.root.Mkdir(stagingName+"/"+sub, 0o755); err != nil {
				return err
			}
			stagingDirs = append(stagingDirs, stagingName+"/"+sub)
		}
		if err := opts.step("stage " + a.name); err != nil {
			return err
		}
		if err := o.writeSynced(stagingName+"/"+a.name, p.content[a.name]); err != nil {
			return err
		}
		if err := cancelled(); err != nil {
			return err
		}
	}
	// An unwritable folder must fail now, while the run can roll back.
	for _, dir := range slices.Sorted(func(yield func(string) bool) {
		for d := range folders {
			if !yield(d) {
				return
			}
		}
	}) {
		probe := path.Join(dir, probeName)
		if err := o.writeSynced(probe, nil); err != nil {
			return fmt.Errorf("folder %s is not writable: %w", o.join(dir), err)
		}
		if err := o.root.Remove(probe); err != nil {
			return err
		}
	}
	if err := opts.step("probe"); err != nil {
		return err
	}
	slices.Reverse(stagingDirs) // subfolders first, "." last
	for _, d := range append(stagingDirs, ".") {
		if err := syncDir(o, d); err != nil {
			return err
		}
	}
	if err := cancelled(); err != nil {
		return err
	}
	if err := o.writeSynced(stagingName+"/"+journalTmp, p.journal.encode()); err != nil {
		return err
	}
	if err := opts.step("journal"); err != nil {
		return err
	}
	if err := cancelled(); err != nil {
		return err
	}
	// The commit point.
	if err := o.root.Rename(stagingName+"/"+journalTmp, stagingName+"/"+journalName); err != nil {
		return err
	}
	// Should the sync fail, the rename may or may not be durable; the
	// journal is complete either way, and performing it now is what the
	// next run would do if it is.
	_ = syncDir(o, stagingName)
	return nil
}

// writeSynced creates the file name (which must not exist) with content,
// mode 0644, and fsyncs it.
func (o *outputDir) writeSynced(name string, content []byte) error {
	f, err := o.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(content)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// subfolders lists the subfolders the files name, sorted.
func subfolders(want map[string]bool) []string {
	var out []string
	for name := range want {
		if dir, _, ok := strings.Cut(name, "/"); ok && !slices.Contains(out, dir) {
			out = append(out, dir)
		}
	}
	slices.Sort(out)
	return out
}
