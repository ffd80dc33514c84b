package hostile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/pipeline"
)

// docGen makes a random but reproducible set of docs pages: resource,
// enum and API pages with random names (keywords, digits, unicode,
// punctuation, generated method names), properties of every Edm type,
// base types (cycles included), examples that mostly fit their types, and
// a share of hostile slips: broken or unknown annotations, missing
// responses, lower-case methods, injected text, CRLF, BOMs.
type docGen struct {
	r     *rand.Rand
	pages map[string]string
	types []*genType
	enums []*genEnum
}

type genProp struct {
	name, typ string // typ is the table's type text
	coll      bool
	named     *genType
	enum      *genEnum
}

type genType struct {
	name  string
	props []genProp
	base  *genType
}

type genEnum struct {
	name    string
	members []string
}

// fragments are the pieces random names are made of.
var fragments = []string{
	"widget", "gadget", "item", "user", "book", "copy", "type", "func", "range", "id", "Id", "ID",
	"url", "3d", "café", "名前", "a-b", "a.b", "MarshalJSON", "UnmarshalJSON", "String", "Error",
	"ODataType", "As", "Class", "Ref", "client", "date", "do", "path", "ctx", "x\u202ey", "z\u200bw",
	"value", "odata", "etag", "nil", "_", "$", "Ünïcødé", "HTTP", "json", "bad\xffutf8",
}

// hostileText are descriptions that try to escape their comment.
var hostileText = []string{
	"A plain description.", "*/ func init() { panic(1) } /*", "//go:generate rm -rf /",
	"+build ignore", "//line evil.go:1", "nul\x00byte", "bidi \u202eevil\u202c", "Possible values are: `a`, `b`.",
	"`raw` \"quoted\" \\backslash", "bom\ufeffinside",
}

func (g *docGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *docGen) chance(percent int) bool { return g.r.IntN(100) < percent }

// name is a random name of one to three fragments, camel-cased.
func (g *docGen) name() string {
	n := g.pick(fragments)
	for range g.r.IntN(3) {
		f := []rune(g.pick(fragments))
		n += strings.ToUpper(string(f[:1])) + string(f[1:])
	}
	return n
}

var edmTypes = []string{"String", "Int32", "Int64", "Boolean", "Double", "DateTimeOffset", "Date", "Guid", "Duration", "TimeOfDay", "Binary"}

func newDocGen(seed uint64) *docGen {
	g := &docGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), pages: map[string]string{}}
	for range 1 + g.r.IntN(3) {
		e := &genEnum{name: g.name() + "Kind"}
		for range 1 + g.r.IntN(5) {
			e.members = append(e.members, g.name())
		}
		g.enums = append(g.enums, e)
	}
	for range 1 + g.r.IntN(7) {
		g.types = append(g.types, &genType{name: g.name()})
	}
	for _, t := range g.types {
		if g.chance(25) {
			t.base = g.types[g.r.IntN(len(g.types))]
		}
		t.props = append(t.props, genProp{name: "id", typ: "String"})
		for range g.r.IntN(7) {
			p := genProp{name: g.name()}
			switch k := g.r.IntN(10); {
			case k < 6:
				p.typ = g.pick(edmTypes)
			case k < 8:
				p.named = g.types[g.r.IntN(len(g.types))]
				p.typ = "[" + p.named.name + "](" + strings.ToLower(p.named.name) + ".md)"
			default:
				p.enum = g.enums[g.r.IntN(len(g.enums))]
				p.typ = p.enum.name
			}
			if g.chance(25) {
				p.coll = true
				p.typ += " collection"
			}
			t.props = append(t.props, p)
		}
	}
	for i, e := range g.enums {
		var b strings.Builder
		fmt.Fprintf(&b, "# %s enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n| Member | Description |\n|:---|:---|\n", e.name)
		for _, m := range e.members {
			fmt.Fprintf(&b, "|%s|%s|\n", m, g.pick(hostileText))
		}
		g.add(fmt.Sprintf("resources/enum%d.md", i), b.String())
	}
	for i, t := range g.types {
		g.add(fmt.Sprintf("resources/type%d.md", i), g.resourcePage(t))
		for j, method := range []string{"GET", "POST", "PATCH", "DELETE", "LIST"} {
			if g.chance(60) {
				g.add(fmt.Sprintf("api/type%d-op%d.md", i, j), g.apiPage(t, method))
			}
		}
	}
	return g
}

