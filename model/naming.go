package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/templates"
)

// initialisms are the words Go spells in one case. The table is the one
// place that decides how such words are written in generated names.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "csv": "CSV",
	"dns": "DNS", "eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS",
	"id": "ID", "ids": "IDs", "ip": "IP", "json": "JSON", "jwt": "JWT", "lhs": "LHS", "mdm": "MDM",
	"odata": "OData", "os": "OS", "qps": "QPS", "ram": "RAM", "rhs": "RHS", "rpc": "RPC", "saml": "SAML", "sip": "SIP", "sla": "SLA",
	"smtp": "SMTP", "sql": "SQL", "ssh": "SSH", "ssl": "SSL", "sso": "SSO", "tcp": "TCP", "tls": "TLS", "ttl": "TTL",
	"udp": "UDP", "ui": "UI", "uid": "UID", "uri": "URI", "url": "URL", "urls": "URLs", "utf8": "UTF8", "uuid": "UUID",
	"vm": "VM", "vpn": "VPN", "xml": "XML", "xmpp": "XMPP", "xsrf": "XSRF", "xss": "XSS",
}

// words splits docs text into words: at every character that is not a
// letter or digit, and at lower-to-upper and letter-digit case boundaries,
// keeping runs of capitals together ("HTTPServer" → "HTTP", "Server").
// Letters outside ASCII are dropped so that names stay plain ASCII.
func words(s string) []string {
	var out []string
	start := -1 // start of the current word in s; its bytes are ASCII
	var prev byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isASCIILetter(c) && !isASCIIDigit(c) {
			// Not a letter or digit, or a byte of a character outside
			// ASCII: both end the word.
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start >= 0 {
			switch {
			case isASCIILower(prev) && isASCIIUpper(c):
				out = append(out, s[start:i])
				start = -1
			case isASCIIUpper(prev) && isASCIIUpper(c) && i+1 < len(s) && isASCIILower(s[i+1]):
				out = append(out, s[start:i])
				start = -1
			}
		}
		if start < 0 {
			start = i
		}
		prev = c
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isASCIILetter(c byte) bool { return isASCIILower(c) || isASCIIUpper(c) }
func isASCIILower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isASCIIUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }

// titleWord writes one word with its first letter upper case, or as the
// initialism the table gives. A word already all in capitals keeps its
// spelling ("IDS" stays "IDS", not "IDs"), so that GoName of a Go name is
// that name, as names files rely on. Words are ASCII (see words).
func titleWord(w string) string {
	var buf [32]byte
	if len(w) <= len(buf) {
		lower, allUpper := buf[:len(w)], true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if isASCIIUpper(c) {
				c += 'a' - 'A'
			} else if isASCIILower(c) {
				allUpper = false
			}
			lower[i] = c
		}
		if v, ok := initialisms[string(lower)]; ok {
			if allUpper {
				return w
			}
			return v
		}
	}
	if isASCIIUpper(w[0]) {
		return w
	}
	if isASCIILower(w[0]) {
		return string(w[0]-('a'-'A')) + w[1:]
	}
	return w
}

// GoName turns docs text into an exported Go identifier: "synchronizationJobs"
// → "SynchronizationJobs", "applicationsId" → "ApplicationsID",
// "user: delta" → "UserDelta". A name that would not start with a letter is
// prefixed with "X"; text with no usable characters gives "X".
func GoName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		b.WriteString(titleWord(w))
	}
	n := b.String()
	if n == "" {
		return "X"
	}
	if !unicode.IsLetter(rune(n[0])) {
		n = "X" + n
	}
	return n
}

// LowerName turns docs text into an unexported Go identifier for a
// parameter or local: "applicationsId" → "applicationsID", "ID" → "id",
// "URLValue" → "urlValue". Go keywords and predeclared names get a "Param"
// suffix.
func LowerName(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return "param"
	}
	var b strings.Builder
	for i, w := range ws {
		if i == 0 {
			if _, ok := initialisms[strings.ToLower(w)]; ok {
				b.WriteString(strings.ToLower(w))
			} else {
				b.WriteString(strings.ToLower(w[:1]) + w[1:])
			}
			continue
		}
		b.WriteString(titleWord(w))
	}
	n := b.String()
	if !unicode.IsLetter(rune(n[0])) {
		n = "p" + n
	}
	if token.IsKeyword(n) || predeclared[n] || reservedLocals[n] || runtimeLocals()[n] {
		n += "Param"
	}
	return n
}

