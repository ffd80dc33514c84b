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
	// Kind is "type" or "operation".
	Kind string
	// Key identifies the named thing: the lower-cased full OData name of a
	// type, "METHOD path" of an operation. An operation's key is matched by
	// its shape (OperationShape), so a placeholder renamed by a docs update
	// keeps the name.
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
		if !ok || kind != "type" && kind != "operation" {
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
		if e.Kind == "operation" {
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
	}
	slices.SortFunc(out, func(a, b NameEntry) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Key, b.Key))
	})
	return out
}
