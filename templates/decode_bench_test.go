package templates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The decoding benchmarks compare decodePoly, reached the way the client
// reaches it (encoding/json calling the outermost Ref's UnmarshalJSON), with
// json.Unmarshal of the same bytes into concrete types: the same structs
// with the concrete types in place of the Ref wrappers.

type (
	// concreteUser is testUser without Refs.
	concreteUser struct {
		testDirectoryObject
		AccountEnabled  *bool                 `json:"accountEnabled,omitempty"`
		BusinessPhones  []string              `json:"businessPhones,omitzero"`
		DisplayName     *string               `json:"displayName,omitempty"`
		GivenName       *string               `json:"givenName,omitempty"`
		Mail            *string               `json:"mail,omitempty"`
		UserType        *testUserType         `json:"userType,omitempty"`
		Birthday        *Date                 `json:"birthday,omitempty"`
		WorkStart       *TimeOfDay            `json:"workStart,omitempty"`
		NoticePeriod    *Duration             `json:"noticePeriod,omitempty"`
		CreatedDateTime *time.Time            `json:"createdDateTime,omitempty"`
		Quota           *int64                `json:"quota,omitempty"`
		Score           *float64              `json:"score,omitempty"`
		Photo           []byte                `json:"photo,omitzero"`
		Extensions      json.RawMessage       `json:"extensions,omitempty"`
		Licenses        []json.RawMessage     `json:"licenses,omitzero"`
		Address         *testUserAddress      `json:"address,omitempty"`
		OtherAddresses  []testUserAddress     `json:"otherAddresses,omitzero"`
		LogonCounts     []int32               `json:"logonCounts,omitzero"`
		Manager         *testDirectoryObject  `json:"manager,omitempty"`
		MemberOf        []testDirectoryObject `json:"memberOf,omitzero"`
	}
	// concreteGroup is testGroup with groups as members and users as
	// owners, which is what the benchmark data holds.
	concreteGroup struct {
		testDirectoryObject
		Description     *string         `json:"description,omitempty"`
		DisplayName     *string         `json:"displayName,omitempty"`
		GroupTypes      []string        `json:"groupTypes,omitzero"`
		MailEnabled     *bool           `json:"mailEnabled,omitempty"`
		SecurityEnabled *bool           `json:"securityEnabled,omitempty"`
		CreatedDateTime *time.Time      `json:"createdDateTime,omitempty"`
		MemberCount     *int32          `json:"memberCount,omitempty"`
		Members         []concreteGroup `json:"members,omitzero"`
		Owners          []concreteUser  `json:"owners,omitzero"`
	}
	// benchPage is a collection page, as the client decodes one.
	benchPage[T any] struct {
		Value    []T    `json:"value"`
		NextLink string `json:"@odata.nextLink"`
	}
)

// writeUser writes a documented-shaped user with the id n.
func writeUser(b *strings.Builder, n int) {
	fmt.Fprintf(b, `{"@odata.type":"#microsoft.graph.user","id":"u-%d","accountEnabled":true,`+
		`"businessPhones":["+1 425 555 0100"],"displayName":"Adele Vance \u00e9 %d","givenName":"Adele",`+
		`"mail":"AdeleV%d@contoso.com","userType":"Member","birthday":"1990-04-01","workStart":"08:30:00",`+
		`"noticePeriod":"P30D","createdDateTime":"2021-07-01T09:30:00Z","quota":1073741824,"score":4.5,`+
		`"photo":"iVBORw0KGgo=","extensions":{"k":[1,2,{"x":null}]},"licenses":[{"skuId":"c7df2760"}],`+
		`"address":{"city":"Redmond","postalCode":"98052","streetLines":["1 Microsoft Way"]},`+
		`"logonCounts":[1,2,3]}`, n, n, n)
}

