package model

// Operation names from the API's structure: the verb from the method and
// what the path addresses, the noun from the types and navigation
// properties on the path, spelled as the docs spell them. The scheme:
//
//	GET    /users                       ListUsers        a collection: List + plural of its element type
//	GET    /users/{id}                  GetUser          an item: Get + its type
//	POST   /users                       CreateUser       a POST to a collection: Create + element type
//	PATCH  /users/{id}                  UpdateUser
//	DELETE /users/{id}                  DeleteUser
//	PUT    /users/{id}/photo/$value     SetProfilePhotoContent  PUT: Set; $value and content of a
//	                                                     typed resource: + Content
//	GET    /books/{id}/cover/$value     GetBookCover     a stream property: owner type + property
//	GET    /groups/{id}/members         ListGroupMembers a navigation property whose name is not its
//	                                                     type's (members of directoryObject): owner type +
//	                                                     property
//	GET    /applications/{id}/synchronization/jobs  ListSynchronizationJobs  the property names its
//	                                                     type (jobs of synchronizationJob): the type
//	POST   /groups/{id}/members/$ref    AddGroupMember   $ref: Add (POST), Remove (DELETE), Set (PUT)
//	DELETE /groups/{id}/members/{id}/$ref  RemoveGroupMember
//	POST   /drives/{id}/items/{id}/copy CopyDriveItem    a one-word action: its name + the bound type
//	POST   /me/sendMail                 SendMail         a longer action or function: its own name
//	GET    /users/delta()               GetUserDelta     a function not named by a verb: Get + bound
//	                                                     type + name
//	GET    /users/$count                CountUsers
//
// When primary operations of several pages claim one name, each takes its
// qualified name instead, which puts the type the call starts from (the
// nearest resource addressed by key) after the verb: SendUserMail,
// ListApplicationSynchronizationJobs. When that is claimed twice too, the
// page whose file name matches the name best keeps it and the others put
// the next resource up the path before it
// (CreateSiteNotebookOnenoteSection); only when the path has none are
// they named from their titles without articles: the title breaks the
// tie, it is not the source. A path the scheme cannot read is named from
// its page's title.

import (
	"strings"
)

// pathLookup answers what the scheme asks of the API's structure.
type pathLookup interface {
	// typeAt is the Go name, as the docs spell the type, of what a GET of
	// the path shape (see shape) returns, or of its elements; "" when no
	// page says.
	typeAt(shape string) string
	// spell is a word of a path as a Go name, spelled as the docs spell
	// the type or property of that name when they have one
	// ("administrativeunits" → AdministrativeUnits).
	spell(word string) string
	// property reports whether name is a property of some type.
	property(name string) bool
	// isType reports whether a type has the local name name.
	isType(name string) bool
}

// pathSeg is one resource step of a path: a name and whether a key
// follows it.
type pathSeg struct {
	name  string
	keyed bool
	// call marks a function call, "name(...)"; ns a name qualified by
	// a namespace ("microsoft.graph.delta").
	call, ns bool
}

// splitPath reads a path template into its steps, and the trailing $ref,
// $value or $count it ends with ("" for none).
func splitPath(path string) (segs []pathSeg, tail string) {
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	// "/drives/{id}/root:/{path}:/content": the colons delimit a path
	// addressed by its item path.
	path = strings.ReplaceAll(path, ":", "/")
	for _, s := range strings.Split(path, "/") {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			continue
		case strings.HasPrefix(s, "{") || strings.HasPrefix(s, "'{"):
			if len(segs) > 0 {
				segs[len(segs)-1].keyed = true
			}
			continue
		case s == "$ref" || s == "$value" || s == "$count":
			tail = s
			continue
		case strings.HasPrefix(s, "$"):
			continue
		}
		seg := pathSeg{name: s}
		if i := strings.IndexByte(s, '('); i >= 0 {
			args := strings.Trim(s[i:], "()' ")
			seg.name = s[:i]
			if args == "" || strings.Contains(args, "=") || !strings.HasPrefix(args, "{") {
				seg.call = true
			} else {
				seg.keyed = true
			}
		}
		if j := strings.LastIndexByte(seg.name, '.'); j >= 0 {
			seg.name, seg.ns = seg.name[j+1:], true
		}
		if seg.name == "" || GoName(seg.name) == "" {
			continue
		}
		if tail != "" {
			// A step after $value is not a step of a resource path.
			tail = ""
		}
		segs = append(segs, seg)
	}
	return segs, tail
}

