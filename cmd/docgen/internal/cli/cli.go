// Package cli implements the docgen command: flag parsing, running the
// pipeline, printing diagnostics and the summary line, and writing,
// checking or linting the output. The manual is the package doc of
// cmd/docgen; the text of "docgen -h" is in usage.go.
package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/pipeline"
)

// Exit codes.
const (
	// ExitOK is success: output written (or, with -check, up to date).
	ExitOK = 0
	// ExitFail is a failed run: an error, a warning under -strict, or
	// drift under -check.
	ExitFail = 1
	// ExitUsage is a usage error: a bad flag or flag value, or an argument.
	ExitUsage = 2
)

// DefaultDiffLines is the default of -diff-lines.
const DefaultDiffLines = 200

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// globFlag is a repeatable path.Match pattern flag.
type globFlag []string

func (g *globFlag) String() string { return strings.Join(*g, ",") }
func (g *globFlag) Set(v string) error {
	if _, err := path.Match(v, ""); err != nil {
		return fmt.Errorf("bad pattern %q: %v", v, err)
	}
	*g = append(*g, v)
	return nil
}

// options are the parsed flags.
type options struct {
	ins       listFlag
	modroot   bool
	out, pkg  string
	check     bool
	diffLines int
	format    diagFormat
	strict    bool
	quiet     bool
	include   globFlag
	exclude   globFlag
	ops       string
	lint      bool
	report    string
	version   bool
	maxPage   int64
	verbose   bool
	// baseline is the -baseline file; "" means docgen.baseline in -out.
	baseline      string
	baselineWrite bool
	onlyCodes     codeFlag
	skipCodes     codeFlag
	paths         globFlag
}

// codeFlag is a repeatable, comma-separated list of diagnostic codes from
// the catalog.
type codeFlag []string

func (c *codeFlag) String() string { return strings.Join(*c, ",") }
func (c *codeFlag) Set(v string) error {
	for _, code := range strings.Split(v, ",") {
		code = strings.TrimSpace(code)
		if _, ok := diag.Lookup(code); !ok {
			return fmt.Errorf("unknown diagnostic code %q (the manual lists them)", code)
		}
		*c = append(*c, code)
	}
	return nil
}

// newFlagSet defines docgen's flags on a new flag set that fills o. Every
// flag's usage text ends with an example; the tests check that each one is
// in the -h text and in the manual.
func newFlagSet(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("docgen", flag.ContinueOnError)
	o.format = formatText
	fs.Var(&o.ins, "in", "read the pages under the folder `PATH`, or the page PATH itself; repeatable (default seeds)\n"+
		"example: -in docs/api -in docs/resources")
	fs.BoolVar(&o.modroot, "modroot", false, "read relative -in paths from the root of the Go module holding the working directory\n"+
		"example: -modroot -in seeds -out .")
	fs.StringVar(&o.out, "out", "generated", "write the package to the folder `DIR`\nexample: -out graph")
	fs.StringVar(&o.pkg, "pkg", "generated", "name the package `NAME`\nexample: -pkg graph")
	fs.BoolVar(&o.check, "check", false, "write nothing; exit 1 and print what differs when -out is not what docgen would generate\n"+
		"example: -check -in docs -out graph -pkg graph")
	fs.IntVar(&o.diffLines, "diff-lines", DefaultDiffLines, "with -check, show at most `N` lines of unified diff; 0 shows none\nexample: -check -diff-lines 50")
	fs.Var(&o.format, "diag", "print diagnostics as `FORMAT`: text, json or github\nexample: -diag github")
	fs.BoolVar(&o.strict, "strict", false, "treat warnings as errors: any warning makes the run exit 1\nexample: -strict -diag github")
	fs.BoolVar(&o.quiet, "q", false, "quiet: print errors only, and the summary line only when the run fails\nexample: -q")
	fs.Var(&o.include, "include", "generate only the operations of pages whose name or file name matches `GLOB`; repeatable\n"+
		"example: -include 'seeds/api/book-*.md'")
	fs.Var(&o.exclude, "exclude", "leave out the operations of pages whose name or file name matches `GLOB`; repeatable\n"+
		"example: -exclude '*-delete.md'")
	fs.StringVar(&o.ops, "ops", "", "generate only the operations whose Go name matches `REGEXP`\nexample: -ops '^(Get|List)Book'")
	fs.BoolVar(&o.lint, "lint", false, "check the docs and write no code: report docs problems with their codes\nexample: -lint -strict -in docs")
	fs.StringVar(&o.report, "report", "", "write a JSON account of every page (what it contributed, or why nothing), every diagnostic and coverage figures to `FILE`\nexample: -report report.json")
	fs.BoolVar(&o.version, "version", false, "print docgen's version and exit\nexample: -version")
	fs.BoolVar(&o.verbose, "v", false, "verbose: print every diagnostic, also infos and those the baseline knows, instead of a one-line count per code of them\nexample: -v")
	fs.StringVar(&o.baseline, "baseline", "", "read known findings from the baseline `FILE` (default docgen.baseline in -out, when it exists); known findings neither fail the run nor print\n"+
		"example: -baseline ci/docgen.baseline -strict")
	fs.BoolVar(&o.baselineWrite, "baseline-write", false, "write every finding of the run to the baseline file (see -baseline) as known, replacing it\nexample: -baseline-write -in docs -out graph")
	fs.Var(&o.onlyCodes, "only-code", "consider only diagnostics with the `CODE`s (comma-separated; repeatable)\nexample: -only-code type-conflict,operation-name")
	fs.Var(&o.skipCodes, "skip-code", "leave out diagnostics with the `CODE`s (comma-separated; repeatable)\nexample: -skip-code operation-duplicate")
	fs.Var(&o.paths, "path", "consider only diagnostics about pages whose path or stable name, or a folder of it, matches `GLOB`; repeatable\n"+
		"example: -path 'v1.0/api/user-*'")
	fs.Int64Var(&o.maxPage, "max-page-bytes", pipeline.DefaultMaxPageBytes, "skip, with a warning, pages larger than `N` bytes\nexample: -max-page-bytes 1048576")
	return fs
}

