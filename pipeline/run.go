package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
)

// DefaultMaxPageBytes is the largest page read; larger ones are skipped
// with a diagnostic.
const DefaultMaxPageBytes = 16 << 20

// Config says what to generate.
type Config struct {
	// Inputs are folders and files of markdown pages.
	Inputs []string
	// Package is the generated package's name.
	Package string
	// GenerateLine is written into doc.go as a //go:generate command.
	GenerateLine string
	// Workers bounds parsing concurrency; 0 means GOMAXPROCS.
	Workers int
	// MaxPageBytes bounds page size; 0 means DefaultMaxPageBytes.
	MaxPageBytes int64
	// NamesFrom, if set, is the output folder of an earlier run: the names
	// recorded in its generated names.go are kept.
	NamesFrom string
	// ImportPath is the import path of the generated package. When set,
	// docgen also writes examples_test.go, an Example function per
	// documented request (they import the package and its test double).
	ImportPath string

	// Include, if not empty, keeps only the operations documented on pages
	// whose stable name ("seeds/api/book-get.md") or base name
	// ("book-get.md") matches one of these path.Match patterns. Every page
	// is still read, so types are complete whatever the selection.
	Include []string
	// Exclude drops the operations documented on pages whose stable name
	// or base name matches one of these path.Match patterns.
	Exclude []string
	// Ops, if not nil, keeps only the operations whose Go name it matches.
	Ops *regexp.Regexp

	// KeepParsed keeps the parsed pages in Result.Parsed, for model.Lint
	// and the coverage figures of NewRunReport. Without it they are
	// released once the model is built, which lowers the run's peak memory.
	KeepParsed bool
}

// selects reports whether cfg selects part of the operations.
func (cfg Config) selects() bool {
	return len(cfg.Include) > 0 || len(cfg.Exclude) > 0 || cfg.Ops != nil
}

// keep reports whether cfg selects op. The patterns must have been
// checked with checkPatterns.
func (cfg Config) keep(op *model.Operation) bool {
	if len(cfg.Include) > 0 && !matchPage(cfg.Include, op.Page) {
		return false
	}
	if matchPage(cfg.Exclude, op.Page) {
		return false
	}
	return cfg.Ops == nil || cfg.Ops.MatchString(op.Name)
}

// matchPage reports whether a page's stable name or its base name matches
// one of patterns.
func matchPage(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
		if ok, _ := path.Match(p, path.Base(name)); ok {
			return true
		}
	}
	return false
}

// checkPatterns reports the first malformed Include or Exclude pattern.
func (cfg Config) checkPatterns() error {
	for _, p := range append(append([]string(nil), cfg.Include...), cfg.Exclude...) {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("bad page pattern %q: %w", p, err)
		}
	}
	return nil
}

// Result is a generated package, in memory.
type Result struct {
	Files []emitter.File
	Model *model.Model
	// Pages is the number of pages read.
	Pages int
	// Paths maps stable page names to the paths they were read from.
	Paths map[string]string
	// Shown maps stable page names to the paths diagnostics show: from the
	// root of the module holding the working folder (see DisplayPaths).
	Shown map[string]string
	// Parsed are the parsed pages, in input order, for checks of the docs
	// such as model.Lint; nil unless Config.KeepParsed is set.
	Parsed []*parser.Page
}

// File is one file of the generated package: its name in the output
// folder and its content.
type File = emitter.File

// Lint checks the docs of a run made with Config.KeepParsed against its
// model (see model.Lint): broken links and includes, operations without
// responses, response types without a page; without parsed pages, only
// what the model shows.
func (res *Result) Lint() diag.List {
	return model.Lint(res.Parsed, res.Model)
}

