package emitter

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestJobPanicIsAnError: a job panics on a worker goroutine, where no
// caller's recover reaches; the run reports it as an error instead of
// crashing, whichever worker picks it up.
func TestJobPanicIsAnError(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		jobs := []job{
			{name: "a.go", weight: 1, gen: func(f *jen.File) { f.Var().Id("A").Int() }},
			{name: "boom.go", weight: 2, gen: func(*jen.File) { panic("boom") }},
			{name: "c.go", weight: 1, gen: func(f *jen.File) { f.Var().Id("C").Int() }},
		}
		files, err := runJobs(jobs, Options{Package: "p", Workers: workers})
		if err == nil || !strings.Contains(err.Error(), "internal error rendering boom.go: boom") || files != nil {
			t.Errorf("workers %d: runJobs = %d files, %v; want the panic as an error", workers, len(files), err)
		}
	}
}