// add stores a page, sometimes with CRLF line ends or a byte order mark.
func (g *docGen) add(name, page string) {
	switch {
	case g.chance(5):
		page = strings.ReplaceAll(page, "\n", "\r\n")
	case g.chance(5):
		page = "\ufeff" + page
	}
	g.pages[name] = page
}

func (g *docGen) resourcePage(t *genType) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"%s resource type\"\ndescription: \"%s\"\n---\n\n# %s resource type\n\nNamespace: microsoft.graph\n\n",
		t.name, strings.ReplaceAll(g.pick(hostileText), "\"", "'"), t.name)
	b.WriteString("## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n")
	for _, p := range t.props {
		fmt.Fprintf(&b, "|%s|%s|%s|\n", p.name, p.typ, g.pick(hostileText))
	}
	base := ""
	if t.base != nil {
		base = fmt.Sprintf("\n  \"baseType\": \"microsoft.graph.%s\",", t.base.name)
	}
	ann := fmt.Sprintf("{\n  \"blockType\": \"resource\",%s\n  \"keyProperty\": \"id\",\n  \"@odata.type\": \"microsoft.graph.%s\"\n}", base, t.name)
	if g.chance(5) {
		ann = strings.Replace(ann, "\"resource\",", "\"resource\" oops,", 1)
	}
	fmt.Fprintf(&b, "\n## JSON representation\n\n<!-- %s -->\n\n```json\n%s\n```\n", ann, g.object(t, 2, true))
	return b.String()
}

// object is a JSON object of t: placeholders for a representation, values
// for an example.
func (g *docGen) object(t *genType, depth int, placeholders bool) string {
	var members []string
	for _, p := range t.props {
		if !placeholders && g.chance(20) {
			continue
		}
		members = append(members, fmt.Sprintf("%q: %s", p.name, g.value(p, depth, placeholders)))
	}
	if !placeholders && g.chance(5) {
		members = append(members, fmt.Sprintf("%q: %q", g.name(), "unknown"))
	}
	return "{\n  " + strings.Join(members, ",\n  ") + "\n}"
}

func (g *docGen) value(p genProp, depth int, placeholders bool) string {
	one := func() string {
		switch {
		case placeholders && p.named != nil:
			return fmt.Sprintf("{\"@odata.type\": \"microsoft.graph.%s\"}", p.named.name)
		case placeholders && p.enum != nil:
			return `"String"`
		case placeholders:
			return fmt.Sprintf("%q", p.typ)
		case p.named != nil:
			if depth <= 0 {
				return "null"
			}
			return g.object(p.named, depth-1, false)
		case p.enum != nil:
			return fmt.Sprintf("%q", g.pick(p.enum.members))
		}
		switch strings.TrimSuffix(p.typ, " collection") {
		case "Int32":
			return fmt.Sprint(g.r.IntN(1000))
		case "Int64":
			return fmt.Sprint(g.r.Int64())
		case "Boolean":
			return fmt.Sprint(g.chance(50))
		case "Double":
			return fmt.Sprint(g.r.Float64() * 100)
		case "DateTimeOffset":
			return `"2021-07-01T09:30:00Z"`
		case "Date":
			return `"2021-07-01"`
		case "Guid":
			return `"4554c837-dd50-4d40-bb10-f2761a780411"`
		case "Duration":
			return `"P1DT2H"`
		case "TimeOfDay":
			return `"09:30:00.0000000"`
		case "Binary":
			return `"aGVsbG8="`
		}
		s, _ := json.Marshal(g.pick(hostileText))
		return string(s)
	}
	if !p.coll {
		return one()
	}
	var elems []string
	for range g.r.IntN(3) {
		elems = append(elems, one())
	}
	return "[" + strings.Join(elems, ", ") + "]"
}

