package model

import (
	"go/token"
	"strconv"
	"strings"
	"testing"
)

func TestGoName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"synchronizationJobs", "SynchronizationJobs"},
		{"List synchronizationJobs", "ListSynchronizationJobs"},
		{"applicationsId", "ApplicationsID"},
		{"user: delta", "UserDelta"},
		{"troubleshootingUrl", "TroubleshootingURL"},
		{"HTTPServer", "HTTPServer"},
		{"webUrl", "WebURL"},
		{"apiVersion", "APIVersion"},
		{"jsonData", "JSONData"},
		{"userIds", "UserIDs"},
		{"odata.type", "ODataType"},
		{"3dModel", "X3dModel"},
		{"", "X"},
		{"***", "X"},
		{"café", "Caf"},
		{"Get user's manager", "GetUserSManager"},
		{"office365ActiveUser", "Office365ActiveUser"},
		{"deviceOS", "DeviceOS"},
		{"A string }; func init() { panic(1) }; type X struct { B", "AStringFuncInitPanic1TypeXStructB"},
		{"IDS", "IDS"},
		{"idS", "IDS"},
		{"ids", "IDs"},
		{"\u202eevil\u200b name\ufeff", "EvilName"},
		{"名前", "X"},
		{"\xff\x00", "X"},
	}
	for _, tt := range tests {
		got := GoName(tt.in)
		if got != tt.want {
			t.Errorf("GoName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !token.IsIdentifier(got) || !token.IsExported(got) {
			t.Errorf("GoName(%q) = %q is not an exported identifier", tt.in, got)
		}
	}
}

func TestLowerName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"applicationsId", "applicationsID"},
		{"id", "id"},
		{"ID", "id"},
		{"URLValue", "urlValue"},
		{"period_value", "periodValue"},
		{"type", "typeParam"},
		{"string", "stringParam"},
		{"ctx", "ctxParam"},
		{"2fa", "p2fa"},
		{"userIds", "userIDs"},
		{"ids", "ids"},
		{"", "param"},
		{"doJSON", "doJSONParam"},
		{"pathSegment", "pathSegmentParam"},
		{"newByODataType", "newByODataTypeParam"},
		{"strings", "stringsParam"},
		{"func", "funcParam"},
	}
	for _, tt := range tests {
		if got := LowerName(tt.in); got != tt.want {
			t.Errorf("LowerName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNamerUnique(t *testing.T) {
	n := newNamer("Client")
	for _, want := range []string{"Client2", "Client3"} {
		if got := n.unique("Client"); got != want {
			t.Errorf("unique(Client) = %q, want %q", got, want)
		}
	}
	if got := n.unique("User"); got != "User" {
		t.Errorf("unique(User) = %q", got)
	}
}

// TestNamerManyCollisions checks that thousands of colliding names get
// their suffixes in linear time, and the same suffixes as one by one.
func TestNamerManyCollisions(t *testing.T) {
	n := newNamer("A", "A3")
	var got []string
	for range 50_000 {
		got = append(got, n.unique("A"))
	}
	if got[0] != "A2" || got[1] != "A4" || got[2] != "A5" || got[len(got)-1] != "A50002" {
		t.Errorf("suffixes %v ... %v", got[:3], got[len(got)-1])
	}
	// The same names as the plain search for the smallest free suffix.
	fast, used := newNamer("B", "B2", "BB"), map[string]bool{"B": true, "B2": true, "BB": true}
	for i, base := range strings.Split("B B B2 B B22 B2 BB B B B23 B2 B", " ") {
		want := base
		for k := 2; used[want]; k++ {
			want = base + strconv.Itoa(k)
		}
		used[want] = true
		if got := fast.unique(base); got != want {
			t.Errorf("request %d: unique(%s) = %s, want %s", i, base, got, want)
		}
	}
}

// TestRuntimeLocals checks that parameters never take the name of an
// unexported runtime identifier that generated methods call.
func TestRuntimeLocals(t *testing.T) {
	for _, id := range []string{"doJSON", "doCollection", "doNoContent", "doStream", "doValue", "pathSegment", "pathLiteral", "unwrapOne", "unwrapSeq", "defaultBaseURL", "newByODataType"} {
		if !runtimeLocals()[id] {
			t.Errorf("%s is not a runtime identifier", id)
		}
		if LowerName(id) == id {
			t.Errorf("LowerName(%q) = %q", id, id)
		}
	}
}

// TestOperationReserved checks the names operations must not take.
func TestOperationReserved(t *testing.T) {
	got := map[string]bool{}
	for _, n := range operationReserved() {
		got[n] = true
	}
	for _, n := range []string{"MarshalJSON", "UnmarshalJSON", "String", "Error", "Is", "As", "Unwrap"} {
		if !got[n] {
			t.Errorf("%s is not reserved for operations", n)
		}
	}
	if len(got) <= len(vetMethods)+2 {
		t.Errorf("no method or field of the runtime's Client found: %v", got)
	}
}
