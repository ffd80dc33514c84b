package spec

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// initialisms are the words Go spells in one case. The table is the one
// place that decides how such words are written in generated names.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "csv": "CSV",
	"dns": "DNS", "eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS",
	"id": "ID", "ids": "IDs", "ip": "IP", "json": "JSON", "jwt": "JWT", "lhs": "LHS", "mdm": "MDM",
	"os": "OS", "qps": "QPS", "ram": "RAM", "rhs": "RHS", "rpc": "RPC", "saml": "SAML", "sip": "SIP", "sla": "SLA",
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
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			switch {
			case unicode.IsLower(prev) && unicode.IsUpper(r):
				flush()
			case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && rs[i+1] <= unicode.MaxASCII:
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// titleWord writes one word with its first letter upper case, or as the
// initialism the table gives.
func titleWord(w string) string {
	if v, ok := initialisms[strings.ToLower(w)]; ok {
		return v
	}
	return strings.ToUpper(w[:1]) + w[1:]
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
	if token.IsKeyword(n) || predeclared[n] || reservedLocals[n] {
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
	"ctx": true, "c": true, "opts": true, "body": true, "path": true, "url": true, "context": true,
	"iter": true, "io": true, "json": true, "time": true, "http": true,
}

// namer hands out unique names in one scope. A name that is taken gets the
// smallest numeric suffix that is free, so results depend only on the order
// of requests, which callers keep deterministic.
type namer struct {
	used map[string]bool
}

func newNamer(reserved ...string) *namer {
	n := &namer{used: map[string]bool{}}
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
	for i := 2; n.used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}
