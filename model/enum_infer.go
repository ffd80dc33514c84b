package model

import (
	"regexp"
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

// listedRe finds the start of a list of values in a description:
// "Possible values are: ...", "The possible values as of now are ...",
// "Possible values include ...".
var listedRe = regexp.MustCompile(`(?i)possible values(?:\s+[a-z]+){0,3}?\s+(?:are|include)\s*:?\s*`)

// listedValues returns the values a "Possible values are ..." sentence of
// desc lists, in order and without repeats: `quoted` or bare identifiers,
// separated by commas, "and" or "or". The list ends at the first other
// text (a full stop, a parenthesis, two words in a row), so that what
// follows it ("Supports `$filter`") is not taken for values. It returns
// nil unless the list holds at least two values.
func listedValues(desc string) []string {
	if !mayListValues(desc) {
		return nil
	}
	loc := listedRe.FindStringIndex(desc)
	if loc == nil {
		return nil
	}
	s := desc[loc[1]:]
	var vals []string
	seen := map[string]bool{}
	sep := true // a separator precedes the next value
	for {
		// Separators: white space, commas and the words "and", "or".
		for {
			t := strings.TrimLeft(s, " \t")
			if t != s {
				s = t
				continue
			}
			if strings.HasPrefix(s, ",") {
				s, sep = s[1:], true
				continue
			}
			if w := leadingWord(s); strings.EqualFold(w, "and") || strings.EqualFold(w, "or") {
				s, sep = s[len(w):], true
				continue
			}
			break
		}
		if !sep && len(vals) > 0 {
			break
		}
		var v string
		switch {
		case strings.HasPrefix(s, "`"):
			end := strings.IndexByte(s[1:], '`')
			if end < 0 {
				return listResult(vals)
			}
			v, s = s[1:1+end], s[2+end:]
		default:
			v = leadingWord(s)
			s = s[len(v):]
		}
		if !isMemberValue(v) {
			break
		}
		if !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
		sep = false
	}
	return listResult(vals)
}

func listResult(vals []string) []string {
	if len(vals) < 2 {
		return nil
	}
	return vals
}

// leadingWord returns the ASCII letters, digits and underscores s starts
// with.
func leadingWord(s string) string {
	i := 0
	for i < len(s) && (isASCIILetter(s[i]) || isASCIIDigit(s[i]) || s[i] == '_') {
		i++
	}
	return s[:i]
}

// isMemberValue reports whether v can be an enum member value: an
// identifier of ASCII letters, digits and underscores that starts with a
// letter, as every member of the Graph metadata is.
func isMemberValue(v string) bool {
	return v != "" && isASCIILetter(v[0]) && leadingWord(v) == v
}

// inferEnums decides, before types are resolved, what the named types no
// page defines (or that an enum page names without members) are, from the
// properties that use them:
//
//   - a type whose properties' descriptions list values ("The possible
//     values are: `active`, `fixed`.") is an enum with those members
//     (enum-from-text, at each row that adds members);
//   - a type no page defines that has no properties, whose example values
//     were never objects, that is no relationship's, operation's or
//     JSON representation object's type and no type's base, is a string
//     type (an enum without known members, reported by type-undefined):
//     an empty struct could not decode the string the docs show.
//
// It runs once, in key order, so the result does not depend on the order
// of pages.
func (b *builder) inferEnums() {
	objectish := map[string]bool{}
	for _, op := range b.ops {
		objectish[op.respRef.named] = true
		if op.body != nil {
			objectish[op.body.ref.named] = true
		}
	}
	keys := b.sortedKeys()
	for _, k := range keys {
		tf := b.types[k]
		objectish[tf.base] = true
		objectish[tf.baseCandidate] = true
		for _, p := range tf.props {
			if p.rep != nil && p.rep.object {
				objectish[p.rep.ref.named] = true
			}
			if !valueNotString(p) {
				continue
			}
			for _, e := range []*evidence{p.table, p.params} {
				if e != nil {
					objectish[e.ref.named] = true
				}
			}
		}
	}
	delete(objectish, "")
	open := func(tf *typeFacts) bool {
		if tf.synthesized || len(tf.props) > 0 || tf.objectValues > 0 || objectish[tf.key] {
			return false
		}
		return !tf.defined && tf.kind == Complex || tf.kind == Enum && len(tf.members) == 0
	}
	for _, k := range keys {
		owner := b.types[k]
		for _, p := range owner.props {
			e := p.table
			if e == nil {
				e = p.params
			}
			if e == nil || e.ref.named == "" {
				continue
			}
			tf := b.types[e.ref.named]
			if tf == nil || !open(tf) && !tf.fromText {
				continue
			}
			vals := listedValues(p.desc)
			if vals == nil {
				continue
			}
			var added []string
			for _, v := range vals {
				if tf.memberSeen[v] {
					continue
				}
				tf.memberSeen[v] = true
				tf.members = append(tf.members, &EnumMember{Value: v, Pos: e.pos})
				added = append(added, v)
			}
			tf.kind, tf.fromText = Enum, true
			if len(added) > 0 {
				b.diags.Warnf(e.pos, "enum-from-text", "%s has no enum table; members %s taken from the description of property %s of %s",
					tf.bestSpelling(), quote(strings.Join(added, ", ")), p.jsonName, owner.bestSpelling())
			}
		}
	}
	for _, k := range keys {
		if tf := b.types[k]; open(tf) {
			tf.kind, tf.stringType = Enum, true // type-undefined reports it in resolveTypes
		}
	}
}

// valueNotString reports whether the docs show that the values of p are
// not strings: it is a relationship, its JSON representation shows an
// object or a number or boolean placeholder, an example gives it a value
// of another kind, or its type cell links to a page other than an enums
// page (a resource page, such as "[publicError](publicerror.md)").
func valueNotString(p *propFacts) bool {
	if p.relationship {
		return true
	}
	if p.rep != nil {
		if p.rep.object {
			return true
		}
		switch r := p.rep.ref; {
		case r.prim == Boolean || isNumber(r.prim):
			return true
		}
	}
	for k := range p.exampleKinds {
		if k != "string" && k != "array" {
			return true
		}
	}
	if p.table != nil && p.table.link != "" && !strings.HasPrefix(linkKey(p.table.link), "enums") {
		return true
	}
	return false
}

// enumFromHeading returns the enum name a heading that is only a type name
// gives ("### driftStatus" above a member table in enums.md), or "".
func enumFromHeading(section string) string {
	s := strings.Trim(strings.TrimSpace(section), "`*")
	if s == "" || strings.ContainsAny(s, " \t") || !isQualified(s) {
		return ""
	}
	switch strings.ToLower(s) {
	case "enum", "enums", "members", "member", "values", "value", "properties", "enumerations", "enumeration":
		return ""
	}
	return s
}

// isEnumPage reports whether p is a page of enums: an aggregated enums
// page ("enums.md", "enums-callrecords.md", doc_type enumPageType) or a
// page whose title names an enum.
func isEnumPage(p *parser.Page) bool {
	return strings.EqualFold(p.FrontMatter.DocType, "enumPageType") ||
		strings.HasPrefix(strings.ToLower(pageBase(p.Path)), "enums") ||
		enumTitleRe.MatchString(p.Title)
}
