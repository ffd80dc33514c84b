package model_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/emitter"
	"github.com/docgen-dev/docgen/internal/gocheck"
	_ "github.com/docgen-dev/docgen/internal/golden"
	"github.com/docgen-dev/docgen/model"
	"github.com/docgen-dev/docgen/parser"
)

// seedPages parses ../seeds with the stable names the pipeline gives them
// ("seeds/api/book-get.md").
func seedPages(t *testing.T) []*parser.Page {
	t.Helper()
	var pages []*parser.Page
	p := parser.New()
	err := filepath.WalkDir("../seeds", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", path)
		pages = append(pages, p.Parse(filepath.ToSlash(rel), src))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("no seed pages")
	}
	return pages
}

func seedModel(t *testing.T) (*model.Model, []*parser.Page) {
	pages := seedPages(t)
	return model.Build(pages, model.Options{Reserved: emitter.Reserved()}), pages
}

func typeNames(m *model.Model) []string {
	var out []string
	for _, t := range m.Types {
		out = append(out, t.Name)
	}
	return out
}

func opNames(m *model.Model) []string {
	var out []string
	for _, op := range m.Operations {
		out = append(out, op.Name)
	}
	return out
}

// TestSubsetSeedsGetBook keeps GetBook only: the subset holds Book and its
// closure, not the types only other operations need (Loan, returned by
// CheckoutBook and derived from Entity like Book; SynchronizationJob), and
// it generates a package that type-checks.
func TestSubsetSeedsGetBook(t *testing.T) {
	m, _ := seedModel(t)
	sub := m.Subset(func(op *model.Operation) bool { return op.Name == "GetBook" })
	if got := opNames(sub); !slices.Equal(got, []string{"GetBook"}) {
		t.Fatalf("operations = %v, want [GetBook]", got)
	}
	want := []string{"Book", "BookCopy", "BookFormat", "CopyCondition", "Edition", "Entity", "LoanStatus", "PostalAddress", "PublicationInfo", "Publisher"}
	if got := typeNames(sub); !slices.Equal(got, want) {
		t.Errorf("types = %v\nwant    %v", got, want)
	}
	if len(sub.Diags) != len(m.Diags) || len(sub.Pages) != len(m.Pages) || sub.BaseURL != m.BaseURL {
		t.Errorf("diags, pages or base URL not kept: %d/%d diags, %d/%d pages, %q/%q", len(sub.Diags), len(m.Diags), len(sub.Pages), len(m.Pages), sub.BaseURL, m.BaseURL)
	}
	checkClosed(t, sub)
	// The original model is untouched: Entity still lists Loan as a subtype.
	for _, ty := range m.Types {
		if ty.Name == "Entity" && !slices.ContainsFunc(ty.Subtypes, func(s *model.Type) bool { return s.Name == "Loan" }) {
			t.Errorf("Subset changed the original Entity's subtypes: %v", ty.Subtypes)
		}
	}
	out, err := emitter.Generate(sub, emitter.Options{Package: "books"})
	if err != nil {
		t.Fatal(err)
	}
	var gf []gocheck.File
	for _, f := range out.Files {
		if strings.Contains(f.Name, "/") {
			continue // the test double is a package of its own
		}
		gf = append(gf, gocheck.File{Name: f.Name, Content: f.Content})
	}
	if err := gocheck.Check(gf); err != nil {
		t.Errorf("subset package does not type-check: %v", err)
	}
}

// TestSubsetAllAndNone: keeping every operation keeps every type that an
// operation needs; keeping none keeps no type.
func TestSubsetAllAndNone(t *testing.T) {
	m, _ := seedModel(t)
	all := m.Subset(func(*model.Operation) bool { return true })
	if !slices.Equal(opNames(all), opNames(m)) {
		t.Errorf("all: operations %v, want %v", opNames(all), opNames(m))
	}
	for _, name := range []string{"Loan", "SynchronizationJob", "KeyValuePair", "CheckoutBookParameters"} {
		if !slices.Contains(typeNames(all), name) {
			t.Errorf("all: type %s missing", name)
		}
	}
	checkClosed(t, all)
	none := m.Subset(func(*model.Operation) bool { return false })
	if len(none.Types) != 0 || len(none.Operations) != 0 {
		t.Errorf("none: %v %v", typeNames(none), opNames(none))
	}
}

// checkClosed fails unless every type the subset refers to is one of its
// own types (not one of the original model's).
func checkClosed(t *testing.T, m *model.Model) {
	t.Helper()
	own := map[*model.Type]bool{}
	for _, ty := range m.Types {
		own[ty] = true
	}
	ref := func(where string, ty *model.Type) {
		if ty != nil && !own[ty] {
			t.Errorf("%s refers to %s, which is not a type of the subset", where, ty.Name)
		}
	}
	for _, ty := range m.Types {
		ref(ty.Name+" base", ty.Base)
		for _, s := range ty.Subtypes {
			ref(ty.Name+" subtype", s)
		}
		for _, p := range ty.Properties {
			ref(ty.Name+"."+p.Name, p.Type.Named)
		}
	}
	for _, op := range m.Operations {
		ref(op.Name+" response", op.ResponseType.Named)
		if op.Body != nil {
			ref(op.Name+" body", op.Body.Type.Named)
		}
		for _, ex := range op.Examples {
			ref(op.Name+" example", ex.ResponseType.Named)
		}
	}
}

