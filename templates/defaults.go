package templates

// defaultBaseURL is the Graph endpoint a Client talks to unless WithBaseURL
// overrides it. The emitter generates this constant in every generated
// package; it lives here, outside the runtime files, only so that this
// package compiles on its own.
const defaultBaseURL = "https://graph.microsoft.com/v1.0"
