package model

// Operation naming, all of it: the name a page's title gives
// (operationName), the resource word a page's file name starts with, the
// order in which pages claim a contested name, the names of alternate
// paths, the names file's lock (names_lock.go holds its format), and the
// names of path parameters. Identifier rules (GoName, initialisms, the
// namer) are in naming.go.

import (
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/parser"
)

// operationName is the base name of a page's operation: its title as a Go
// name, with the resource its file name starts with put after the verb when
// the title does not mention it ("List members" on group-list-members.md →
// ListGroupMembers). The name so depends on the page alone.
func (b *builder) operationName(p *parser.Page) string {
	n, ok := b.baseNames[p]
	if !ok {
		n = operationNameOf(pageTitle(p), b.resourceWord(p))
		b.baseNames[p] = n
	}
	return n
}

// pageTitle is the title a page's operations are named from.
func pageTitle(p *parser.Page) string {
	switch {
	case p.Title != "":
		return p.Title
	case p.FrontMatter.Title != "":
		return p.FrontMatter.Title
	}
	return pageBase(p.Path)
}

// operationNameOf computes operationName from the page's title and its
// resourceWord.
func operationNameOf(title, res string) string {
	title = withoutArticles(title)
	name := GoName(title)
	if res == "" || strings.Contains(strings.ToLower(name), strings.ToLower(res)) {
		return name
	}
	ws := words(title)
	if len(ws) < 2 || !verbs[strings.ToLower(ws[0])] {
		return name
	}
	if len(ws) == 2 {
		// "List copies" on bookcopy-list.md: the object is the resource.
		last := strings.ToLower(ws[1])
		if one := singular(last); strings.HasSuffix(strings.ToLower(res), one) {
			if one != last {
				return titleWord(ws[0]) + plural(res)
			}
			return titleWord(ws[0]) + res
		}
	}
	return titleWord(ws[0]) + res + GoName(strings.Join(ws[1:], " "))
}

// withoutArticles drops the words "a", "an" and "the" from a title
// ("Get a user" → "Get user"): a name has no articles.
func withoutArticles(title string) string {
	ws := strings.Fields(title)
	out := ws[:0]
	for _, w := range ws {
		if l := strings.ToLower(w); l != "a" && l != "an" && l != "the" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// plural makes a Go name plural: BookCopy → BookCopies, Book → Books.
func plural(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "y") && !strings.HasSuffix(l, "ay") && !strings.HasSuffix(l, "ey") && !strings.HasSuffix(l, "oy"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "sh"):
		return s + "es"
	}
	return s + "s"
}

// verbs are the leading words of titles that name an HTTP method's action.
var verbs = map[string]bool{
	"get": true, "list": true, "create": true, "add": true, "update": true, "delete": true,
	"remove": true, "put": true, "replace": true, "upload": true, "download": true, "set": true,
}

// methodVerb is the verb that names each method on a page documenting
// several.
var methodVerb = map[string]string{
	"GET": "Get", "POST": "Create", "PATCH": "Update", "PUT": "Put", "DELETE": "Delete",
	"HEAD": "Head", "OPTIONS": "Options",
}

// methodName names the operation of one method on a page that documents
// several: the title's verb is replaced by the method's ("Get thing content"
// → PutThingContent for PUT), unless the title's verb already fits.
func methodName(method, title string) string {
	ws := words(title)
	if len(ws) > 1 && verbs[strings.ToLower(ws[0])] {
		if method == "GET" && strings.EqualFold(ws[0], "list") {
			return GoName(title)
		}
		return methodVerb[method] + GoName(strings.Join(ws[1:], " "))
	}
	return methodVerb[method] + GoName(title)
}