func (g *docGen) apiPage(t *genType, method string) string {
	plural := strings.ToLower(strings.Map(keepLetters, t.name)) + "s"
	tmpl, req, title := "GET /"+plural+"/{id}", "GET /"+plural+"/1", "Get "+t.name
	status, body := "HTTP/1.1 200 OK\nContent-type: application/json\n\n", g.object(t, 1, false)
	switch method {
	case "POST":
		tmpl, req, title = "POST /"+plural, "POST /"+plural+"\nContent-type: application/json\n\n"+g.object(t, 1, false), "Create "+t.name
		status = "HTTP/1.1 201 Created\nContent-type: application/json\n\n"
	case "PATCH":
		tmpl, req, title = "PATCH /"+plural+"/{id}", "PATCH /"+plural+"/1\nContent-type: application/json\n\n"+g.object(t, 0, false), "Update "+t.name
		status, body = "HTTP/1.1 204 No Content", ""
	case "DELETE":
		tmpl, req, title = "DELETE /"+plural+"/{id}", "DELETE /"+plural+"/1", "Delete "+t.name
		status, body = "HTTP/1.1 204 No Content", ""
	case "LIST":
		tmpl, req, title = "GET /"+plural, "GET /"+plural, "List "+t.name
		body = "{\n  \"value\": [" + g.object(t, 1, false) + "]\n}"
	}
	if g.chance(10) {
		tmpl = strings.ToLower(tmpl[:1]) + tmpl[1:]
	}
	blockType := "response"
	if g.chance(5) {
		blockType = "responsez"
	}
	respType := "microsoft.graph." + t.name
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"%s\"\ndoc_type: apiPageType\n---\n\n# %s\n\nNamespace: microsoft.graph\n\n%s\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n%s\n```\n\n",
		title, title, g.pick(hostileText), tmpl)
	fmt.Fprintf(&b, "## Example\n\n### Request\n\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": %q\n} -->\n```http\n%s\n```\n\n", g.name(), req)
	if g.chance(90) {
		coll := ""
		if method == "LIST" {
			coll = ",\n  \"isCollection\": true"
		}
		fmt.Fprintf(&b, "### Response\n\n<!-- {\n  \"blockType\": %q,\n  \"@odata.type\": %q%s\n} -->\n```http\n%s%s\n```\n", blockType, respType, coll, status, body)
	}
	return b.String()
}

// write writes the pages under dir.
func (g *docGen) write(t *testing.T, dir string) {
	t.Helper()
	for name, page := range g.pages {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRandomDocs generates packages from random doc sets: every one must
// type-check, hold no injected code, and regenerate identically whatever
// the parsing concurrency.
func TestRandomDocs(t *testing.T) {
	seeds := 40
	if testing.Short() {
		seeds = 15
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "docs")
			newDocGen(seed).write(t, dir)
			var results []*pipeline.Result
			for _, workers := range []int{1, 4} {
				res, err := pipeline.Run(pipeline.Config{Inputs: []string{dir}, Package: pkgName, ImportPath: importPath, Workers: workers})
				if err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				results = append(results, res)
			}
			res := results[0]
			for _, d := range res.Model.Diags {
				if d.Code == "internal-error" {
					t.Errorf("seed %d: %s", seed, d)
				}
			}
			if err := typeCheck(res.Files, pkgName, importPath); err != nil {
				t.Errorf("seed %d: output does not type-check or holds injected code:\n%v", seed, err)
			}
			if !slices.Equal(sortedNames(res.Files), sortedNames(results[1].Files)) {
				t.Fatalf("seed %d: runs gave different files", seed)
			}
			for i, f := range res.Files {
				if !bytes.Equal(f.Content, results[1].Files[i].Content) {
					t.Errorf("seed %d: runs gave different %s", seed, f.Name)
				}
			}
		})
	}
}

// roundTripExample is an entry of examples.json, which the corpus's
// round-trip harness reads.
type roundTripExample struct {
	Pos        string          `json:"pos"`
	Type       string          `json:"type"`
	Collection bool            `json:"collection"`
	Body       json.RawMessage `json:"body"`
}

