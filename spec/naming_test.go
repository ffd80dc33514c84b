package spec

import (
	"go/token"
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
		{"odata.type", "OdataType"},
		{"3dModel", "X3dModel"},
		{"", "X"},
		{"***", "X"},
		{"café", "Caf"},
		{"Get user's manager", "GetUserSManager"},
		{"office365ActiveUser", "Office365ActiveUser"},
		{"deviceOS", "DeviceOS"},
		{"A string }; func init() { panic(1) }; type X struct { B", "AStringFuncInitPanic1TypeXStructB"},
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
