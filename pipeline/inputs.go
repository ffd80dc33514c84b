package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Input is one page to read.
type Input struct {
	// Name is the page's stable name: the input folder's base name joined
	// with the page's path inside it ("seeds/api/user-get.md"). It does not
	// depend on the working directory, so output written from the repository
	// root and from go:generate in the output folder is the same.
	Name string
	// Path is where the page is read from.
	Path string
}

// Collect lists the markdown pages under each input path: a folder is
// walked for *.md files, a file is taken as it is. The result is sorted by
// name; two inputs giving the same name are an error.
func Collect(paths []string) ([]Input, error) {
	var out []Input
	seen := map[string]string{}
	add := func(name, path string) error {
		name = filepath.ToSlash(name)
		if prev, ok := seen[name]; ok && prev != path {
			return fmt.Errorf("inputs %s and %s have the same name %s", prev, path, name)
		}
		if _, ok := seen[name]; !ok {
			seen[name] = path
			out = append(out, Input{Name: name, Path: path})
		}
		return nil
	}
	for _, in := range paths {
		fi, err := os.Stat(in)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			if err := add(filepath.Base(in), in); err != nil {
				return nil, err
			}
			continue
		}
		abs, err := filepath.Abs(in)
		if err != nil {
			return nil, err
		}
		root := filepath.Base(abs)
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != in && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || !strings.EqualFold(filepath.Ext(p), ".md") {
				return nil
			}
			rel, err := filepath.Rel(in, p)
			if err != nil {
				return err
			}
			return add(filepath.Join(root, rel), p)
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b Input) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}