// Run generates the package for cfg in memory. When cfg selects part of
// the operations (Include, Exclude, Ops), the model is the model.Model.Subset
// of the selected operations, and a selection of none is an error.
func Run(cfg Config) (res *Result, err error) {
	defer func() {
		// Pages are parsed under recover already; a failure while merging
		// or rendering is reported as an error, never as a crash.
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	if err := cfg.checkPatterns(); err != nil {
		return nil, err
	}
	inputs, err := Collect(cfg.Inputs)
	if err != nil {
		return nil, err
	}
	pages := ParsePages(inputs, cfg)
	names, err := readNames(cfg.NamesFrom)
	if err != nil {
		return nil, err
	}
	opts := model.Options{Reserved: emitter.Reserved(), Names: names}
	eopts := cfg.emitterOptions()
	if !cfg.selects() {
		// The types are final before the operations are resolved: their
		// files are rendered on the other cores while the build completes
		// on this one. A selection makes a new model of a subset of them.
		eopts.Types = &emitter.TypeFiles{}
		opts.TypesDone = func(types []*model.Type) { eopts.Types.Start(types, eopts) }
	}
	m := model.Build(pages, opts)
	if cfg.selects() {
		all := len(m.Operations)
		m = m.Subset(cfg.keep)
		if len(m.Operations) == 0 {
			return nil, fmt.Errorf("the selection of operations (include %q, exclude %q, ops %q) matches none of the %d operations", cfg.Include, cfg.Exclude, opsText(cfg.Ops), all)
		}
	}
	nPages := len(pages)
	var parsed []*parser.Page
	if cfg.KeepParsed {
		parsed = pages
	}
	pages = nil // the model holds what the emitter needs
	out, err := emitter.Generate(m, eopts)
	if err != nil {
		return nil, err
	}
	if len(out.Diags) > 0 {
		m.Diags = append(m.Diags, out.Diags...)
		m.Diags.Sort()
	}
	res = &Result{Files: out.Files, Model: m, Pages: nPages, Paths: map[string]string{}, Parsed: parsed}
	for _, in := range inputs {
		res.Paths[in.Name] = in.Path
	}
	res.Shown = DisplayPaths(res.Paths)
	return res, nil
}

// emitterOptions are the options of the package's files.
func (cfg Config) emitterOptions() emitter.Options {
	return emitter.Options{Package: cfg.Package, GenerateLine: cfg.GenerateLine, ImportPath: cfg.ImportPath}
}

func opsText(re *regexp.Regexp) string {
	if re == nil {
		return ""
	}
	return re.String()
}

// ParsePages reads and parses inputs concurrently. The result is in input
// order whatever the scheduling.
func ParsePages(inputs []Input, cfg Config) []*parser.Page {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	limit := cfg.MaxPageBytes
	if limit <= 0 {
		limit = DefaultMaxPageBytes
	}
	pages := make([]*parser.Page, len(inputs))
	// Workers take the next page from a shared counter: feeding them
	// through a channel costs a goroutine switch per page, which measured
	// about a tenth of the parse on two cores.
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(workers, len(inputs)) {
		wg.Go(func() {
			p := parser.New()
			p.MaxPageBytes = int(limit)
			// The parser keeps no reference to a page's bytes, so one
			// buffer per worker holds each page in turn.
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(inputs) {
					return
				}
				pages[i] = readPage(p, inputs[i], limit, &buf)
			}
		})
	}
	wg.Wait()
	return pages
}

// readPage reads and parses one page, reading it into buf.
func readPage(p *parser.Parser, in Input, limit int64, buf *bytes.Buffer) *parser.Page {
	page := &parser.Page{Path: in.Name}
	f, err := os.Open(in.Path)
	if err != nil {
		page.Diags.Errorf(diag.Pos{File: in.Name}, "read", "%v", err)
		return page
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		page.Diags.Errorf(diag.Pos{File: in.Name}, "read", "%v", err)
		return page
	}
	if !fi.Mode().IsRegular() {
		// A device or a FIFO could be read forever.
		page.Diags.Warnf(diag.Pos{File: in.Name}, "read", "not a regular file; skipped")
		return page
	}
	// The buffer is grown once from Stat (io.ReadAll would grow one step
	// by step, allocating about twice the corpus); bytes.Buffer keeps
	// MinRead bytes free, so reading to EOF needs no second allocation.
	// The limit still holds if the file grew since Stat.
	buf.Reset()
	buf.Grow(int(min(fi.Size(), limit)) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	src := buf.Bytes()
	if err != nil {
		page.Diags.Errorf(diag.Pos{File: in.Name}, "read", "%v", err)
		return page
	}
	if int64(len(src)) > limit {
		page.Diags.Warnf(diag.Pos{File: in.Name}, "page-too-large", "page is over the limit of %d bytes; skipped", limit)
		return page
	}
	return p.Parse(in.Name, src)
}

// Summary is the one-line account of a run.
func (r *Result) Summary() string {
	types, enums := 0, 0
	for _, t := range r.Model.Types {
		if t.Kind == model.Enum {
			enums++
		} else {
			types++
		}
	}
	return fmt.Sprintf("%d pages, %d types, %d enums, %d operations, %d diagnostics", r.Pages, types, enums, len(r.Model.Operations), len(r.Model.Diags))
}

// readNames reads the names file of an earlier run's output folder, if it
// has one that docgen generated. The folder is opened as WriteContext opens
// it (its path cleaned, a symlinked folder refused), and names.go must be a
// regular file of at most MaxOutputFileBytes: a symlink, a FIFO, a device
// or a folder there is an error, never a read that blocks or has no end.
func readNames(dir string) ([]model.NameEntry, error) {
	if dir == "" {
		return nil, nil
	}
	out, err := openOutput(dir, false)
	if err != nil || out == nil {
		return nil, err
	}
	defer out.Close()
	src, err := out.readFile(emitter.NamesFile, MaxOutputFileBytes, false)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("reading the names of the earlier run: %w", err)
	case !OwnedByDocgen(src):
		return nil, nil // not ours: ignored, and Write will refuse to replace it
	}
	return model.ParseNames(src), nil
}
