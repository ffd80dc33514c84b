package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// jsonCase is one ParseJSON test case.
type jsonCase struct {
	name     string
	src      string
	maxDepth int    // 0 means the default
	wantNil  bool   // v must be nil
	strict   bool   // the wanted strict result
	enc      string // the wanted Encode output, when v is not nil
	issues   []string
}

// jsonCases returns the table shared by TestParseJSON and the fuzz seed
// corpus. Issues are written as "code@line:col".
func jsonCases() []jsonCase {
	return []jsonCase{
		// Valid JSON of every kind.
		{name: "null", src: `null`, strict: true, enc: `null`},
		{name: "true", src: `true`, strict: true, enc: `true`},
		{name: "false", src: ` false `, strict: true, enc: `false`},
		{name: "zero", src: `0`, strict: true, enc: `0`},
		{name: "number", src: `-12.5e+10`, strict: true, enc: `-12.5e+10`},
		{name: "big integer verbatim", src: `123456789012345678901234567890`, strict: true, enc: `123456789012345678901234567890`},
		{name: "huge exponent verbatim", src: `[1e400, -0, 0.000001E-999]`, strict: true, enc: `[1e400,-0,0.000001E-999]`},
		{name: "string", src: `"hello"`, strict: true, enc: `"hello"`},
		{
			name:   "string escapes",
			src:    `"q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00 \u0001"`,
			strict: true,
			enc:    `"q\" b\\ s/ \b\f\n\r\t é 😀 \u0001"`,
		},
		{name: "html and line separators", src: `"<a&b> \u2028\u2029"`, strict: true, enc: `"<a&b> \u2028\u2029"`},
		{name: "empty array", src: `[]`, strict: true, enc: `[]`},
		{name: "empty object", src: `{ }`, strict: true, enc: `{}`},
		{name: "mixed array", src: `[1, "two", true, null, {"a": [ ]}]`, strict: true, enc: `[1,"two",true,null,{"a":[]}]`},
		{
			name:   "nested object",
			src:    "{\n  \"b\": 1,\n  \"a\": {\"c\": [1, 2], \"d\": {}}\n}\n",
			strict: true,
			enc:    `{"b":1,"a":{"c":[1,2],"d":{}}}`,
		},
		{name: "surrounding white space", src: " \t\r\n 42 \r\n", strict: true, enc: `42`},
		{name: "duplicate keys", src: `{"a":1,"a":2}`, strict: true, enc: `{"a":1,"a":2}`, issues: []string{"json-duplicate-key@1:8"}},
		{name: "lone surrogate", src: `"\ud800"`, strict: true, enc: "\"\uFFFD\"", issues: []string{"json-bad-escape@1:2"}},
		{
			name:   "reversed surrogates",
			src:    `"\udc00\ud800\u0041"`,
			strict: true,
			enc:    "\"\uFFFD\uFFFDA\"",
			issues: []string{"json-bad-escape@1:2", "json-bad-escape@1:8"},
		},
		{name: "invalid utf8 in string", src: "\"a\xffb\xfe\"", strict: true, enc: "\"a\uFFFDb\uFFFD\"", issues: []string{"json-invalid-utf8@1:3"}},

		// Comments.
		{name: "no-break spaces", src: "{\"a\": 1,\u202f\n\u00a0\"b\":\ufeff2}", enc: `{"a":1,"b":2}`, issues: []string{"json-unicode-space@1:9", "json-unicode-space@2:1", "json-unicode-space@2:7"}},
		{name: "no-break space in a string", src: "\"a\u00a0b\"", strict: true, enc: "\"a\u00a0b\""},
		{name: "line comment", src: "{\"a\": 1 // one\n}", enc: `{"a":1}`, issues: []string{"json-comment@1:9"}},
		{name: "block comment", src: "/* a\n b */ [1]", enc: `[1]`, issues: []string{"json-comment@1:1"}},
		{name: "unterminated block comment", src: "[1] /* x", enc: `[1]`, issues: []string{"json-comment@1:5"}},
		{name: "comment after bare word", src: "{\"a\": <v> // c\n}", enc: `{"a":"<v>"}`, issues: []string{"json-bare-word@1:7", "json-comment@1:11"}},

		// Placeholders.
		{name: "ellipsis member", src: `{"a": 1, ...}`, enc: `{"a":1}`, issues: []string{"json-ellipsis@1:10"}},
		{name: "ellipsis elements", src: `[ {...}, ... ]`, enc: `[{}]`, issues: []string{"json-ellipsis@1:4", "json-ellipsis@1:10"}},
		{name: "ellipsis array value", src: `{"value": [ ... ]}`, enc: `{"value":[]}`, issues: []string{"json-ellipsis@1:13"}},
		{name: "ellipsis object alone", src: `{ ... }`, enc: `{}`, issues: []string{"json-ellipsis@1:3"}},
		{name: "ellipsis value drops member", src: `{"a": ..., "b": 2}`, enc: `{"b":2}`, issues: []string{"json-ellipsis@1:7"}},
		{name: "unicode ellipsis", src: `[1, …]`, enc: `[1]`, issues: []string{"json-ellipsis@1:5"}},
		{name: "ellipsis without comma", src: `[1, 2 ...]`, enc: `[1,2]`, issues: []string{"json-ellipsis@1:7"}},
		{name: "ellipsis then trailing comma", src: `{"a": 1, ..., }`, enc: `{"a":1}`, issues: []string{"json-ellipsis@1:10", "json-trailing-comma@1:13"}},
		{name: "ellipsis first", src: "[\n  ...,\n  {\"a\": 1}\n]", enc: `[{"a":1}]`, issues: []string{"json-ellipsis@2:3"}},
		{name: "top-level ellipsis", src: `...`, wantNil: true, issues: []string{"json-syntax@1:1"}},
		{name: "string ellipsis is a string", src: `{"a": "..."}`, strict: true, enc: `{"a":"..."}`},

		// Commas.
		{name: "trailing comma array", src: `[1, 2,]`, enc: `[1,2]`, issues: []string{"json-trailing-comma@1:6"}},
		{name: "trailing comma object", src: "{\"a\": 1,\n}", enc: `{"a":1}`, issues: []string{"json-trailing-comma@1:8"}},
		{name: "missing comma members", src: "{\n  \"a\": 1\n  \"b\": 2\n}", enc: `{"a":1,"b":2}`, issues: []string{"json-missing-comma@3:3"}},
		{name: "missing comma elements", src: "[{\"a\":1}\n{\"b\":2}]", enc: `[{"a":1},{"b":2}]`, issues: []string{"json-missing-comma@2:1"}},
		{name: "missing comma same line", src: `{"a": 1 "b": 2}`, enc: `{"a":1,"b":2}`, issues: []string{"json-missing-comma@1:9"}},
		{name: "double comma", src: `[1,,2]`, wantNil: true, issues: []string{"json-syntax@1:4"}},

		// Quotes and bare words.
		{name: "single quotes", src: `{'a': 'it\'s "x"'}`, enc: `{"a":"it's \"x\""}`, issues: []string{"json-single-quote@1:2", "json-single-quote@1:7"}},
		{name: "bare placeholder", src: `{"id": <id>}`, enc: `{"id":"<id>"}`, issues: []string{"json-bare-word@1:8"}},
		{name: "bare alternatives", src: `{"x": true | false}`, enc: `{"x":"true | false"}`, issues: []string{"json-bare-word@1:7"}},
		{
			name:   "non-JSON numbers",
			src:    `[+1, .5, NaN, Infinity, 01, 1., -]`,
			enc:    `["+1",".5","NaN","Infinity","01","1.","-"]`,
			issues: []string{"json-bare-word@1:2", "json-bare-word@1:6", "json-bare-word@1:10", "json-bare-word@1:15", "json-bare-word@1:25", "json-bare-word@1:29", "json-bare-word@1:33"},
		},
		{name: "bare url", src: `{"u": https://x.y/z?a=b}`, enc: `{"u":"https://x.y/z?a=b"}`, issues: []string{"json-bare-word@1:7"}},
		{name: "bare date", src: "{\"d\": 2019-01-01T00:00:00Z\n}", enc: `{"d":"2019-01-01T00:00:00Z"}`, issues: []string{"json-bare-word@1:7"}},
		{name: "bare key", src: `{id: 1, @odata.type: "x"}`, enc: `{"id":1,"@odata.type":"x"}`, issues: []string{"json-bare-word@1:2", "json-bare-word@1:9"}},
		{name: "bare top-level", src: `hello world`, enc: `"hello world"`, issues: []string{"json-bare-word@1:1"}},
		{name: "bare word invalid utf8", src: "[a\xffb]", enc: "[\"a\uFFFDb\"]", issues: []string{"json-bare-word@1:2", "json-invalid-utf8@1:3"}},

		// Truncation.
		{name: "unterminated string", src: `{"a": "abc`, enc: `{"a":"abc"}`, issues: []string{"json-unterminated@1:11"}},
		{name: "unterminated array", src: "[1, [2", enc: `[1,[2]]`, issues: []string{"json-unterminated@1:7"}},
		{name: "unterminated object", src: "{\"a\": 1, \"b\":\n", enc: `{"a":1}`, issues: []string{"json-unterminated@2:1"}},
		{name: "unterminated key", src: `{"a": 1, "b`, enc: `{"a":1}`, issues: []string{"json-unterminated@1:12"}},
		{name: "unterminated top-level string", src: `"abc`, enc: `"abc"`, issues: []string{"json-unterminated@1:5"}},
		{name: "unterminated after escape", src: `["a\`, enc: `["a"]`, issues: []string{"json-unterminated@1:5"}},

		// Escapes and control characters.
		{name: "bad escape", src: `"a\qb"`, enc: "\"a\uFFFDb\"", issues: []string{"json-bad-escape@1:3"}},
		{name: "short unicode escape", src: `"\u12G"`, enc: "\"\uFFFDG\"", issues: []string{"json-bad-escape@1:2"}},
		{name: "escaped quote in double quotes", src: `"it\'s"`, enc: "\"it\uFFFDs\"", issues: []string{"json-bad-escape@1:4"}},
		{name: "raw control characters", src: "\"a\tb\x00c\"", enc: `"a\tb\u0000c"`, issues: []string{"json-bad-escape@1:3"}},
		{name: "raw newline in string", src: "[\"a\nb\", x]", enc: `["a\nb","x"]`, issues: []string{"json-bad-escape@1:4", "json-bare-word@2:5"}},

		// Trailing data, BOM, line breaks.
		{name: "trailing data", src: `{} x`, enc: `{}`, issues: []string{"json-trailing-data@1:4"}},
		{name: "extra bracket", src: "[1]\n]", enc: `[1]`, issues: []string{"json-trailing-data@2:1"}},
		{name: "two values", src: `"a": 1`, enc: `"a"`, issues: []string{"json-trailing-data@1:4"}},
		{name: "BOM", src: "\xEF\xBB\xBF{\"a\":1}", enc: `{"a":1}`},
		{name: "BOM positions", src: "\xEF\xBB\xBF[1,]", enc: `[1]`, issues: []string{"json-trailing-comma@1:3"}},
		{name: "CRLF positions", src: "{\r\n\"a\": 1,\r\n}", enc: `{"a":1}`, issues: []string{"json-trailing-comma@2:7"}},
		{name: "bare CR positions", src: "[1,\r\r2,]", enc: `[1,2]`, issues: []string{"json-trailing-comma@3:2"}},

		// Unrecoverable input.
		{name: "empty", src: ``, wantNil: true, issues: []string{"json-syntax@1:1"}},
		{name: "white space only", src: "  \n  ", wantNil: true, issues: []string{"json-syntax@2:3"}},
		{name: "comment only", src: `// x`, wantNil: true, issues: []string{"json-comment@1:1", "json-syntax@1:5"}},
		{name: "BOM only", src: "\xEF\xBB\xBF", wantNil: true, issues: []string{"json-syntax@1:1"}},
		{name: "NUL outside string", src: "[1,\x00]", wantNil: true, issues: []string{"json-syntax@1:4"}},
		{name: "missing colon", src: `{"a" 1}`, wantNil: true, issues: []string{"json-syntax@1:6"}},
		{name: "missing value", src: `{"a":}`, wantNil: true, issues: []string{"json-syntax@1:6"}},
		{name: "mismatched bracket", src: `[1}`, wantNil: true, issues: []string{"json-syntax@1:3"}},
		{name: "leading comma", src: `{,}`, wantNil: true, issues: []string{"json-syntax@1:2"}},
		{name: "issues before syntax error", src: "[1, // c\n2 }]", wantNil: true, issues: []string{"json-comment@1:5", "json-syntax@2:3"}},

		// Depth.
		{name: "depth 10 ok", src: strings.Repeat("[", 10) + strings.Repeat("]", 10), maxDepth: 10, strict: true, enc: strings.Repeat("[", 10) + strings.Repeat("]", 10)},
		{name: "depth 11 too deep", src: strings.Repeat("[", 11) + strings.Repeat("]", 11), maxDepth: 10, wantNil: true, issues: []string{"json-too-deep@1:11"}},
		{name: "object depth too deep", src: `{"a":{"b":{}}}`, maxDepth: 2, wantNil: true, issues: []string{"json-too-deep@1:11"}},

		// A realistic Graph example with several repairs.
		{
			name: "graph example",
			src: `HTTP/1.1 is not here; just the body:`[:0] + `{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
  "value": [
    {
      "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
      "displayName": "Adele Vance", // the user
      "businessPhones": [ "+1 425 555 0109", ... ],
      "accountEnabled": true | false
      "manager": {...},
    },
    ...
  ]
}`,
			enc: `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","value":[{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance","businessPhones":["+1 425 555 0109"],"accountEnabled":"true | false","manager":{}}]}`,
			issues: []string{
				"json-comment@6:37",
				"json-ellipsis@7:46",
				"json-bare-word@8:25",
				"json-missing-comma@9:7",
				"json-ellipsis@9:19",
				"json-trailing-comma@9:23",
				"json-ellipsis@11:5",
			},
		},
	}
}

// jsonIssueStrings formats issues as "code@line:col".
func jsonIssueStrings(issues []JSONIssue) []string {
	var out []string
	for _, is := range issues {
		out = append(out, fmt.Sprintf("%s@%d:%d", is.Code, is.Line, is.Col))
	}
	return out
}

// jsonReencode decodes b with encoding/json (numbers kept as text) and
// encodes it again compactly without HTML escaping.
func jsonReencode(b []byte) (string, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return "", err
	}
	var out bytes.Buffer
	e := json.NewEncoder(&out)
	e.SetEscapeHTML(false)
	if err := e.Encode(x); err != nil {
		return "", err
	}
	return strings.TrimSuffix(out.String(), "\n"), nil
}

