package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// checkStreamSame decodes data with json.Decoder.Decode and with
// streamDecode into new values from target and reports a difference: both
// succeed with equal values, or both fail with a type error (after which
// encoding/json has decoded the rest, so the values are equal too, and so
// are the errors' texts), or both fail otherwise (the values may then
// differ: streamDecode has decoded what came before the error). An empty
// input is io.EOF for both.
func checkStreamSame(t *testing.T, target func() any, data []byte) {
	t.Helper()
	want, got := target(), target()
	werr := json.NewDecoder(bytes.NewReader(data)).Decode(want)
	// One byte per Read, so that every value crosses the decoder's refills.
	gerr := streamDecode(json.NewDecoder(iotest.OneByteReader(bytes.NewReader(data))), got)
	var wt, gt *json.UnmarshalTypeError
	switch {
	case werr != nil && strings.Contains(werr.Error(), "exceeded max depth"):
		return // see errStreamDepth
	case errors.Is(werr, io.EOF) != errors.Is(gerr, io.EOF):
		t.Fatalf("%T from %q: error %v, want %v", want, data, gerr, werr)
	case werr == nil || errors.As(werr, &wt):
		if (werr == nil) != (gerr == nil) || werr != nil && (!errors.As(gerr, &gt) || gerr.Error() != werr.Error()) {
			t.Fatalf("%T from %q: error %v, want %v", want, data, gerr, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%T from %q:\ngot  %+v\nwant %+v", want, data, got, want)
		}
	case gerr == nil:
		t.Fatalf("%T from %q: no error, want %v", want, data, werr)
	}
}

// TestStreamDecodeMatchesEncodingJSON compares streamDecode with
// json.Decoder.Decode on the differential cases of decode_test.go and
// targets, and on a few of the shapes only streaming takes apart.
func TestStreamDecodeMatchesEncodingJSON(t *testing.T) {
	cases := append(slicesClone(diffCases),
		`{"Inners":[{"b":1},"x",{"b":2},[3],{"b":4}]}`, `{"InnerPtrs":[null,{"b":1},5]}`,
		`{"Inner":{"list":[{"list":[{"b":7}]}]},"InnerPtr":{"list":null}}`, `[{"Name":"a"},"b",{"Name":"c"}]`,
		`{"Inner":{"b":1} , "Name" : "after"}`, `{"Inner":{"b":1}`, `{"Inners":[{"b":1}`, `{"Inners":[{"b":1},`,
		`{"Name":`, `{"Name"`, `{"Inner":{"b":}}`, `{"Inners":[{"b":1}}`, `{"unknown":[{"a":[1,2,{"b":{}}]}],"Name":"n"}`,
		`{"Inner":{"b":"x"},"Name":1}`, `{"I8":300,"Inner":{"b":300}}`,
	)
	targets := append(diffTargets(), func() any { return new([][]*[]diffInner) }, func() any { return new(*[][]string) })
	cases = append(cases, `[[[{"b":1}],null,[null,{"a":"x"}]],[]]`, `[["a","b"],["c"],null,[1]]`, `[[[[[]]]]]`, `[[{"b":"x"},{"b":2}]]`)
	for _, target := range targets {
		for _, c := range cases {
			checkStreamSame(t, target, []byte(c))
		}
	}
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// FuzzStreamDecodeMatchesEncodingJSON is checkStreamSame on arbitrary
// input.
func FuzzStreamDecodeMatchesEncodingJSON(f *testing.F) {
	for i, c := range diffCases {
		if len(c) < 1000 {
			f.Add([]byte(c), uint8(i))
		}
	}
	targets := diffTargets()
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		checkStreamSame(t, targets[int(which)%len(targets)], data)
	})
}

// TestStreamDecodeDepth: nesting beyond the limit is an error, not a
// stack overflow, through struct and slice levels and through skipped
// members.
func TestStreamDecodeDepth(t *testing.T) {
	type node struct {
		List []node `json:"list"`
	}
	deep := strings.Repeat(`{"list":[`, 6000) + strings.Repeat(`]}`, 6000)
	var n node
	if err := streamDecode(json.NewDecoder(strings.NewReader(deep)), &n); err == nil || !strings.Contains(err.Error(), "exceeded max depth") {
		t.Errorf("err = %v, want exceeded max depth", err)
	}
	var nested [][][]int
	arrays := strings.Repeat(`[`, 20000) + strings.Repeat(`]`, 20000)
	if err := streamDecode(json.NewDecoder(strings.NewReader(arrays)), &nested); err == nil || !strings.Contains(err.Error(), "exceeded max depth") {
		t.Errorf("nested arrays: err = %v, want exceeded max depth", err)
	}
	skipped := `{"unknown":` + strings.Repeat(`[`, 20000) + strings.Repeat(`]`, 20000) + `}`
	if err := streamDecode(json.NewDecoder(strings.NewReader(skipped)), &n); err == nil || err.Error() != "exceeded max depth" {
		t.Errorf("skipped member: err = %v, want exceeded max depth", err)
	}
}

// BenchmarkStreamDecode compares streamDecode with json.Decoder.Decode,
// which doJSON called before, on one user (an entity of 700 bytes) and on
// a group with 2,000 owners (1.4 MB): time, allocations, and the peak of
// the decoder's buffer is what the entity's text costs (not measured here;
// docs/perf.md has the resident memory of a 500 MB entity).
func BenchmarkStreamDecode(b *testing.B) {
	var user strings.Builder
	writeUser(&user, 1)
	for _, c := range []struct {
		name string
		data []byte
	}{{"user", []byte(user.String())}, {"group-2000-owners", nestedGroups(1, 2000)}} {
		for _, dec := range []struct {
			name   string
			decode func(*json.Decoder, any) error
		}{{"Decode", (*json.Decoder).Decode}, {"streamDecode", streamDecode}} {
			b.Run(c.name+"/"+dec.name, func(b *testing.B) {
				b.SetBytes(int64(len(c.data)))
				b.ReportAllocs()
				for b.Loop() {
					if err := dec.decode(json.NewDecoder(bytes.NewReader(c.data)), new(concreteGroup)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
