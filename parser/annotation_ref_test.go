package parser

import (
	"regexp"
	"testing"

	"github.com/docgen-dev/docgen/internal/randtext"
)

// blockTypeRe is the expression annotationBlockType implements.
var blockTypeRe = regexp.MustCompile(`"blockType"\s*:\s*"([^"]*)"`)

// TestAnnotationBlockType holds annotationBlockType to blockTypeRe on
// fixed cases and on 20,000 random texts built from the pieces that
// matter (the key, spaces of every kind \s covers and some it does not,
// colons, quotes, invalid UTF-8).
func TestAnnotationBlockType(t *testing.T) {
	texts := []string{
		``, `"blockType"`, `{"blockType": "request"}`, `{ "blockType" : "response", "name": "x" }`,
		`"blockType"blockType":"x"`, `"blockType":"`, `"blockType": 1, "blockType": "b"`,
		"\"blockType\"\t\n\f\r:\v\"x\"", "\"blockType\":\"a\nb\"", `"blockType":"a\"b"`,
	}
	pieces := []string{`"blockType"`, `"`, ":", " ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "a", "request", "\xff", "{", "}", ","}
	for _, s := range randtext.Texts(3, pieces, 11, 20000, texts...) {
		want := ""
		if m := blockTypeRe.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		if got := annotationBlockType(s); got != want {
			t.Fatalf("annotationBlockType(%q) = %q, the expression finds %q", s, got, want)
		}
	}
}
