package diag

import (
	"testing"

	_ "github.com/docgen-dev/docgen/internal/golden"
)

func TestPos(t *testing.T) {
	p := Pos{File: "a.md", Line: 10, Col: 3}
	tests := []struct {
		got  Pos
		want string
	}{
		{p, "a.md:10:3"},
		{Pos{File: "a.md", Line: 4}, "a.md:4"},
		{Pos{File: "a.md"}, "a.md"},
		{p.Within(1, 5), "a.md:10:7"},
		{p.Within(3, 2), "a.md:12:2"},
	}
	for _, tt := range tests {
		if tt.got.String() != tt.want {
			t.Errorf("got %s, want %s", tt.got, tt.want)
		}
	}
	if p.Compare(Pos{File: "a.md", Line: 10, Col: 4}) >= 0 || p.Compare(p) != 0 {
		t.Error("Compare is wrong")
	}
}

func TestList(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "b.md", Line: 2}, "x", "second %d", 2)
	l.Errorf(Pos{File: "a.md", Line: 9}, "y", "first")
	if l.HasErrors() != true {
		t.Error("HasErrors = false")
	}
	l.Sort()
	if l[0].Code != "y" || l[1].String() != "b.md:2: second 2 [x]" || l[0].String() != "a.md:9: error: first [y]" {
		t.Errorf("sorted = %v", l)
	}
}
