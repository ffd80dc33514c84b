package textdiff_test

// internal/golden defines the -update flag that "go test ./... -update"
// passes to every test package. It imports textdiff, so only this
// external test package can import it without an import cycle.
import _ "github.com/docgen-dev/docgen/internal/golden"