// nameOperations names every operation before types are resolved (the
// types made up for request bodies are named after their operation).
//
// A primary operation is named from its method and path (pathOpName, whose
// doc comment gives the scheme). Primaries that claim the same name each
// take their qualified name, so a name depends only on the operations that
// claim it, never on unrelated pages; a qualified name claimed twice is
// qualified further (furtherQualified) or, failing that, taken from the
// page's title (titleName); a name still contested is numbered and
// reported. A path the scheme cannot read is named from its page's title.
// An alternate path is named after its primary plus "Via" and the
// resource it starts from (GetDriveItemViaGroup), or when that does not
// tell it apart the shorter of its steps before those it shares with the
// primary (viaWords) and the literal segments the primary lacks
// (altSuffix).
func (b *builder) nameOperations() {
	names := newNamer(operationReserved()...)
	// Names an earlier run gave are kept first.
	for _, of := range b.ops {
		if n, ok := b.lock.opName(of); ok && !names.taken(n) {
			of.name = names.unique(n)
		}
	}
	lk := b.pathLookup()
	type claim struct {
		of               *opFacts
		plain, qualified string
	}
	groups := map[string][]claim{}
	var plains []string
	for _, of := range b.ops {
		if of.altOf != nil || of.name != "" {
			continue
		}
		plain, qual := pathOpName(of.method, of.tmpl.Path, of.respKind == ResponseCollection, of.respKind != ResponseNone, lk)
		if plain == "" {
			plain = b.titleName(of, lk)
			qual = plain
		}
		if _, ok := groups[plain]; !ok {
			plains = append(plains, plain)
		}
		groups[plain] = append(groups[plain], claim{of, plain, qual})
	}
	slices.Sort(plains)
	for _, plain := range plains {
		g := groups[plain]
		slices.SortStableFunc(g, func(x, y claim) int {
			if c := strings.Compare(x.of.tmpl.Path, y.of.tmpl.Path); c != 0 {
				return c
			}
			return strings.Compare(x.of.page.Path, y.of.page.Path)
		})
		if len(g) > 1 {
			// The qualified names; one claimed twice goes to the page
			// whose file name matches it best, the others take their
			// titles' names.
			slices.SortStableFunc(g, func(x, y claim) int {
				if x.qualified != y.qualified {
					return strings.Compare(x.qualified, y.qualified)
				}
				sx, sy := titleMatch(x.qualified, x.of.page.Path), titleMatch(y.qualified, y.of.page.Path)
				switch {
				case sx != sy:
					return sy - sx
				case len(x.of.tmpl.Path) != len(y.of.tmpl.Path):
					return len(x.of.tmpl.Path) - len(y.of.tmpl.Path)
				}
				return 0
			})
		}
		for i, c := range g {
			want := c.plain
			if len(g) > 1 {
				want = c.qualified
				if i > 0 && g[i-1].qualified == c.qualified {
					// The qualified name is claimed twice: qualified
					// further, else the title's name.
					f := furtherQualified(c.of.method, c.of.tmpl.Path, c.of.respKind == ResponseCollection, c.of.respKind != ResponseNone, lk)
					switch t := b.titleName(c.of, lk); {
					case f != "" && !names.taken(f):
						want = f
					case t != "" && !names.taken(t):
						want = t
					}
				}
			}
			c.of.name = names.unique(want)
			switch {
			case c.of.name == c.plain:
			case len(g) == 1:
				// A name the names file keeps, or a reserved one.
				b.diags.Warnf(c.of.page.TitlePos, "operation-name", "operation name %s is taken; this page's operation is named %s", c.plain, c.of.name)
			default:
				other := g[0].of
				if other == c.of {
					other = g[1].of
				}
				b.diags.Warnf(c.of.page.TitlePos, "operation-name", "operation name %s is claimed by %s %s too; this page's operation is named %s", c.plain, other.method, other.tmpl.Path, c.of.name)
			}
		}
	}
	for _, of := range b.ops {
		if of.altOf != nil && of.name == "" {
			of.name = names.unique(of.altOf.name + "Via" + b.viaName(of, lk, names))
		}
	}
	alts := map[*opFacts][]*opFacts{}
	for _, of := range b.ops {
		if of.altOf != nil {
			alts[of.altOf] = append(alts[of.altOf], of)
		}
	}
	for _, of := range b.ops {
		if of.altOf != nil || of.body == nil || of.body.ref.named == "" {
			continue
		}
		if tf := b.types[of.body.ref.named]; tf.synthesized && tf.goSuffix != "" {
			tf.goName = of.name + tf.goSuffix
			if n, ok := b.lock.bodyName(of, alts[of]); ok {
				tf.goName, tf.nameLocked = n, true
			}
			// The description names the operation too.
			for _, end := range []string{".", ","} {
				tf.desc = strings.Replace(tf.desc, " of "+of.baseName+end, " of "+of.name+end, 1)
			}
		}
	}
}