// prefixShape is the shape of the path of the first n steps.
func prefixShape(segs []pathSeg, n int) string {
	var sb strings.Builder
	for _, s := range segs[:n] {
		sb.WriteString("/" + s.name)
		if s.keyed {
			sb.WriteString("/{}")
		}
	}
	return strings.ToLower(sb.String())
}

// pathOpName names an operation from its method and path: the plain name
// and the qualified name a contested plain name gives way to; both "" when
// the path has no step to name. list says the operation returns a
// collection and known that the answer is documented at all; without it a
// plural last step is taken for a collection.
func pathOpName(method, path string, list, known bool, l pathLookup) (plain, qualified string) {
	return opNameAt(method, path, list, known, l, 1)
}

// furtherQualified is the name an operation takes when its qualified name
// is claimed by another operation too: the verb followed by the two
// nearest resources addressed by key, or the nearest and the resource the
// path starts from (CreateSiteNotebookOnenoteSection beside
// CreateGroupNotebookOnenoteSection); "" when the path has no further
// resource to name.
func furtherQualified(method, path string, list, known bool, l pathLookup) string {
	_, q := opNameAt(method, path, list, known, l, 1)
	_, f := opNameAt(method, path, list, known, l, 2)
	if f == q {
		return ""
	}
	return f
}

// opNameAt is pathOpName with the qualified name naming depth resources.
func opNameAt(method, path string, list, known bool, l pathLookup, depth int) (plain, qualified string) {
	segs, tail := splitPath(path)
	if len(segs) == 0 {
		return "", ""
	}
	n := len(segs)
	last := segs[n-1]
	// resource is the type the first k steps address.
	resource := func(k int) string {
		s := segs[k-1]
		if t := l.typeAt(prefixShape(segs, k)); t != "" {
			return t
		}
		if s.keyed {
			return l.spell(singular(s.name))
		}
		return l.spell(s.name)
	}
	qualify := func(verb, noun string) (string, string) {
		return verb + noun, verb + qualifiers(segs, n, depth, true, true, resource, noun) + noun
	}
	if tail == "$value" || tail == "" && strings.EqualFold(last.name, "content") && n > 1 {
		// The content of the resource the path addresses.
		k := n
		if tail == "" {
			k = n - 1
		}
		// A typed resource's content (a profilePhoto's): its type +
		// Content; a stream property's (a book's cover): the owner's
		// type + the property, + Content when the path says "content".
		noun := resource(k) + "Content"
		if k > 1 && !segs[k-1].keyed && l.typeAt(prefixShape(segs, k)) == "" {
			noun = resource(k-1) + l.spell(segs[k-1].name)
			if tail == "" {
				noun += "Content"
			}
		}
		return methodWord(method) + noun, methodWord(method) + qualifiers(segs, k, depth, false, true, resource, noun) + noun
	}
	action := !last.keyed && tail == "" && (last.call ||
		last.ns && l.typeAt(prefixShape(segs, n)) == "" ||
		method == "POST" && n > 1 && !l.property(last.name) && l.typeAt(prefixShape(segs, n)) == "")
	if action {
		// bound is the resource the action is bound to; outer, in a
		// further qualified name, the one before it.
		bound, outer := "", ""
		if n > 1 {
			bound = resource(n - 1)
			outer = qualifiers(segs, n-1, depth-1, true, false, resource, bound)
		}
		ws := words(last.name)
		name := GoName(last.name)
		if method == "GET" && (len(ws) <= 1 || !verbs[strings.ToLower(ws[0])]) {
			// A function not named by a verb ("delta", "columnsAfter"):
			// Get what it returns from the bound resource.
			return "Get" + bound + name, "Get" + outer + bound + name
		}
		if len(ws) <= 1 {
			return name + bound, name + outer + bound
		}
		if bound == "" {
			return name, name
		}
		return name, GoName(ws[0]) + outer + bound + GoName(strings.Join(ws[1:], " "))
	}
	// The noun: the type the path addresses when the last step names it
	// (jobs of synchronizationJob), else the owner's type and the
	// property (members of a group).
	elem := l.typeAt(prefixShape(segs, n))
	one := singular(last.name)
	var sing, plur string
	// named marks a noun of the owner and the property: a GET or a write
	// of one value keeps the property's name whole
	// (GetMailboxSettingsDelegateMeetingMessageDeliveryOptions,
	// SetWidgetNotes).
	named := false
	switch {
	case elem != "" && strings.EqualFold(elem, last.name) && one != last.name:
		// A name that only looks plural ("mailboxSettings",
		// "workingHours" of the type of that name).
		sing, plur = elem, elem
	case elem != "" && strings.HasSuffix(strings.ToLower(elem), strings.ToLower(one)):
		sing, plur = elem, plural(elem)
		if len(elem) > len(one) && l.isType(one) {
			// The step names a type of its own, which the documented
			// answer derives from (attachments answered by a
			// fileAttachment): the step's type.
			sing, plur = l.spell(one), plural(l.spell(one))
		}
	case n == 1:
		sing, plur = l.spell(one), l.spell(last.name)
		if !last.keyed && one == last.name {
			// A singleton ("/me") or a name that is no plural.
			sing, plur = l.spell(last.name), l.spell(last.name)
		}
	default:
		owner := resource(n - 1)
		named = true
		sing, plur = owner+l.spell(one), owner+l.spell(last.name)
		if strings.HasSuffix(strings.ToLower(owner), strings.ToLower(one)) {
			sing, plur = owner, owner+l.spell(last.name)[len(l.spell(one)):]
			named = false
		}
	}
	switch tail {
	case "$count":
		return qualify("Count", plur)
	case "$ref":
		switch method {
		case "POST":
			return qualify("Add", sing)
		case "DELETE":
			return qualify("Remove", sing)
		case "PUT", "PATCH":
			return qualify("Set", sing)
		}
		if list {
			return qualify("List", sing+"Refs")
		}
		return qualify("Get", sing+"Ref")
	}
	if !list && !known && !last.keyed && one != last.name {
		// No answer is documented: a plural step is a collection.
		list = true
	}
	switch {
	case method == "GET" && list:
		return qualify("List", plur)
	case named && !last.keyed && (method == "GET" && known || method == "PUT" || method == "PATCH" || method == "DELETE"):
		// One value of a property, read or written whole.
		return qualify(methodWord(method), plur)
	case method == "POST" && !last.keyed:
		return qualify("Create", sing)
	}
	return qualify(methodWord(method), sing)
}

