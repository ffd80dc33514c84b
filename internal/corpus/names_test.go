package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/pipeline"
)

// TestNamesStable builds the v1.0 model from all but every tenth page, then
// adds those pages back with the smaller run's names file, and checks that
// no type and no operation of the smaller set is renamed.
func TestNamesStable(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	root := filepath.Join(corpusRoot, "v1.0")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s: %v", root, err)
	}
	inputs, err := pipeline.Collect([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	pages := pipeline.ParsePages(inputs, pipeline.Config{})
	var fewer []*parser.Page
	for i, p := range pages {
		if i%10 != 3 {
			fewer = append(fewer, p)
		}
	}
	opts := model.Options{Reserved: emitter.Reserved()}
	small := model.Build(fewer, opts)
	// Without the names file, contested names can move to a better
	// claimant; with it (as every rerun into the same output folder has),
	// none may.
	unlocked := model.Build(pages, opts)
	t.Logf("without the names file, %d names change", countRenames(small, unlocked))
	opts.Names = small.Names
	full := model.Build(pages, opts)
	typeNames, opNames := names(full)
	renamed := 0
	st, so := names(small)
	for k, v := range st {
		if w, ok := typeNames[k]; ok && w != v {
			renamed++
			t.Errorf("type %s: %s with fewer pages, %s with all", k, v, w)
		}
	}
	for k, v := range so {
		if w, ok := opNames[k]; ok && w != v {
			renamed++
			t.Errorf("operation %s: %s with fewer pages, %s with all", k, v, w)
		}
	}
	t.Logf("%d types and %d operations compared, %d renamed", len(st), len(so), renamed)
}

// names maps types by full name and operations by method and path (the
// endpoint a caller calls, whichever page documents it) to their Go names.
func names(m *model.Model) (types, ops map[string]string) {
	types, ops = map[string]string{}, map[string]string{}
	for _, t := range m.Types {
		if !t.Synthesized {
			types[t.FullName] = t.Name
		}
	}
	for _, o := range m.Operations {
		ops[o.Method+" "+o.Path] = o.Name
	}
	return types, ops
}

func countRenames(a, b *model.Model) int {
	at, ao := names(a)
	bt, bo := names(b)
	n := 0
	for k, v := range at {
		if w, ok := bt[k]; ok && w != v {
			n++
		}
	}
	for k, v := range ao {
		if w, ok := bo[k]; ok && w != v {
			n++
		}
	}
	return n
}

// TestNamesSurviveDocsUpdate generates the v1.0 model from the May 2020
// docs, then from the July 2021 docs with the 2020 run's names file, as a
// maintainer regenerating into the same folder does, and checks that no type
// and no operation whose request shape (model.OperationShape) is in both is
// renamed.
func TestNamesSurviveDocsUpdate(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	oldRoot := filepath.Join(corpusRoot+"-2020-05", "v1.0")
	newRoot := filepath.Join(corpusRoot, "v1.0")
	for _, r := range []string{oldRoot, newRoot} {
		if _, err := os.Stat(r); err != nil {
			t.Skipf("corpus not found at %s: %v", r, err)
		}
	}
	_, old := buildCorpus(t, oldRoot, nil)
	_, upd := buildCorpus(t, newRoot, old.Names)
	oldTypes, oldOps, oldParams := shapes(old)
	newTypes, newOps, newParams := shapes(upd)
	compare := func(kind string, a, b map[string]string) (both, renamed int) {
		for k, v := range a {
			w, ok := b[k]
			if !ok {
				continue
			}
			both++
			if w != v {
				renamed++
				t.Errorf("%s %s: %s from the 2020 docs, %s after the update", kind, k, v, w)
			}
		}
		return both, renamed
	}
	tb, tr := compare("type", oldTypes, newTypes)
	ob, or := compare("operation", oldOps, newOps)
	pb, pr := compare("parameters of", oldParams, newParams)
	literal := 0
	newKeys := map[string]bool{}
	for _, o := range upd.Operations {
		newKeys[o.Method+" "+o.Path] = true
	}
	for _, o := range old.Operations {
		if newKeys[o.Method+" "+o.Path] {
			literal++
		}
	}
	t.Logf("types: %d of the 2020 run's %d survive the update, %d renamed", tb, len(oldTypes), tr)
	t.Logf("operations: %d of the 2020 run's %d survive by shape (%d by literal request line), %d renamed", ob, len(oldOps), literal, or)
	t.Logf("parameter structs: %d of the 2020 run's %d survive with their operation's shape, %d renamed", pb, len(oldParams), pr)
}

// shapes maps types by full name, and operations and the parameter structs
// their bodies are by request shape, to their Go names; where several
// operations share a shape, the first in the model's order stands for it.
func shapes(m *model.Model) (types, ops, params map[string]string) {
	types, ops, params = map[string]string{}, map[string]string{}, map[string]string{}
	for _, t := range m.Types {
		if !t.Synthesized {
			types[strings.ToLower(t.FullName)] = t.Name
		}
	}
	for _, o := range m.Operations {
		k := model.OperationShape(o.Method, o.Path)
		if _, ok := ops[k]; !ok {
			ops[k] = o.Name
		}
		if _, ok := params[k]; !ok && o.Body != nil && o.Body.Type.Named != nil && o.Body.Type.Named.Synthesized {
			params[k] = o.Body.Type.Named.Name
		}
	}
	return types, ops, params
}
