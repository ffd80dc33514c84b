package pipeline

import (
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/diag"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
)

// RunReport accounts for every page of a run: what it contributed, or why
// nothing, with every diagnostic and the coverage figures.
type RunReport struct {
	Summary     ReportSummary      `json:"summary"`
	Coverage    Coverage           `json:"coverage"`
	Pages       []ReportPage       `json:"pages"`
	Diagnostics []ReportDiagnostic `json:"diagnostics"`
}

// ReportSummary holds the totals of a run.
type ReportSummary struct {
	Pages       int            `json:"pages"`
	Types       int            `json:"types"`
	Enums       int            `json:"enums"`
	Operations  int            `json:"operations"`
	Diagnostics int            `json:"diagnostics"`
	ByCode      map[string]int `json:"diagnosticsByCode"`
	// BySeverity counts diagnostics by severity: error, warning, info.
	BySeverity map[string]int `json:"diagnosticsBySeverity"`
}

// Coverage measures how much of what the pages document became code.
type Coverage struct {
	// RequestPages hold a request annotation; RequestPagesWithOperation of
	// them yield an operation.
	RequestPages              int `json:"requestPages"`
	RequestPagesWithOperation int `json:"requestPagesWithOperation"`
	// ResourcePages hold a resource annotation with an @odata.type;
	// ResourcePagesWithType of them yield a type.
	ResourcePages         int `json:"resourcePages"`
	ResourcePagesWithType int `json:"resourcePagesWithType"`
	// EnumTables are enum member tables; EnumTablesUsed of them yield an
	// enum with members.
	EnumTables     int `json:"enumTables"`
	EnumTablesUsed int `json:"enumTablesUsed"`
	// IntuneEnumPages are intune-* enum pages; IntuneEnumPagesWithEnum of
	// them yield an enum.
	IntuneEnumPages         int `json:"intuneEnumPages"`
	IntuneEnumPagesWithEnum int `json:"intuneEnumPagesWithEnum"`
}

// ReportPage is one page's contribution.
type ReportPage struct {
	model.PageSummary
	// File is where the page was read from.
	File string `json:"file"`
}

// ReportDiagnostic is one diagnostic in the JSON form that -diag json
// prints too.
type ReportDiagnostic = diag.JSON

// NewRunReport builds the report of a run.
func NewRunReport(res *Result) *RunReport {
	r := &RunReport{Summary: ReportSummary{Pages: res.Pages, ByCode: map[string]int{}, BySeverity: map[string]int{}}}
	shown := res.Shown
	for _, t := range res.Model.Types {
		if t.Kind == model.Enum {
			r.Summary.Enums++
		} else {
			r.Summary.Types++
		}
	}
	r.Summary.Operations = len(res.Model.Operations)
	r.Summary.Diagnostics = len(res.Model.Diags)
	for _, d := range res.Model.Diags {
		r.Summary.ByCode[d.Code]++
		r.Summary.BySeverity[d.Severity.String()]++
		r.Diagnostics = append(r.Diagnostics, d.JSON(shown[d.Pos.File]))
	}
	byPath := map[string]*parser.Page{}
	for _, p := range res.Parsed {
		byPath[p.Path] = p
	}
	for _, s := range res.Model.Pages {
		r.Pages = append(r.Pages, ReportPage{PageSummary: *s, File: shown[s.Path]})
		r.Coverage.add(byPath[s.Path], s)
	}
	slices.SortFunc(r.Pages, func(a, b ReportPage) int { return strings.Compare(a.Path, b.Path) })
	return r
}

func (c *Coverage) add(p *parser.Page, s *model.PageSummary) {
	if p == nil {
		return
	}
	if slices.ContainsFunc(p.Annotations, func(a *parser.Annotation) bool { return a.BlockType == "request" }) {
		c.RequestPages++
		if len(s.Operations) > 0 {
			c.RequestPagesWithOperation++
		}
	}
	if slices.ContainsFunc(p.Resources, func(r *parser.Resource) bool { return r.ODataType != "" }) {
		c.ResourcePages++
		if len(s.Types)+len(s.Enums) > 0 {
			c.ResourcePagesWithType++
		}
	}
	c.EnumTables += s.EnumTables
	c.EnumTablesUsed += s.EnumTablesUsed
	base := p.Path[strings.LastIndexByte(p.Path, '/')+1:]
	if strings.HasPrefix(base, "intune-") && (p.FrontMatter.DocType == "enumPageType" || strings.HasSuffix(strings.ToLower(p.Title), " enum type")) {
		c.IntuneEnumPages++
		if len(s.Enums) > 0 {
			c.IntuneEnumPagesWithEnum++
		}
	}
}

// DisplayPaths maps the stable page names of paths (Result.Paths) to the
// paths diagnostics show: relative to the root of the Go module holding the
// working directory, with forward slashes, so that they are the same from
// the repository root and under go generate, whose working directory is the
// output folder. A page outside that module, or any page when there is no
// module, is shown by its stable name (its path under its -in folder,
// prefixed by that folder's name).
func DisplayPaths(paths map[string]string) map[string]string {
	out := make(map[string]string, len(paths))
	root, rootErr := ModuleRoot(".")
	for name, p := range paths {
		out[name] = name
		if rootErr != nil {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		out[name] = filepath.ToSlash(rel)
	}
	return out
}

// WriteRunReport writes the report of res as indented JSON.
func WriteRunReport(w io.Writer, res *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewRunReport(res))
}
