package templates

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestMembersRoundTrip shows that undeclared members, on a base type and on
// a derived one (through the embedded base), are decoded and re-encoded
// losslessly, so the re-encoded JSON equals the input.
func TestMembersRoundTrip(t *testing.T) {
	for _, in := range []string{
		`{"name":"a","x-ext":{"deep":[1,2,{"k":null}]},"count@odata.count":3}`,
		`{"name":"rex","barks":true,"unknownList":["a","b"],"weird\"key":"\u00e9"}`,
	} {
		var dog testDog
		if err := polyUnmarshal([]byte(in), &dog); err != nil {
			t.Fatal(err)
		}
		out, err := encodePoly(&dog)
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, in, string(out)) {
			t.Errorf("round trip of %s gave %s", in, out)
		}
	}
}

// TestMembersWrites shows Null, Bind and BindAll, that a set declared field
// wins over a member of the same name, and that an omitted one lets the
// member (an explicit null) through.
func TestMembersWrites(t *testing.T) {
	var a testAnimal
	a.OtherMembers.Null("name")
	a.OtherMembers.BindAll("members", "https://g/users/1", "https://g/users/2")
	a.OtherMembers.Bind("owner", "https://g/users/3")
	out, err := encodePoly(&a)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":null,"members@odata.bind":["https://g/users/1","https://g/users/2"],"owner@odata.bind":"https://g/users/3"}`
	if !jsonEqual(t, want, string(out)) {
		t.Errorf("got %s, want %s", out, want)
	}
	a.Name = Ptr("set")
	out, err = encodePoly(&a)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	if m["name"] != "set" {
		t.Errorf("set field lost to member: %s", out)
	}
	a.OtherMembers["bad"] = json.RawMessage("{")
	if _, err := encodePoly(&a); err == nil {
		t.Error("invalid raw member encoded without error")
	}
}

func jsonEqual(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(x, y)
}
