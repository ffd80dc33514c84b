package templates

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Reference is the body of a $ref operation, such as adding a member to a
// group (POST /groups/{id}/members/$ref): it names the resource the
// relationship is to point to, and is sent as
//
//	{"@odata.id": "<service root>/<path>"}
//
// Make one with RefTo from the resource's path segments, or with RefURL
// from the URL of the resource. The zero Reference names nothing, and a
// call with it fails before anything is sent.
type Reference struct {
	// segments are the path segments of RefTo, unescaped.
	segments []string
	// url is the URL of RefURL.
	url string
	// byURL tells RefURL's references from RefTo's.
	byURL bool
}

// RefTo returns a reference to the resource at the path made of segments
// under the service root of the Client that sends it: RefTo("users", id)
// is sent as {"@odata.id": "https://graph.microsoft.com/v1.0/users/<id>"}
// by a Client whose base URL is "https://graph.microsoft.com/v1.0". Each
// segment is escaped as one path segment, so an ID cannot add segments;
// an empty, "." or ".." segment is an error when the call is made.
func RefTo(segments ...string) Reference {
	return Reference{segments: append([]string(nil), segments...)}
}

// RefURL returns a reference to the resource at the absolute URL u, such
// as the "@odata.id" of a resource the service returned. The call that
// sends it fails before anything is sent unless u is at the origin of the
// Client's base URL or of an origin WithAllowedHosts allows (see Client):
// a reference names a resource of the service the Client is built for.
func RefURL(u string) Reference {
	return Reference{url: u, byURL: true}
}

// String returns the reference as RefTo or RefURL made it, such as
// "users/8a7b" or "https://graph.microsoft.com/v1.0/users/8a7b"; the URL a
// Client sends depends on its base URL.
func (r Reference) String() string {
	if r.byURL {
		return r.url
	}
	return strings.Join(r.segments, "/")
}

// referenceBody is what a Reference is sent as.
type referenceBody struct {
	ID string `json:"@odata.id"`
}

// resolveReference returns the body that sends r: its "@odata.id" is the
// base URL joined with r's escaped segments, or r's URL once the link
// policy allows it (see linkRefusal).
func (c *Client) resolveReference(r Reference) (*referenceBody, error) {
	if r.byURL {
		u, err := url.Parse(r.url)
		if err != nil {
			return nil, fmt.Errorf("the reference %q does not parse: %w", r.url, err)
		}
		if reason := c.linkRefusal(u); reason != "" {
			return nil, fmt.Errorf("the reference %q is refused: %s", r.url, reason)
		}
		return &referenceBody{ID: u.String()}, nil
	}
	if len(r.segments) == 0 {
		return nil, errors.New("the reference names no resource: make it with RefTo or RefURL")
	}
	var b strings.Builder
	b.WriteString(c.baseURL)
	for i, seg := range r.segments {
		if seg == "" || seg == "." || seg == ".." {
			return nil, fmt.Errorf("segment %d of the reference is %q: a reference segment must not be empty, \".\" or \"..\"", i+1, seg)
		}
		b.WriteByte('/')
		b.WriteString(pathSegment(seg))
	}
	return &referenceBody{ID: b.String()}, nil
}
