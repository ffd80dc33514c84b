package randtext

import (
	"slices"
	"strings"
	"testing"
)

// TestTexts: the fixed texts come first, n more follow, each made of at
// most maxParts pieces, and the same seed gives the same texts.
func TestTexts(t *testing.T) {
	got := Texts(1, []string{"ab", "c"}, 3, 500, "x", "y")
	if len(got) != 502 || got[0] != "x" || got[1] != "y" {
		t.Fatalf("Texts = %d texts starting %q, want 502 starting x, y", len(got), got[:2])
	}
	lengths := map[int]bool{}
	for _, s := range got[2:] {
		if n := strings.Count(s, "ab") + strings.Count(s, "c"); n > 3 {
			t.Errorf("%q has %d pieces, want at most 3", s, n)
		}
		lengths[len(s)] = true
	}
	if len(lengths) < 4 {
		t.Errorf("the texts have %d distinct lengths; they are not random", len(lengths))
	}
	if again := Texts(1, []string{"ab", "c"}, 3, 500, "x", "y"); !slices.Equal(got, again) {
		t.Error("the same seed gave other texts")
	}
}
