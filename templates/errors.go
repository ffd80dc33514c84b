package templates

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxErrorBody caps how much of an error response body is read.
const maxErrorBody = 1 << 20

// APIError is returned for every response with a non-2xx status code.
type APIError struct {
	// StatusCode is the HTTP status code, such as 404.
	StatusCode int
	// Code is the Graph error code, such as "Request_ResourceNotFound".
	// It is empty when the body is not a Graph error envelope.
	Code string
	// Message is the Graph error message, or the HTTP status text when the
	// body is not a Graph error envelope.
	Message string
	// InnerError is the raw "innerError" object of the envelope, if any.
	InnerError json.RawMessage
	// RequestID identifies the request for Microsoft support. It comes from
	// the request-id response header, else from innerError's "request-id".
	RequestID string
	// Body is the raw response body, truncated to 1 MiB.
	Body []byte
	// RetryAfter is how long the response's Retry-After header asked to
	// wait before trying again, measured when the response arrived; zero
	// when the header is absent or malformed. A call that returns an
	// APIError has retried as much as WithRetry, WithMaxRetryWait and its
	// context's deadline allowed: in particular, a throttled call whose
	// Retry-After exceeds the WithMaxRetryWait ceiling returns at once. A
	// non-zero RetryAfter tells how long to wait before calling again.
	RetryAfter time.Duration
}

// Error formats e like
// "graph: 404 Not Found: Request_ResourceNotFound: Resource 'x' does not exist (request-id 1234)".
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("graph: ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	text := http.StatusText(e.StatusCode)
	if text != "" {
		b.WriteString(" " + text)
	}
	if e.Code != "" {
		b.WriteString(": " + e.Code)
	}
	if e.Message != "" && e.Message != text {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request-id " + e.RequestID + ")")
	}
	return b.String()
}

// errorEnvelope is the JSON body Graph sends with error responses.
type errorEnvelope struct {
	Error *struct {
		Code       string          `json:"code"`
		Message    string          `json:"message"`
		InnerError json.RawMessage `json:"innerError"`
	} `json:"error"`
}

// newAPIError builds an APIError from resp, reading at most maxErrorBody
// bytes of its body and closing it.
func newAPIError(resp *http.Response) *APIError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	_ = resp.Body.Close()
	e := &APIError{
		StatusCode: resp.StatusCode,
		Message:    statusText(resp),
		RequestID:  resp.Header.Get("request-id"),
		Body:       body,
	}
	e.RetryAfter, _ = retryAfter(resp.Header, time.Now())
	var env errorEnvelope
	if json.Unmarshal(body, &env) != nil || env.Error == nil {
		return e
	}
	e.Code = env.Error.Code
	if env.Error.Message != "" {
		e.Message = env.Error.Message
	}
	if inner := env.Error.InnerError; len(inner) > 0 && string(inner) != "null" {
		e.InnerError = inner
		if e.RequestID == "" {
			var ids struct {
				RequestID string `json:"request-id"`
			}
			if json.Unmarshal(inner, &ids) == nil {
				e.RequestID = ids.RequestID
			}
		}
	}
	return e
}

// statusText returns the text of resp's status, such as "Not Found", falling
// back to the reason phrase the server sent for codes net/http does not know.
func statusText(resp *http.Response) string {
	if text := http.StatusText(resp.StatusCode); text != "" {
		return text
	}
	return strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
}
