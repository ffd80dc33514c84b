package templates

import (
	"encoding/json"
	"time"
)

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
	case "#test.stone":
		return new(testStone)
	case "#microsoft.graph.directoryObject":
		return new(testDirectoryObject)
	case "#microsoft.graph.user":
		return new(testUser)
	case "#microsoft.graph.group":
		return new(testGroup)
	}
	return nil
}

// The test hierarchy used by poly_test.go, shaped like generated code.
// The Class interfaces are exported, as generated ones are, because the
// Ref wrappers embed them and polyDecoder sets Ref fields only when that
// embedded field is exported.
type (
	// TestAnimalClass is implemented by *testAnimal and the types derived
	// from it. It is a test type.
	TestAnimalClass interface{ AsTestAnimal() *testAnimal }
	testAnimal      struct {
		ODataType *string `json:"@odata.type,omitzero"`
		Name      *string `json:"name,omitzero"`
		Extra     Members `json:"-"`
	}
	testDog struct {
		testAnimal
		Barks *bool `json:"barks,omitzero"`
		// Friends holds polymorphic values inside a polymorphic value.
		Friends []testAnimalRef `json:"friends,omitzero"`
		// Best is a single polymorphic value inside a polymorphic value.
		Best testAnimalRef `json:"best,omitzero"`
	}
	// testStone has an @odata.type of its own but is no animal: a value
	// naming it where an animal is declared decodes as the declared type.
	testStone struct {
		ODataType *string `json:"@odata.type,omitzero"`
		Name      *string `json:"name,omitzero"`
	}
)

func (a *testAnimal) AsTestAnimal() *testAnimal { return a }

// testAnimalRef is the Ref wrapper of TestAnimalClass, as the emitter writes
// them.
type testAnimalRef struct{ TestAnimalClass }

func (r testAnimalRef) unwrap() TestAnimalClass { return r.TestAnimalClass }

// UnmarshalJSON decodes into the type named by @odata.type.
func (r *testAnimalRef) UnmarshalJSON(b []byte) error {
	v, err := decodePoly(b, func() TestAnimalClass { return new(testAnimal) })
	r.TestAnimalClass = v
	return err
}

// MarshalJSON encodes the value held.
func (r testAnimalRef) MarshalJSON() ([]byte, error) {
	return encodePoly(r.TestAnimalClass)
}

// A directoryObject hierarchy shaped like the generated Graph client's
// (user and group derive from directoryObject, which derives from entity;
// a group's members and owners are directoryObjects), with the field types
// generated code uses: pointers to primitives, enums, time.Time, the runtime
// value types, json.RawMessage, []byte, slices, complex types and Refs. The
// decoding benchmarks and tests use it.
type (
	testEntity struct {
		ODataType *string `json:"@odata.type,omitzero"`
		ID        *string `json:"id,omitempty"`
		Extra     Members `json:"-"`
	}
	// TestDirectoryObjectClass is implemented by *testDirectoryObject and
	// the types derived from it. It is a test type.
	TestDirectoryObjectClass interface {
		AsTestDirectoryObject() *testDirectoryObject
	}
	testDirectoryObject struct {
		testEntity
		DeletedDateTime *time.Time `json:"deletedDateTime,omitempty"`
	}
	testUserType    string
	testUserAddress struct {
		ODataType   *string  `json:"@odata.type,omitzero"`
		City        *string  `json:"city,omitempty"`
		PostalCode  *string  `json:"postalCode,omitempty"`
		StreetLines []string `json:"streetLines,omitzero"`
		Extra       Members  `json:"-"`
	}
	testUser struct {
		testDirectoryObject
		AccountEnabled  *bool                    `json:"accountEnabled,omitempty"`
		BusinessPhones  []string                 `json:"businessPhones,omitzero"`
		DisplayName     *string                  `json:"displayName,omitempty"`
		GivenName       *string                  `json:"givenName,omitempty"`
		Mail            *string                  `json:"mail,omitempty"`
		UserType        *testUserType            `json:"userType,omitempty"`
		Birthday        *Date                    `json:"birthday,omitempty"`
		WorkStart       *TimeOfDay               `json:"workStart,omitempty"`
		NoticePeriod    *Duration                `json:"noticePeriod,omitempty"`
		CreatedDateTime *time.Time               `json:"createdDateTime,omitempty"`
		Quota           *int64                   `json:"quota,omitempty"`
		Score           *float64                 `json:"score,omitempty"`
		Photo           []byte                   `json:"photo,omitzero"`
		Extensions      json.RawMessage          `json:"extensions,omitempty"`
		Licenses        []json.RawMessage        `json:"licenses,omitzero"`
		Address         *testUserAddress         `json:"address,omitempty"`
		OtherAddresses  []testUserAddress        `json:"otherAddresses,omitzero"`
		LogonCounts     []int32                  `json:"logonCounts,omitzero"`
		Manager         testDirectoryObjectRef   `json:"manager,omitzero"`
		MemberOf        []testDirectoryObjectRef `json:"memberOf,omitzero"`
	}
	testGroup struct {
		testDirectoryObject
		Description     *string                  `json:"description,omitempty"`
		DisplayName     *string                  `json:"displayName,omitempty"`
		GroupTypes      []string                 `json:"groupTypes,omitzero"`
		MailEnabled     *bool                    `json:"mailEnabled,omitempty"`
		SecurityEnabled *bool                    `json:"securityEnabled,omitempty"`
		CreatedDateTime *time.Time               `json:"createdDateTime,omitempty"`
		MemberCount     *int32                   `json:"memberCount,omitempty"`
		Members         []testDirectoryObjectRef `json:"members,omitzero"`
		Owners          []testDirectoryObjectRef `json:"owners,omitzero"`
	}
)

func (v *testDirectoryObject) AsTestDirectoryObject() *testDirectoryObject { return v }

// testDirectoryObjectRef is the Ref wrapper of TestDirectoryObjectClass.
type testDirectoryObjectRef struct{ TestDirectoryObjectClass }

func (r testDirectoryObjectRef) unwrap() TestDirectoryObjectClass {
	return r.TestDirectoryObjectClass
}

// UnmarshalJSON decodes into the type named by @odata.type.
func (r *testDirectoryObjectRef) UnmarshalJSON(b []byte) error {
	v, err := decodePoly(b, func() TestDirectoryObjectClass { return new(testDirectoryObject) })
	r.TestDirectoryObjectClass = v
	return err
}

// MarshalJSON encodes the value held.
func (r testDirectoryObjectRef) MarshalJSON() ([]byte, error) {
	return encodePoly(r.TestDirectoryObjectClass)
}
