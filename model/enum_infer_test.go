package model

import (
	"slices"
	"strings"
	"testing"
)

func TestListedValues(t *testing.T) {
	cases := []struct {
		desc string
		want []string
	}{
		{"Status of the drift. The possible values are: `active`, `fixed`, `unknownFutureValue`. <br><br>Supports `$filter` (`eq`, `ne`).", []string{"active", "fixed", "unknownFutureValue"}},
		{"The possible values as of now are: `active` and `fixed`.", []string{"active", "fixed"}},
		{"Possible values are: list, site, listItem, message. See known limitations.", []string{"list", "site", "listItem", "message"}},
		{"Possible values include `a`, `b`, or `c` (the default).", []string{"a", "b", "c"}},
		{"Possible values are: on, off, and on.", []string{"on", "off"}},
		{"Possible values are described in the table below.", nil},
		{"Possible values are: `only`.", nil},
		{"The possible values are: `$filter`, `x`.", nil},
		{"No values are listed here.", nil},
		{"Possible values are `v3_2_1`, `id_token`; more may follow.", []string{"v3_2_1", "id_token"}},
	}
	for _, c := range cases {
		if got := listedValues(c.desc); !slices.Equal(got, c.want) {
			t.Errorf("listedValues(%q) = %q, want %q", c.desc, got, c.want)
		}
	}
}

func TestEnumFromHeading(t *testing.T) {
	cases := map[string]string{
		"loanPriority":             "loanPriority",
		" `microsoft.graph.zone` ": "microsoft.graph.zone",
		"Members":                  "",
		"loan priority":            "",
		"Values":                   "",
		"3d":                       "",
	}
	for in, want := range cases {
		if got := enumFromHeading(in); got != want {
			t.Errorf("enumFromHeading(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEnumsToday builds testdata/enums_today, pages written in the form
// today's docs use: an aggregated enums.md (a "### x values" table, a
// table under a bare "### x" heading, a row without its leading pipe) and
// a resource page whose properties name enum types without links, list
// their values in the description, or name a type nothing defines, and
// a "### x values" member table inside its Properties section.
func TestEnumsToday(t *testing.T) {
	m := Build(parseDir(t, "testdata/enums_today"), Options{Reserved: []string{"Client"}})
	audit := findType(m, "LoanAudit")
	if audit == nil {
		t.Fatalf("no LoanAudit type; diagnostics:\n%s", diagCodes(m))
	}
	enumOf := func(prop string, members ...string) *Type {
		t.Helper()
		p := findProp(audit, prop)
		if p == nil {
			t.Fatalf("LoanAudit has no property %s", prop)
		}
		n := p.Type.Named
		if n == nil || n.Kind != Enum {
			t.Fatalf("LoanAudit.%s is %v, want an enum", prop, p.Type)
		}
		var got []string
		for _, mem := range n.Members {
			got = append(got, mem.Value)
		}
		if !slices.Equal(got, members) {
			t.Errorf("members of %s = %q, want %q", n.FullName, got, members)
		}
		return n
	}
	outcome := enumOf("outcome", "compliant", "overdue", "unknownFutureValue")
	enumOf("zone", "north", "south", "east", "unknownFutureValue")
	// Linked to an enums.md section that does not exist: from the text.
	enumOf("route", "desk", "dropBox", "unknownFutureValue")
	enumOf("priority", "routine", "urgent", "unknownFutureValue")
	enumOf("stage", "queued", "running", "done") // a "values" table inside Properties
	channel := enumOf("channel")
	// No example shows a batch: only the rule that a type without page,
	// members or object evidence is a string type makes it one.
	enumOf("batch")
	for _, prop := range []string{"finding", "ledger"} {
		if f := findProp(audit, prop); f == nil || f.Type.Named == nil || f.Type.Named.Kind == Enum {
			t.Errorf("LoanAudit.%s links to a resource page; want a struct type, got %v", prop, f)
		}
	}
	// The JSON representation shows a sample value, "QA76", which reads as
	// a type name; made a string type, it must not displace the table's
	// String.
	if p := findProp(audit, "shelfMark"); p == nil || p.Type.Primitive != String {
		t.Errorf("LoanAudit.shelfMark = %v, want String", p)
	}
	if len(outcome.Members) == 0 {
		t.FailNow()
	}
	if outcome.Members[0].Pos.Line != 18 || !strings.HasSuffix(outcome.Members[0].Pos.File, "loanaudit.md") {
		t.Errorf("members of auditOutcome are at %s, want the row at loanaudit.md:18", outcome.Members[0].Pos)
	}
	for _, want := range []struct{ code, at, text string }{
		{"enum-from-text", "loanaudit.md:18", "auditOutcome"},
		{"enum-from-heading", "enums.md:22", "loanPriority"},
		{"type-undefined", "loanaudit.md:22", "auditChannel"},
		{"enum-from-text", "loanaudit.md:20", "returnRoute"},
	} {
		found := false
		for _, d := range m.Diags {
			found = found || d.Code == want.code && strings.Contains(d.Pos.String(), want.at) && strings.Contains(d.Message, want.text)
		}
		if !found {
			t.Errorf("no %s diagnostic at %s naming %s:\n%s", want.code, want.at, want.text, diagCodes(m))
		}
	}
	for _, d := range m.Diags {
		if d.Code == "enum-from-text" && strings.Contains(d.Message, "shelfZone") {
			t.Errorf("shelfZone has an enum table, yet: %s", d)
		}
		if d.Code == "example-invalid-value" || d.Code == "example-type-mismatch" {
			t.Errorf("the page's own example does not fit its types: %s", d)
		}
	}
	if channel.Pos.Line == 0 {
		t.Errorf("auditChannel has no position")
	}
	op := findOp(m, "GetLoanAudit")
	if op == nil || len(op.Examples) != 1 {
		t.Fatalf("want GetLoanAudit with one example, got %v", op)
	}
	if ex := op.Examples[0]; !ex.ResponseJSON || ex.ResponseFitted != "" {
		t.Errorf("the documented response must decode as it stands; fitted to %q", ex.ResponseFitted)
	}
}
