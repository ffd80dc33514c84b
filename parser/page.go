package parser

import "github.com/docgen-dev/docgen/diag"

// Page holds the facts of one markdown page.
type Page struct {
	Path        string      `json:"path"`
	FrontMatter FrontMatter `json:"frontMatter"`
	// Title is the text of the first level-1 heading.
	Title     string   `json:"title,omitempty"`
	TitlePos  diag.Pos `json:"titlePos"`
	Namespace string   `json:"namespace,omitempty"`
	// NamespacePos is the position of the "Namespace:" line.
	NamespacePos diag.Pos      `json:"namespacePos"`
	Headings     []Heading     `json:"headings,omitempty"`
	Annotations  []*Annotation `json:"annotations,omitempty"`
	// Templates are the request lines of the "HTTP request" section.
	Templates []Template `json:"templates,omitempty"`
	// LooseTemplates are request lines in unannotated or "ignored" code
	// blocks outside that section, and relative request examples with
	// {placeholders}: the templates of pages that have no HTTP request
	// section.
	LooseTemplates []Template  `json:"looseTemplates,omitempty"`
	Requests       []*Request  `json:"requests,omitempty"`
	Responses      []*Response `json:"responses,omitempty"`
	Resources      []*Resource `json:"resources,omitempty"`
	Tables         []*Table    `json:"tables,omitempty"`
	// Intro is the page's own description: the plain text of the first
	// paragraph after the title and before the first section, markdown
	// reduced to its text. "Namespace:" lines and includes are not intros.
	Intro    string   `json:"intro,omitempty"`
	IntroPos diag.Pos `json:"introPos,omitzero"`
	// QueryOptions are the OData system query options ("$select",
	// "$filter") the "Optional query parameters" section says the
	// operation supports, in the order of first mention.
	QueryOptions []string `json:"queryOptions,omitempty"`
	// InheritsFrom is the type an "Inherits from [x](x.md)" line names.
	InheritsFrom    string   `json:"inheritsFrom,omitempty"`
	InheritsFromPos diag.Pos `json:"inheritsFromPos"`
	// Links are the links in the page's paragraphs, with their sections.
	// Includes are not among them.
	Links []PageLink `json:"links,omitempty"`
	// Includes are the "[!INCLUDE [label](path)]" lines of paragraphs and
	// table cells.
	Includes []Include `json:"includes,omitempty"`
	// ResponseProse is what the "Response" section's prose says the
	// operation returns, or nil when it says nothing readable.
	ResponseProse *ResponseProse `json:"responseProse,omitempty"`
	// Diags are the problems found on this page.
	Diags diag.List `json:"diagnostics,omitempty"`
}