// TestRandomDocsRoundTrip builds the packages of a few random doc sets as
// a module and runs go vet and go test on them: the generated Example
// functions call every documented request against the generated test
// double, and the corpus's round-trip harness decodes every strictly valid
// documented example into its type, without unknown fields, and re-encodes
// it. An example that fails must be explained by an example diagnostic
// inside its body.
func TestRandomDocsRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs generated packages; skipped under -short")
	}
	harness, err := os.ReadFile("../corpus/testdata/roundtrip_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	harness = bytes.Replace(harness, []byte("package graph"), []byte("package "+pkgName), 1)
	for _, seed := range []uint64{1, 2, 3, 5, 8} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			root := t.TempDir()
			docs := filepath.Join(root, "docs")
			newDocGen(seed).write(t, docs)
			mod := filepath.Join(root, "mod")
			res, err := pipeline.Run(pipeline.Config{Inputs: []string{docs}, Package: pkgName, ImportPath: "example.com/" + pkgName})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := pipeline.Write(filepath.Join(mod, pkgName), res.Files); err != nil {
				t.Fatal(err)
			}
			var exs []roundTripExample
			lines := map[string]int{}
			for _, op := range res.Model.Operations {
				for _, ex := range op.Examples {
					if ex.ResponseJSON && ex.ResponseType.Named != nil && ex.ResponseType.Named.Kind != model.Enum {
						pos := ex.ResponseBodyPos.String()
						exs = append(exs, roundTripExample{Pos: pos, Type: ex.ResponseType.Named.FullName, Collection: ex.ResponseType.Collection, Body: json.RawMessage(ex.ResponseBody)})
						lines[pos] = strings.Count(ex.ResponseBody, "\n") + 1
					}
				}
			}
			b, _ := json.Marshal(exs)
			for name, content := range map[string][]byte{
				"go.mod":                       []byte("module example.com\n\ngo 1.26\n"),
				pkgName + "/examples.json":     b,
				pkgName + "/roundtrip_test.go": harness,
			} {
				if err := os.WriteFile(filepath.Join(mod, filepath.FromSlash(name)), content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			results := filepath.Join(root, "results.json")
			for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "-run", "TestExamplesRoundTrip", "./..."}, {"test", "-count=1", "-run", "^Example", "./..."}} {
				cmd := exec.Command("go", args...)
				cmd.Dir = mod
				cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "DOCGEN_RESULTS="+results)
				out, err := cmd.CombinedOutput()
				switch {
				case err == nil:
				default:
					t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
				}
			}
			rb, err := os.ReadFile(results)
			if err != nil {
				t.Fatal(err)
			}
			var outs []struct {
				Pos, Type, Reason string
				OK                bool
			}
			if err := json.Unmarshal(rb, &outs); err != nil {
				t.Fatal(err)
			}
			ok := 0
			for _, o := range outs {
				if o.OK {
					ok++
					continue
				}
				if !exampleDiagnosed(res.Model, o.Pos, lines[o.Pos]) {
					t.Errorf("no diagnostic explains the failure of %s (%s): %s", o.Pos, o.Type, o.Reason)
				}
			}
			t.Logf("seed %d: %d of %d examples round-trip", seed, ok, len(outs))
		})
	}
}

// exampleDiagnosed reports whether a diagnostic about example values lies
// inside the body at pos, n lines long.
func exampleDiagnosed(m *model.Model, pos string, n int) bool {
	i := strings.LastIndex(pos, ":")
	j := strings.LastIndex(pos[:max(i, 0)], ":")
	if j < 0 {
		return false
	}
	var line int
	fmt.Sscan(pos[j+1:i], &line)
	for _, d := range m.Diags {
		switch d.Code {
		case "example-invalid-value", "example-unknown-property", "example-type-mismatch", "example-property-case":
			if d.Pos.File == pos[:j] && d.Pos.Line >= line && d.Pos.Line < line+n {
				return true
			}
		}
	}
	return false
}
