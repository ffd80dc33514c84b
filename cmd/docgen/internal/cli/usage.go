package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// usageHead and usageTail frame the flag list of "docgen -h".
const (
	usageHead = `usage: docgen [-in PATH]... [-out DIR] [-pkg NAME] [-check [-diff-lines N]] [-lint]
              [-diag text|json|github] [-strict] [-q] [-v]
              [-baseline FILE] [-baseline-write]
              [-only-code CODE]... [-skip-code CODE]... [-path GLOB]...
              [-include GLOB]... [-exclude GLOB]... [-ops REGEXP] [-report FILE]
              [-max-page-bytes N] [-version]

docgen reads the markdown API reference pages under each -in folder and
writes a typed Go client package to -out. The manual is "go doc
github.com/docgen-dev/docgen/cmd/docgen".

Flags:
`
	usageTail = `
Examples:
  docgen -in ../graph-docs/v1.0 -out graph -pkg graph
  docgen -check -in docs -out graph -pkg graph -diag github     # in CI
  docgen -lint -strict -in docs                                 # docs review
  docgen -baseline-write -in docs -out graph -pkg graph         # accept today's findings
  docgen -in docs -out books -pkg books -include 'docs/api/book-*.md' -ops '^(Get|List)'

Diagnostics are errors (the output is or may be wrong), warnings (docgen
chose between conflicting evidence) or infos (repaired safely); the manual
lists every code with its severity.

Exit status: 0 success; 1 errors, warnings under -strict (either only when
the baseline does not know them), or drift under -check; 2 usage errors (a
bad flag, flag value, pattern or argument).
`
)

// printUsage writes the "docgen -h" text: for each flag, in name order,
// its argument, its description with the default, and its example.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageHead)
	fs.VisitAll(func(f *flag.Flag) {
		arg, text := flag.UnquoteUsage(f)
		desc, example, _ := strings.Cut(text, "\n")
		head := "  -" + f.Name
		if arg != "" {
			head += " " + arg
		}
		if !slices.Contains([]string{"", "false", "0"}, f.DefValue) {
			desc += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n      %s\n      %s\n", head, desc, example)
	})
	fmt.Fprint(w, usageTail)
}
