package pipeline

import (
	"path/filepath"
	"strings"
)

// GenerateLine is the go:generate command that reruns a generation from
// inside its output folder: the inputs are made relative to out.
func GenerateLine(inputs []string, out, pkg string) string {
	var b strings.Builder
	b.WriteString("go run github.com/docgen-dev/docgen/cmd/docgen")
	for _, in := range inputs {
		rel := filepath.ToSlash(in)
		if r, err := relTo(out, in); err == nil {
			rel = r
		}
		b.WriteString(" -in " + rel)
	}
	b.WriteString(" -out . -pkg " + pkg)
	return b.String()
}

// relTo returns target relative to base. Two relative paths are related
// lexically, so the result does not depend on the working directory's
// absolute path (symlinks, sandboxes); otherwise both are made absolute.
func relTo(base, target string) (string, error) {
	if !filepath.IsAbs(base) && !filepath.IsAbs(target) {
		if r, err := filepath.Rel(filepath.Clean(base), filepath.Clean(target)); err == nil {
			return filepath.ToSlash(r), nil
		}
	}
	ab, err := filepath.Abs(base)
	if err != nil {
		return "", err
	}
	at, err := filepath.Abs(target)
	if err != nil {
		return "", err
	}
	r, err := filepath.Rel(ab, at)
	return filepath.ToSlash(r), err
}
