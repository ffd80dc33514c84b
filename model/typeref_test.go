package model

import (
	"regexp"
	"testing"

	_ "github.com/docgen-dev/docgen/internal/golden"
)

func TestParseTypeText(t *testing.T) {
	const ns = "microsoft.graph"
	tests := []struct {
		in   string
		want rawRef
		ok   bool
	}{
		{"String", rawRef{prim: String}, true},
		{"string", rawRef{prim: String}, true},
		{"Int32", rawRef{prim: Int32}, true},
		{"int", rawRef{prim: Int32}, true},
		{"Integer", rawRef{prim: Int32}, true},
		{"Int64", rawRef{prim: Int64}, true},
		{"Timestamp", rawRef{prim: DateTimeOffset}, true},
		{"DateTimeOffset", rawRef{prim: DateTimeOffset}, true},
		{"Edm.Duration", rawRef{prim: Duration}, true},
		{"Boolean", rawRef{prim: Boolean}, true},
		{"bool", rawRef{prim: Boolean}, true},
		{"Guid", rawRef{prim: GUID}, true},
		{"Binary", rawRef{prim: Binary}, true},
		{"Date", rawRef{prim: Date}, true},
		{"TimeOfDay", rawRef{prim: TimeOfDay}, true},
		{"String collection", rawRef{prim: String, collection: true}, true},
		{"Collection(String)", rawRef{prim: String, collection: true}, true},
		{"collection(microsoft.graph.user)", rawRef{named: "microsoft.graph.user", collection: true}, true},
		{"user collection", rawRef{named: "microsoft.graph.user", collection: true}, true},
		{"Collection of user", rawRef{named: "microsoft.graph.user", collection: true}, true},
		{"user", rawRef{named: "microsoft.graph.user"}, true},
		{"microsoft.graph.callRecords.session", rawRef{named: "microsoft.graph.callrecords.session"}, true},
		{"String (timestamp)", rawRef{prim: DateTimeOffset}, true},
		// A Type cell that runs on into its description, and one that says
		// "resource".
		{"educationOutcome collection. Holds grades, feedback and rubrics.", rawRef{named: "microsoft.graph.educationoutcome", collection: true}, true},
		{"itemAnalytics resource", rawRef{named: "microsoft.graph.itemanalytics"}, true},
		{"String. Read-only.", rawRef{prim: String}, true},
		{"String (identifier)", rawRef{prim: String}, true},
		{"`Int32`", rawRef{prim: Int32}, true},
		{"**String**", rawRef{prim: String}, true},
		{"String[]", rawRef{prim: String, collection: true}, true},
		{"", rawRef{}, false},
		{"see description", rawRef{}, false},
		{"Edm.Unknown", rawRef{}, false},
	}
	for _, tt := range tests {
		got, ok := parseTypeText(tt.in, ns)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseTypeText(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestODataTypeName(t *testing.T) {
	tests := []struct {
		in   string
		name string
		coll bool
	}{
		{"#microsoft.graph.user", "microsoft.graph.user", false},
		{"microsoft.graph.user", "microsoft.graph.user", false},
		{"Collection(microsoft.graph.synchronizationJob)", "microsoft.graph.synchronizationJob", true},
		{"collection(microsoft.graph.synchronizationjob)", "microsoft.graph.synchronizationjob", true},
		{" #Collection(microsoft.graph.user) ", "microsoft.graph.user", true},
	}
	for _, tt := range tests {
		name, coll := oDataTypeName(tt.in)
		if name != tt.name || coll != tt.coll {
			t.Errorf("oDataTypeName(%q) = %q, %v; want %q, %v", tt.in, name, coll, tt.name, tt.coll)
		}
	}
}

func TestStringPrim(t *testing.T) {
	tests := []struct {
		in   string
		want Primitive
	}{
		{"2016-12-31T23:57:48.0321632+03:00", DateTimeOffset},
		{"2021-07-01T09:30:00Z", DateTimeOffset},
		{"2021-07-01", Date},
		{"09:00:00.0000000", TimeOfDay},
		{"08:30:00", TimeOfDay},
		{"-PT2M35.6823926S", Duration},
		{"P14D", Duration},
		{"PT1H30M", Duration},
		{"P", String},
		{"PT", String},
		{"Platform", String},
		{"b8997069-7069-b899-6970-99b8697099b8", GUID},
		{"String", String},
		{"", String},
	}
	for _, tt := range tests {
		if got := stringPrim(tt.in); got != tt.want {
			t.Errorf("stringPrim(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestNumberPrim(t *testing.T) {
	tests := []struct {
		in   string
		want Primitive
	}{
		{"0", Int32}, {"15", Int32}, {"-2147483648", Int32}, {"2147483648", Int64},
		{"3000000000", Int64}, {"123456789012345678901234567890", Double},
		{"1.5", Double}, {"1e400", Double}, {"-0.0", Double},
	}
	for _, tt := range tests {
		if got := numberPrim(tt.in); got != tt.want {
			t.Errorf("numberPrim(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestMergeRefs(t *testing.T) {
	tests := []struct {
		a, b, want rawRef
	}{
		{rawRef{prim: Int32}, rawRef{prim: Double}, rawRef{prim: Double}},
		{rawRef{prim: Int32}, rawRef{prim: Int64}, rawRef{prim: Int64}},
		{rawRef{prim: DateTimeOffset}, rawRef{prim: String}, rawRef{prim: String}},
		{rawRef{}, rawRef{prim: Boolean, collection: true}, rawRef{prim: Boolean, collection: true}},
		{rawRef{prim: String, collection: true}, rawRef{prim: String}, rawRef{prim: String, collection: true}},
		{rawRef{named: "a"}, rawRef{named: "b"}, rawRef{named: "a"}},
	}
	for _, tt := range tests {
		if got := mergeRefs(tt.a, tt.b); got != tt.want {
			t.Errorf("mergeRefs(%+v, %+v) = %+v, want %+v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{"books": "book", "policies": "policy", "addresses": "address", "status": "status", "me": "me", "mailboxes": "mailbox", "s": "s"} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestIsQualified compares isQualified with the regular expression it
// replaced.
func TestIsQualified(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
	for _, s := range []string{"", ".", "a", "A1", "1a", "_", "a.b", "a..b", ".a", "a.", "microsoft.graph.user",
		"a.1b", "a.b_c.D9", "a-b", "a b", "é", "a.é", "ab\n", "x.y.z.", "Edm.String"} {
		if got, want := isQualified(s), re.MatchString(s); got != want {
			t.Errorf("isQualified(%q) = %v, want %v", s, got, want)
		}
	}
}
