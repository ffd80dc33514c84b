package model

import "github.com/docgen-dev/docgen/diag"

// Model is the merged API of a set of pages.
type Model struct {
	// Types holds every type, sorted by Go name.
	Types []*Type
	// Operations holds every operation, sorted by Go name.
	Operations []*Operation
	// Pages says what each input page contributed, sorted by path.
	Pages []*PageSummary
	// Diags are the diagnostics of all pages and of the merge, sorted.
	Diags diag.List
	// BaseURL is the service root the examples use, such as
	// "https://graph.microsoft.com/v1.0".
	BaseURL string
	// Names lists every name given, for the names file a later run reads
	// (Options.Names).
	Names []NameEntry
}

// TypeKind tells entity, complex and enum types apart.
type TypeKind int

// Type kinds.
const (
	Complex TypeKind = iota
	Entity
	Enum
)

func (k TypeKind) String() string {
	switch k {
	case Entity:
		return "entity"
	case Enum:
		return "enum"
	}
	return "complex"
}

// Type is a named type of the API.
type Type struct {
	// FullName is the OData name, such as "microsoft.graph.synchronizationJob".
	FullName string
	// Name is the Go name, such as "SynchronizationJob".
	Name string
	Kind TypeKind
	// Base is the base type, or nil.
	Base *Type
	// Subtypes are the types whose Base is this type, sorted by Go name.
	Subtypes    []*Type
	Properties  []*Property
	Members     []*EnumMember
	Description string
	// Pos is where the type is defined: its resource or enum page, or the
	// first example that mentions it.
	Pos diag.Pos
	// Synthesized is set for types docgen made up, such as the parameters
	// of an action.
	Synthesized bool
	// Defined reports whether a page defines the type: its resource or
	// enum page, or for a synthesized type the API page it comes from. A
	// type only examples and tables mention is not defined.
	Defined bool
	// Open reports an OData open type.
	Open bool
	// ClassName and RefName are set for types with subtypes: the interface
	// every type of the hierarchy implements, and the wrapper that decodes
	// a value of the hierarchy by its @odata.type.
	ClassName, RefName string
	// AsName is the method of ClassName that returns the value as this type.
	AsName string
}

// Polymorphic reports whether values of t may be of a derived type.
func (t *Type) Polymorphic() bool { return t != nil && len(t.Subtypes) > 0 }

// KeepsUndeclared reports whether the generated struct of t keeps the
// members it does not declare, in the MembersField its root type holds:
// every type but the made-up parameter structs (Synthesized). The emitter
// gives a root type the field exactly when this holds, and the strict
// check of documented bodies counts on it.
func (t *Type) KeepsUndeclared() bool {
	root := t.Root()
	return root != nil && !root.Synthesized
}

// Root returns the topmost base type of t.
func (t *Type) Root() *Type {
	root := t
	for a := range t.Lineage() {
		root = a
	}
	return root
}

// ODataTypeField is the Go name of the "@odata.type" field every root
// struct type carries, so that discriminators survive decoding and
// encoding.
const ODataTypeField = "ODataType"

// MembersField is the Go name of the field every root struct type carries
// to hold the JSON members its type does not declare (the runtime's
// Members), promoted into derived types.
const MembersField = "Extra"

// Source names the kind of docs text a fact came from.
type Source string

// Sources of facts, strongest first.
const (
	FromTable    Source = "table"
	FromJSONRep  Source = "json-representation"
	FromExample  Source = "example"
	FromParams   Source = "parameter-table"
	FromInferred Source = "inferred"
)

// Property is a structural or navigation property of a type.
type Property struct {
	// JSONName is the exact wire name.
	JSONName string
	// Name is the Go field name.
	Name string
	Type TypeRef
	// Relationship marks navigation properties.
	Relationship bool
	Description  string
	Source       Source
	Pos          diag.Pos
}

// TypeRef is the type of a property, parameter or response: a primitive or
// a named type, possibly a collection.
type TypeRef struct {
	Primitive  Primitive
	Named      *Type
	Collection bool
}

// IsZero reports whether r refers to nothing.
func (r TypeRef) IsZero() bool { return r.Primitive == "" && r.Named == nil }

// String formats r the way the docs would, such as "Collection(microsoft.graph.user)".
func (r TypeRef) String() string {
	s := "Edm." + string(r.Primitive)
	if r.Named != nil {
		s = r.Named.FullName
	}
	if r.Collection {
		return "Collection(" + s + ")"
	}
	return s
}

// EnumMember is one value of an enum.
type EnumMember struct {
	// Value is the wire value.
	Value string
	// Name is the Go constant name.
	Name        string
	Description string
	Pos         diag.Pos
}

// ResponseKind says what an operation returns.
type ResponseKind int

// Response kinds.
const (
	ResponseNone ResponseKind = iota
	ResponseSingle
	ResponseCollection
	ResponseStream
)

func (k ResponseKind) String() string {
	return [...]string{"none", "single", "collection", "stream"}[k]
}

