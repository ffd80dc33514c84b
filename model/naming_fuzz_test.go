package model

import (
	"go/token"
	"testing"
	"unicode/utf8"
)

// nameSeeds are hostile names: keywords, digits, unicode, punctuation,
// invisible and bidi-control characters, invalid UTF-8, generated method
// names and runtime identifiers.
var nameSeeds = []string{
	"", "_", "type", "func", "package", "range", "nil", "true", "iota", "string", "error",
	"3dModel", "123", "0x1F", "1e400", "café", "名前", "Ωmega", "\u202eevil", "a\u200bb", "\ufeffbom",
	"a-b", "a.b", "a b", "@odata.type", "$value", "a,b", "a\"b", "a`b", "*/", "//go:generate",
	"\x00", "\xff\xfe", "\xed\xa0\x80", "MarshalJSON", "UnmarshalJSON", "String", "Error", "ODataType",
	"AsWidget", "doJSON", "pathSegment", "newByODataType", "defaultBaseURL", "ctx", "opts", "body",
	"IDS", "idS", "URLS", "HTTPServer", "userIDs", "x2", "X2",
}

// FuzzGoName asserts that GoName gives an exported ASCII identifier that
// is no keyword, for any text, and that GoName of that name is the name
// itself (a names file keeps only names that pass this test).
func FuzzGoName(f *testing.F) {
	for _, s := range nameSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := GoName(s)
		if !token.IsIdentifier(n) || !token.IsExported(n) || token.IsKeyword(n) {
			t.Fatalf("GoName(%q) = %q is not an exported identifier", s, n)
		}
		for i := 0; i < len(n); i++ {
			if n[i] >= utf8.RuneSelf {
				t.Fatalf("GoName(%q) = %q is not ASCII", s, n)
			}
		}
		if again := GoName(n); again != n {
			t.Fatalf("GoName(%q) = %q, but GoName(%q) = %q", s, n, n, again)
		}
	})
}

// FuzzLowerName asserts that LowerName gives an unexported ASCII
// identifier that is no keyword, predeclared name, name the generated
// methods use or runtime identifier, for any text.
func FuzzLowerName(f *testing.F) {
	for _, s := range nameSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := LowerName(s)
		if !token.IsIdentifier(n) || token.IsExported(n) || token.IsKeyword(n) || n == "_" {
			t.Fatalf("LowerName(%q) = %q is not an unexported identifier", s, n)
		}
		if predeclared[n] || reservedLocals[n] || runtimeLocals()[n] {
			t.Fatalf("LowerName(%q) = %q shadows a name generated code uses", s, n)
		}
		for i := 0; i < len(n); i++ {
			if n[i] >= utf8.RuneSelf {
				t.Fatalf("LowerName(%q) = %q is not ASCII", s, n)
			}
		}
	})
}
