package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/diag"
)

// diagFormat is the value of -diag.
type diagFormat string

// Diagnostic formats.
const (
	formatText   diagFormat = "text"
	formatJSON   diagFormat = "json"
	formatGitHub diagFormat = "github"
)

func (f *diagFormat) String() string { return string(*f) }

// Set accepts text, json or github.
func (f *diagFormat) Set(v string) error {
	switch diagFormat(v) {
	case formatText, formatJSON, formatGitHub:
		*f = diagFormat(v)
		return nil
	}
	return fmt.Errorf("want text, json or github")
}

// printer prints diagnostics, run failures and the summary line in one
// format.
type printer struct {
	w      io.Writer
	format diagFormat
	quiet  bool
	// verbose prints infos one by one, not counted per code.
	verbose bool
	// paths maps stable page names to the paths diagnostics show
	// (pipeline.DisplayPaths).
	paths map[string]string
}

// diag prints d, unless quiet and d is a warning.
func (p *printer) diag(d diag.Diagnostic) {
	if p.quiet && d.Severity != diag.Error {
		return
	}
	shown := p.paths[d.Pos.File]
	j := d.JSON(shown)
	if shown != "" {
		d.Pos.File = shown
	}
	switch p.format {
	case formatJSON:
		p.json(j)
	case formatGitHub:
		fmt.Fprintln(p.w, githubCommand(d))
	default:
		fmt.Fprintln(p.w, d)
	}
}

// fail prints a failure of the run itself, such as a refused write; code
// names the stage in -diag json.
func (p *printer) fail(code string, err error) {
	switch p.format {
	case formatJSON:
		p.json(diag.JSON{Severity: diag.Error.String(), Code: code, Message: err.Error()})
	case formatGitHub:
		fmt.Fprintln(p.w, "::error::"+escapeData("docgen: "+err.Error()))
	default:
		fmt.Fprintln(p.w, "docgen: "+err.Error())
	}
}

// note prints a message about the run that is neither a diagnostic nor a
// failure (a wait for another run's lock, an interrupted run completed),
// unless quiet; -diag json, which holds diagnostics only, prints none.
func (p *printer) note(msg string) {
	switch {
	case p.quiet || p.format == formatJSON:
	case p.format == formatGitHub:
		fmt.Fprintln(p.w, "::notice::"+escapeData("docgen: "+msg))
	default:
		fmt.Fprintln(p.w, "docgen: "+msg)
	}
}

// summary prints a summary line, unless quiet and the run succeeded. In
// -diag json, which holds JSON objects only, it prints none.
func (p *printer) summary(code int, line string) {
	if p.format == formatJSON || p.quiet && code == ExitOK {
		return
	}
	fmt.Fprintln(p.w, line)
}

// counts prints the diagnostics not printed one by one: for the infos
// folded a line per code, "docgen: 25 info: <meaning> [annotation-repaired]",
// and for the findings the baseline knows one line, "docgen: baseline: 20
// known findings not shown (-v shows them): 9 type-undefined, 5 ...",
// codes by count. -diag json prints none (it holds diagnostics only), nor
// does -q.
func (p *printer) counts(folded, known diag.List) {
	perCode := func(l diag.List) map[string]int {
		n := map[string]int{}
		for _, d := range l {
			n[d.Code]++
		}
		return n
	}
	n := perCode(folded)
	for _, code := range slices.Sorted(maps.Keys(n)) {
		meaning := "findings"
		if c, ok := diag.Lookup(code); ok {
			meaning = c.Meaning
		}
		p.note(fmt.Sprintf("%d info: %s [%s]", n[code], meaning, code))
	}
	if len(known) == 0 {
		return
	}
	n = perCode(known)
	codes := slices.Sorted(maps.Keys(n))
	slices.SortStableFunc(codes, func(a, b string) int { return n[b] - n[a] })
	var parts []string
	for _, code := range codes {
		parts = append(parts, fmt.Sprintf("%d %s", n[code], code))
	}
	p.note(fmt.Sprintf("baseline: %d known findings not shown (-v shows them): %s", len(known), strings.Join(parts, ", ")))
}

func (p *printer) json(v diag.JSON) {
	enc := json.NewEncoder(p.w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // one line, newline-terminated
}

// githubCommand formats d as a GitHub Actions workflow command:
// "::warning file=F,line=L,col=C::message [code]" (or "::error").
func githubCommand(d diag.Diagnostic) string {
	var props []string
	if d.Pos.File != "" {
		props = append(props, "file="+escapeProperty(d.Pos.File))
	}
	if d.Pos.Line > 0 {
		props = append(props, "line="+strconv.Itoa(d.Pos.Line))
		if d.Pos.Col > 0 {
			props = append(props, "col="+strconv.Itoa(d.Pos.Col))
		}
	}
	cmd := "::" + d.Severity.String()
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(d.Message+" ["+d.Code+"]")
}

// escapeData escapes a workflow command's message: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as data,
// and also : and , which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
