package pipeline

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/docgen-dev/docgen/emitter"
	_ "github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/templates"
)

// benchCorpus is the Microsoft Graph reference the benchmarks read,
// relative to this package's folder (the repository's ../shared/graph-docs).
const benchCorpus = "../../shared/graph-docs"

// benchVersions are the sub-benchmarks: each version alone, then both.
var benchVersions = []struct {
	name     string
	versions []string
}{
	{"v1.0", []string{"v1.0"}},
	{"beta", []string{"beta"}},
	{"both", []string{"v1.0", "beta"}},
}

// corpusDirs returns the folders of versions, skipping b when the corpus
// is absent.
func corpusDirs(b *testing.B, versions []string) []string {
	b.Helper()
	var dirs []string
	for _, v := range versions {
		dir := filepath.Join(benchCorpus, v)
		if _, err := os.Stat(dir); err != nil {
			b.Skipf("corpus not found at %s (the Microsoft Graph docs, checked out next to the repository as ../shared/graph-docs): %v", dir, err)
		}
		dirs = append(dirs, dir)
	}
	return dirs
}

// BenchmarkParseOnly is the floor for BenchmarkGenerate: it lists and
// reads every page of the version(s) and parses each with goldmark and the
// table extension, then walks the AST, with GOMAXPROCS workers like
// ParsePages. It extracts nothing; the pipeline cannot be faster than this.
//
//	go test -run '^$' -bench ParseOnly -benchmem ./pipeline
func BenchmarkParseOnly(b *testing.B) {
	for _, bv := range benchVersions {
		b.Run(bv.name, func(b *testing.B) {
			dirs := corpusDirs(b, bv.versions)
			b.ReportAllocs()
			var nodes int64
			for b.Loop() {
				nodes = parseDirs(b, dirs)
			}
			b.ReportMetric(float64(nodes), "nodes/op")
		})
	}
}

// parseDirs is the loop body of BenchmarkParseOnly: every page of dirs
// collected and parsed, returning the number of AST nodes.
func parseDirs(b *testing.B, dirs []string) int64 {
	var nodes int64
	for _, dir := range dirs {
		inputs, err := Collect([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		nodes += parseOnly(b, inputs)
	}
	return nodes
}

// parseOnly parses inputs concurrently and returns the number of AST nodes.
func parseOnly(b *testing.B, inputs []Input) int64 {
	var (
		next, nodes atomic.Int64
		wg          sync.WaitGroup
		failed      atomic.Value
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			md := goldmark.New(goldmark.WithExtensions(extension.Table))
			for {
				i := int(next.Add(1)) - 1
				if i >= len(inputs) {
					return
				}
				src, err := os.ReadFile(inputs[i].Path)
				if err != nil {
					failed.Store(err)
					return
				}
				src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
				doc := md.Parser().Parse(text.NewReader(src))
				n := 0
				_ = ast.Walk(doc, func(n2 ast.Node, entering bool) (ast.WalkStatus, error) {
					if entering {
						n++
					}
					return ast.WalkContinue, nil
				})
				nodes.Add(int64(n))
			}
		})
	}
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	return nodes.Load()
}

// BenchmarkParseAndFormat is the floor for BenchmarkGenerate once the
// output's cost is counted: BenchmarkParseOnly's work (list, read and
// parse every page) plus go/format of every file the emitter renders
// through jennifer (the models, enums, operations, registry.go, doc.go and
// the test double's examples.go; not the runtime files it copies, nor
// names.go, which holds no declarations). The files are generated once,
// outside the timer, and formatted with GOMAXPROCS workers, as the emitter
// renders them. BenchmarkGenerate should stay within 1.5x of it.
//
//	go test -run '^$' -bench ParseAndFormat -benchmem ./pipeline
func BenchmarkParseAndFormat(b *testing.B) {
	for _, bv := range benchVersions {
		b.Run(bv.name, func(b *testing.B) {
			dirs := corpusDirs(b, bv.versions)
			var srcs [][]byte
			for _, dir := range dirs {
				res, err := Run(Config{Inputs: []string{dir}, Package: "graph"})
				if err != nil {
					b.Fatal(err)
				}
				srcs = append(srcs, renderedFiles(res.Files, "graph")...)
			}
			b.ReportAllocs()
			b.ResetTimer()
			var nodes int64
			for b.Loop() {
				nodes = parseDirs(b, dirs)
				formatAll(b, srcs)
			}
			b.ReportMetric(float64(nodes), "nodes/op")
			b.ReportMetric(float64(len(srcs)), "files/op")
		})
	}
}

// renderedFiles are the contents of the files of package pkg that the
// emitter builds with jennifer: every Go file but the runtime copied from
// templates (the package's and the test double's server.go) and names.go.
func renderedFiles(files []File, pkg string) [][]byte {
	copied := map[string]bool{emitter.NamesFile: true, emitter.TestPackage(pkg) + "/server.go": true}
	for _, f := range templates.Files() {
		copied[f.Name] = true
	}
	var srcs [][]byte
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".go") && !copied[f.Name] {
			srcs = append(srcs, f.Content)
		}
	}
	return srcs
}

// formatAll runs go/format over srcs with GOMAXPROCS workers.
func formatAll(b *testing.B, srcs [][]byte) {
	var (
		next   atomic.Int64
		wg     sync.WaitGroup
		failed atomic.Value
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(srcs) {
					return
				}
				if _, err := format.Source(srcs[i]); err != nil {
					failed.Store(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
}

// BenchmarkGenerate runs the whole pipeline (Run: collect, parse, build
// the model, render and format every file in memory; nothing is written)
// for each version; "both" generates the v1.0 package and then the beta
// package, the same 11,289 pages BenchmarkParseOnly/both reads.
//
//	go test -run '^$' -bench Generate -benchmem ./pipeline
func BenchmarkGenerate(b *testing.B) {
	for _, bv := range benchVersions {
		b.Run(bv.name, func(b *testing.B) {
			dirs := corpusDirs(b, bv.versions)
			b.ReportAllocs()
			var bytes int
			for b.Loop() {
				bytes = 0
				for _, dir := range dirs {
					res, err := Run(Config{Inputs: []string{dir}, Package: "graph"})
					if err != nil {
						b.Fatal(err)
					}
					for _, f := range res.Files {
						bytes += len(f.Content)
					}
				}
			}
			b.ReportMetric(float64(bytes), "out-bytes/op")
		})
	}
}

// BenchmarkPhases times the pipeline's phases one by one on beta: parse
// (ParsePages), build (model.Build) and emit (emitter.Generate), each with
// its input prepared outside the timer. The parsed pages stay alive, as in
// Run, so the collector's share is the pipeline's.
//
//	go test -run '^$' -bench Phases -benchmem ./pipeline
func BenchmarkPhases(b *testing.B) {
	inputs, err := Collect(corpusDirs(b, []string{"beta"}))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ParsePages(inputs, Config{})
		}
	})
	pages := ParsePages(inputs, Config{})
	opts := model.Options{Reserved: emitter.Reserved()}
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			model.Build(pages, opts)
		}
	})
	m := model.Build(pages, opts)
	b.Run("emit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := emitter.Generate(m, emitter.Options{Package: "graph"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
