package diag

// JSON is the one JSON form of a diagnostic, used by "docgen -diag json"
// (one object per line) and by the -report file. Every field is always
// present; Line and Col are 0 when unknown.
type JSON struct {
	// File is the path shown to people: relative to the module root when
	// there is one (see the cmd/docgen manual).
	File string `json:"file"`
	// Page is the page's stable name, which baselines use.
	Page     string `json:"page"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	// Key is the stable key that matches d against a baseline (see Key).
	Key string `json:"key"`
}

// JSON returns the JSON form of d, showing file as its path; an empty file
// shows d's page name.
func (d Diagnostic) JSON(file string) JSON {
	if file == "" {
		file = d.Pos.File
	}
	return JSON{File: file, Page: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Code: d.Code, Message: d.Message, Key: Key(d)}
}
