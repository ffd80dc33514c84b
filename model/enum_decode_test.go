package model_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/pipeline"
)

// TestEnumsTodayDecode generates the package of testdata/enums_today and
// runs go test on it with a test that decodes the page's own response
// example strictly (no unknown fields) into LoanAudit and compares the
// enum properties with the generated constants: the example must decode
// into string types, whether their members come from enums.md (a "values"
// heading or a bare heading), from the description ("The possible values
// are: ..."), or from nowhere (a type no page defines). An empty struct
// type fails with "cannot unmarshal string into ...".
func TestEnumsTodayDecode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a generated package; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	const importPath = "scratch/graph"
	res, err := pipeline.Run(pipeline.Config{Inputs: []string{filepath.Join("testdata", "enums_today")}, Package: "graph", ImportPath: importPath})
	if err != nil {
		t.Fatal(err)
	}
	body := ""
	for _, op := range res.Model.Operations {
		if op.Name == "GetLoanAudit" && len(op.Examples) == 1 {
			body = op.Examples[0].ResponseBody
		}
	}
	if body == "" {
		t.Fatal("no documented response for GetLoanAudit")
	}
	mod := t.TempDir()
	write := func(name string, content []byte) {
		t.Helper()
		p := filepath.Join(mod, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module "+importPath+"\n\ngo 1.24\n"))
	for _, f := range res.Files {
		write(f.Name, f.Content)
	}
	write("decode_enums_test.go", []byte(`package graph

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestDecodeDocumentedAudit(t *testing.T) {
	dec := json.NewDecoder(bytes.NewReader([]byte(`+strconv.Quote(body)+`)))
	dec.DisallowUnknownFields()
	var a LoanAudit
	if err := dec.Decode(&a); err != nil {
		t.Fatal(err)
	}
	if a.Outcome == nil || *a.Outcome != AuditOutcomeOverdue {
		t.Errorf("outcome = %v, want %q", a.Outcome, AuditOutcomeOverdue)
	}
	if a.Zone == nil || *a.Zone != ShelfZoneEast {
		t.Errorf("zone = %v, want %q", a.Zone, ShelfZoneEast)
	}
	if a.Priority == nil || *a.Priority != LoanPriorityUrgent {
		t.Errorf("priority = %v, want %q", a.Priority, LoanPriorityUrgent)
	}
	if a.Route == nil || *a.Route != ReturnRouteDropBox {
		t.Errorf("route = %v, want %q", a.Route, ReturnRouteDropBox)
	}
	if a.Stage == nil || *a.Stage != AuditStageRunning {
		t.Errorf("stage = %v, want %q", a.Stage, AuditStageRunning)
	}
	if a.Channel == nil || *a.Channel != AuditChannel("scheduled") {
		t.Errorf("channel = %v, want scheduled", a.Channel)
	}
	var s AuditBatch = "b1" // a string type, not a struct
	if err := json.Unmarshal([]byte(`+"`"+`"b1"`+"`"+`), &s); err != nil || s != "b1" {
		t.Errorf("AuditBatch does not decode a string: %v", err)
	}
}
`))
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-run", "TestDecodeDocumentedAudit", ".")
	cmd.Dir = mod
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go test of the generated package: %v\n%s", err, out)
	}
}
