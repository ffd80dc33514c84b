package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// annotationRe finds the annotations of real pages, for seeds.
var annotationRe = regexp.MustCompile(`(?s)<!--.*?-->`)

// pageSeeds returns the seed pages and, when present, a sample of the
// Microsoft Graph reference and the hostile cases.
func pageSeeds(f *testing.F) [][]byte {
	var files []string
	for _, glob := range []string{
		"../seeds/*/*.md",
		"../golden/parser/*.md",
		"../internal/hostile/testdata/*/*.md",
		"../../shared/graph-docs/v1.0/api/[a-b]*-get.md",
		"../../shared/graph-docs/v1.0/resources/[a-b]*.md",
	} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	var out [][]byte
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// FuzzAnnotation feeds any text as the body of an annotation comment
// followed by a code block, in the HTTP request section and in an example
// section: Parse must keep every page invariant (see checkPage), never
// fail internally, and be deterministic. Seeds are the annotations of the
// seed pages, the hostile cases and a sample of real pages.
func FuzzAnnotation(f *testing.F) {
	for _, page := range pageSeeds(f) {
		for _, a := range annotationRe.FindAll(page, 20) {
			f.Add(bytes.TrimSuffix(bytes.TrimPrefix(a, []byte("<!--")), []byte("-->")))
		}
	}
	f.Add([]byte(` {"blockType": "request", "name": "a-->b"} `))
	f.Add([]byte("{\"blockType\": \"response\", \"@odata.type\": \"\\ud800\", \"truncated\": \"yes\"}"))
	p := New()
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, tmpl := range []string{
			"# T\n\n## HTTP request\n\n<!--%s-->\n```http\nGET /a/{id}\n```\n",
			"# T\n\n## Example\n\n<!--%s-->\n```http\nPOST /a\n\n{\"a\": 1}\n```\n\n<!--%s-->\n```http\nHTTP/1.1 200 OK\n\n{}\n```\n",
			"- <!--%s-->\n  ```json\n  {\"a\": [1]}\n  ```\n",
		} {
			src := bytes.ReplaceAll([]byte(tmpl), []byte("%s"), body)
			const name = "annotation.md"
			pg := p.Parse(name, src)
			checkPage(t, pg, name, src)
			if again := Dump(p.Parse(name, src)); !bytes.Equal(again, Dump(pg)) {
				t.Errorf("Parse is not deterministic")
			}
		}
	})
}

// FuzzHTTPMessage feeds any text as an annotated request example and as
// an annotated response example: request lines, headers and bodies of any
// shape must keep the page invariants, give upper-case methods, paths
// starting with "/" and statuses from 100 to 599.
func FuzzHTTPMessage(f *testing.F) {
	for _, s := range []string{
		"GET https://graph.microsoft.com/v1.0/me",
		"get /users/{id}?$select=a HTTP/1.1\nAuthorization: Bearer x\n\n",
		"POST /a\nContent-Type: application/json\n\n{\"a\": [1, 2, ...], // c\n}",
		"HTTP/1.1 200 OK\nContent-type: application/json\n\n" + string(bytes.Repeat([]byte("["), 300)),
		"HTTP 999 Odd\n\n{}",
		"DELETE/identity/x\r\n\r\n",
		"PUT /a/b\nContent-Type: image/png\n\n\x00\x01\xff",
		"PATCH /a('{id}')\n\n{\"a\": \"\\ud800\", \"a\": 1e400}",
	} {
		f.Add(s)
	}
	p := New()
	f.Fuzz(func(t *testing.T, msg string) {
		src := []byte("# T\n\n## HTTP request\n\n```http\n" + msg + "\n```\n\n## Example\n\n<!-- {\"blockType\": \"request\", \"name\": \"a\"} -->\n```http\n" + msg +
			"\n```\n\n<!-- {\"blockType\": \"response\"} -->\n```http\n" + msg + "\n```\n")
		const name = "message.md"
		pg := p.Parse(name, src)
		checkPage(t, pg, name, src)
		for _, r := range pg.Requests {
			if !methods[r.Method] {
				t.Errorf("request method %q", r.Method)
			}
		}
		for _, tp := range append(pg.Templates, pg.LooseTemplates...) {
			if !methods[tp.Method] {
				t.Errorf("template method %q", tp.Method)
			}
		}
		for _, r := range pg.Responses {
			if r.Status < 100 || r.Status > 599 {
				t.Errorf("response status %d", r.Status)
			}
		}
	})
}