// Operation is one callable request: a method and one path template.
type Operation struct {
	// Name is the Go method name on the client.
	Name   string
	Method string
	// Path is the template as documented, such as
	// "/applications/{applicationsId}/synchronization/jobs".
	Path  string
	Parts []PathPart
	// Params are the path parameters, in path order.
	Params []*PathParam
	// Body is the request body, or nil.
	Body *RequestBody
	// Response is what the operation returns; ResponseType is the entity
	// (or element) type for single and collection responses.
	Response     ResponseKind
	ResponseType TypeRef
	// ResponseFrom is the evidence Response and ResponseType come from,
	// strongest first: "example" (a success response example of the
	// operation, or the page's only response examples when they answer no
	// request example), "@odata.context" (that example's @odata.context,
	// where its annotation and body name no type), "prose" (the page's
	// Response section), "methods table" (a resource page's Methods table),
	// "relationship table" (the owner's Relationships row, for a GET of a
	// navigation property), "property table" (the owner's Properties row,
	// for a GET of a structural property); "" when the docs show none.
	ResponseFrom string
	Description  string
	// QueryOptions are the OData query options ("$select") the page says
	// the operation supports.
	QueryOptions []string
	// Page is the path of the page that documents the operation.
	Page string
	Pos  diag.Pos
	// Examples are the documented request/response pairs of the page.
	Examples []*Example
	// AlternateOf is the Name of the operation this one is an alternate
	// path of (the same call reached from another resource, as /me/drive
	// beside /users/{id}/drive), "" for a primary operation.
	AlternateOf string
}

// PathPart is a piece of a path template: literal text or a parameter.
type PathPart struct {
	Literal string
	Param   *PathParam
}

// PathParam is a path parameter.
type PathParam struct {
	// Placeholder is the text inside the braces, such as "id | userPrincipalName".
	Placeholder string
	// Name is the Go parameter name.
	Name string
	// Quoted marks a function parameter written inside single quotes.
	Quoted bool
	// Arg is the name of the function argument the parameter stands for
	// ("address" in "range(address='{address}')"), "" for a parameter that
	// is a path segment or key.
	Arg string
	// Type is the type the page's parameter table gives a function
	// argument, when it is one a path can carry: a number, Boolean,
	// String, DateTimeOffset, Date or an enum, never a collection. It is
	// zero for any other parameter, which is passed as a string.
	Type        TypeRef
	Description string
}

// RequestBody is the body an operation sends.
type RequestBody struct {
	Type TypeRef
	// Binary marks content uploads (a drive item's /content, a photo's
	// $value, any body documented with a non-JSON Content-Type): the
	// method takes the content type and an io.Reader.
	Binary bool
	// Reference marks the body of a $ref operation (POST, PUT or PATCH of a path
	// ending in "/$ref"): a reference to a resource, sent as
	// {"@odata.id": ...}; Type is zero.
	Reference bool
}

// Example is one documented request with its response.
type Example struct {
	Name   string
	Pos    diag.Pos
	Method string
	// Path and Query are the example URL without scheme, host and version.
	Path  string
	Query string
	// RequestBody is the request body text, if any, and RequestBodyPos where
	// it starts.
	RequestBody    string
	RequestBodyPos diag.Pos
	// RequestJSON reports whether the request body is valid JSON.
	RequestJSON bool
	// RequestContentType is the documented Content-Type of the request,
	// "" when the example names none.
	RequestContentType string
	Status             int
	// ResponseHeaders are the documented response headers.
	ResponseHeaders [][2]string
	ResponseBody    string
	ResponseBodyPos diag.Pos
	ResponseJSON    bool
	// RequestRepaired and ResponseRepaired hold the bodies as compact JSON
	// when the documented text is not valid JSON but its slips (comments,
	// trailing commas, "...") could be repaired; the repairs are reported
	// as diagnostics.
	RequestRepaired, ResponseRepaired string
	// RequestFitted and ResponseFitted hold the bodies as compact JSON when
	// some of their values would not decode into the documented types:
	// those values are replaced by the nearest value of the type and members
	// the type lacks are dropped, each reported (example-invalid-value,
	// example-unknown-property). The Example functions send the fitted
	// request and the test double serves the fitted response.
	RequestFitted, ResponseFitted string
	// ResponseMismatch says why the documented response cannot decode as
	// the operation returns it (one object where the operation returns a
	// collection, by stronger evidence than the example's), or "".
	ResponseMismatch string
	// RequestLosses are the differences between the documented request
	// body and what the client sends for it (bodyLosses), in document
	// order; the body is sent as documented when Strict(RequestLosses).
	RequestLosses []BodyLoss
	// RequestNulls are the Go names of the body's own properties the
	// documented body sets to null: an Example sends each with SetNull.
	RequestNulls []string
	// ResponseType is the type the response annotation names.
	ResponseType TypeRef
}

// PageSummary says what one page contributed to the model.
type PageSummary struct {
	Path       string   `json:"path"`
	Types      []string `json:"types,omitempty"`
	Enums      []string `json:"enums,omitempty"`
	Operations []string `json:"operations,omitempty"`
	// Reason says why the page contributed nothing.
	Reason string `json:"reason,omitempty"`
	// EnumTables counts the enum member tables on the page, and
	// EnumTablesUsed those that gave an enum at least one member.
	EnumTables     int `json:"enumTables,omitempty"`
	EnumTablesUsed int `json:"enumTablesUsed,omitempty"`
}
