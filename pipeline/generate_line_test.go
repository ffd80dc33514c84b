package pipeline

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGenerateArgRoundTrip runs go generate on a go:generate line built by
// GenerateLine from hostile folder names (spaces, quotes, a dollar sign
// naming a set environment variable, a backslash, a tab, non-ASCII) and
// checks that the command receives every -in path as it was given: not
// split at spaces, not expanded. The command is a small program that prints
// its arguments, standing in for docgen.
func TestGenerateArgRoundTrip(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "m")
	names := []string{"plain", "with space", "$HOME", "${HOME}x", `quo"te`, `back\slash`, "tab\there", "ünï", "it's", "$DOLLAR"}
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(mod, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.22\n")
	write("echoargs/main.go", "package main\n\nimport (\n\t\"encoding/json\"\n\t\"os\"\n)\n\nfunc main() { _ = json.NewEncoder(os.Stdout).Encode(os.Args[1:]) }\n")
	var inputs []string
	for _, n := range names {
		in := filepath.Join(mod, "docs", n)
		if err := os.MkdirAll(in, 0o755); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, in)
	}
	line := GenerateLine(inputs, filepath.Join(mod, "client"), "client")
	const head = "go run github.com/docgen-dev/docgen/cmd/docgen "
	if !strings.HasPrefix(line, head) || strings.ContainsAny(line, "\n\r") {
		t.Fatalf("GenerateLine = %q", line)
	}
	write("client/doc.go", "// Package client is a test.\npackage client\n\n//go:generate go run example.com/m/echoargs "+strings.TrimPrefix(line, head)+"\n")
	cmd := exec.Command("go", "generate", "./client")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "HOME="+tmp, "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go generate: %v\n%s", err, out)
	}
	var args []string
	if err := json.Unmarshal(out, &args); err != nil {
		t.Fatalf("command output %q: %v", out, err)
	}
	var got []string
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-in" {
			got = append(got, strings.TrimPrefix(args[i+1], "docs/"))
		}
	}
	if !slices.Equal(got, names) {
		t.Errorf("go generate passed -in %q\nwant %q\nline: %s", got, names, line)
	}
	if !slices.Contains(args, "-modroot") || args[len(args)-1] != "client" {
		t.Errorf("arguments %q: want -modroot and -pkg client", args)
	}
}

// TestGenerateArg: plain words stay as they are; anything go generate
// would split, unquote or expand is quoted.
func TestGenerateArg(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"docs/v1.0", "docs/v1.0"},
		{"../x_y-z", "../x_y-z"},
		{"a b", `"a b"`},
		{"$HOME", `"${DOLLAR}HOME"`},
		{"a\nb", `"a\nb"`},
		{"", `""`},
	} {
		if got := generateArg(tt.in); got != tt.want {
			t.Errorf("generateArg(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
