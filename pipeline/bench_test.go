package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
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
				nodes = 0
				for _, dir := range dirs {
					inputs, err := Collect([]string{dir})
					if err != nil {
						b.Fatal(err)
					}
					nodes += parseOnly(b, inputs)
				}
			}
			b.ReportMetric(float64(nodes), "nodes/op")
		})
	}
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