// jsonCanonicalOrder reports whether every object in v has its keys sorted
// and unique, so that encoding/json's re-encoding keeps the member order.
func jsonCanonicalOrder(v *JSONValue) bool {
	stack := []*JSONValue{v}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		stack = append(stack, v.Elems...)
		for i, m := range v.Members {
			if i > 0 && v.Members[i-1].Key >= m.Key {
				return false
			}
			stack = append(stack, m.Value)
		}
	}
	return true
}

func TestParseJSON(t *testing.T) {
	cases := jsonCases()
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, strict, issues := ParseJSON([]byte(tc.src), tc.maxDepth)
			if got := jsonIssueStrings(issues); !slices.Equal(got, tc.issues) {
				t.Errorf("issues = %q, want %q", got, tc.issues)
				for _, is := range issues {
					t.Logf("  %d:%d %s: %s", is.Line, is.Col, is.Code, is.Message)
				}
			}
			if strict != tc.strict {
				t.Errorf("strict = %v, want %v", strict, tc.strict)
			}
			if tc.maxDepth == 0 {
				if valid := json.Valid([]byte(tc.src)); strict != valid {
					t.Errorf("strict = %v, json.Valid = %v", strict, valid)
				}
			}
			for _, is := range issues {
				if is.Message == "" || is.Line < 1 || is.Col < 1 {
					t.Errorf("bad issue %+v", is)
				}
			}
			if tc.wantNil {
				if v != nil {
					t.Fatalf("v = %s, want nil", v.Encode())
				}
				return
			}
			if v == nil {
				t.Fatal("v = nil")
			}
			enc := v.Encode()
			if string(enc) != tc.enc {
				t.Errorf("Encode = %s, want %s", enc, tc.enc)
			}
			if !json.Valid(enc) {
				t.Errorf("Encode output is not valid JSON: %s", enc)
			}
			if !strict {
				return
			}
			// Valid input: Encode must mean the same as the input, and be
			// exactly encoding/json's re-encoding when that keeps the order.
			want, err := jsonReencode([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			got, err := jsonReencode(enc)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("re-encoded Encode = %s, want %s", got, want)
			}
			if jsonCanonicalOrder(v) && string(enc) != want {
				t.Errorf("Encode = %s, encoding/json gives %s", enc, want)
			}
		})
	}
}

