package pipeline

import (
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/spec"
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
}

// Result is a generated package, in memory.
type Result struct {
	Files []emitter.File
	Model *spec.Model
	// Pages is the number of pages read.
	Pages int
	// Paths maps stable page names to the paths they were read from.
	Paths map[string]string
}

// Run generates the package for cfg in memory.
func Run(cfg Config) (*Result, error) {
	inputs, err := Collect(cfg.Inputs)
	if err != nil {
		return nil, err
	}
	pages := ParsePages(inputs, cfg)
	m := spec.Build(pages, spec.Options{Reserved: emitter.Reserved()})
	files, err := emitter.Generate(m, emitter.Options{Package: cfg.Package, GenerateLine: cfg.GenerateLine})
	if err != nil {
		return nil, err
	}
	res := &Result{Files: files, Model: m, Pages: len(pages), Paths: map[string]string{}}
	for _, in := range inputs {
		res.Paths[in.Name] = in.Path
	}
	return res, nil
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
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			p := parser.New()
			for i := range jobs {
				pages[i] = readPage(p, inputs[i], limit)
			}
		})
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return pages
}

func readPage(p *parser.Parser, in Input, limit int64) *parser.Page {
	page := &parser.Page{Path: in.Name}
	fi, err := os.Stat(in.Path)
	if err != nil {
		page.Diags.Errorf(diag.Pos{File: in.Name}, "read", "%v", err)
		return page
	}
	if fi.Size() > limit {
		page.Diags.Warnf(diag.Pos{File: in.Name}, "page-too-large", "page is %d bytes, over the limit of %d; skipped", fi.Size(), limit)
		return page
	}
	src, err := os.ReadFile(in.Path)
	if err != nil {
		page.Diags.Errorf(diag.Pos{File: in.Name}, "read", "%v", err)
		return page
	}
	return p.Parse(in.Name, src)
}

// Summary is the one-line account of a run.
func (r *Result) Summary() string {
	types, enums := 0, 0
	for _, t := range r.Model.Types {
		if t.Kind == spec.Enum {
			enums++
		} else {
			types++
		}
	}
	return fmt.Sprintf("%d pages, %d types, %d enums, %d operations, %d diagnostics", r.Pages, types, enums, len(r.Model.Operations), len(r.Model.Diags))
}
