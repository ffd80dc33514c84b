// Package pipeline runs docgen end to end: it collects the input pages,
// parses them concurrently, merges them into a model.Model, renders the
// package in memory and, separately, writes it to an output folder safely.
// The CLI and the tests share this one path.
package pipeline
