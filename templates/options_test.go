package templates

import (
	"net/http"
	"net/url"
	"testing"
)

func TestRequestOptionsQuery(t *testing.T) {
	tests := []struct {
		name string
		opts []RequestOption
		want string
	}{
		{"none", nil, ""},
		{"select", []RequestOption{WithSelect("id", "displayName")}, "$select=id%2CdisplayName"},
		{"filter", []RequestOption{WithFilter("startswith(displayName,'a b')")}, "$filter=startswith%28displayName%2C%27a%20b%27%29"},
		{"top skip", []RequestOption{WithTop(5), WithSkip(10)}, "$skip=10&$top=5"},
		{"expand", []RequestOption{WithExpand("manager", "memberOf")}, "$expand=manager%2CmemberOf"},
		{"orderby", []RequestOption{WithOrderBy("displayName desc")}, "$orderby=displayName%20desc"},
		{"search", []RequestOption{WithSearch(`"displayName:foo"`)}, "$search=%22displayName%3Afoo%22"},
		{"count", []RequestOption{WithCount(false)}, "$count=false"},
		{"query", []RequestOption{WithQuery("a+b", "c&d=$e")}, "a%2Bb=c%26d%3D$e"},
		{"last wins", []RequestOption{WithTop(1), WithTop(2)}, "$top=2"},
		{"sorted", []RequestOption{WithQuery("z", "1"), WithSelect("id"), WithQuery("a", "2")}, "$select=id&a=2&z=1"},
		{"nil option", []RequestOption{nil, WithTop(3)}, "$top=3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := newRequestConfig(tt.opts)
			got := encodeQuery(cfg.query)
			if got != tt.want {
				t.Errorf("encodeQuery = %q, want %q", got, tt.want)
			}
			// Whatever the encoding, it must decode to the same values.
			back, err := url.ParseQuery(got)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", got, err)
			}
			if back.Encode() != cfg.query.Encode() {
				t.Errorf("query decodes to %v, want %v", back, cfg.query)
			}
		})
	}
}

func TestRequestOptionsHeader(t *testing.T) {
	cfg := newRequestConfig([]RequestOption{
		WithCount(true),
		WithHeader("prefer", "outlook.timezone=\"UTC\""),
		WithHeader("Prefer", "return=minimal"),
	})
	want := http.Header{
		"Consistencylevel": {"eventual"},
		"Prefer":           {"return=minimal"},
	}
	if len(cfg.header) != len(want) {
		t.Fatalf("header = %v, want %v", cfg.header, want)
	}
	for k, v := range want {
		if got := cfg.header.Get(k); got != v[0] {
			t.Errorf("header %s = %q, want %q", k, got, v[0])
		}
	}
	if got := encodeQuery(cfg.query); got != "$count=true" {
		t.Errorf("query = %q, want $count=true", got)
	}
	if cfg := newRequestConfig([]RequestOption{WithCount(false)}); len(cfg.header) != 0 {
		t.Errorf("WithCount(false) set headers %v", cfg.header)
	}
}
