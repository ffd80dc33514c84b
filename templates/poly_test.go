package templates

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestDecodePoly(t *testing.T) {
	var list []testAnimalRef
	in := `[{"@odata.type":"#test.dog","name":"Rex","barks":true},{"name":"Tom"},{"@odata.type":"#test.unknown","name":"X"},null]`
	if err := json.Unmarshal([]byte(in), &list); err != nil {
		t.Fatal(err)
	}
	dog, ok := list[0].TestAnimalClass.(*testDog)
	if !ok || !*dog.Barks || *dog.Name != "Rex" || *dog.ODataType != "#test.dog" {
		t.Errorf("list[0] = %#v, want a *testDog", list[0].TestAnimalClass)
	}
	if a, ok := list[1].TestAnimalClass.(*testAnimal); !ok || *a.Name != "Tom" {
		t.Errorf("list[1] = %#v, want the base type", list[1].TestAnimalClass)
	}
	if a, ok := list[2].TestAnimalClass.(*testAnimal); !ok || *a.Name != "X" {
		t.Errorf("unknown @odata.type: got %#v, want the base type", list[2].TestAnimalClass)
	}
	if list[3].TestAnimalClass != nil {
		t.Errorf("null decoded to %#v", list[3].TestAnimalClass)
	}
	out, err := json.Marshal(list[0].TestAnimalClass)
	if err != nil || string(out) != `{"@odata.type":"#test.dog","name":"Rex","barks":true}` {
		t.Errorf("re-encoded %s, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`[{"name": 1}]`), &list); err == nil {
		t.Error("type error not reported")
	}
}

func TestUnwrap(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("kind") {
		case "one":
			_, _ = w.Write([]byte(`{"@odata.type":"#test.dog","name":"Rex"}`))
		default:
			_, _ = w.Write([]byte(`{"value":[{"@odata.type":"#test.dog","name":"Rex"},{"name":"Tom"}]}`))
		}
	})
	ctx := context.Background()
	v, err := unwrapOne(doJSON[testAnimalRef](ctx, c, "GET", "/a", nil, []RequestOption{WithQuery("kind", "one")}))
	if _, ok := v.(*testDog); !ok || err != nil {
		t.Errorf("unwrapOne = %#v, %v", v, err)
	}
	var names []string
	for a, err := range unwrapSeq(doCollection[testAnimalRef](ctx, c, "GET", "/a", nil, nil)) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, *a.AsTestAnimal().Name)
	}
	if len(names) != 2 || names[0] != "Rex" || names[1] != "Tom" {
		t.Errorf("unwrapSeq names = %v", names)
	}
}

// nestedDogs returns depth dogs, each the "best" friend of the one before
// and holding a cat-like animal and a null among its friends.
func nestedDogs(depth int) string {
	var b strings.Builder
	for i := range depth {
		fmt.Fprintf(&b, `{"name":"d%d","@odata.type":"#test.dog","friends":[{"name":"a%d"},null],"best":`, i, i)
	}
	b.WriteString("null")
	b.WriteString(strings.Repeat("}", depth))
	return b.String()
}

func TestDecodePolyNested(t *testing.T) {
	for _, depth := range []int{1, 2, 1000} {
		var r testAnimalRef
		if err := json.Unmarshal([]byte(nestedDogs(depth)), &r); err != nil {
			t.Fatalf("depth %d: %v", depth, err)
		}
		v := r.TestAnimalClass
		for i := range depth {
			dog, ok := v.(*testDog)
			if !ok {
				t.Fatalf("depth %d, level %d: %#v, want a *testDog", depth, i, v)
			}
			if *dog.Name != fmt.Sprintf("d%d", i) || len(dog.Friends) != 2 || dog.Friends[1].TestAnimalClass != nil {
				t.Fatalf("depth %d, level %d: %+v", depth, i, dog)
			}
			if a, ok := dog.Friends[0].TestAnimalClass.(*testAnimal); !ok || *a.Name != fmt.Sprintf("a%d", i) {
				t.Fatalf("depth %d, level %d: friend %#v", depth, i, dog.Friends[0].TestAnimalClass)
			}
			v = dog.Best.TestAnimalClass
		}
		if v != nil {
			t.Errorf("depth %d: innermost best = %#v, want nil", depth, v)
		}
	}
}