// FrontMatter is the YAML header of a page. Only flat "key: value" pairs are
// read.
type FrontMatter struct {
	Pos         diag.Pos `json:"pos"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	DocType     string   `json:"docType,omitempty"`
}

// Heading is an ATX or setext heading.
type Heading struct {
	Pos   diag.Pos `json:"pos"`
	Level int      `json:"level"`
	Text  string   `json:"text"`
}

// Annotation is an HTML comment holding a JSON object with a "blockType", and
// the code block that follows it.
type Annotation struct {
	Pos                diag.Pos   `json:"pos"`
	BlockType          string     `json:"blockType"`
	Name               string     `json:"name,omitempty"`
	ODataType          string     `json:"odataType,omitempty"`
	Truncated          bool       `json:"truncated,omitempty"`
	IsCollection       bool       `json:"isCollection,omitempty"`
	BaseType           string     `json:"baseType,omitempty"`
	KeyProperty        string     `json:"keyProperty,omitempty"`
	OpenType           bool       `json:"openType,omitempty"`
	OptionalProperties []string   `json:"optionalProperties,omitempty"`
	Block              *CodeBlock `json:"block,omitempty"`
	// Section is the text of the enclosing level-2 heading.
	Section string `json:"section,omitempty"`
}

// CodeBlock is a fenced or indented code block.
type CodeBlock struct {
	Pos  diag.Pos `json:"pos"`
	Info string   `json:"info,omitempty"`
	// Text is the block's content; Line of Pos is the first content line.
	Text string `json:"-"`
}

// Template is a request line from the "HTTP request" section, such as
// "GET /users/{id | userPrincipalName}/messages".
type Template struct {
	Pos    diag.Pos `json:"pos"`
	Method string   `json:"method"`
	Path   string   `json:"path"`
	// Query is the query string of the template, if any, without "?".
	Query string `json:"query,omitempty"`
}

// Header is one HTTP header line.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Body is the payload of an HTTP example.
type Body struct {
	Pos  diag.Pos `json:"pos"`
	Text string   `json:"-"`
	// JSON is the leniently parsed body; nil when the body is not JSON.
	JSON *JSONValue `json:"-"`
	// Strict reports whether Text is valid JSON as it stands.
	Strict bool `json:"strict"`
	// Kind is the kind of the top-level JSON value, if any.
	Kind string `json:"kind,omitempty"`
}

// Request is an annotated HTTP request example.
type Request struct {
	Pos        diag.Pos    `json:"pos"`
	Annotation *Annotation `json:"-"`
	Name       string      `json:"name,omitempty"`
	Method     string      `json:"method"`
	// Path is the URL path without scheme, host and version segment.
	Path  string `json:"path"`
	Query string `json:"query,omitempty"`
	// Base is the scheme, host and version of an absolute URL.
	Base    string   `json:"base,omitempty"`
	Headers []Header `json:"headers,omitempty"`
	Body    *Body    `json:"body,omitempty"`
}

// Response is an annotated HTTP response example.
type Response struct {
	Pos          diag.Pos    `json:"pos"`
	Annotation   *Annotation `json:"-"`
	Name         string      `json:"name,omitempty"`
	Status       int         `json:"status"`
	Headers      []Header    `json:"headers,omitempty"`
	Body         *Body       `json:"body,omitempty"`
	ODataType    string      `json:"odataType,omitempty"`
	Truncated    bool        `json:"truncated,omitempty"`
	IsCollection bool        `json:"isCollection,omitempty"`
	// RequestIndex is the index in Page.Requests of the request this
	// response answers, or -1.
	RequestIndex int `json:"request"`
}

// ResponseProse is the first sentence of a page's "Response" section that
// names a status code or a resource, as in "If successful, this method
// returns a `200 OK` response code and a collection of [user](../resources/user.md)
// objects in the response body" or "returns `204 No Content`".
type ResponseProse struct {
	Pos diag.Pos `json:"pos"`
	// Status is the first status code the sentence names, or 0.
	Status int `json:"status,omitempty"`
	// Type is the link to the resource page the sentence names after the
	// status, if any: its text and destination.
	Type *Link `json:"type,omitempty"`
	// Collection reports whether the sentence returns a collection of the
	// resource ("a collection of [x](...) objects", "[x](...) collection").
	Collection bool `json:"collection,omitempty"`
}

// Resource is the JSON representation of a resource type.
type Resource struct {
	Pos         diag.Pos    `json:"pos"`
	Annotation  *Annotation `json:"-"`
	ODataType   string      `json:"odataType"`
	BaseType    string      `json:"baseType,omitempty"`
	KeyProperty string      `json:"keyProperty,omitempty"`
	OpenType    bool        `json:"openType,omitempty"`
	Body        *Body       `json:"body,omitempty"`
}

// TableKind classifies a table by its section and header.
type TableKind string

// Table kinds.
const (
	TableProperties    TableKind = "properties"
	TableRelationships TableKind = "relationships"
	TablePathParams    TableKind = "pathParameters"
	TableQueryParams   TableKind = "queryParameters"
	TableHeaders       TableKind = "headers"
	TableRequestBody   TableKind = "requestBody"
	TableEnumMembers   TableKind = "enumMembers"
	TableMethods       TableKind = "methods"
	TableOther         TableKind = "other"
)

// Table is a GFM table.
type Table struct {
	Pos  diag.Pos  `json:"pos"`
	Kind TableKind `json:"kind"`
	// Section is the nearest heading above the table.
	Section string   `json:"section,omitempty"`
	Header  []string `json:"header"`
	Rows    []Row    `json:"rows,omitempty"`
}

// Row is one table row.
type Row struct {
	Pos   diag.Pos `json:"pos"`
	Cells []Cell   `json:"cells"`
}

// Cell is one table cell: its plain text and the links it holds.
type Cell struct {
	Text  string `json:"text"`
	Links []Link `json:"links,omitempty"`
}

// Link is a markdown link.
type Link struct {
	Text string `json:"text"`
	Dest string `json:"dest"`
}

// PageLink is a link in a paragraph.
type PageLink struct {
	Pos diag.Pos `json:"pos"`
	// Section is the level-2 heading above the link; "" for the intro.
	Section string `json:"section,omitempty"`
	Link
}
