package model

import "testing"

// TestLiteralArgsAsParams checks that literal function arguments in a
// request line become parameters and that parameters and plain segments
// are kept.
func TestLiteralArgsAsParams(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"/me/drive/items/{id}/workbook/worksheets/{id}/range(address='<address>')", "/me/drive/items/{id}/workbook/worksheets/{id}/range(address='{address}')", true},
		{"/users/{id}/photo/image(width=640,height=480)", "/users/{id}/photo/image(width={width},height={height})", true},
		{"/x/filterByCurrentUser(on='parameterValue')", "/x/filterByCurrentUser(on='{on}')", true},
		{"/x/f(a='{a}',b=3)", "/x/f(a='{a}',b={b})", true},
		{"/x/range(address='{address}')", "/x/range(address='{address}')", false},
		{"/x/delta()", "/x/delta()", false},
		{"/users/{id}", "/users/{id}", false},
		{"/x/f(garbage)", "/x/f(garbage)", false},
	}
	for _, tc := range tests {
		got, changed := literalArgsAsParams(tc.in)
		if got != tc.want || changed != tc.changed {
			t.Errorf("literalArgsAsParams(%q) = %q, %v; want %q, %v", tc.in, got, changed, tc.want, tc.changed)
		}
	}
}