func TestParseJSONPositions(t *testing.T) {
	src := "{\n" +
		"  \"id\": \"1\",\n" +
		"  \"tags\": [\n" +
		"    \"a\",\t{\"k\": null}\n" +
		"  ],\n" +
		"  \"n\": -1.5\n" +
		"}"
	v, strict, issues := ParseJSON([]byte(src), 0)
	if v == nil || !strict || len(issues) != 0 {
		t.Fatalf("ParseJSON: strict=%v issues=%v", strict, issues)
	}
	type pos struct{ line, col int }
	at := func(line, col int) pos { return pos{line, col} }
	check := func(what string, got, want pos) {
		t.Helper()
		if got != want {
			t.Errorf("%s at %d:%d, want %d:%d", what, got.line, got.col, want.line, want.col)
		}
	}
	check("root", at(v.Line, v.Col), at(1, 1))
	if len(v.Members) != 3 {
		t.Fatalf("members = %d", len(v.Members))
	}
	check("key id", at(v.Members[0].Line, v.Members[0].Col), at(2, 3))
	check("value id", at(v.Members[0].Value.Line, v.Members[0].Value.Col), at(2, 9))
	check("key tags", at(v.Members[1].Line, v.Members[1].Col), at(3, 3))
	tags := v.Member("tags")
	check("value tags", at(tags.Line, tags.Col), at(3, 11))
	check("tags[0]", at(tags.Elems[0].Line, tags.Elems[0].Col), at(4, 5))
	obj := tags.Elems[1]
	check("tags[1]", at(obj.Line, obj.Col), at(4, 10))
	check("key k", at(obj.Members[0].Line, obj.Members[0].Col), at(4, 11))
	check("value k", at(obj.Members[0].Value.Line, obj.Members[0].Value.Col), at(4, 16))
	check("key n", at(v.Members[2].Line, v.Members[2].Col), at(6, 3))
	n := v.Member("n")
	check("value n", at(n.Line, n.Col), at(6, 8))
	if n.Kind != JSONNumber || n.Number != "-1.5" {
		t.Errorf("n = %+v", n)
	}
}

