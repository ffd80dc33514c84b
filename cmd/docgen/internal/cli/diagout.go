package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
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
	// paths maps stable page names to the paths they were read from, which
	// diagnostics show.
	paths map[string]string
}

// jsonDiag is a diagnostic in -diag json: one object per line, every
// field always present (line and col are 0 when unknown).
type jsonDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// diag prints d, unless quiet and d is a warning.
func (p *printer) diag(d diag.Diagnostic) {
	if p.quiet && d.Severity != diag.Error {
		return
	}
	if f, ok := p.paths[d.Pos.File]; ok {
		d.Pos.File = filepath.ToSlash(f)
	}
	switch p.format {
	case formatJSON:
		p.json(jsonDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
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
		p.json(jsonDiag{Severity: diag.Error.String(), Code: code, Message: err.Error()})
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

func (p *printer) json(v jsonDiag) {
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