// titleName is an operation's name from its page's title (baseName), with
// the resource word taken from the file name spelled as the docs spell
// that type (GetDirectoryObjectMemberGroups, not
// GetDirectoryobjectMemberGroups).
func (b *builder) titleName(of *opFacts, lk *builderLookup) string {
	w := b.resourceWord(of.page)
	if s := lk.spell(w); w != "" && s != w && strings.EqualFold(s, w) {
		return strings.Replace(of.baseName, w, s, 1)
	}
	return of.baseName
}

// viaName is the word an alternate path's name puts after "Via": the
// resource it starts from when its primary starts elsewhere, else the
// shorter of viaWords and altSuffix that no operation has taken.
func (b *builder) viaName(of *opFacts, lk pathLookup, names *namer) string {
	prim, alt := of.altOf.tmpl.Path, of.tmpl.Path
	free := func(w string) bool { return w != "" && !names.taken(of.altOf.name+"Via"+w) }
	if w := startWord(alt, lk); w != startWord(prim, lk) && free(w) {
		return w
	}
	cands := []string{altSuffix(prim, alt, lk), viaWords(prim, alt, lk)}
	slices.SortStableFunc(cands, func(x, y string) int { return len(x) - len(y) })
	for _, w := range cands {
		if free(w) {
			return w
		}
	}
	return cands[0]
}

// builderLookup answers pathLookup from the facts of every page.
type builderLookup struct {
	b *builder
	// spellings maps lower-cased type and property names to the docs'
	// spelling; properties holds the lower-cased property names.
	spellings  map[string]string
	properties map[string]bool
	types      map[string]bool
}

// pathLookup indexes the docs' type and property names for pathOpName.
func (b *builder) pathLookup() *builderLookup {
	l := &builderLookup{b: b, spellings: map[string]string{}, properties: map[string]bool{}, types: map[string]bool{}}
	add := func(s string) {
		k := strings.ToLower(s)
		if cur, ok := l.spellings[k]; !ok || hasUpper(s) && !hasUpper(cur) || hasUpper(s) == hasUpper(cur) && s < cur {
			l.spellings[k] = s
		}
	}
	for _, key := range b.sortedKeys() {
		tf := b.types[key]
		if tf.synthesized {
			continue
		}
		full := tf.bestSpelling()
		local := full[strings.LastIndexByte(full, '.')+1:]
		add(local)
		l.types[strings.ToLower(local)] = true
		for _, p := range tf.props {
			add(p.jsonName)
			l.properties[strings.ToLower(p.jsonName)] = true
		}
	}
	return l
}

func (l *builderLookup) typeAt(shape string) string {
	r, ok := l.b.getTypes[shape]
	if !ok || r.named == "" {
		r = l.b.collTypes[shape]
	}
	tf := l.b.types[r.named]
	if r.named == "" || tf == nil || tf.kind == Enum {
		return ""
	}
	full := tf.bestSpelling()
	return GoName(full[strings.LastIndexByte(full, '.')+1:])
}

func (l *builderLookup) spell(word string) string {
	if s, ok := l.spellings[strings.ToLower(word)]; ok {
		return GoName(s)
	}
	return GoName(word)
}

func (l *builderLookup) property(name string) bool { return l.properties[strings.ToLower(name)] }

func (l *builderLookup) isType(name string) bool { return l.types[strings.ToLower(name)] }

// titleMatch scores how well a page's file name matches an operation name
// made from its title: the number of the name's words found in the file
// name.
func titleMatch(name, path string) int {
	file := strings.ToLower(strings.ReplaceAll(pageBase(path), "-", ""))
	n := 0
	for _, w := range words(name) {
		if strings.Contains(file, singular(strings.ToLower(w))) {
			n++
		}
	}
	return n
}