func TestParseJSONValues(t *testing.T) {
	src := `{"s": "x", "n": 12, "b": false, "z": null, "a": [true], "o": {"s": 1}, "s": "y"}`
	v, _, issues := ParseJSON([]byte(src), 0)
	if v == nil {
		t.Fatal("nil")
	}
	if got := jsonIssueStrings(issues); !slices.Equal(got, []string{"json-duplicate-key@1:72"}) {
		t.Errorf("issues = %q", got)
	}
	if !strings.Contains(issues[0].Message, "first at 1:2") {
		t.Errorf("message %q does not locate the first key", issues[0].Message)
	}
	if s := v.Member("s"); s == nil || s.Kind != JSONString || s.String != "y" {
		t.Errorf(`Member("s") = %+v, want the last member`, s)
	}
	if n := v.Member("n"); n.Kind != JSONNumber || n.Number != "12" {
		t.Errorf("n = %+v", n)
	}
	if b := v.Member("b"); b.Kind != JSONBool || b.Bool {
		t.Errorf("b = %+v", b)
	}
	if z := v.Member("z"); z.Kind != JSONNull {
		t.Errorf("z = %+v", z)
	}
	if a := v.Member("a"); a.Kind != JSONArray || len(a.Elems) != 1 || !a.Elems[0].Bool {
		t.Errorf("a = %+v", a)
	}
	if o := v.Member("o"); o.Member("s").Number != "1" {
		t.Errorf("o = %+v", o)
	}
	if v.Member("missing") != nil || v.Member("a").Member("x") != nil {
		t.Error("Member of a missing key or a non-object is not nil")
	}
	var nilValue *JSONValue
	if nilValue.Member("a") != nil {
		t.Error("Member on nil is not nil")
	}
}

func TestParseJSONDuplicatesInLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&b, `"k%d":%d,`, i, i)
	}
	b.WriteString(`"k3":"x","k99":"y","k100":"z","k100":"w"}`)
	v, strict, issues := ParseJSON([]byte(b.String()), 0)
	if v == nil || !strict {
		t.Fatalf("strict=%v issues=%v", strict, issues)
	}
	var keys []string
	for _, is := range issues {
		if is.Code != "json-duplicate-key" {
			t.Errorf("unexpected issue %+v", is)
		}
		keys = append(keys, is.Message[:strings.Index(is.Message, " (")])
	}
	want := []string{`duplicate key "k3"`, `duplicate key "k99"`, `duplicate key "k100"`}
	if !slices.Equal(keys, want) {
		t.Errorf("duplicates = %q, want %q", keys, want)
	}
	if len(v.Members) != 104 || v.Member("k100").String != "w" {
		t.Errorf("members = %d, k100 = %+v", len(v.Members), v.Member("k100"))
	}
}

func TestParseJSONUnterminatedMessage(t *testing.T) {
	_, _, issues := ParseJSON([]byte("{\"a\": [1, {\"b\": \"xy"), 0)
	if len(issues) != 1 || issues[0].Code != "json-unterminated" {
		t.Fatalf("issues = %v", issues)
	}
	for _, want := range []string{"closed 4 ", "a string, opened at 1:17"} {
		if !strings.Contains(issues[0].Message, want) {
			t.Errorf("message %q lacks %q", issues[0].Message, want)
		}
	}
	_, _, issues = ParseJSON([]byte(`{"a": 1, "b": `), 0)
	if len(issues) != 1 || !strings.Contains(issues[0].Message, `dropped incomplete member "b"`) {
		t.Errorf("issues = %v", issues)
	}
}

func TestJSONKindString(t *testing.T) {
	want := map[JSONKind]string{
		JSONNull: "null", JSONBool: "boolean", JSONNumber: "number",
		JSONString: "string", JSONArray: "array", JSONObject: "object",
		JSONKind(9): "JSONKind(9)",
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), s)
		}
	}
}