// predeclared are Go's predeclared identifiers, which a parameter must not
// shadow in generated code.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true, "close": true,
	"comparable": true, "complex": true, "complex128": true, "complex64": true, "copy": true, "delete": true,
	"error": true, "false": true, "float32": true, "float64": true, "imag": true, "int": true, "int16": true,
	"int32": true, "int64": true, "int8": true, "iota": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "nil": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
	"rune": true, "string": true, "true": true, "uint": true, "uint16": true, "uint32": true, "uint64": true,
	"uint8": true, "uintptr": true,
}

// reservedLocals are the names generated request functions use for their
// own parameters and imports.
var reservedLocals = map[string]bool{
	"ctx": true, "c": true, "opts": true, "body": true, "contentType": true, "path": true, "url": true, "context": true,
	"iter": true, "io": true, "json": true, "time": true, "http": true,
	// Packages generated files import or may import.
	"strings": true, "strconv": true, "fmt": true, "errors": true, "bytes": true,
}

// runtimeLocals are the unexported top-level identifiers of the client
// runtime and the emitter's own (doJSON, pathSegment, newByODataType, ...).
// A parameter named like one would shadow the function its method calls:
// "GET /things/{doJSON}" must not give a parameter doJSON.
var runtimeLocals = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, id := range templates.Identifiers() {
		if r, _ := utf8.DecodeRuneInString(id); !unicode.IsUpper(r) {
			m[id] = true
		}
	}
	return m
})

// vetMethods are the method names go vet's stdmethods check expects with
// the signature of a standard interface (json.Marshaler, errors.Is, ...).
// A request method of that name, such as an operation titled "Marshal
// JSON", fails go vet.
var vetMethods = []string{
	"As", "Format", "GobDecode", "GobEncode", "Is", "MarshalJSON", "MarshalXML", "ReadByte", "ReadFrom",
	"ReadRune", "Scan", "Seek", "UnmarshalJSON", "UnmarshalXML", "UnreadByte", "UnreadRune", "Unwrap",
	"WriteByte", "WriteTo",
}

// operationReserved are the names an operation, a method of Client, must
// not take: the names go vet reserves for standard methods, String and
// Error (which fmt would take for the standard ones), and the methods and
// fields the runtime declares on Client. Operation names must come from a
// namer started with them: newNamer(operationReserved()...).
var operationReserved = sync.OnceValue(func() []string {
	names := append([]string{"String", "Error"}, vetMethods...)
	fset := token.NewFileSet()
	for _, f := range templates.Files() {
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			continue // templates' own tests parse every file
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil && len(d.Recv.List) == 1 && receiverType(d.Recv.List[0].Type) == "Client" {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					if ts, ok := sp.(*ast.TypeSpec); ok && ts.Name.Name == "Client" {
						if st, ok := ts.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									names = append(names, n.Name)
								}
							}
						}
					}
				}
			}
		}
	}
	return names
})

// receiverType is the name of a method's receiver type, T or *T.
func receiverType(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// namer hands out unique names in one scope. A name that is taken gets the
// smallest numeric suffix that is free, so results depend only on the order
// of requests, which callers keep deterministic.
type namer struct {
	used map[string]bool
	// next is, per base, the suffix below which every name base2, base3,
	// ... is known to be taken: names are never freed, so the search for
	// the smallest free suffix resumes there. Without it, n names that
	// collide (a page with thousands of "a", "a_", "a__" rows) would cost
	// n² lookups.
	next map[string]int
}

func newNamer(reserved ...string) *namer {
	n := &namer{used: map[string]bool{}, next: map[string]int{}}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

// taken reports whether name is in use.
func (n *namer) taken(name string) bool { return n.used[name] }

// unique reserves base, or base2, base3, ... and returns the name reserved.
func (n *namer) unique(base string) string {
	name := base
	if n.used[name] {
		i := max(n.next[base], 2)
		for name = base + strconv.Itoa(i); n.used[name]; {
			i++
			name = base + strconv.Itoa(i)
		}
		n.next[base] = i + 1
	}
	n.used[name] = true
	return name
}
