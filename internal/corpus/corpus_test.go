// Package corpus tests docgen on the real Microsoft Graph reference in
// ../shared/graph-docs: each version generates a package that must build
// and pass go vet, and whose documented examples must decode strictly into
// the generated types and re-encode to the same JSON. The tests skip, with
// a message, where the corpus is absent or under -short.
package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/gocheck"
	_ "github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/pipeline"
)

const corpusRoot = "../../../shared/graph-docs"

// minRoundTrip is the fraction of strictly valid examples that must
// round-trip; it only ever goes up, except as below.
//
// Issue 15 item 1 lowered it from 0.90 and 0.87 to the rates then measured
// (v1.0 1305 of 1589, 82.1%; beta 2663 of 3180, 83.7%), deliberately: a
// member only examples show is no longer added to a type whose property
// table does not list it, nor to a base type from values without
// @odata.type, so examples holding such members no longer decode strictly.
// Each is explained by example-unknown-property (the check below).
//
// Issue 15 item 5 raised them again: every struct keeps the members its
// type does not declare (Members), and the round trip decodes and encodes
// with the runtime (Unmarshal, Marshal), so such members survive (v1.0
// 1508 of 1601, 94.2%; beta 2990 of 3189, 93.8%; with every member
// declared, as before, 84.6% and 85.2%).
var minRoundTrip = map[string]float64{"v1.0": 0.935, "beta": 0.93}

func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skipf("corpus not found at %s: %v", corpusRoot, err)
	}
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) { testVersion(t, version) })
	}
}

type example struct {
	Pos        string          `json:"pos"`
	Lines      int             `json:"lines"`
	Type       string          `json:"type"`
	Collection bool            `json:"collection"`
	Body       json.RawMessage `json:"body"`
}

type outcome struct {
	Pos    string `json:"pos"`
	Type   string `json:"type"`
	OK     bool   `json:"ok"`
	Reason string `json:"reason,omitempty"`
	Strict bool   `json:"strict"`
}

func testVersion(t *testing.T, version string) {
	cfg := pipeline.Config{Inputs: []string{filepath.Join(corpusRoot, version)}, Package: "graph", KeepParsed: true}
	if version == "v1.0" {
		cfg.ImportPath = "scratch/graph" // with Example functions
	}
	res, err := pipeline.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Model.Diags {
		if d.Code == "internal-error" {
			t.Errorf("%s", d)
		}
	}
	t.Logf("%s: %s", version, res.Summary())
	checkCoverage(t, version, pipeline.NewRunReport(res))
	checkRefBodies(t, version, res.Model)
	// Every file is gofmt's output (the doc comments of real pages once
	// held old-style headings that a second gofmt run rewrote).
	var gf []gocheck.File
	for _, f := range res.Files {
		gf = append(gf, gocheck.File{Name: f.Name, Content: f.Content})
	}
	if err := gocheck.Formatted(gf); err != nil {
		t.Error(err)
	}
	dir := t.TempDir()
	pkg := filepath.Join(dir, "graph")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module scratch\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		p := filepath.Join(pkg, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exs := examples(res.Model)
	b, _ := json.Marshal(exs)
	if err := os.WriteFile(filepath.Join(pkg, "examples.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl, err := os.ReadFile("testdata/roundtrip_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "roundtrip_test.go"), tmpl, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "DOCGEN_RESULTS="+filepath.Join(dir, "results.json"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, truncate(string(out), 4000))
		}
	}
	if raceEnabled {
		t.Logf("%s: race detector on: the generated package is not built here", version)
		return
	}
	run("vet", "./graph/...")
	// One test binary runs the round trip and, where generated, the
	// Example functions.
	cmd := exec.Command("go", "test", "-count=1", "-json", "-run", "TestExamplesRoundTrip|^Example", "./graph")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DOCGEN_RESULTS="+filepath.Join(dir, "results.json"))
	testOut, _ := cmd.Output() // failing examples make go test exit 1
	if cfg.ImportPath != "" {
		checkExamples(t, version, testOut, res.Model)
	}
	rb, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatalf("%v; go test said:\n%s", err, truncate(string(testOut), 4000))
	}
	var outs []outcome
	if err := json.Unmarshal(rb, &outs); err != nil {
		t.Fatal(err)
	}
	ok, strict := 0, 0
	reasons := map[string]int{}
	var failures, undiagnosed []string
	lines := map[string]int{}
	for _, ex := range exs {
		lines[ex.Pos] = ex.Lines
	}
	for _, o := range outs {
		if o.Strict {
			strict++
		}
		if o.OK {
			ok++
			continue
		}
		reasons[reasonClass(o.Reason)]++
		failures = append(failures, o.Pos+": "+o.Type+": "+o.Reason)
		if !diagnosed(res.Model, o.Pos, lines[o.Pos]) {
			undiagnosed = append(undiagnosed, o.Pos+": "+o.Type+": "+o.Reason)
		}
	}
	// Every example that does not round-trip must be explained by a
	// diagnostic inside its body: the docs error behind it.
	for _, u := range undiagnosed {
		t.Errorf("no diagnostic explains the failure of %s", u)
	}
	frac := float64(ok) / float64(max(len(outs), 1))
	t.Logf("%s: %d of %d strictly valid examples round-trip (%.1f%%); %d (%.1f%%) with every member declared (encoding/json, DisallowUnknownFields)",
		version, ok, len(outs), 100*frac, strict, 100*float64(strict)/float64(max(len(outs), 1)))
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return reasons[b] - reasons[a] })
	for _, k := range keys {
		t.Logf("  %5d %s", reasons[k], k)
	}
	if path := os.Getenv("DOCGEN_CORPUS_FAILURES"); path != "" {
		_ = os.WriteFile(path+"."+version, []byte(strings.Join(failures, "\n")+"\n"), 0o644)
	}
	if frac < minRoundTrip[version] {
		t.Errorf("%s: round-trip rate %.3f fell below %.3f", version, frac, minRoundTrip[version])
	}
}

