package parser

import (
	"strings"
	"testing"
)

// TestResponseProse reads the forms of the Response section's sentence:
// a collection before or after the link, a single resource, 204 with no
// link, links that are not resource pages, and sentences that say no
// "return".
func TestResponseProse(t *testing.T) {
	for _, tc := range []struct {
		prose, typ string
		status     int
		coll, none bool
	}{
		{prose: "If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.", typ: "user", status: 200, coll: true},
		{prose: "If successful, this method returns a `200 OK` response code and a list of [subscription](../resources/subscription.md) objects.", typ: "subscription", status: 200, coll: true},
		{prose: "This method returns the [shelf](../resources/shelf.md) collection.", typ: "shelf", coll: true},
		{prose: "If successful, this method returns a `201 Created` response code and a [user](../resources/user.md) object in the response body.", typ: "user", status: 201},
		{prose: "If successful, this method returns `204 No Content`. See [paging](/graph/paging).", status: 204},
		{prose: "If successful, this method returns the [driveItem][item-resource] resource.\n\n[item-resource]: ../resources/driveitem.md", typ: "driveItem"},
		// A link before the status is not found inside a word after it.
		{prose: "For [re](../resources/re.md) requests, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object.", typ: "widget", status: 200},
		{prose: "Read the [overview](../concepts/overview.md) first.", none: true},
		{prose: "The [user](../resources/user.md) object is in the response body.", none: true},
	} {
		src := "# T\n\n## HTTP request\n\n```http\nGET /x\n```\n\n## Response\n\n" + tc.prose + "\n"
		rp := New().Parse("x.md", []byte(src)).ResponseProse
		if tc.none {
			if rp != nil {
				t.Errorf("%q: read %+v, want nothing", tc.prose, rp)
			}
			continue
		}
		if rp == nil {
			t.Errorf("%q: read nothing", tc.prose)
			continue
		}
		typ := ""
		if rp.Type != nil {
			typ = rp.Type.Text
		}
		if typ != tc.typ || rp.Status != tc.status || rp.Collection != tc.coll {
			t.Errorf("%q: read type %q status %d collection %v, want %q %d %v", tc.prose, typ, rp.Status, rp.Collection, tc.typ, tc.status, tc.coll)
		}
	}
}

// TestResponseProseLinkCap: a sentence's result is looked for among its
// first 8 resource links only (maxProseLinks), so that a hostile paragraph of
// many links is not scanned once per link.
func TestResponseProseLinkCap(t *testing.T) {
	sentence := func(before int) string {
		var b strings.Builder
		for i := range before {
			b.WriteString("[r" + string(rune('a'+i)) + "](../resources/r.md) ")
		}
		b.WriteString("returns a `200 OK` response code and a [widget](../resources/widget.md) object.")
		return b.String()
	}
	parse := func(s string) *ResponseProse {
		return New().Parse("x.md", []byte("# T\n\n## Response\n\n"+s+"\n")).ResponseProse
	}
	// The link texts "ra" to "rh" are not words of the sentence ("re" is
	// in "response" only as part of a word).
	if rp := parse(sentence(7)); rp == nil || rp.Type == nil || rp.Type.Text != "widget" {
		t.Errorf("7 links before the result: %+v, want widget", rp)
	}
	if rp := parse(sentence(8)); rp == nil || rp.Type != nil || rp.Status != 200 {
		t.Errorf("8 links before the result: %+v, want status 200 and no type", rp)
	}
}
