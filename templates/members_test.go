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
)

// userWithUnknowns is a user whose every level holds members testUser's
// types do not declare: at the top, in a complex value (address), in a
// polymorphic value (manager), in a collection of polymorphic values
// (memberOf) and in a collection of complex values (otherAddresses).
const userWithUnknowns = `{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Ada",` +
	`"address":{"city":"Paris","zz":[1,{"a":null}],"floor":3},` +
	`"otherAddresses":[{"city":"Lyon","note":"old"}],` +
	`"manager":{"@odata.type":"#microsoft.graph.group","id":"g1","memberCount":2,"visibility":"Private"},` +
	`"memberOf":[{"@odata.type":"#microsoft.graph.user","id":"u2","extension_1_x":"y"},{"id":"d3","extra":{"deep":true}}],` +
	`"ext_attr":{"k":"v <&>"},"aaa":false}`

// sameJSON reports whether a and b are the same JSON value.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatalf("%v: %s", err, a)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return reflect.DeepEqual(x, y)
}

func TestUnknownMembersRoundTrip(t *testing.T) {
	var u testUser
	if err := Unmarshal([]byte(userWithUnknowns), &u); err != nil {
		t.Fatal(err)
	}
	if got, _ := u.Extra.Get("ext_attr"); string(got) != `{"k":"v <&>"}` {
		t.Errorf("ext_attr = %s", got)
	}
	if got := u.Address.Extra.Names(); !reflect.DeepEqual(got, []string{"floor", "zz"}) {
		t.Errorf("address members = %v", got)
	}
	if g, ok := u.Manager.TestDirectoryObjectClass.(*testGroup); !ok || g.Extra.Len() != 1 {
		t.Errorf("manager = %#v", u.Manager.TestDirectoryObjectClass)
	}
	out, err := Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	if !sameJSON(t, out, []byte(userWithUnknowns)) {
		t.Errorf("re-encoded\n%s\nwant\n%s", out, userWithUnknowns)
	}
	// Declared members first, then the others in sorted order.
	if !bytes.HasSuffix(out, []byte(`"memberOf":[{"@odata.type":"#microsoft.graph.user","id":"u2","extension_1_x":"y"},{"id":"d3","extra":{"deep":true}}],"aaa":false,"ext_attr":{"k":"v \u003c\u0026\u003e"}}`)) {
		t.Errorf("order of members: %s", out)
	}
	// json.Unmarshal and json.Marshal of the struct itself do not see the
	// top-level members (those of Refs they do).
	var plain testUser
	if err := json.Unmarshal([]byte(userWithUnknowns), &plain); err != nil {
		t.Fatal(err)
	}
	if plain.Extra.Len() != 0 || plain.Address.Extra.Len() != 0 {
		t.Errorf("json.Unmarshal filled Extra: %v %v", plain.Extra.Names(), plain.Address.Extra.Names())
	}
	if b, _ := json.Marshal(&u); bytes.Contains(b, []byte("ext_attr")) {
		t.Errorf("json.Marshal wrote Extra: %s", b)
	}
}

func TestUnknownMembersStreamed(t *testing.T) {
	var u testUser
	if err := streamDecode(json.NewDecoder(strings.NewReader(userWithUnknowns)), &u); err != nil {
		t.Fatal(err)
	}
	if u.Extra.Len() != 2 || u.Address.Extra.Len() != 2 || u.OtherAddresses[0].Extra.Len() != 1 {
		t.Errorf("members: %v %v %v", u.Extra.Names(), u.Address.Extra.Names(), u.OtherAddresses[0].Extra.Names())
	}
	out, err := Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	if !sameJSON(t, out, []byte(userWithUnknowns)) {
		t.Errorf("re-encoded\n%s", out)
	}
}

// TestClientKeepsUnknownMembers decodes through each path of the client:
// a small entity (read whole), a large or chunked one (streamed), and
// collection items; then sends one back, as a GET, change, PATCH does.
func TestClientKeepsUnknownMembers(t *testing.T) {
	var rec recorder
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		switch r.URL.Path {
		case "/v1.0/small":
			_, _ = io.WriteString(w, userWithUnknowns)
		case "/v1.0/chunked":
			_, _ = io.WriteString(w, userWithUnknowns[:20])
			w.(http.Flusher).Flush() // no Content-Length: streamed
			_, _ = io.WriteString(w, userWithUnknowns[20:])
		case "/v1.0/list":
			_, _ = io.WriteString(w, `{"value":[`+userWithUnknowns+`]}`)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	})
	ctx := context.Background()
	for _, path := range []string{"/small", "/chunked"} {
		u, err := doJSON[testUser](ctx, c, http.MethodGet, path, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if u.Extra.Len() != 2 || u.Address.Extra.Len() != 2 {
			t.Errorf("%s: members %v %v", path, u.Extra.Names(), u.Address.Extra.Names())
		}
	}
	var items []testUser
	for u, err := range doCollection[testUser](ctx, c, http.MethodGet, "/list", nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, u)
	}
	if len(items) != 1 || items[0].Extra.Len() != 2 {
		t.Fatalf("collection items %+v", items)
	}
	u := items[0]
	name := "Grace"
	u.DisplayName = &name
	if err := doNoContent(ctx, c, http.MethodPatch, "/users/u1", &u, nil); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	sent := reqs[len(reqs)-1].Body
	want := strings.Replace(userWithUnknowns, `"Ada"`, `"Grace"`, 1)
	if !sameJSON(t, []byte(sent), []byte(want)) {
		t.Errorf("PATCH sent\n%s\nwant\n%s", sent, want)
	}
	if !strings.Contains(sent, `"ext_attr":{"k":"v <&>"}`) {
		t.Errorf("request body escapes HTML or lost a member: %s", sent)
	}
}