// examples lists the documented bodies whose type the model knows and whose
// JSON is strictly valid.
func examples(m *model.Model) []example {
	var out []example
	for _, op := range m.Operations {
		for _, ex := range op.Examples {
			if ex.ResponseJSON && ex.ResponseType.Named != nil && ex.ResponseType.Named.Kind != model.Enum {
				out = append(out, example{
					Pos:        ex.ResponseBodyPos.String(),
					Lines:      strings.Count(ex.ResponseBody, "\n") + 1,
					Type:       ex.ResponseType.Named.FullName,
					Collection: ex.ResponseType.Collection,
					Body:       json.RawMessage(ex.ResponseBody),
				})
			}
			if ex.RequestJSON && op.Body != nil && op.Body.Type.Named != nil && !op.Body.Type.Collection && op.Body.Type.Named.FullName != "" &&
				op.Body.Type.Named.Kind != model.Enum {
				out = append(out, example{Pos: ex.RequestBodyPos.String(), Lines: strings.Count(ex.RequestBody, "\n") + 1,
					Type: op.Body.Type.Named.FullName, Body: json.RawMessage(ex.RequestBody)})
			}
		}
	}
	return out
}

// checkCoverage asserts the coverage targets: at least 99% of pages with a
// request annotation yield an operation, at least 99% of resource pages with
// an @odata.type yield a type, and every enum table and intune enum page
// yields an enum with members.
func checkCoverage(t *testing.T, version string, r *pipeline.RunReport) {
	c := r.Coverage
	t.Logf("%s coverage: %+v", version, c)
	codes := make([]string, 0, len(r.Summary.ByCode))
	for k := range r.Summary.ByCode {
		codes = append(codes, k)
	}
	slices.Sort(codes)
	var b strings.Builder
	for _, k := range codes {
		fmt.Fprintf(&b, " %s=%d", k, r.Summary.ByCode[k])
	}
	t.Logf("%s diagnostics by code:%s", version, b.String())
	ratio := func(n, d int) float64 { return float64(n) / float64(max(d, 1)) }
	if got := ratio(c.RequestPagesWithOperation, c.RequestPages); got < 0.99 {
		t.Errorf("%s: %d of %d request pages yield an operation (%.2f%%), want >= 99%%", version, c.RequestPagesWithOperation, c.RequestPages, 100*got)
	}
	if got := ratio(c.ResourcePagesWithType, c.ResourcePages); got < 0.99 {
		t.Errorf("%s: %d of %d resource pages yield a type (%.2f%%), want >= 99%%", version, c.ResourcePagesWithType, c.ResourcePages, 100*got)
	}
	if c.EnumTablesUsed != c.EnumTables {
		t.Errorf("%s: %d of %d enum tables yield an enum with members", version, c.EnumTablesUsed, c.EnumTables)
	}
	if c.IntuneEnumPagesWithEnum != c.IntuneEnumPages {
		t.Errorf("%s: %d of %d intune enum pages yield an enum", version, c.IntuneEnumPagesWithEnum, c.IntuneEnumPages)
	}
	for _, p := range r.Pages {
		if len(p.Types)+len(p.Enums)+len(p.Operations) == 0 && p.Reason == "" {
			t.Errorf("%s contributed nothing and the report gives no reason", p.Path)
		}
	}
}

