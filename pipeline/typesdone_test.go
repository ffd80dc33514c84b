package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/model"
)

// TestTypesDoneFinal: model.Build calls TypesDone once, with types it does
// not change afterwards, which is what lets Run render them while the
// build completes. The type files rendered inside the callback equal
// those rendered from the finished model, and Run's files (types rendered
// early) equal emitter.Generate's for the same model, for the seeds, each
// golden emitter case and, when it is present, the v1.0 corpus.
func TestTypesDoneFinal(t *testing.T) {
	inputs := []string{"../seeds"}
	cases, err := filepath.Glob("../golden/emitter/*/pages")
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, cases...)
	if dir := filepath.Join(benchCorpus, "v1.0"); !testing.Short() {
		if _, err := os.Stat(dir); err == nil {
			inputs = append(inputs, dir)
		}
	}
	opts := emitter.Options{Package: "p"}
	for _, in := range inputs {
		ins, err := Collect([]string{in})
		if err != nil {
			t.Fatal(err)
		}
		calls := 0
		early := &emitter.TypeFiles{}
		eopts := opts
		eopts.Types = early
		m := model.Build(ParsePages(ins, Config{}), model.Options{Reserved: emitter.Reserved(), TypesDone: func(types []*model.Type) {
			calls++
			early.Start(types, eopts)
		}})
		if calls != 1 {
			t.Fatalf("%s: TypesDone called %d times, want once", in, calls)
		}
		withEarly, err := emitter.Generate(m, eopts)
		if err != nil {
			t.Fatal(err)
		}
		late, err := emitter.Generate(m, opts)
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, in+": types rendered in TypesDone vs after Build", withEarly.Files, late.Files)

		res, err := Run(Config{Inputs: []string{in}, Package: "p"})
		if err != nil {
			t.Fatal(err)
		}
		whole, err := emitter.Generate(res.Model, opts)
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, in+": Run vs Generate", res.Files, whole.Files)
	}
}

func sortedFiles(fs []emitter.File) []emitter.File {
	slices.SortFunc(fs, func(a, b emitter.File) int { return strings.Compare(a.Name, b.Name) })
	return fs
}

func sameFiles(t *testing.T, what string, got, want []emitter.File) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d files, want %d", what, len(got), len(want))
	}
	for i := range got {
		if got[i].Name != want[i].Name || !bytes.Equal(got[i].Content, want[i].Content) {
			t.Fatalf("%s: file %d is %s, want %s (or its content differs)", what, i, got[i].Name, want[i].Name)
		}
	}
}
