package pipeline

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// GenerateLine is the go:generate command that reruns a generation from
// inside its output folder. When every input lies in one Go module and the
// output folder in no other, the inputs are named from the module's root
// with -modroot ("-modroot -in seeds -out ."): the line is then the same
// wherever the output is written and whichever folder docgen ran from.
// Otherwise the inputs are made relative to out. Every path is written as
// go generate reads it back unchanged (see generateArg).
func GenerateLine(inputs []string, out, pkg string) string {
	var b strings.Builder
	b.WriteString("go run github.com/docgen-dev/docgen/cmd/docgen")
	if rels, ok := moduleRelative(inputs, out); ok {
		b.WriteString(" -modroot")
		for _, rel := range rels {
			b.WriteString(" -in " + generateArg(rel))
		}
	} else {
		for _, in := range inputs {
			rel := filepath.ToSlash(in)
			if r, err := relTo(out, in); err == nil {
				rel = r
			}
			b.WriteString(" -in " + generateArg(rel))
		}
	}
	b.WriteString(" -out . -pkg " + generateArg(pkg))
	return b.String()
}

// generateArg writes s as one argument of a //go:generate line, so that go
// generate passes s to docgen as it is. go generate splits its line at
// spaces and tabs, unquotes a word written as a Go "double-quoted" string,
// and then expands $NAME and ${NAME} in every word, quoted or not, from the
// environment. So a word that holds anything but plain printable
// characters without quotes, backslashes or dollars is quoted with
// strconv.Quote (which also keeps a line break from ending the line), and
// each '$' is written ${DOLLAR}, go generate's own name for a dollar sign.
func generateArg(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r == '"' || r == '\\' || r == '$' || r == '`' || r == '\'' || r > unicode.MaxASCII || !unicode.IsPrint(r) || unicode.IsSpace(r)
	}) {
		return s
	}
	return strconv.Quote(strings.ReplaceAll(s, "$", "${DOLLAR}"))
}

// moduleRelative returns the inputs relative to the root of the module
// holding all of them, provided out lies in that module or in none (where
// no go:generate line can run anyway).
func moduleRelative(inputs []string, out string) ([]string, bool) {
	if len(inputs) == 0 {
		return nil, false
	}
	root := ""
	rels := make([]string, 0, len(inputs))
	for _, in := range inputs {
		r, err := ModuleRoot(in)
		if err != nil || root != "" && r != root {
			return nil, false
		}
		root = r
		abs, err := filepath.Abs(in)
		if err != nil {
			return nil, false
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			return nil, false
		}
		rels = append(rels, filepath.ToSlash(rel))
	}
	if r, err := ModuleRoot(out); err == nil && r != root {
		return nil, false
	}
	return rels, true
}

// ResolveFromModule resolves the relative paths among inputs against the
// root of the module holding the working directory, what -modroot asks,
// and gives them relative to the working directory again, so diagnostics
// name pages the way a user in that folder reaches them.
func ResolveFromModule(inputs []string) ([]string, error) {
	wd, err := filepath.Abs(".")
	if err != nil {
		return nil, err
	}
	root, err := ModuleRoot(wd)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(inputs))
	for i, in := range inputs {
		if filepath.IsAbs(in) {
			out[i] = in
			continue
		}
		out[i] = filepath.Join(root, filepath.FromSlash(in))
		if rel, err := filepath.Rel(wd, out[i]); err == nil {
			out[i] = rel
		}
	}
	return out, nil
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