// Main runs docgen with args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "docgen: internal error: %v\n", r)
			code = ExitFail
		}
	}()
	var o options
	fs := newFlagSet(&o)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // the error is printed by Parse; help by us
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout, fs)
			return ExitOK
		}
		return usageError(stderr, "")
	}
	if fs.NArg() > 0 {
		return usageError(stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	if o.version {
		fmt.Fprintln(stdout, "docgen", moduleVersion())
		return ExitOK
	}
	var opsRe *regexp.Regexp
	if o.ops != "" {
		re, err := regexp.Compile(o.ops)
		if err != nil {
			return usageError(stderr, fmt.Sprintf("invalid value %q for flag -ops: %v", o.ops, err))
		}
		opsRe = re
	}
	if o.diffLines < 0 {
		return usageError(stderr, fmt.Sprintf("invalid value %d for flag -diff-lines: must be 0 or more", o.diffLines))
	}
	if o.maxPage <= 0 {
		return usageError(stderr, fmt.Sprintf("invalid value %d for flag -max-page-bytes: must be 1 or more", o.maxPage))
	}
	if o.lint && o.check {
		return usageError(stderr, "-lint and -check cannot be combined")
	}
	if o.baselineWrite && o.check {
		return usageError(stderr, "-baseline-write and -check cannot be combined")
	}
	// "graph/" and "graph/." are the folder "graph" for every check,
	// including the refusal of a symlinked output folder.
	o.out = filepath.Clean(o.out)
	if len(o.ins) == 0 {
		o.ins = listFlag{"seeds"}
	}
	if o.modroot {
		ins, err := pipeline.ResolveFromModule(o.ins)
		if err != nil {
			return usageError(stderr, "-modroot: "+err.Error())
		}
		o.ins = ins
	}
	return run(&o, opsRe, stdout, stderr)
}

// usageError prints msg (if any) and a pointer to -h, and returns ExitUsage.
func usageError(stderr io.Writer, msg string) int {
	if msg != "" {
		fmt.Fprintln(stderr, "docgen: "+msg)
	}
	fmt.Fprintln(stderr, `run "docgen -h" for usage`)
	return ExitUsage
}

// run generates, then writes, checks or lints.
func run(o *options, opsRe *regexp.Regexp, stdout, stderr io.Writer) int {
	start := time.Now()
	// Examples need the generated package's import path; outside a module
	// there is none, and docgen writes no examples.
	importPath, _ := pipeline.ImportPath(o.out)
	cfg := pipeline.Config{
		NamesFrom:    o.out,
		ImportPath:   importPath,
		Inputs:       o.ins,
		Package:      o.pkg,
		GenerateLine: generateLine(o),
		MaxPageBytes: o.maxPage,
		Include:      o.include,
		Exclude:      o.exclude,
		Ops:          opsRe,
		KeepParsed:   o.lint || o.report != "",
	}
	pr := &printer{w: stderr, format: o.format, quiet: o.quiet, verbose: o.verbose}
	outOpts := pipeline.OutputOptions{OnWait: func() {
		pr.note("waiting for another docgen run to finish with " + o.out)
	}}
	if !o.check && !o.lint {
		// An interrupted earlier run is completed (or discarded) first,
		// so that the names file read next is that of a whole run.
		if err := recoverOutput(o.out, outOpts, pr); err != nil {
			pr.fail("write", err)
			return ExitFail
		}
	}
	res, err := pipeline.Run(cfg)
	if err != nil {
		pr.fail("run", err)
		return ExitFail
	}
	pr.paths = res.Shown
	if o.report != "" {
		if err := writeReport(o.report, res); err != nil {
			pr.fail("report", err)
			return ExitFail
		}
	}
	diags := res.Model.Diags
	if o.lint {
		diags = res.Lint()
	}
	filter := diag.Filter{OnlyCodes: o.onlyCodes, SkipCodes: o.skipCodes, Paths: o.paths}
	diags = filter.Apply(diags, func(name string) string { return pr.paths[name] })
	code, err := reportDiags(o, diags, pr)
	if err != nil {
		pr.fail("baseline", err)
		return ExitFail
	}
	elapsed := func() time.Duration { return time.Since(start).Round(time.Millisecond) }
	if o.lint && o.baselineWrite {
		if err := saveBaseline(o, diags, pr); err != nil {
			pr.fail("baseline", err)
			code = ExitFail
		}
	}
	if o.lint {
		pr.summary(code, fmt.Sprintf("docgen: lint: %d findings in %d pages in %s", len(diags), res.Pages, elapsed()))
		return code
	}
	if o.check {
		changes, err := pipeline.CheckContext(context.Background(), o.out, res.Files, outOpts)
		switch {
		case err != nil:
			pr.fail("check", err)
			code = ExitFail
		case len(changes) > 0:
			// The API summary comes first: what breaks for the package's
			// users matters more in a review than which files differ.
			if api, err := pipeline.APIChanges(res.Files, changes); err != nil {
				fmt.Fprintf(stdout, "API: no summary: %v\n", err)
			} else if err := pipeline.ReportAPI(stdout, api); err != nil {
				pr.fail("check", err)
			}
			if err := pipeline.Report(stdout, o.out, changes, o.diffLines); err != nil {
				pr.fail("check", err)
			}
			pr.summary(ExitFail, fmt.Sprintf("docgen: %d files in %s differ from what docgen generates; run docgen without -check to update them", len(changes), o.out))
			code = ExitFail
		}
	} else if err := writeOutput(o.out, res.Files, outOpts); err != nil {
		pr.fail("write", err)
		code = ExitFail
	} else if o.baselineWrite {
		// The run that follows reads the names file just written, and a
		// first run's naming findings ("operation name X is claimed by
		// ...") do not recur once names are kept: the baseline holds what
		// the next run finds, so that it starts with no known finding gone.
		again, err := pipeline.Run(cfg)
		if err == nil {
			diags = filter.Apply(again.Model.Diags, func(name string) string { return pr.paths[name] })
			err = saveBaseline(o, diags, pr)
		}
		if err != nil {
			pr.fail("baseline", err)
			code = ExitFail
		}
	}
	pr.summary(code, fmt.Sprintf("docgen: %s in %s", res.Summary(), elapsed()))
	return code
}

// interruptSignals are the signals held while the output folder changes.
func interruptSignals() []os.Signal { return []os.Signal{os.Interrupt, syscall.SIGTERM} }

// writeOutput writes files to out, holding SIGINT and SIGTERM meanwhile:
// the first one cancels the write, which rolls back if it comes before the
// write's commit point, and is otherwise noted once the write is complete
// (see pipeline.WriteContext). Either way the run fails.
func writeOutput(out string, files []pipeline.File, opts pipeline.OutputOptions) error {
	ctx, stop := signal.NotifyContext(context.Background(), interruptSignals()...)
	defer stop()
	_, err := pipeline.WriteContext(ctx, out, files, opts)
	if err == nil && ctx.Err() != nil {
		return fmt.Errorf("interrupted after the write was committed; %s holds the complete new output", out)
	}
	return err
}

// recoverOutput completes or discards what an interrupted run left in out
// (pipeline.Recover), holding SIGINT and SIGTERM meanwhile, and says what
// it did.
func recoverOutput(out string, opts pipeline.OutputOptions, pr *printer) error {
	ctx, stop := signal.NotifyContext(context.Background(), interruptSignals()...)
	defer stop()
	st, err := pipeline.Recover(ctx, out, opts)
	if st.RolledForward {
		pr.note("completed the write of an interrupted run into " + out)
	}
	if st.RolledBack {
		pr.note("discarded the staged files of an interrupted run in " + out + "; it holds the output before that run")
	}
	if st.Removed > 0 {
		pr.note(fmt.Sprintf("removed %d temporary files left in %s by an interrupted run", st.Removed, out))
	}
	if err == nil && ctx.Err() != nil {
		// The signal was held, not lost: the run stops here.
		return fmt.Errorf("interrupted before generating; %s holds the complete output of the last run", out)
	}
	return err
}

// writeReport writes the -report file.
func writeReport(path string, res *pipeline.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pipeline.WriteRunReport(f, res); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// promote makes every warning an error, for -strict; infos stay infos.
func promote(l diag.List) diag.List {
	out := slices.Clone(l)
	for i := range out {
		if out[i].Severity == diag.Warning {
			out[i].Severity = diag.Error
		}
	}
	return out
}

// baselinePath is the baseline file of the run: -baseline, or
// docgen.baseline in -out. explicit says whether -baseline named it.
func baselinePath(o *options) (file string, explicit bool) {
	if o.baseline != "" {
		return o.baseline, true
	}
	return filepath.Join(o.out, BaselineName), false
}

// BaselineName is the name of the default baseline file in -out.
const BaselineName = "docgen.baseline"

// reportDiags prints diags and returns the exit code they give. With
// -baseline-write they are all known (saveBaseline writes them). Else
// the findings the baseline knows are counted, not printed, and never fail
// the run; of the others (fresh), errors fail the run, and under -strict
// warnings too. Infos and known findings print as one line per code
// unless -v.
func reportDiags(o *options, diags diag.List, pr *printer) (int, error) {
	file, explicit := baselinePath(o)
	if o.baselineWrite {
		// The run writes the baseline after the output (see
		// saveBaseline); its findings are all known.
		pr.counts(nil, diags)
		return ExitOK, nil
	}
	var base diag.Baseline
	f, err := os.Open(file)
	switch {
	case err == nil:
		base, err = diag.ReadBaseline(f)
		f.Close()
		if err != nil {
			return ExitFail, fmt.Errorf("%s: %v", file, err)
		}
	case explicit || !errors.Is(err, os.ErrNotExist):
		return ExitFail, err
	}
	fresh, known, stale := base.Match(diags)
	if o.strict {
		fresh = promote(fresh)
	}
	var folded diag.List
	switch {
	case o.verbose:
		// Every finding, fresh or known, in the order of diags.
		all := slices.Concat(fresh, known)
		slices.SortStableFunc(all, func(a, b diag.Diagnostic) int {
			return cmp.Or(a.Pos.Compare(b.Pos), strings.Compare(a.Code, b.Code), strings.Compare(a.Message, b.Message))
		})
		for _, d := range all {
			pr.diag(d)
		}
		known = nil
	default:
		for _, d := range fresh {
			if d.Severity == diag.Info {
				folded = append(folded, d)
				continue
			}
			pr.diag(d)
		}
	}
	pr.counts(folded, known)
	if len(stale) > 0 {
		n := 0
		for _, e := range stale {
			n += e.Count
		}
		pr.note(fmt.Sprintf("baseline: %d known findings of %s are gone; run with -baseline-write to drop them", n, file))
	}
	if fresh.HasErrors() {
		return ExitFail, nil
	}
	return ExitOK, nil
}

// saveBaseline writes diags to the baseline file for -baseline-write,
// once the output folder (its default home) exists, and says so.
func saveBaseline(o *options, diags diag.List, pr *printer) error {
	file, _ := baselinePath(o)
	if err := writeBaseline(file, diags); err != nil {
		return err
	}
	pr.note(fmt.Sprintf("wrote %d findings to the baseline %s", len(diags), file))
	return nil
}

// writeBaseline writes the baseline of diags to file.
func writeBaseline(file string, diags diag.List) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := diag.NewBaseline(diags).Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// generateLine is the go:generate command of the run: the inputs, output
// and package, and the selection flags, which change the output.
func generateLine(o *options) string {
	line := pipeline.GenerateLine(o.ins, o.out, o.pkg)
	for _, g := range o.include {
		line += " -include " + generateArg(g)
	}
	for _, g := range o.exclude {
		line += " -exclude " + generateArg(g)
	}
	if o.ops != "" {
		line += " -ops " + generateArg(o.ops)
	}
	if o.maxPage != pipeline.DefaultMaxPageBytes {
		line += " -max-page-bytes " + strconv.FormatInt(o.maxPage, 10)
	}
	return line
}

// generateArg writes s as one argument of a go:generate line: go generate
// expands $NAME and ${NAME} (so "$" is written ${DOLLAR}) and reads a
// double-quoted Go string as one word.
func generateArg(s string) string {
	s = strings.ReplaceAll(s, "$", "${DOLLAR}")
	if s == "" || strings.ContainsAny(s, " \t\"\\'") {
		return strconv.Quote(s)
	}
	return s
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