func TestDecodePolyTypeChoice(t *testing.T) {
	for _, c := range []struct {
		in, want string // want: "dog", "animal", "nil" or "error"
	}{
		{`{"@odata.type":"#test.dog","barks":true}`, "dog"},
		{`{"name":"x","barks":true,"@odata.type":"#test.dog"}`, "dog"},                    // not first
		{`{"friends":[{"@odata.type":"#test.animal"}],"@odata.type":"#test.dog"}`, "dog"}, // after a nested one
		{`{"@odata.type":"#test.unknown","name":"x"}`, "animal"},
		{`{"@odata.type":"#test.stone","name":"x"}`, "animal"}, // not an animal
		{`{"@odata.type":"","name":"x"}`, "animal"},
		{`{"@ODATA.Type":"#test.dog"}`, "dog"},                              // matched case-insensitively
		{`{"\u0040odata.type":"#test.dog"}`, "dog"},                         // matched after unescaping
		{`{"@odata.type":"#test.d\u006fg"}`, "dog"},                         // the value unescaped
		{`{"@odata.type":"#test.animal","@odata.type":"#test.dog"}`, "dog"}, // the last wins
		{`{"@odata.type":"#test.dog","@odata.type":null}`, "dog"},           // null leaves it
		{`{"@odata.type":"#test.dog","@odata.type":5}`, "error"},            // the base type cannot hold 5
		{` null `, "nil"},
		{`"dog"`, "error"},
		{`[{"@odata.type":"#test.dog"}]`, "error"},
		{`{"@odata.type":"#test.dog","name":1}`, "error"},
		{`{"@odata.type":"#test.dog","best":{"name":[]}}`, "error"}, // in a nested Ref
		{`{"@odata.type":"#test.dog"`, "error"},
	} {
		v, err := decodePoly([]byte(c.in), func() TestAnimalClass { return new(testAnimal) })
		got := "animal"
		switch v.(type) {
		case *testDog:
			got = "dog"
		case nil:
			got = "nil"
		}
		if err != nil {
			got = "error"
			if v != nil {
				t.Errorf("%s: %#v with error %v", c.in, v, err)
			}
		}
		if got != c.want {
			t.Errorf("%s: got %s (%#v, %v), want %s", c.in, got, v, err, c.want)
		}
	}
}

func TestDecodePolyErrorsSayWhere(t *testing.T) {
	var r testAnimalRef
	in := `{"@odata.type":"#test.dog","best":{"@odata.type":"#test.dog","friends":[{"name":7}]}}`
	err := json.Unmarshal([]byte(in), &r)
	var te *json.UnmarshalTypeError
	if end := strings.Index(in, "7") + 1; !errors.As(err, &te) || te.Field != "best.friends.name" || te.Offset != int64(end) {
		t.Errorf("error %v (%#v), want one at best.friends.name, offset %d", err, te, end)
	}
	if r.TestAnimalClass != nil {
		t.Errorf("value %#v with an error", r.TestAnimalClass)
	}
	err = json.Unmarshal([]byte(`[{"@odata.type":"#test.dog","best":{"@odata.type":"#test.dog","best":{"@odata.type":"#test.dog","barks":"no"}}}]`), new([]testAnimalRef))
	if err == nil || !strings.Contains(err.Error(), "barks") {
		t.Errorf("error %v, want one naming barks", err)
	}
}

// TestDecodePolyDepth checks the nesting limit of encoding/json, 10,000
// arrays and objects, for values decodePoly decodes: at the limit they
// decode, past it they are an error (and no stack overflow), whether the
// nesting is of Refs or of other values.
func TestDecodePolyDepth(t *testing.T) {
	def := func() TestAnimalClass { return new(testAnimal) }
	refs := func(n int) string {
		return strings.Repeat(`{"@odata.type":"#test.dog","best":`, n) + "null" + strings.Repeat("}", n)
	}
	if _, err := decodePoly([]byte(refs(10000)), def); err != nil {
		t.Errorf("10,000 nested Refs: %v", err)
	}
	_, err := decodePoly([]byte(refs(10001)), def)
	var se *json.SyntaxError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "exceeded max depth") {
		t.Errorf("10,001 nested Refs: error %v, want the depth error", err)
	}
	raw := `{"@odata.type":"#test.dog","friends":[` + strings.Repeat("[", 9998) + strings.Repeat("]", 9998) + `]}`
	if _, err := decodePoly([]byte(raw), def); err == nil || !strings.Contains(err.Error(), "cannot unmarshal array") {
		t.Errorf("10,000 deep: error %v, want a type error", err)
	}
	raw = `{"@odata.type":"#test.dog","friends":[` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `]}`
	if _, err := decodePoly([]byte(raw), def); !errors.As(err, &se) {
		t.Errorf("10,001 deep: error %v, want the depth error", err)
	}
	if _, err := decodePoly([]byte(strings.Repeat(`{"best":`, 1_000_000)), def); !errors.As(err, &se) {
		t.Errorf("1,000,000 deep: error %v, want the depth error", err)
	}
}
