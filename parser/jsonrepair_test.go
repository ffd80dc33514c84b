package parser

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// TestRepairJSON checks the repaired text itself: valid compact JSON with
// every repair applied, and each repair reported with its code and the
// position of the offending text.
func TestRepairJSON(t *testing.T) {
	tests := []struct {
		name, src, out string
		issues         []string
	}{
		{"valid is compacted", "{\n  \"a\": [1, 2.50, \"x\"],\n  \"b\": null\n}", `{"a":[1,2.50,"x"],"b":null}`, nil},
		{"number text kept", `[1e400, -0, 123456789012345678901234567890]`, `[1e400,-0,123456789012345678901234567890]`, nil},
		{"escapes kept", `"a\"b\\c\u00e9"`, `"a\"b\\cé"`, nil},
		{"clean string copied", `{"k": "plain é"}`, `{"k":"plain é"}`, nil},
		{"comments", "{\"a\": 1, // c\n /* d */ \"b\": 2}", `{"a":1,"b":2}`, []string{"json-comment@1:10", "json-comment@2:2"}},
		{"trailing commas", "[1, {\"a\": 2,},]", `[1,{"a":2}]`, []string{"json-trailing-comma@1:12", "json-trailing-comma@1:14"}},
		{"ellipses", `{"a": [1, ...], "b": ..., ...}`, `{"a":[1]}`, []string{"json-ellipsis@1:11", "json-ellipsis@1:22", "json-ellipsis@1:27"}},
		{"unicode ellipsis", `[…]`, `[]`, []string{"json-ellipsis@1:2"}},
		{"unquoted keys", `{id: 1, @odata.type: "#x"}`, `{"id":1,"@odata.type":"#x"}`, []string{"json-bare-word@1:2", "json-bare-word@1:9"}},
		{"bare values", `{"id": <id>, "d": 2019-01-01}`, `{"id":"<id>","d":"2019-01-01"}`, []string{"json-bare-word@1:8", "json-bare-word@1:19"}},
		{"single quotes", `{'a': 'it\'s "x"'}`, `{"a":"it's \"x\""}`, []string{"json-single-quote@1:2", "json-single-quote@1:7"}},
		{"missing commas", "[1\n2]", `[1,2]`, []string{"json-missing-comma@2:1"}},
		{"bad escape", `"a\qb"`, `"a` + "\uFFFD" + `b"`, []string{"json-bad-escape@1:3"}},
		{"lone surrogate", `"\ud800\u0041"`, `"` + "\uFFFD" + `A"`, []string{"json-bad-escape@1:2"}},
		{"control character", "\"a\tb\"", `"a\tb"`, []string{"json-bad-escape@1:3"}},
		{"invalid utf8", "\"a\xffb\"", `"a` + "\uFFFD" + `b"`, []string{"json-invalid-utf8@1:3"}},
		{"unterminated", `{"a": [1, {"b": "x`, `{"a":[1,{"b":"x"}]}`, []string{"json-unterminated@1:19"}},
		{"incomplete member dropped", `{"a": 1, "b": `, `{"a":1}`, []string{"json-unterminated@1:15"}},
		{"trailing data", `{} x`, `{}`, []string{"json-trailing-data@1:4"}},
		{"duplicate keys left to the reader", `{"a":1,"a":2}`, `{"a":1,"a":2}`, nil},
		{"bom", "\xEF\xBB\xBF[1]", `[1]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := repairJSON([]byte(tt.src), 64)
			if r.fatal {
				t.Fatalf("fatal: %v", r.issues)
			}
			if string(r.out) != tt.out {
				t.Errorf("out = %s, want %s", r.out, tt.out)
			}
			if !gjson.ValidBytes(r.out) || !json.Valid(r.out) {
				t.Errorf("out %q is not valid JSON", r.out)
			}
			if got := jsonIssueStrings(r.issues); !slices.Equal(got, tt.issues) {
				t.Errorf("issues = %q, want %q", got, tt.issues)
			}
			// Only a BOM and repairs make the text not strict; a lone
			// surrogate escape and invalid UTF-8 are warnings.
			wantStrict := !strings.HasPrefix(tt.src, "\xEF")
			for _, is := range r.issues {
				if is.Code != jsonCodeInvalidUTF8 && !strings.HasPrefix(is.Message, "lone surrogate") {
					wantStrict = false
				}
			}
			if r.strict != wantStrict {
				t.Errorf("strict = %v, want %v", r.strict, wantStrict)
			}
		})
	}
}

// TestRepairJSONMarks checks that every key and value of the repaired text
// is located at its first byte in the original text, across repairs that
// move text (dropped comments and placeholders, inserted quotes and
// commas).
func TestRepairJSONMarks(t *testing.T) {
	src := "{\n" +
		"  // comment\n" +
		"  id: <id>,\n" +
		"  'name': 'x', ...,\n" +
		"  \"list\": [ ... , {\"k\": 1}]\n" +
		"  \"n\": -1.5,\n" +
		"}"
	r := repairJSON([]byte(src), 64)
	if r.fatal {
		t.Fatalf("fatal: %v", r.issues)
	}
	want := `{"id":"<id>","name":"x","list":[{"k":1}],"n":-1.5}`
	if string(r.out) != want {
		t.Fatalf("out = %s, want %s", r.out, want)
	}
	type pos struct{ line, col int }
	wantAt := map[string]pos{
		`{"id"`: {1, 1}, `"id"`: {3, 3}, `"<id>"`: {3, 7}, `"name"`: {4, 3}, `"x"`: {4, 11},
		`"list"`: {5, 3}, `[{`: {5, 11}, `{"k"`: {5, 19}, `"k"`: {5, 20}, `1}`: {5, 25},
		`"n"`: {6, 3}, `-1.5`: {6, 8},
	}
	for frag, p := range wantAt {
		off := strings.Index(want, frag)
		line, col, ok := r.at(off)
		if !ok || line != p.line || col != p.col {
			t.Errorf("%s at out offset %d: %d:%d (%v), want %d:%d", frag, off, line, col, ok, p.line, p.col)
		}
	}
	if _, _, ok := r.at(strings.Index(want, ":")); ok {
		t.Error("a colon is located: marks are not only at keys and values")
	}
}

// TestRepairJSONFatal checks the unrecoverable errors: no value, a
// mismatched bracket, and nesting past the limit, which the repair rejects
// before gjson could see it.
func TestRepairJSONFatal(t *testing.T) {
	for _, tt := range []struct{ src, code string }{
		{"", "json-syntax@1:1"},
		{"...", "json-syntax@1:1"},
		{"[1,,2]", "json-syntax@1:4"},
		{`{"a" 1}`, "json-syntax@1:6"},
		{"[[[[1]]]]", "json-too-deep@1:4"},
	} {
		r := repairJSON([]byte(tt.src), 3)
		if !r.fatal || r.strict {
			t.Errorf("%q: fatal=%v strict=%v", tt.src, r.fatal, r.strict)
		}
		if got := jsonIssueStrings(r.issues); len(got) == 0 || got[len(got)-1] != tt.code {
			t.Errorf("%q: issues %q, want the last %s", tt.src, got, tt.code)
		}
	}
	if r := repairJSON([]byte("[[[1]]]"), 3); r.fatal {
		t.Errorf("nesting at the limit rejected: %v", r.issues)
	}
}

// TestJSONNesting checks the depth guard run on the repaired text before
// gjson reads it, brackets in strings included.
func TestJSONNesting(t *testing.T) {
	for src, want := range map[string]int{
		`1`: 0, `[]`: 1, `[[],{"a":[{}]}]`: 4, `["[[[\"{{"]`: 1, `{"a\\":"]]]]"}`: 1,
	} {
		if got := jsonNesting([]byte(src)); got != want {
			t.Errorf("jsonNesting(%s) = %d, want %d", src, got, want)
		}
	}
}

// TestParseJSONReadsWithGjson checks that ParseJSON's tree is gjson's reading
// of the repaired text: the same values as gjson.Get on it, positioned in the
// original text.
func TestParseJSONReadsWithGjson(t *testing.T) {
	src := "{\n  'a': {\"@odata.type\": \"#microsoft.graph.x\", b: [1, 2,]},\n  \"s\": \"\\u00e9\\n\"\n}"
	v, _, issues := ParseJSON([]byte(src), 0)
	if v == nil {
		t.Fatalf("nil: %v", issues)
	}
	r := repairJSON([]byte(src), jsonDefaultMaxDepth)
	out := string(r.out)
	if got, want := v.Member("a").Member("@odata.type").String, gjson.Get(out, "a.@odata\\.type").Str; got != want || got != "#microsoft.graph.x" {
		t.Errorf("@odata.type = %q, gjson gives %q", got, want)
	}
	if got, want := v.Member("s").String, gjson.Get(out, "s").Str; got != want || got != "é\n" {
		t.Errorf("s = %q, gjson gives %q", got, want)
	}
	b := v.Member("a").Member("b")
	if len(b.Elems) != 2 || b.Elems[1].Number != "2" || b.Elems[1].Line != 2 || b.Elems[1].Col != 53 {
		t.Errorf("b = %+v", b.Elems)
	}
	if a := v.Members[0]; a.Line != 2 || a.Col != 3 || a.Value.Line != 2 || a.Value.Col != 8 {
		t.Errorf("a at %d:%d, value at %d:%d", a.Line, a.Col, a.Value.Line, a.Value.Col)
	}
}

// FuzzRepair checks that repairJSON never panics, that its output is valid
// JSON (for gjson and encoding/json alike) unless it reports an
// unrecoverable error, that it keeps valid input's meaning, and that every
// issue is well formed and every mark points inside the output.
func FuzzRepair(f *testing.F) {
	for _, tc := range jsonCases() {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte("{id: <id>, 'a': [1, 2,], /* c */ \"b\": ..., …}"))
	f.Add([]byte("[\"\\ud800\\udbff\\udc00\", 'x\\'', <y>, /* */ … ]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r := repairJSON(src, 32)
		for _, is := range r.issues {
			if is.Line < 1 || is.Col < 1 || is.Code == "" || is.Message == "" {
				t.Fatalf("bad issue %+v", is)
			}
		}
		if r.fatal {
			if r.strict {
				t.Fatal("fatal and strict")
			}
			last := r.issues[len(r.issues)-1]
			if last.Code != jsonCodeSyntax && last.Code != jsonCodeTooDeep {
				t.Fatalf("fatal without an error issue: %v", r.issues)
			}
			return
		}
		if !gjson.ValidBytes(r.out) || !json.Valid(r.out) {
			t.Fatalf("repaired %q to invalid JSON %q", src, r.out)
		}
		if jsonNesting(r.out) > 32 {
			t.Fatalf("repaired text nested deeper than the limit: %q", r.out)
		}
		if r.strict && !json.Valid(src) {
			t.Fatalf("strict but not json.Valid")
		}
		for i, m := range r.marks {
			if m.out < 0 || m.out >= len(r.out) || m.line < 1 || m.col < 1 || i > 0 && m.out <= r.marks[i-1].out {
				t.Fatalf("bad mark %+v in %q", m, r.out)
			}
		}
		if r.strict {
			want, err1 := jsonReencode(src)
			got, err2 := jsonReencode(r.out)
			if err1 != nil || err2 != nil || got != want {
				t.Fatalf("repaired %s to %s, which means %s (%v, %v)", src, r.out, got, err1, err2)
			}
		}
		// The repaired text is a fixed point.
		if r2 := repairJSON(r.out, 32); r2.fatal || !r2.strict || !bytes.Equal(r2.out, r.out) {
			t.Fatalf("repairing %q again gives %q (%v)", r.out, r2.out, r2.issues)
		}
	})
}

// BenchmarkParseJSONSteps times ParseJSON's two steps apart on the input of
// BenchmarkParseJSON: the repair (here of valid JSON: a compacting copy) and
// gjson's reading of the repaired text into the tree.
func BenchmarkParseJSONSteps(b *testing.B) {
	src := jsonGraphResponse(50 << 10)
	b.Run("repair", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if r := repairJSON(src, jsonDefaultMaxDepth); r.fatal {
				b.Fatal(r.issues)
			}
		}
	})
	b.Run("gjson", func(b *testing.B) {
		r := repairJSON(src, jsonDefaultMaxDepth)
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if v, _ := jsonRead(&r); v == nil {
				b.Fatal("nil")
			}
		}
	})
}
