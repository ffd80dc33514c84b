module github.com/docgen-dev/docgen

go 1.26

require (
	github.com/dave/jennifer v1.7.1
	github.com/yuin/goldmark v1.8.7
)
