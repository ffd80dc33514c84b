module github.com/docgen-dev/docgen

go 1.26

require (
	github.com/dave/jennifer v1.7.1
	github.com/tidwall/gjson v1.18.0
	github.com/yuin/goldmark v1.8.7
)

require (
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
)