// zoo builds a small model by hand: Animal (base of Dog and Cat), Dog with
// a property of type Bone, Cat with a property of type Animal, a Node type
// that refers to itself, and one operation returning each type.
func zoo() *model.Model {
	animal := &model.Type{Name: "Animal", Kind: model.Entity}
	bone := &model.Type{Name: "Bone"}
	dog := &model.Type{Name: "Dog", Base: animal, Properties: []*model.Property{{Name: "Bone", Type: model.TypeRef{Named: bone}}}}
	cat := &model.Type{Name: "Cat", Base: animal, Properties: []*model.Property{{Name: "Friend", Type: model.TypeRef{Named: animal}}}}
	animal.Subtypes = []*model.Type{cat, dog}
	node := &model.Type{Name: "Node"}
	node.Properties = []*model.Property{{Name: "Children", Type: model.TypeRef{Named: node, Collection: true}}}
	m := &model.Model{Types: []*model.Type{animal, bone, cat, dog, node}}
	for _, ty := range m.Types {
		m.Operations = append(m.Operations, &model.Operation{Name: "Get" + ty.Name, Response: model.ResponseSingle, ResponseType: model.TypeRef{Named: ty}})
	}
	m.Operations = append(m.Operations, &model.Operation{Name: "PutBone", Body: &model.RequestBody{Type: model.TypeRef{Named: bone}}})
	return m
}

func TestSubsetClosure(t *testing.T) {
	tests := []struct {
		op    string
		types []string
	}{
		// A base type used as a value brings its subtypes: the wire may
		// carry a Dog or a Cat where an Animal is expected.
		{"GetAnimal", []string{"Animal", "Bone", "Cat", "Dog"}},
		// A subtype brings its base, but not its base's other subtypes...
		{"GetDog", []string{"Animal", "Bone", "Dog"}},
		// ...unless one of its properties uses the base as a value.
		{"GetCat", []string{"Animal", "Bone", "Cat", "Dog"}},
		{"GetBone", []string{"Bone"}},
		{"PutBone", []string{"Bone"}},
		{"GetNode", []string{"Node"}},
	}
	m := zoo()
	for _, tt := range tests {
		sub := m.Subset(func(op *model.Operation) bool { return op.Name == tt.op })
		if got := typeNames(sub); !slices.Equal(got, tt.types) {
			t.Errorf("%s: types %v, want %v", tt.op, got, tt.types)
		}
		if got := opNames(sub); !slices.Equal(got, []string{tt.op}) {
			t.Errorf("%s: operations %v", tt.op, got)
		}
		checkClosed(t, sub)
	}
	// GetDog's Animal lists only Dog as a subtype; the original keeps both.
	sub := m.Subset(func(op *model.Operation) bool { return op.Name == "GetDog" })
	for _, ty := range sub.Types {
		if ty.Name == "Animal" && (len(ty.Subtypes) != 1 || ty.Subtypes[0].Name != "Dog") {
			t.Errorf("GetDog: Animal subtypes %v, want [Dog]", ty.Subtypes)
		}
	}
	if len(m.Types[0].Subtypes) != 2 {
		t.Errorf("original Animal subtypes changed: %v", m.Types[0].Subtypes)
	}
}

// TestSeedOperationNamesFromPaths: the seed operations are named from
// their paths, whatever their pages' titles and file names, and a type
// made up for an operation's body is named and described after it.
func TestSeedOperationNamesFromPaths(t *testing.T) {
	m, _ := seedModel(t)
	got := map[string]string{}
	for _, op := range m.Operations {
		got[op.Method+" "+op.Path] = op.Name
		if bt := op.Body; bt != nil && bt.Type.Named != nil && bt.Type.Named.Synthesized && op.AlternateOf == "" {
			if !strings.HasPrefix(bt.Type.Named.Name, op.Name) || !strings.Contains(bt.Type.Named.Description, " "+op.Name) {
				t.Errorf("%s: body type %s described %q", op.Name, bt.Type.Named.Name, bt.Type.Named.Description)
			}
		}
	}
	for k, want := range map[string]string{
		"GET /books":                         "ListBooks",
		"GET /books/{id}":                    "GetBook",
		"POST /books/{id}/checkout":          "CheckoutBook",
		"POST /books/{id}/relatedBooks/$ref": "AddBookRelatedBook",
		"GET /books/{id}/cover/$value":       "GetBookCover",
		"GET /applications/{applicationsId}/synchronization/jobs": "ListSynchronizationJobs",
		"GET /libraries/{id}/books":                               "ListBooksViaLibrary",
		"GET /me/favoriteBooks/{id}":                              "GetBookViaMe",
	} {
		if got[k] != want {
			t.Errorf("%s: %s, want %s", k, got[k], want)
		}
	}
}
