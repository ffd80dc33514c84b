// Package cli implements the docgen command: flag parsing, running the
// pipeline, printing diagnostics and the summary line, and writing output.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/pipeline"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// Main runs docgen with args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "docgen: internal error: %v\n", r)
			code = ExitFail
		}
	}()
	fs := flag.NewFlagSet("docgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ins listFlag
	fs.Var(&ins, "in", "a folder or file of markdown pages; repeatable (default \"seeds\")")
	out := fs.String("out", "generated", "the output folder")
	pkg := fs.String("pkg", "generated", "the package name of the output")
	version := fs.Bool("version", false, "print docgen's version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docgen [-in PATH]... [-out DIR] [-pkg NAME]\n\nExample:\n  docgen -in ../graph-docs/v1.0 -out graph -pkg graph\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "docgen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return ExitUsage
	}
	if *version {
		fmt.Fprintln(stdout, "docgen", moduleVersion())
		return ExitOK
	}
	if len(ins) == 0 {
		ins = listFlag{"seeds"}
	}
	start := time.Now()
	cfg := pipeline.Config{Inputs: ins, Package: *pkg, GenerateLine: pipeline.GenerateLine(ins, *out, *pkg)}
	res, err := pipeline.Run(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		return ExitFail
	}
	for _, d := range res.Model.Diags {
		printDiag(stderr, d, res.Paths)
	}
	code = ExitOK
	if res.Model.Diags.HasErrors() {
		code = ExitFail
	}
	if _, err := pipeline.Write(*out, res.Files); err != nil {
		fmt.Fprintf(stderr, "docgen: %v\n", err)
		code = ExitFail
	}
	fmt.Fprintf(stderr, "docgen: %s in %s\n", res.Summary(), time.Since(start).Round(time.Millisecond))
	return code
}

// printDiag prints d with the path the page was read from.
func printDiag(w io.Writer, d diag.Diagnostic, paths map[string]string) {
	if p, ok := paths[d.Pos.File]; ok {
		d.Pos.File = p
	}
	fmt.Fprintln(w, d)
}

// moduleVersion is the version of the docgen module from the build info.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
