package corpus

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDocComments measures the descriptions that become the doc comments of
// the generated types and operations, on both corpus versions: none carries
// markdown, none is the docs' "Not yet documented" placeholder, and no more
// than a floor end mid-sentence.
func TestDocComments(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	// Floors: descriptions that end without a sentence's punctuation, as
	// the docs write them ("Bypass activation lock"). Before the page's own
	// text was preferred to the front matter, v1.0 had 607 (125 with
	// markdown, 100 placeholders) and beta 1,520 (210, 386).
	floors := map[string]int{"v1.0": 174, "beta": 652}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			_, m := buildCorpus(t, filepath.Join(corpusRoot, v), nil)
			var descs, markdown, placeholder, unfinished int
			check := func(what, d string) {
				if d == "" {
					return
				}
				descs++
				if strings.Contains(d, "**") || strings.Contains(d, "](") {
					markdown++
					t.Errorf("%s: description holds markdown: %q", what, d)
				}
				if strings.EqualFold(strings.TrimRight(d, "."), "not yet documented") {
					placeholder++
					t.Errorf("%s: description is the docs' placeholder %q", what, d)
				}
				if !strings.ContainsAny(d[len(d)-1:], ".!?:)\"'") {
					unfinished++
				}
			}
			members := 0
			for _, ty := range m.Types {
				check("type "+ty.Name, ty.Description)
				for _, p := range ty.Properties {
					if strings.EqualFold(strings.TrimRight(p.Description, "."), "not yet documented") {
						members++
					}
				}
				for _, e := range ty.Members {
					if strings.EqualFold(strings.TrimRight(e.Description, "."), "not yet documented") {
						members++
					}
				}
			}
			if members > 0 {
				t.Errorf("%d properties and enum members are described as \"Not yet documented\"", members)
			}
			withOptions := 0
			for _, op := range m.Operations {
				check("operation "+op.Name, op.Description)
				if len(op.QueryOptions) > 0 {
					withOptions++
				}
			}
			t.Logf("%d of %d operations name the query options they support", withOptions, len(m.Operations))
			t.Logf("%d descriptions: %d with markdown, %d \"Not yet documented\", %d ending mid-sentence", descs, markdown, placeholder, unfinished)
			if unfinished > floors[v] {
				t.Errorf("%d descriptions end mid-sentence, more than the floor of %d", unfinished, floors[v])
			}
		})
	}
}