// checkExamples runs the generated Example functions against the
// generated test double and counts the documented request examples that
// compile into an Example and pass; the others are listed.
func checkExamples(t *testing.T, version string, out []byte, m *model.Model) {
	total := 0
	for _, op := range m.Operations {
		total += len(op.Examples)
	}
	passed, failed := 0, []string{}
	for _, line := range strings.Split(string(out), "\n") {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal([]byte(line), &ev) != nil || !strings.HasPrefix(ev.Test, "Example") || strings.Contains(ev.Test, "/") {
			continue
		}
		switch ev.Action {
		case "pass":
			passed++
		case "fail":
			failed = append(failed, ev.Test)
		}
	}
	inexpressible, unattached, lossy := 0, 0, 0
	for _, d := range m.Diags {
		switch d.Code {
		case "example-inexpressible":
			inexpressible++
		case "example-not-as-documented":
			lossy++ // TestStrictRequestBodies has the kinds
		case "example-no-template":
			// A request example whose URL fits no request line of its
			// page documents no operation and so runs as no Example.
			unattached++
		}
	}
	total += unattached
	frac := float64(passed) / float64(max(total, 1))
	t.Logf("%s: %d of %d documented request examples run as passing Example functions (%.1f%%); %d fail, %d cannot be sent as documented, %d cannot be expressed, %d fit no request line (diagnostics)", version, passed, total, 100*frac, len(failed), lossy, inexpressible, unattached)
	if path := os.Getenv("DOCGEN_CORPUS_FAILURES"); path != "" {
		_ = os.WriteFile(path+".examples."+version, []byte(strings.Join(failed, "\n")+"\n"), 0o644)
	}
	// The target is 95%. The rest cannot be sent as documented
	// (members, nulls and annotations the types cannot carry) or cannot be
	// expressed (paths that fit no template, no documented response,
	// bodies that are not JSON), and are listed as diagnostics. Sending the
	// documented body (issue 14) took the rate from 97.8% (bodies fitted to
	// the model) to 93.6%, and keeping undeclared members, nulls and binds
	// (issue 15) back to 96%. This floor only ever goes up.
	const floor = 0.95
	// An Example that fails is a client that does not send what the docs
	// document, or an Example docgen should not have written.
	for _, name := range failed[:min(len(failed), 20)] {
		t.Errorf("%s: %s fails", version, name)
	}
	if frac < floor {
		t.Errorf("%s: only %.1f%% of request examples pass as Example functions, want >= %.0f%%", version, 100*frac, 100*floor)
	}
}

// exampleCodes are the diagnostics that explain an example that does not
// decode.
var exampleCodes = map[string]bool{"example-invalid-value": true, "example-unknown-property": true, "example-type-mismatch": true, "example-property-case": true}

// diagnosed reports whether a diagnostic about example values lies inside
// the body that starts at pos and spans n lines.
func diagnosed(m *model.Model, pos string, n int) bool {
	file, line := splitPos(pos)
	for _, d := range m.Diags {
		if exampleCodes[d.Code] && d.Pos.File == file && d.Pos.Line >= line && d.Pos.Line < line+n {
			return true
		}
	}
	return false
}

func splitPos(pos string) (string, int) {
	parts := strings.Split(pos, ":")
	if len(parts) < 3 {
		return pos, 0
	}
	var line int
	fmt.Sscan(parts[len(parts)-2], &line)
	return strings.Join(parts[:len(parts)-2], ":"), line
}

// reasonClass groups failure messages for the summary.
func reasonClass(r string) string {
	switch {
	case strings.Contains(r, "unknown field"):
		return "property missing from the type"
	case strings.Contains(r, "cannot unmarshal"):
		i := strings.Index(r, "cannot unmarshal")
		return truncate(r[i:], 80)
	case strings.Contains(r, "differs"):
		return "re-encoded JSON differs"
	case strings.Contains(r, "no generated type"):
		return "no generated type"
	}
	return truncate(r, 60)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// checkRefBodies enforces the floor of issue 14: every operation that
// writes a $ref (POST, PUT or PATCH of a path ending in "/$ref") takes a
// Reference body, never a type made up from its example or borrowed from
// the page's prose, which sent {} without the @odata.id the service needs.
// A DELETE of a $ref takes no body.
func checkRefBodies(t *testing.T, version string, m *model.Model) {
	var refs, without, deletes int
	for _, op := range m.Operations {
		p := strings.TrimRight(op.Path, "/")
		if !strings.EqualFold(p[strings.LastIndexByte(p, '/')+1:], "$ref") {
			continue
		}
		switch op.Method {
		case "POST", "PUT", "PATCH":
			refs++
			if op.Body == nil || !op.Body.Reference {
				without++
				t.Errorf("%s: %s %s (%s) takes %v, not a reference", version, op.Method, op.Path, op.Name, op.Body)
			}
		case "DELETE":
			deletes++
			if op.Body != nil {
				t.Errorf("%s: %s %s (%s) takes a body", version, op.Method, op.Path, op.Name)
			}
		}
	}
	t.Logf("%s: %d $ref write operations, %d without a reference body (floor 0); %d $ref deletes", version, refs, without, deletes)
	if refs == 0 {
		t.Errorf("%s: no $ref write operation found: the check would pass on nothing", version)
	}
}
