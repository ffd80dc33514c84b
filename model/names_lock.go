package model

import (
	"bufio"
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// NameEntry records a name docgen gave, so that a later run can keep it:
// adding pages then never renames what earlier pages produced, even when a
// new page would otherwise win a contested name.
type NameEntry struct {
	// Kind is "type", "operation" or "body": the name of the struct docgen
	// makes up for an operation's body (its parameter table, say).
	Kind string
	// Key identifies the named thing: the lower-cased full OData name of a
	// type, "METHOD path" of an operation and of a body. An operation's and
	// a body's key is matched by its shape (OperationShape), so a
	// placeholder renamed by a docs update keeps the name.
	Key string
	// Name is the Go name given.
	Name string
}

// NamesDirective starts every line of a names file.
const NamesDirective = "// docgen:name "

// FormatNames renders entries as lines of a names file, one per entry.
func FormatNames(entries []NameEntry) []string {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, NamesDirective+e.Kind+" "+strconv.QuoteToASCII(e.Key)+" "+e.Name)
	}
	return out
}

// ParseNames reads the entries of a names file, skipping lines it does not
// understand.
func ParseNames(src []byte) []NameEntry {
	var out []NameEntry
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), NamesDirective)
		if !ok {
			continue
		}
		kind, rest, ok := strings.Cut(rest, " ")
		if !ok || kind != "type" && kind != "operation" && kind != "body" {
			continue
		}
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			continue
		}
		key, err := strconv.Unquote(q)
		name := strings.TrimSpace(rest[len(q):])
		if err != nil || !isExportedIdent(name) {
			continue
		}
		out = append(out, NameEntry{Kind: kind, Key: key, Name: name})
	}
	return out
}

func isExportedIdent(s string) bool {
	return s != "" && GoName(s) == s && s[0] >= 'A' && s[0] <= 'Z'
}

// lockIndex maps kind and key to the locked name.
type lockIndex map[string]string

func newLockIndex(entries []NameEntry) lockIndex {
	l := lockIndex{}
	for _, e := range entries {
		key := e.Key
		if e.Kind == "operation" || e.Kind == "body" {
			method, path, _ := strings.Cut(key, " ")
			key = OperationShape(method, path)
		}
		if _, dup := l[e.Kind+" "+key]; !dup { // the first entry of a shape wins
			l[e.Kind+" "+key] = e.Name
		}
	}
	return l
}

func (l lockIndex) typeName(key string) (string, bool) {
	n, ok := l["type "+key]
	return n, ok
}

func (l lockIndex) opName(of *opFacts) (string, bool) {
	n, ok := l["operation "+OperationShape(of.method, of.tmpl.Path)]
	return n, ok
}

// bodyName is the name an earlier run gave the struct made up for the body
// of the operation of, or of one of its alternates, alts, in their order.
func (l lockIndex) bodyName(of *opFacts, alts []*opFacts) (string, bool) {
	for _, o := range append([]*opFacts{of}, alts...) {
		if n, ok := l["body "+OperationShape(o.method, o.tmpl.Path)]; ok {
			return n, true
		}
	}
	return "", false
}

func opKey(method, path string) string { return method + " " + path }

// OperationShape is the identity of a request for the names file: the
// method and the path's shape, by which duplicate operations are merged too
// (placeholder names dropped, literal text lower-cased, since the service
// compares path segments without regard to case), with a placeholder's
// quotes dropped ("range(address='{address}')" and
// "range(address={address})" are one function call).
// "GET /users/{id | userPrincipalName}/messages/{message-id}" and
// "get /Users/{user-id}/messages/{id}" have one shape,
// "GET /users/{}/messages/{}". A docs update that renames a placeholder so
// keeps the operation's name.
func OperationShape(method, path string) string {
	return strings.ToUpper(method) + " " + strings.ReplaceAll(shape(strings.TrimSuffix(path, "/")), "'{}'", "{}")
}

// nameEntries lists the names of m for its names file, sorted.
func nameEntries(m *Model) []NameEntry {
	var out []NameEntry
	for _, t := range m.Types {
		if !t.Synthesized && t.FullName != "" {
			out = append(out, NameEntry{Kind: "type", Key: strings.ToLower(t.FullName), Name: t.Name})
		}
	}
	for _, o := range m.Operations {
		out = append(out, NameEntry{Kind: "operation", Key: opKey(o.Method, o.Path), Name: o.Name})
		// An alternate records its primary's body struct too, so that the
		// struct keeps its name when a docs update makes the alternate's
		// path the primary one.
		if o.Body != nil && o.Body.Type.Named != nil && o.Body.Type.Named.Synthesized {
			out = append(out, NameEntry{Kind: "body", Key: opKey(o.Method, o.Path), Name: o.Body.Type.Named.Name})
		}
	}
	slices.SortFunc(out, func(a, b NameEntry) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Key, b.Key))
	})
	return out
}