func TestJSONEncodeStringsLikeEncodingJSON(t *testing.T) {
	var inputs []string
	for b := range 0x80 {
		inputs = append(inputs, "x"+string(rune(b))+"y")
	}
	inputs = append(inputs,
		"", "é", "😀", "\u2028\u2029", "\uFFFD", "a\xffb", "\xed\xa0\x80", "\xf0\x9f\x98",
		"<script>&amp;</script>", "\u007f\u0080\u00a0", "tab\tnew\nline\r", `"quoted" \back\`,
	)
	for _, s := range inputs {
		var want bytes.Buffer
		e := json.NewEncoder(&want)
		e.SetEscapeHTML(false)
		if err := e.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := (&JSONValue{Kind: JSONString, String: s}).Encode()
		if string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("Encode(%q) = %s, encoding/json gives %s", s, got, want.String())
		}
	}
}

func TestJSONEncodeEdgeCases(t *testing.T) {
	var nilValue *JSONValue
	tests := []struct {
		v    *JSONValue
		want string
	}{
		{nilValue, `null`},
		{&JSONValue{Kind: JSONKind(42)}, `null`},
		{&JSONValue{Kind: JSONNumber, Number: "1.5e3"}, `1.5e3`},
		{&JSONValue{Kind: JSONNumber, Number: "0x10"}, `"0x10"`},
		{&JSONValue{Kind: JSONNumber}, `""`},
		{&JSONValue{Kind: JSONArray, Elems: []*JSONValue{nil, {Kind: JSONBool, Bool: true}}}, `[null,true]`},
		{&JSONValue{Kind: JSONObject, Members: []JSONMember{{Key: "a\"", Value: nil}, {Key: "b", Value: &JSONValue{Kind: JSONArray}}}}, `{"a\"":null,"b":[]}`},
	}
	for _, tt := range tests {
		if got := tt.v.Encode(); string(got) != tt.want {
			t.Errorf("Encode = %s, want %s", got, tt.want)
		}
	}
}

// jsonQuick fails t if f takes longer than limit, which only a
// super-linear or stack-bound parser would.
func jsonQuick(t *testing.T, limit time.Duration, f func()) {
	t.Helper()
	start := time.Now()
	f()
	if d := time.Since(start); d > slowdown*limit {
		t.Errorf("took %v, want under %v", d, limit)
	}
}

func TestParseJSONDeepNesting(t *testing.T) {
	million := bytes.Repeat([]byte("["), 1_000_000)
	for _, depth := range []int{10, 0, 500_000} {
		jsonQuick(t, 5*time.Second, func() {
			v, strict, issues := ParseJSON(million, depth)
			want := depth + 1
			if depth == 0 {
				want = 10001
			}
			if v != nil || strict || len(issues) != 1 || issues[0].Code != "json-too-deep" || issues[0].Col != want {
				t.Errorf("maxDepth %d: v=%v strict=%v issues=%v", depth, v != nil, strict, issues)
			}
		})
	}
	tenMB := bytes.Repeat([]byte("["), 10<<20)
	jsonQuick(t, 5*time.Second, func() {
		v, _, issues := ParseJSON(tenMB, 1000)
		if v != nil || len(issues) != 1 || issues[0].Code != "json-too-deep" || issues[0].Col != 1001 {
			t.Errorf("10 MB: v=%v issues=%v", v != nil, issues)
		}
	})
	// Within a large limit deep open arrays are closed at the end of input,
	// read and encoded without recursion. (gjson reads the text of each
	// level again, so reading costs the size times the depth, which the
	// limit bounds: 30,000 levels here, not a million.)
	const deep = 30_000
	jsonQuick(t, 10*time.Second, func() {
		v, strict, issues := ParseJSON(million[:deep], 2_000_000)
		if v == nil || strict || len(issues) != 1 || issues[0].Code != "json-unterminated" {
			t.Fatalf("v=%v strict=%v issues=%v", v != nil, strict, issues)
		}
		enc := v.Encode()
		if len(enc) != 2*deep || enc[deep-1] != '[' || enc[deep] != ']' {
			t.Errorf("Encode gave %d bytes", len(enc))
		}
	})
}

// TestParseJSONDeepAtTheParsersLimit bounds the cost of gjson's reading,
// which scans the text of each level again: a page's worth of JSON nested as
// deep as the parser's limit allows (DefaultMaxJSONDepth) still reads in
// bounded time.
func TestParseJSONDeepAtTheParsersLimit(t *testing.T) {
	d := DefaultMaxJSONDepth
	block := strings.Repeat(`{"a":[`, d/2) + "1" + strings.Repeat("]}", d/2)
	src := "[" + strings.Repeat(block+",", (4<<20)/len(block)) + "0]"
	jsonQuick(t, 5*time.Second, func() {
		v, _, issues := ParseJSON([]byte(src), d+1)
		if v == nil || len(issues) != 0 || len(v.Elems) < 2 {
			t.Fatalf("v=%v issues=%v", v != nil, issues)
		}
	})
}

func TestParseJSONLinear(t *testing.T) {
	const n = 1 << 20
	inputs := map[string]string{
		"spaces in bare word":   "[" + strings.Repeat("a ", n) + "]",
		"dots":                  "[" + strings.Repeat(".", n) + "x]",
		"dot pairs":             "[a" + strings.Repeat(" ..x", n) + "]",
		"ellipses":              "[" + strings.Repeat("... ", n) + "]",
		"missing commas":        "[" + strings.Repeat("1\n", n) + "]",
		"many keys":             "{" + strings.Repeat(`"k": 1, `, n/4) + "}",
		"bad escapes":           `"` + strings.Repeat(`\q`, n) + `"`,
		"comments":              "[" + strings.Repeat("/**/", n) + "]",
		"long string":           `"` + strings.Repeat("x", 8*n) + `"`,
		"unterminated string":   `"` + strings.Repeat("\\n", n),
		"bare keys":             "{" + strings.Repeat("a:1\n", n/2) + "}",
		"broken bare key":       "{" + strings.Repeat("a", 8*n),
		"nested empty objects":  strings.Repeat(`{"a":`, 5000) + strings.Repeat("}", 5000),
		"wide shallow document": "[" + strings.Repeat(`{"a":[1,2,{"b":null}]},`, n/16) + "0]",
	}
	for name, src := range inputs {
		jsonQuick(t, 5*time.Second, func() {
			v, _, issues := ParseJSON([]byte(src), 0)
			if v == nil && len(issues) == 0 {
				t.Errorf("%s: nil value without issues", name)
			}
		})
	}
}

// FuzzParseJSON checks that ParseJSON never panics, that strict agrees with
// json.Valid, and that Encode keeps the meaning of valid input.
func FuzzParseJSON(f *testing.F) {
	for _, tc := range jsonCases() {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte(`{"a":{"b":[1,{"c":"\u00e9\ud83d\ude00"}]},"a":2}`))
	f.Add([]byte("[\"\\ud800\\udbff\\udc00\", 'x\\'', <y>, /* */ … ]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		v, strict, issues := ParseJSON(src, jsonDefaultMaxDepth)
		valid := json.Valid(src)
		if valid && !strict {
			t.Fatalf("json.Valid but not strict: %v", issues)
		}
		if strict && !valid {
			t.Fatalf("strict but not json.Valid")
		}
		dup := false
		fatal := false
		for _, is := range issues {
			if is.Line < 1 || is.Col < 1 || is.Code == "" || is.Message == "" {
				t.Fatalf("bad issue %+v", is)
			}
			switch is.Code {
			case "json-duplicate-key":
				dup = true
			case "json-invalid-utf8", "json-bad-escape":
			case "json-syntax", "json-too-deep":
				fatal = true
				if strict {
					t.Fatalf("strict with issue %+v", is)
				}
			case "json-comment", "json-ellipsis", "json-trailing-comma", "json-missing-comma",
				"json-single-quote", "json-bare-word", "json-unterminated", "json-trailing-data", "json-unicode-space":
				if strict {
					t.Fatalf("strict with issue %+v", is)
				}
			default:
				t.Fatalf("unknown code %+v", is)
			}
		}
		if (v == nil) != fatal {
			t.Fatalf("v nil = %v, but issues = %v", v == nil, issues)
		}
		if v == nil {
			return
		}
		enc := v.Encode()
		if !json.Valid(enc) {
			t.Fatalf("Encode gave invalid JSON %q", enc)
		}
		// Encode's output is strict and parses back to itself.
		v2, strict2, issues2 := ParseJSON(enc, jsonDefaultMaxDepth)
		if v2 == nil || !strict2 || !bytes.Equal(v2.Encode(), enc) {
			t.Fatalf("Encode output %q does not parse back: %v", enc, issues2)
		}
		if valid && !dup {
			want, err1 := jsonReencode(src)
			got, err2 := jsonReencode(enc)
			if err1 != nil || err2 != nil || got != want {
				t.Fatalf("Encode = %s, want the meaning of %s (%v, %v)", got, want, err1, err2)
			}
		}
		// A small depth limit may stop the parse but never panics.
		if v3, _, issues3 := ParseJSON(src, 2); v3 == nil && len(issues3) == 0 {
			t.Fatal("nil value without issues at depth 2")
		}
	})
}

// jsonGraphResponse returns a realistic Graph list response of about size
// bytes, indented as the reference pages show it.
func jsonGraphResponse(size int) []byte {
	type user struct {
		ODataType         string   `json:"@odata.type"`
		ID                string   `json:"id"`
		BusinessPhones    []string `json:"businessPhones"`
		DisplayName       string   `json:"displayName"`
		GivenName         string   `json:"givenName"`
		JobTitle          *string  `json:"jobTitle"`
		Mail              string   `json:"mail"`
		MobilePhone       *string  `json:"mobilePhone"`
		OfficeLocation    string   `json:"officeLocation"`
		PreferredLanguage string   `json:"preferredLanguage"`
		Surname           string   `json:"surname"`
		UserPrincipalName string   `json:"userPrincipalName"`
		AccountEnabled    bool     `json:"accountEnabled"`
		Usage             float64  `json:"usageQuota"`
		Licenses          []struct {
			SkuID         string   `json:"skuId"`
			DisabledPlans []string `json:"disabledPlans"`
		} `json:"assignedLicenses"`
	}
	resp := struct {
		Context  string `json:"@odata.context"`
		NextLink string `json:"@odata.nextLink"`
		Value    []user `json:"value"`
	}{
		Context:  "https://graph.microsoft.com/v1.0/$metadata#users",
		NextLink: "https://graph.microsoft.com/v1.0/users?$skiptoken=X%274453707402000100000017",
	}
	title := "Retail Manager"
	for i := 0; ; i++ {
		u := user{
			ODataType:         "#microsoft.graph.user",
			ID:                fmt.Sprintf("%08x-44d7-43e1-9a83-5f2406dee5bd", i*7919),
			BusinessPhones:    []string{fmt.Sprintf("+1 425 555 %04d", i)},
			DisplayName:       fmt.Sprintf("Adele Vance %d — \"Contoso\"", i),
			GivenName:         "Adele",
			Mail:              fmt.Sprintf("adelev%d@contoso.onmicrosoft.com", i),
			OfficeLocation:    "18/2111",
			PreferredLanguage: "en-US",
			Surname:           "Vance",
			UserPrincipalName: fmt.Sprintf("AdeleV%d@contoso.onmicrosoft.com", i),
			AccountEnabled:    i%3 != 0,
			Usage:             float64(i) * 1.25e9,
		}
		if i%2 == 0 {
			u.JobTitle = &title
		}
		u.Licenses = make([]struct {
			SkuID         string   `json:"skuId"`
			DisabledPlans []string `json:"disabledPlans"`
		}, 1)
		u.Licenses[0].SkuID = "c7df2760-2c81-4ef7-b578-5b5392b571df"
		u.Licenses[0].DisabledPlans = []string{"a23b959c-7ce8-4e57-9140-b90eb88a9e97"}
		resp.Value = append(resp.Value, u)
		b, err := json.MarshalIndent(resp, "", "  ")
		if err != nil {
			panic(err)
		}
		if len(b) >= size {
			return b
		}
	}
}

func TestJSONGraphResponse(t *testing.T) {
	src := jsonGraphResponse(50 << 10)
	v, strict, issues := ParseJSON(src, 0)
	if v == nil || !strict || len(issues) != 0 {
		t.Fatalf("strict=%v issues=%v", strict, issues)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, src); err != nil {
		t.Fatal(err)
	}
	if got := v.Encode(); !bytes.Equal(got, compact.Bytes()) {
		t.Errorf("Encode differs from json.Compact")
	}
	var x any
	if err := json.Unmarshal(src, &x); err != nil {
		t.Fatal(err)
	}
	if got, want := len(v.Member("value").Elems), len(x.(map[string]any)["value"].([]any)); got != want {
		t.Errorf("%d users, want %d", got, want)
	}
	if !reflect.DeepEqual(v.Member("value").Elems[0].Member("businessPhones").Elems[0].String, "+1 425 555 0000") {
		t.Error("wrong first phone")
	}
}

func BenchmarkParseJSON(b *testing.B) {
	src := jsonGraphResponse(50 << 10)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if v, _, _ := ParseJSON(src, 0); v == nil {
			b.Fatal("nil")
		}
	}
}

func ExampleParseJSON() {
	src := []byte(`{
  "id": <id>,
  "value": [ {...}, ... ], // elided
}`)
	v, strict, issues := ParseJSON(src, 64)
	fmt.Println(string(v.Encode()), strict)
	for _, is := range issues {
		fmt.Printf("%d:%d %s\n", is.Line, is.Col, is.Code)
	}
	// Output:
	// {"id":"<id>","value":[{}]} false
	// 2:9 json-bare-word
	// 3:15 json-ellipsis
	// 3:21 json-ellipsis
	// 3:26 json-trailing-comma
	// 3:28 json-comment
}