// resourceWord is the Go name of the resource a page's file name starts
// with, spelled as the page itself spells it: in a link to that resource's
// page or in an @odata.type of its annotations ("directoryrole" →
// DirectoryRole). It depends on the page alone, so adding other pages never
// changes it.
func (b *builder) resourceWord(p *parser.Page) string {
	w, ok := b.resourceWords[p]
	if !ok {
		w = resourceWordOf(p)
		b.resourceWords[p] = w
	}
	return w
}

// prepareNames computes, on every core, the names Build takes from each
// API page alone (resourceWord and operationName), ahead of the passes
// that visit the pages one by one in order and ask for them.
func (b *builder) prepareNames() {
	type names struct{ word, base string }
	out := make([]names, len(b.pages))
	// Only pages with request lines can have operations.
	hasOps := func(p *parser.Page) bool { return len(p.Templates) > 0 || len(p.LooseTemplates) > 0 }
	parallelFor(len(b.pages), func(i int) {
		if p := b.pages[i]; hasOps(p) {
			w := resourceWordOf(p)
			out[i] = names{w, operationNameOf(pageTitle(p), w)}
		}
	})
	for i, p := range b.pages {
		if hasOps(p) {
			b.resourceWords[p], b.baseNames[p] = out[i].word, out[i].base
		}
	}
}

// resourceWordOf computes resourceWord.
func resourceWordOf(p *parser.Page) string {
	base := strings.ToLower(pageBase(p.Path))
	if rest, ok := strings.CutPrefix(base, "intune-"); ok {
		// intune-<area>-<resource>-<verb>.md
		if _, r, ok := strings.Cut(rest, "-"); ok {
			base = r
		}
	}
	first, _, _ := strings.Cut(base, "-")
	if first == "" {
		return ""
	}
	for _, l := range p.Links {
		if strings.EqualFold(strings.Trim(l.Text, "`* "), first) && linkKey(l.Dest) == first {
			return GoName(strings.Trim(l.Text, "`* "))
		}
	}
	for _, a := range p.Annotations {
		name, _ := oDataTypeName(a.ODataType)
		local := name[strings.LastIndexByte(name, '.')+1:]
		if strings.EqualFold(local, first) {
			return GoName(local)
		}
	}
	for _, t := range p.Tables {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				for _, l := range c.Links {
					if strings.EqualFold(strings.Trim(l.Text, "`* "), first) && linkKey(l.Dest) == first {
						return GoName(strings.Trim(l.Text, "`* "))
					}
				}
			}
		}
	}
	return GoName(first)
}

// altSuffix names an alternate path by the literal segments it has and the
// primary path lacks: "/me/books/{id}" beside "/users/{id}/books/{id}" → "Me".
func altSuffix(primary, alt string, l pathLookup) string {
	have := map[string]bool{}
	for _, s := range strings.Split(primary, "/") {
		if !strings.Contains(s, "{") {
			have[strings.ToLower(s)] = true
		}
	}
	var parts []string
	for _, s := range strings.Split(alt, "/") {
		if s == "" || strings.Contains(s, "{") || have[strings.ToLower(s)] {
			continue
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "Path"
	}
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(l.spell(p))
	}
	return sb.String()
}

func paramName(ph string, prev []PathPart, quoted bool) string {
	first, _, _ := strings.Cut(ph, "|")
	first = strings.TrimSpace(first)
	generic := first == "" || strings.EqualFold(first, "id") || strings.EqualFold(first, "key")
	if !generic || quoted {
		return LowerName(first)
	}
	seg := ""
	for k := len(prev) - 1; k >= 0 && seg == ""; k-- {
		if prev[k].Literal == "" {
			break
		}
		segs := strings.Split(strings.Trim(prev[k].Literal, "/"), "/")
		seg = segs[len(segs)-1]
		if i := strings.IndexByte(seg, '('); i >= 0 {
			seg = seg[:i]
		}
	}
	if seg == "" {
		return LowerName(first)
	}
	return LowerName(singular(seg) + "Id")
}

// singular makes a plural path segment singular: "books" → "book",
// "policies" → "policy", "addresses" → "address".
func singular(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(l, "statuses"):
		return s[:len(s)-2]
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "ches"), strings.HasSuffix(l, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "us"), strings.HasSuffix(l, "is"):
		return s
	case strings.HasSuffix(l, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}
