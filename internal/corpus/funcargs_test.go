package corpus

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
)

// placeholderRe matches a docs placeholder left in a path literal: text in
// angle brackets or a brace of a parameter not taken as one.
var placeholderRe = regexp.MustCompile(`<[^>]*>|[{}]`)

// literalArgs returns the function arguments of path that are written as
// values, not as parameters: "range(address='A1:B2')" gives "address='A1:B2'".
func literalArgs(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		_, args, ok := strings.Cut(seg, "(")
		if !ok || !strings.HasSuffix(args, ")") {
			continue
		}
		for _, a := range strings.Split(strings.TrimSuffix(args, ")"), ",") {
			a = strings.TrimSpace(a)
			_, v, ok := strings.Cut(a, "=")
			if !ok {
				continue // "f(garbage)", "delta()": not a named argument
			}
			v = strings.Trim(strings.TrimSpace(v), "'")
			if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") && strings.Count(v, "{") == 1 {
				continue
			}
			out = append(out, a)
		}
	}
	return out
}

// tableTypes maps the lower-cased parameter names of a page's parameter
// tables to the text of their Type cells.
func tableTypes(p *parser.Page) map[string]string {
	out := map[string]string{}
	for _, t := range p.Tables {
		if t.Kind != parser.TablePathParams || len(t.Header) < 2 {
			continue
		}
		typeCol := -1
		for i, h := range t.Header {
			if strings.EqualFold(strings.TrimSpace(h), "type") {
				typeCol = i
			}
		}
		if typeCol < 0 {
			continue
		}
		for _, r := range t.Rows {
			if typeCol >= len(r.Cells) {
				continue
			}
			k := strings.ToLower(strings.Trim(r.Cells[0].Text, "`* {}"))
			if _, ok := out[k]; !ok {
				out[k] = strings.TrimSpace(r.Cells[typeCol].Text)
			}
		}
	}
	return out
}

// nonStringTable reports whether a Type cell names a type a function
// argument is not a string of: a number, a Boolean, a date or one of the
// model's enums.
func nonStringTable(cell string, enums map[string]bool) bool {
	c := strings.ToLower(strings.Trim(cell, "`*_ "))
	c = strings.TrimPrefix(c, "edm.")
	switch c {
	case "int16", "int32", "int64", "int", "integer", "boolean", "bool", "double", "single", "decimal", "datetimeoffset", "date":
		return true
	}
	c = strings.TrimPrefix(c, "microsoft.graph.")
	return enums[c]
}

// argName returns the name of the function argument a parameter stands
// for, given the literal text before it ("...range(address='" gives
// "address"), or "" when the parameter is not a function argument.
func argName(before string) string {
	before = strings.TrimSuffix(before, "'")
	if !strings.HasSuffix(before, "=") {
		return ""
	}
	before = strings.TrimSuffix(before, "=")
	i := strings.LastIndexAny(before, "(,")
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(before[i+1:])
}

// TestFunctionArguments counts, over the generated operations of the real
// docs, path literals that hold a docs placeholder ("<address>", a brace
// left literal) or an example value passed to a function ("width=640",
// "on='parameterValue'"), and function arguments typed string although the
// page's parameter table gives them another type (issue 14 item 3). Both
// are held at 0.
func TestFunctionArguments(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped under -short")
	}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			pages, m := buildCorpus(t, filepath.Join(corpusRoot, v), nil)
			byPath := map[string]*parser.Page{}
			for _, p := range pages {
				byPath[p.Path] = p
			}
			enums := map[string]bool{}
			for _, ty := range m.Types {
				if ty.Kind == model.Enum {
					enums[strings.TrimPrefix(strings.ToLower(ty.FullName), "microsoft.graph.")] = true
				}
			}
			placeholders, literal, args, typedArgs, untyped := 0, 0, 0, 0, 0
			for _, op := range m.Operations {
				for _, part := range op.Parts {
					if part.Param == nil && placeholderRe.MatchString(part.Literal) {
						placeholders++
						t.Errorf("%s (%s %s, %s): placeholder left in the path literal %q", op.Name, op.Method, op.Path, op.Pos, part.Literal)
					}
				}
				for _, a := range literalArgs(op.Path) {
					literal++
					t.Errorf("%s (%s %s, %s): function argument %s is an example value in the path", op.Name, op.Method, op.Path, op.Pos, a)
				}
				p := byPath[op.Page]
				if p == nil {
					continue
				}
				types := tableTypes(p)
				for i, part := range op.Parts {
					if part.Param == nil || i == 0 || op.Parts[i-1].Param != nil {
						continue
					}
					name := argName(op.Parts[i-1].Literal)
					if name == "" {
						continue
					}
					args++
					cell, ok := types[strings.ToLower(name)]
					if !ok || !nonStringTable(cell, enums) {
						continue
					}
					typedArgs++
					if typeIsString(part.Param) {
						untyped++
						t.Errorf("%s (%s %s, %s): function argument %s is a string, but its table says %s", op.Name, op.Method, op.Path, op.Pos, name, cell)
					}
				}
			}
			t.Logf("%d placeholders and %d example values left in paths; %d function arguments, %d with a non-string table type, %d of those typed string", placeholders, literal, args, typedArgs, untyped)
			if typedArgs == 0 {
				t.Error("no function argument with a non-string table type found: the count is not looking at function arguments")
			}
		})
	}
}

// typeIsString reports whether the client takes p as a string: it has no
// type of its own, or its type is String.
func typeIsString(p *model.PathParam) bool {
	return p.Type.IsZero() || p.Type.Named == nil && p.Type.Primitive == model.String
}
