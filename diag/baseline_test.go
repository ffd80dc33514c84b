package diag

import (
	"bytes"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	a := Diagnostic{Code: "page-too-large", Message: "page is 1200 bytes, over the limit of  1000"}
	b := Diagnostic{Code: "page-too-large", Message: "page is 99 bytes, over the limit of 7"}
	if Key(a) != Key(b) || Key(a) != "page is # bytes, over the limit of #" {
		t.Errorf("keys %q and %q", Key(a), Key(b))
	}
	c := Diagnostic{Message: "property a of b"}
	d := Diagnostic{Message: "property c of b"}
	if Key(c) == Key(d) {
		t.Error("findings about different subjects share a key")
	}
}

// TestBaseline: a baseline written from a list matches that list with
// lines moved, knows duplicates by count, tells fresh findings, and
// reports the entries no finding matched.
func TestBaseline(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "v/b.md", Line: 3}, "type-conflict", "property x: says %d", 1)
	l.Warnf(Pos{File: "v/a.md", Line: 9}, "operation-name", "name N")
	l.Warnf(Pos{File: "v/a.md", Line: 12}, "operation-name", "name N")
	var buf bytes.Buffer
	if err := NewBaseline(l).Write(&buf); err != nil {
		t.Fatal(err)
	}
	want := `{"code":"operation-name","page":"v/a.md","key":"name N","count":2}
{"code":"type-conflict","page":"v/b.md","key":"property x: says #"}
`
	if buf.String() != want {
		t.Errorf("baseline file:\n%s\nwant\n%s", buf.String(), want)
	}
	b, err := ReadBaseline(strings.NewReader("# known\n\n" + buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	// The same findings on other lines, one of the duplicates fixed, a new
	// one, and the same message on another page (which is new).
	var now List
	now.Warnf(Pos{File: "v/b.md", Line: 40}, "type-conflict", "property x: says %d", 2)
	now.Warnf(Pos{File: "v/a.md", Line: 1}, "operation-name", "name N")
	now.Warnf(Pos{File: "v/a.md", Line: 2}, "type-conflict", "property y")
	now.Warnf(Pos{File: "v/c.md", Line: 3}, "operation-name", "name N")
	fresh, known, stale := b.Match(now)
	if len(known) != 2 || len(fresh) != 2 || fresh[0].Message != "property y" || fresh[1].Pos.File != "v/c.md" {
		t.Errorf("fresh %v, known %v", fresh, known)
	}
	if len(stale) != 1 || stale[0].Code != "operation-name" || stale[0].Count != 1 {
		t.Errorf("stale %v", stale)
	}
	for _, bad := range []string{"{", `{"page":"a.md"}`, `{"code":"x","count":-1}`} {
		if _, err := ReadBaseline(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadBaseline(%q) accepted it", bad)
		}
	}
}

func TestFilter(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "v1.0/api/user-get.md"}, Code: "type-conflict"}
	tests := []struct {
		f    Filter
		want bool
	}{
		{Filter{}, true},
		{Filter{OnlyCodes: []string{"type-conflict"}}, true},
		{Filter{OnlyCodes: []string{"operation-name"}}, false},
		{Filter{SkipCodes: []string{"type-conflict"}}, false},
		{Filter{Paths: []string{"v1.0/api/user-*"}}, true},
		{Filter{Paths: []string{"v1.0/api"}}, true},
		{Filter{Paths: []string{"v1.0/resources"}}, false},
		{Filter{Paths: []string{"docs/v1.0/api/*.md"}}, true}, // the shown path
		{Filter{Paths: []string{"*.md"}}, false},
	}
	for _, tt := range tests {
		if got := tt.f.Match(d, "docs/v1.0/api/user-get.md"); got != tt.want {
			t.Errorf("%+v: Match = %v", tt.f, got)
		}
	}
	l := Filter{SkipCodes: []string{"x"}}.Apply(List{{Code: "x"}, {Code: "y"}}, nil)
	if len(l) != 1 || l[0].Code != "y" {
		t.Errorf("Apply = %v", l)
	}
}

func TestJSON(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "v/a.md", Line: 3, Col: 4}, Severity: Info, Code: "c", Message: "line 12 moved"}
	want := JSON{File: "docs/v/a.md", Page: "v/a.md", Line: 3, Col: 4, Severity: "info", Code: "c", Message: "line 12 moved", Key: "line # moved"}
	if got := d.JSON("docs/v/a.md"); got != want {
		t.Errorf("JSON = %+v", got)
	}
	if got := d.JSON(""); got.File != "v/a.md" {
		t.Errorf("JSON without a path shows %q", got.File)
	}
}
