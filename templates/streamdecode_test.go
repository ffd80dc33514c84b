package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
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
// a group with 2,000 owners (1.4 MB). B/op counts every allocation, not
// the peak: docs/perf.md has the resident memory of a 500 MB entity.
func BenchmarkStreamDecode(b *testing.B) {
	var user strings.Builder
	writeUser(&user, 1)
	for _, c := range []struct {
		name string
		data []byte
		new  func() any
	}{
		{"user", []byte(user.String()), func() any { return new(concreteUser) }},
		{"group-2000-owners", nestedGroups(1, 2000), func() any { return new(concreteGroup) }},
	} {
		for _, dec := range []struct {
			name   string
			decode func(*json.Decoder, any) error
		}{{"Decode", (*json.Decoder).Decode}, {"streamDecode", streamDecode}} {
			b.Run(c.name+"/"+dec.name, func(b *testing.B) {
				b.SetBytes(int64(len(c.data)))
				b.ReportAllocs()
				for b.Loop() {
					if err := dec.decode(json.NewDecoder(bytes.NewReader(c.data)), c.new()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// maxReader records the largest buffer a Read call was given: a
// json.Decoder reads into the free space of its buffer, which grows only
// while a value it must hold whole does not fit.
type maxReader struct {
	r   io.Reader
	max *int
}

func (m maxReader) Read(p []byte) (int, error) {
	*m.max = max(*m.max, len(p))
	return m.r.Read(p)
}

// TestDoJSONStreamsEntity shows that doJSON decodes an entity of unknown
// length (a chunked response) without holding its text: the decoder's
// buffer stays below 64 KB for a 4 MB body, while json.Decoder.Decode,
// which doJSON called before, grows it to the body's size. An entity whose
// Content-Length is small is decoded whole, to the value json.Unmarshal
// gives.
func TestDoJSONStreamsEntity(t *testing.T) {
	elem := `{"a":"` + strings.Repeat("y", 400) + `","b":1}`
	body := `{"a":"big","list":[` + strings.TrimSuffix(strings.Repeat(elem+",", 10000), ",") + `]}`
	smallBody := `{"a":"small","list":[` + strings.TrimSuffix(strings.Repeat(elem+",", 2000), ",") + `]}`
	var maxRead int
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("small") != "" {
			_, _ = io.WriteString(w, smallBody) // with a Content-Length
			return
		}
		w.(http.Flusher).Flush() // chunked: no Content-Length
		_, _ = io.WriteString(w, body)
	}, WithHTTPClient(&http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(r)
		if err == nil && r.URL.Query().Get("small") == "" {
			resp.Body = struct {
				io.Reader
				io.Closer
			}{maxReader{resp.Body, &maxRead}, resp.Body}
		}
		return resp, err
	})}))
	e, err := doJSON[diffInner](context.Background(), c, http.MethodGet, "/big", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.A == nil || *e.A != "big" || len(e.List) != 10000 || e.List[9999].B != 1 {
		t.Fatalf("decoded %+v", e)
	}
	if maxRead > 64<<10 {
		t.Errorf("the decoder's buffer grew to %d bytes for a body of %d", maxRead, len(body))
	}
	var whole int
	if err := json.NewDecoder(maxReader{strings.NewReader(body), &whole}).Decode(new(diffInner)); err != nil || whole < len(body)/4 {
		t.Errorf("json.Decoder.Decode: buffer %d for a body of %d (%v); the premise of the test fails", whole, len(body), err)
	}
	small, err := doJSON[diffInner](context.Background(), c, http.MethodGet, "/big?small=1", nil, nil)
	var want diffInner
	if uerr := json.Unmarshal([]byte(smallBody), &want); err != nil || uerr != nil || !reflect.DeepEqual(*small, want) {
		t.Errorf("with a Content-Length: %v, %v, a different value", err, uerr)
	}
}
