// Package parser turns one markdown page of an API reference written in the
// Microsoft Graph docs convention into page facts: front matter, the
// Namespace line, headings, annotations with the fenced block that follows
// each, HTTP request and response examples, the "HTTP request" path
// templates, parameter, property, relationship and enum member tables, and
// resource JSON representations. Every fact carries its file:line:col.
//
// JSON (annotations, request and response bodies, JSON representations)
// is read by ParseJSON in two steps: a repair of the docs' broken JSON
// (comments, placeholders, stray or missing commas, unquoted keys and
// values, truncation) into valid JSON, reporting each repair, and then
// github.com/tidwall/gjson, whose results become the positioned JSONValue
// tree the rest of docgen walks.
//
// The parser interprets nothing across pages: merging facts into types and
// operations is the job of package model. Malformed input is reported as
// diagnostics on the page and skipped; Parse never panics on any input.
package parser