// qualifiers is what a qualified name puts before noun: the types of the
// steps before step k that are addressed by key, nearest first, then, when
// first is set and the first step is not keyed, its type; depth of them,
// outermost first. A type the name already starts with is passed over
// (ListChatMessageHostedContents, not ListChatMessageChatMessage...);
// when nearest is set the nearest step counts toward depth even when
// passed over, so that a qualified name (depth 1) names only the nearest.
func qualifiers(segs []pathSeg, k, depth int, first, nearest bool, resource func(int) string, noun string) string {
	var steps []int
	for j := k - 1; j >= 1; j-- {
		if segs[j-1].keyed {
			steps = append(steps, j)
		}
	}
	if first && k > 1 && !segs[0].keyed {
		steps = append(steps, 1)
	}
	tail := noun
	for i, j := range steps {
		if depth <= 0 {
			break
		}
		q := resource(j)
		if q == "" || strings.HasPrefix(tail, q) {
			if i == 0 && nearest {
				depth--
			}
			continue
		}
		tail = q + tail
		depth--
	}
	return tail[:len(tail)-len(noun)]
}

// methodWord is the verb of a method on a resource.
func methodWord(method string) string {
	switch method {
	case "GET":
		return "Get"
	case "POST":
		return "Create"
	case "PATCH":
		return "Update"
	case "PUT":
		return "Set"
	case "DELETE":
		return "Delete"
	}
	return GoName(strings.ToLower(method))
}

// startWord is the resource a path starts from, in the docs' words: the
// type its first step addresses, or the step itself ("/me" → Me).
func startWord(path string, l pathLookup) string {
	segs, _ := splitPath(path)
	if len(segs) == 0 {
		return ""
	}
	s := segs[0]
	if !s.keyed {
		return l.spell(s.name)
	}
	if t := l.typeAt(prefixShape(segs, 1)); t != "" {
		return t
	}
	return l.spell(singular(s.name))
}

// viaWords names an alternate path by its steps before the steps it
// shares, at its end, with its primary's path, spelled as the docs spell
// them: "/groups/{id}/drive/items/{id}" beside "/me/drive/items/{id}" →
// Group; "/me/drive/root:/{path}" beside "/drives/{id}/items/{id}" →
// MeDriveRoot.
func viaWords(primary, alt string, l pathLookup) string {
	ps, _ := splitPath(primary)
	as, _ := splitPath(alt)
	for len(ps) > 0 && len(as) > 1 && strings.EqualFold(ps[len(ps)-1].name, as[len(as)-1].name) {
		ps, as = ps[:len(ps)-1], as[:len(as)-1]
	}
	var sb strings.Builder
	for _, s := range as {
		if s.keyed {
			sb.WriteString(l.spell(singular(s.name)))
		} else {
			sb.WriteString(l.spell(s.name))
		}
	}
	return sb.String()
}