func TestMembersSetGetDelete(t *testing.T) {
	var m Members
	if m.Len() != 0 {
		t.Fatal("zero Members holds something")
	}
	if err := m.Set("b", map[string]int{"x": 1}); err != nil {
		t.Fatal(err)
	}
	if err := m.Set("a", json.RawMessage(` [1, 2] `)); err != nil {
		t.Fatal(err)
	}
	if err := m.Set("bad", json.RawMessage(`{`)); err == nil {
		t.Error("Set took invalid JSON")
	}
	if got, ok := m.Get("a"); !ok || string(got) != `[1,2]` {
		t.Errorf("Get(a) = %s, %v", got, ok)
	}
	if got := m.Names(); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Names = %v", got)
	}
	m.Delete("a")
	if _, ok := m.Get("a"); ok || m.Len() != 1 {
		t.Errorf("Delete left %v", m.Names())
	}
	a := testAnimal{Extra: m}
	out, err := Marshal(a)
	if err != nil || string(out) != `{"b":{"x":1}}` {
		t.Errorf("Marshal = %s, %v", out, err)
	}
}

func TestSetNull(t *testing.T) {
	var u testUser
	if err := SetNull(&u, &u.DisplayName); err != nil {
		t.Fatal(err)
	}
	if err := SetNull(&u, &u.ID); err != nil { // promoted from testEntity
		t.Fatal(err)
	}
	out, err := Marshal(&u)
	if err != nil || string(out) != `{"displayName":null,"id":null}` {
		t.Errorf("Marshal = %s, %v", out, err)
	}
	name := "Ada"
	u.DisplayName = &name
	out, _ = Marshal(&u)
	if string(out) != `{"displayName":"Ada","id":null}` {
		t.Errorf("after setting the field: %s", out)
	}
	var other *string
	var s struct{ A *string }
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"pointer to another variable", SetNull(&u, &other)},
		{"field of a nested struct", SetNull(&u, &u.Address)}, // u.Address is nil: pointer to the field is fine
		{"nil struct", SetNull[testUser, *string](nil, &u.DisplayName)},
		{"nil field", SetNull[testUser, *string](&u, nil)},
		{"struct without Members", SetNull(&s, &s.A)},
		{"not a struct", SetNull(&name, &name)},
		{"json:\"-\" field", SetNull(&u, &u.Extra)},
	} {
		if tc.name == "field of a nested struct" {
			if tc.err != nil {
				t.Errorf("%s: %v", tc.name, tc.err)
			}
			continue
		}
		if tc.err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	u.Address = &testUserAddress{}
	if err := SetNull(&u, &u.Address.City); err == nil {
		t.Error("SetNull took a field of a value u only points to")
	}
	if err := SetNull(u.Address, &u.Address.City); err != nil {
		t.Errorf("SetNull on the address itself: %v", err)
	}
}

func TestBind(t *testing.T) {
	var g testGroup
	if err := Bind(&g, &g.Members, RefTo("directoryObjects", "a"), RefURL("https://graph.microsoft.com/v1.0/directoryObjects/b")); err != nil {
		t.Fatal(err)
	}
	var u testUser
	if err := Bind(&u, &u.Manager, RefTo("users", "m")); err != nil {
		t.Fatal(err)
	}
	if _, err := Marshal(&g); !errors.Is(err, errBindNeedsClient) {
		t.Errorf("Marshal of a bind: %v", err)
	}
	for name, err := range map[string]error{
		"two refs, single-valued": Bind(&u, &u.Manager, RefTo("users", "m"), RefTo("users", "n")),
		"no ref, single-valued":   Bind(&u, &u.Manager),
		"zero reference":          Bind(&g, &g.Owners, RefTo("users", "o"), Reference{}),
		"not a field":             Bind(&g, new([]testDirectoryObjectRef)),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	var rec recorder
	c, srv := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		w.WriteHeader(http.StatusNoContent)
	})
	ctx := context.Background()
	if err := doNoContent(ctx, c, http.MethodPost, "/groups", &g, nil); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("bind to another host: %v", err) // graph.microsoft.com is not the test server
	}
	if err := Bind(&g, &g.Members, RefTo("directoryObjects", "a/b"), RefURL(srv.URL+"/v1.0/directoryObjects/c")); err != nil {
		t.Fatal(err)
	}
	if err := doNoContent(ctx, c, http.MethodPost, "/groups", &g, nil); err != nil {
		t.Fatal(err)
	}
	if err := doNoContent(ctx, c, http.MethodPatch, "/users/u", &u, nil); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (the refused one is not sent)", len(reqs))
	}
	if want := `{"members@odata.bind":["` + srv.URL + `/v1.0/directoryObjects/a%2Fb","` + srv.URL + `/v1.0/directoryObjects/c"]}` + "\n"; reqs[0].Body != want {
		t.Errorf("group body %s, want %s", reqs[0].Body, want)
	}
	if want := `{"manager@odata.bind":"` + srv.URL + `/v1.0/users/m"}` + "\n"; reqs[1].Body != want {
		t.Errorf("user body %s, want %s", reqs[1].Body, want)
	}
}

func TestPolyUnescapeHTML(t *testing.T) {
	for in, want := range map[string]string{
		`"a\u003cb\u003e\u0026"`: `"a<b>&"`,
		`"\\u003c"`:              `"\\u003c"`,
		`"\\\u0026\n\u2028"`:     `"\\&\n\u2028"`,
		`{"x":1}`:                `{"x":1}`,
	} {
		if got := polyUnescapeHTML([]byte(in)); string(got) != want {
			t.Errorf("polyUnescapeHTML(%s) = %s, want %s", in, got, want)
		}
	}
}
