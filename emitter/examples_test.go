package emitter_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/pipeline"
)

// retryAfterPages documents requests answered with 429, 503 and 504, with
// a Retry-After of 100000 seconds, one of a date in the year 9999 and none
// (backoff), beside ones answered with success; one of these has the
// request of a 429 example before it, which the test double answers.
const retryAfterPages = "testdata/retryafter"

// generateRetryAfter generates the package of retryAfterPages with its
// Example functions.
func generateRetryAfter(t *testing.T) *pipeline.Result {
	t.Helper()
	res, err := pipeline.Run(pipeline.Config{Inputs: []string{retryAfterPages}, Package: "ra", ImportPath: "example.com/ra"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestExamplesRetryOff: every Example function builds its client with
// retries off, and an example documented with an error status expects
// that status in an *APIError.
func TestExamplesRetryOff(t *testing.T) {
	res := generateRetryAfter(t)
	var src string
	for _, f := range res.Files {
		if f.Name == emitter.ExamplesFile {
			src = string(f.Content)
		}
	}
	if src == "" {
		t.Fatal("no " + emitter.ExamplesFile)
	}
	funcs := regexp.MustCompile(`(?m)^func (Example\w+)\(\) \{$`).FindAllStringSubmatch(src, -1)
	if len(funcs) != 6 {
		t.Fatalf("%d Example functions, want 6:\n%s", len(funcs), src)
	}
	if n := strings.Count(src, "ra.WithRetry(0))"); n != len(funcs) {
		t.Errorf("%d of %d Example functions build their client with ra.WithRetry(0):\n%s", n, len(funcs), src)
	}
	for name, output := range map[string]string{
		"ExampleClient_GetWidget":        "status: 429",
		"ExampleClient_DeleteWidget":     "status: 429",
		"ExampleClient_ListWidgets":      "status: 503",
		"ExampleClient_GetWidgetContent": "status: 504",
		"ExampleClient_UpdateWidget":     "ok",
		// GET /widgets/2: the same operation as the 429, another path.
		"ExampleClient_GetWidget_widgetgetother": "ok",
	} {
		i := strings.Index(src, "func "+name+"() {")
		if i < 0 {
			t.Errorf("no %s", name)
			continue
		}
		_, rest, _ := strings.Cut(src[i:], "\t// Output: ")
		if got, _, _ := strings.Cut(rest, "\n"); got != output {
			t.Errorf("%s has // Output: %s, want %s", name, got, output)
		}
	}
	// The 200 documented for the request of the 429 before it cannot be
	// shown: the test double answers that request with the 429.
	var shadowed []string
	for _, d := range res.Model.Diags {
		if d.Code == "example-inexpressible" {
			shadowed = append(shadowed, d.String())
		}
	}
	if len(shadowed) != 1 || !strings.Contains(shadowed[0], `"widget-get-again"`) || !strings.Contains(shadowed[0], `earlier example "widget-get"`) {
		t.Errorf("example-inexpressible diagnostics = %q, want one for widget-get-again", shadowed)
	}
}

// TestExamplesDoNotWait runs go test on the package of retryAfterPages, whose
// documented answers ask the client to wait a day, or until the year 9999,
// or to back off: its Example functions must pass without waiting. The
// context's deadline makes a wait a failure instead of a hang.
func TestExamplesDoNotWait(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a generated package; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	res := generateRetryAfter(t)
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/ra\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		p := filepath.Join(mod, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-v", "-run", "^Example", ".")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("go test of the generated Example functions did not finish before the deadline (a documented Retry-After or a backoff waited on):\n%s", out)
	}
	if err != nil {
		t.Fatalf("go test of the generated Example functions: %v\n%s", err, out)
	}
	for _, name := range []string{"GetWidget", "GetWidget_widgetgetother", "DeleteWidget", "ListWidgets", "GetWidgetContent", "UpdateWidget"} {
		if !strings.Contains(string(out), "--- PASS: ExampleClient_"+name+" ") {
			t.Errorf("ExampleClient_%s did not pass:\n%s", name, out)
		}
	}
}
