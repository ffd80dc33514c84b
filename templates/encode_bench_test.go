package templates

import (
	"encoding/json"
	"strings"
	"testing"
)

// The encoding benchmarks compare json.Marshal of values holding Refs, which
// calls the outermost Refs' MarshalJSON, with json.Marshal of the same data
// decoded into the concrete types (the floor), on the data of the decoding
// benchmarks.

// benchEncode decodes data into ref and into concrete, and runs one
// sub-benchmark encoding each with json.Marshal, and one ("direct")
// encoding ref with encodePoly, as a caller that knows the value holds Refs
// could, without the pass encoding/json makes over the output of the
// outermost MarshalJSON.
func benchEncode(b *testing.B, data []byte, ref, concrete any) {
	for _, c := range []struct {
		name   string
		v      any
		encode func(any) ([]byte, error)
	}{{"ref", ref, json.Marshal}, {"concrete", concrete, json.Marshal}, {"direct", ref, encodePoly}} {
		if err := json.Unmarshal(data, c.v); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.encode(c.v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPolyEncodeEntity encodes one polymorphic entity.
func BenchmarkPolyEncodeEntity(b *testing.B) {
	var s strings.Builder
	writeUser(&s, 1)
	benchEncode(b, []byte(s.String()), new(testDirectoryObjectRef), new(concreteUser))
}

// BenchmarkPolyEncodePage encodes a collection page of 100 polymorphic
// members.
func BenchmarkPolyEncodePage(b *testing.B) {
	benchEncode(b, userPage(100), new(benchPage[testDirectoryObjectRef]), new(benchPage[concreteUser]))
}
