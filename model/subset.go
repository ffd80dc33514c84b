package model

// Subset returns a new model with the operations keep accepts and the types
// they need, so that a client for part of an API can be generated.
//
// The types kept are the closure of what the operations refer to: request
// body, response and example response types; for every kept type its base
// types and the types of its properties; and for every type referred to as
// a value (a body, a response or a property) all its subtypes, which the
// wire may carry in its place. A type that is kept only as the base of
// another brings in none of its other subtypes: Entity as the base of Book
// does not bring in Loan.
//
// The result shares no Type, Property, Operation, RequestBody or Example
// with m, and every Base, Subtypes and TypeRef in it points into the result;
// path parameters and enum members, which refer to no type, are shared.
// Types and operations keep m's order; Pages, Diags and BaseURL are kept as
// they are.
func (m *Model) Subset(keep func(*Operation) bool) *Model {
	out := &Model{Pages: m.Pages, Diags: m.Diags, BaseURL: m.BaseURL, Names: m.Names}
	included := map[*Type]bool{}
	asValue := map[*Type]bool{}
	// Worklist of (type, referred to as a value) pairs, so that deep or
	// cyclic type graphs need no recursion.
	type item struct {
		t     *Type
		value bool
	}
	var work []item
	need := func(r TypeRef) {
		if r.Named != nil {
			work = append(work, item{r.Named, true})
		}
	}
	var ops []*Operation
	for _, op := range m.Operations {
		if !keep(op) {
			continue
		}
		ops = append(ops, op)
		if op.Body != nil {
			need(op.Body.Type)
		}
		need(op.ResponseType)
		for _, ex := range op.Examples {
			need(ex.ResponseType)
		}
	}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		t := it.t
		if it.value && !asValue[t] {
			asValue[t] = true
			for _, s := range t.Subtypes {
				work = append(work, item{s, true})
			}
		}
		if included[t] {
			continue
		}
		included[t] = true
		if t.Base != nil {
			work = append(work, item{t.Base, false})
		}
		for _, p := range t.Properties {
			need(p.Type)
		}
	}

	copies := map[*Type]*Type{}
	for _, t := range m.Types {
		if included[t] {
			c := *t
			copies[t] = &c
			out.Types = append(out.Types, &c)
		}
	}
	ref := func(r TypeRef) TypeRef {
		if r.Named != nil {
			r.Named = copies[r.Named]
		}
		return r
	}
	for _, c := range out.Types {
		if c.Base != nil {
			c.Base = copies[c.Base]
		}
		var subs []*Type
		for _, s := range c.Subtypes {
			if sc := copies[s]; sc != nil {
				subs = append(subs, sc)
			}
		}
		c.Subtypes = subs
		props := make([]*Property, 0, len(c.Properties))
		for _, p := range c.Properties {
			pc := *p
			pc.Type = ref(p.Type)
			props = append(props, &pc)
		}
		if c.Properties == nil {
			props = nil
		}
		c.Properties = props
	}
	for _, op := range ops {
		oc := *op
		oc.ResponseType = ref(op.ResponseType)
		if op.Body != nil {
			b := *op.Body
			b.Type = ref(op.Body.Type)
			oc.Body = &b
		}
		oc.Examples = nil
		for _, ex := range op.Examples {
			ec := *ex
			ec.ResponseType = ref(ex.ResponseType)
			oc.Examples = append(oc.Examples, &ec)
		}
		out.Operations = append(out.Operations, &oc)
	}
	return out
}
