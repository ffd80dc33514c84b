package templates

// defaultBaseURL is the Graph endpoint a Client talks to unless WithBaseURL
// overrides it. The emitter generates this constant in every generated
// package; it lives here, outside the runtime files, only so that this
// package compiles on its own.
const defaultBaseURL = "https://graph.microsoft.com/v1.0"

// newByODataType maps an @odata.type to a new value of its generated type.
// The emitter generates it in every package (registry.go); this stand-in
// knows the test types of this package only.
func newByODataType(name string) any {
	switch name {
	case "#test.animal", "test.animal":
		return new(testAnimal)
	case "#test.dog", "test.dog":
		return new(testDog)
	}
	return nil
}

// The test hierarchy used by poly_test.go, shaped like generated code.
type (
	testAnimalClass interface{ AsTestAnimal() *testAnimal }
	testAnimal      struct {
		ODataType *string `json:"@odata.type,omitzero"`
		Name      *string `json:"name,omitzero"`
	}
	testDog struct {
		testAnimal
		Barks *bool `json:"barks,omitzero"`
	}
)

func (a *testAnimal) AsTestAnimal() *testAnimal { return a }
