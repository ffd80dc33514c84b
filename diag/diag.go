// Package diag holds the source positions and diagnostics that every stage of
// docgen reports: the parser for one page, model for a merged model, the
// pipeline for a run. A diagnostic prints as "file:line:col: message".
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Pos is a position in an input page. Line and Col are 1-based; a zero Line
// means the position is the file as a whole.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String formats p as file:line:col, dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Compare orders positions by file, line and column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(cmp.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Severity says how much a diagnostic matters. A code's severity comes from
// the catalog (see Codes), not from the call that records it.
type Severity int

const (
	// Warning marks a choice docgen made between conflicting evidence, or
	// a guess that may be wrong; the run goes on (it fails under -strict).
	Warning Severity = iota
	// Error marks output that is or may be wrong: input skipped or
	// dropped, or a failure of the run. Errors make the run fail.
	Error
	// Info marks something docgen repaired or inferred safely.
	Info
)

// String is "error", "warning" or "info".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Info:
		return "info"
	}
	return "warning"
}

// rank orders severities from least (Info) to most (Error) serious.
func (s Severity) rank() int {
	switch s {
	case Error:
		return 2
	case Warning:
		return 1
	}
	return 0
}

// AtLeast reports whether s is as serious as t or more.
func (s Severity) AtLeast(t Severity) bool { return s.rank() >= t.rank() }

// Diagnostic is one finding about the input, with a stable code such as
// "annotation-json" that tools and reports can rely on.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"-"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
}

// String formats d as "file:line:col: message [code]", with "error: " or
// "info: " before the message when d is not a warning.
func (d Diagnostic) String() string {
	sev := ""
	if d.Severity != Warning {
		sev = d.Severity.String() + ": "
	}
	return fmt.Sprintf("%s: %s%s [%s]", d.Pos, sev, d.Message, d.Code)
}

// List collects diagnostics.
type List []Diagnostic

// Warnf records a diagnostic at pos with the catalog's severity for code
// (see Codes); a code the catalog lacks is recorded as a warning.
func (l *List) Warnf(pos Pos, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: SeverityOf(code, Warning), Code: code, Message: fmt.Sprintf(format, args...)})
}

// Errorf records a diagnostic at pos with the catalog's severity for code
// (see Codes); a code the catalog lacks is recorded as an error.
func (l *List) Errorf(pos Pos, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: SeverityOf(code, Error), Code: code, Message: fmt.Sprintf(format, args...)})
}

// Sort orders the list by position, then code, then message, so that output
// does not depend on the order in which pages were processed.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(a.Pos.Compare(b.Pos), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Message, b.Message))
	})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Within returns the position of line and col (1-based) of a text that
// starts at p: a column on the first line counts from p's column.
func (p Pos) Within(line, col int) Pos {
	if line <= 1 {
		return Pos{File: p.File, Line: p.Line, Col: p.Col + col - 1}
	}
	return Pos{File: p.File, Line: p.Line + line - 1, Col: col}
}