// nestedGroups returns a group whose members hold a group whose members hold
// a group ..., depth groups in all, each with owners users.
func nestedGroups(depth, owners int) []byte {
	var b strings.Builder
	n := 0
	for d := range depth {
		fmt.Fprintf(&b, `{"@odata.type":"#microsoft.graph.group","id":"g-%d","description":"Level %d of the tree",`+
			`"displayName":"Group %d","groupTypes":["Unified"],"mailEnabled":true,"securityEnabled":false,`+
			`"createdDateTime":"2021-07-01T09:30:00Z","memberCount":%d,"owners":[`, d, d, d, owners+1)
		for o := range owners {
			if o > 0 {
				b.WriteByte(',')
			}
			writeUser(&b, n)
			n++
		}
		b.WriteString(`],"members":[`)
	}
	for range depth {
		b.WriteString(`]}`)
	}
	return []byte(b.String())
}

// userPage returns a collection page of n users.
func userPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"value":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		writeUser(&b, i)
	}
	b.WriteString(`],"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=X"}`)
	return []byte(b.String())
}

// benchDecode runs one Ref and one concrete sub-benchmark on data.
func benchDecode(b *testing.B, data []byte, ref, concrete func() any) {
	for _, c := range []struct {
		name string
		new  func() any
	}{{"ref", ref}, {"concrete", concrete}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := json.Unmarshal(data, c.new()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPolyNested decodes nested groups: polymorphic values holding
// collections of polymorphic values.
func BenchmarkPolyNested(b *testing.B) {
	for _, depth := range []int{1, 1000} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			benchDecode(b, nestedGroups(depth, 1),
				func() any { return new(testDirectoryObjectRef) },
				func() any { return new(concreteGroup) })
		})
	}
}

// BenchmarkPolyEntity decodes one entity.
func BenchmarkPolyEntity(b *testing.B) {
	var s strings.Builder
	writeUser(&s, 1)
	benchDecode(b, []byte(s.String()),
		func() any { return new(testDirectoryObjectRef) },
		func() any { return new(concreteUser) })
}

// BenchmarkPolyPage decodes a collection page of 100 polymorphic members.
func BenchmarkPolyPage(b *testing.B) {
	benchDecode(b, userPage(100),
		func() any { return new(benchPage[testDirectoryObjectRef]) },
		func() any { return new(benchPage[concreteUser]) })
}

// BenchmarkPolyEncodeNested encodes the nested groups again (MarshalJSON
// of nested Refs, which encodePoly makes linear in depth), against
// json.Marshal of the concrete values.
func BenchmarkPolyEncodeNested(b *testing.B) {
	for _, depth := range []int{1, 1000} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			benchEncode(b, nestedGroups(depth, 1), new(testDirectoryObjectRef), new(concreteGroup))
		})
	}
}

// TestBenchmarkDataDecodesAlike checks that the benchmarks compare the same
// work: the Ref and the concrete decoding of their data encode back to the
// same JSON, which is the input up to key order.
func TestBenchmarkDataDecodesAlike(t *testing.T) {
	for _, c := range []struct {
		name     string
		data     []byte
		ref      any
		concrete any
	}{
		{"nested", nestedGroups(3, 2), new(testDirectoryObjectRef), new(concreteGroup)},
		{"page", userPage(3), new(benchPage[testDirectoryObjectRef]), new(benchPage[concreteUser])},
	} {
		if err := json.Unmarshal(c.data, c.ref); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if err := json.Unmarshal(c.data, c.concrete); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		r, err1 := json.Marshal(c.ref)
		k, err2 := json.Marshal(c.concrete)
		if err1 != nil || err2 != nil || !bytes.Equal(r, k) {
			t.Errorf("%s: Ref and concrete decodings differ:\n%s\n%s\n%v %v", c.name, r, k, err1, err2)
		}
		var in, out any
		_ = json.Unmarshal(c.data, &in)
		_ = json.Unmarshal(r, &out)
		if fmt.Sprint(in) != fmt.Sprint(out) {
			t.Errorf("%s: decoding lost data:\n%v\n%v", c.name, in, out)
		}
	}
}
