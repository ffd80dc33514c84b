package templates

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
)

func TestDecodePoly(t *testing.T) {
	var list []testAnimalRef
	in := `[{"@odata.type":"#test.dog","name":"Rex","barks":true},{"name":"Tom"},{"@odata.type":"#test.unknown","name":"X"},null]`
	if err := json.Unmarshal([]byte(in), &list); err != nil {
		t.Fatal(err)
	}
	dog, ok := list[0].testAnimalClass.(*testDog)
	if !ok || !*dog.Barks || *dog.Name != "Rex" || *dog.ODataType != "#test.dog" {
		t.Errorf("list[0] = %#v, want a *testDog", list[0].testAnimalClass)
	}
	if a, ok := list[1].testAnimalClass.(*testAnimal); !ok || *a.Name != "Tom" {
		t.Errorf("list[1] = %#v, want the base type", list[1].testAnimalClass)
	}
	if a, ok := list[2].testAnimalClass.(*testAnimal); !ok || *a.Name != "X" {
		t.Errorf("unknown @odata.type: got %#v, want the base type", list[2].testAnimalClass)
	}
	if list[3].testAnimalClass != nil {
		t.Errorf("null decoded to %#v", list[3].testAnimalClass)
	}
	out, err := json.Marshal(list[0].testAnimalClass)
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
