package templates

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestAPIErrorError(t *testing.T) {
	tests := []struct {
		err  APIError
		want string
	}{
		{
			APIError{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Resource 'x' does not exist", RequestID: "1234"},
			"graph: 404 Not Found: Request_ResourceNotFound: Resource 'x' does not exist (request-id 1234)",
		},
		{APIError{StatusCode: 502, Message: "Bad Gateway"}, "graph: 502 Bad Gateway"},
		{APIError{StatusCode: 400, Code: "BadRequest"}, "graph: 400 Bad Request: BadRequest"},
		{APIError{StatusCode: 599, Message: "Odd"}, "graph: 599: Odd"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestNewAPIError(t *testing.T) {
	envelope := `{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist","innerError":{"date":"2024-01-02T03:04:05","request-id":"inner-id","client-request-id":"c"}}}`
	tests := []struct {
		name                               string
		status                             int
		reason                             string
		header                             http.Header
		body                               string
		wantCode, wantMsg, wantID, wantInn string
	}{
		{
			name: "envelope with header id", status: 404, header: http.Header{"Request-Id": {"hdr-id"}}, body: envelope,
			wantCode: "Request_ResourceNotFound", wantMsg: "Resource 'x' does not exist", wantID: "hdr-id",
			wantInn: `{"date":"2024-01-02T03:04:05","request-id":"inner-id","client-request-id":"c"}`,
		},
		{
			name: "envelope with inner id", status: 404, body: envelope,
			wantCode: "Request_ResourceNotFound", wantMsg: "Resource 'x' does not exist", wantID: "inner-id",
			wantInn: `{"date":"2024-01-02T03:04:05","request-id":"inner-id","client-request-id":"c"}`,
		},
		{
			name: "lowercase innererror, no message", status: 403,
			body:     `{"error":{"code":"Authorization_RequestDenied","message":"","innererror":{"request-id":"r"}}}`,
			wantCode: "Authorization_RequestDenied", wantMsg: "Forbidden", wantID: "r", wantInn: `{"request-id":"r"}`,
		},
		{name: "html", status: 502, body: "<html>bad gateway</html>", wantMsg: "Bad Gateway"},
		{name: "empty", status: 500, wantMsg: "Internal Server Error"},
		{name: "json without envelope", status: 429, body: `{"foo":1}`, wantMsg: "Too Many Requests"},
		{name: "null inner", status: 400, body: `{"error":{"code":"X","message":"m","innerError":null}}`, wantCode: "X", wantMsg: "m"},
		{name: "unknown status", status: 599, reason: "599 Odd Thing", body: "x", wantMsg: "Odd Thing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := tt.header
			if header == nil {
				header = http.Header{}
			}
			body := &closeRecorder{Reader: strings.NewReader(tt.body)}
			e := newAPIError(&http.Response{StatusCode: tt.status, Status: tt.reason, Header: header, Body: body})
			if e.StatusCode != tt.status || e.Code != tt.wantCode || e.Message != tt.wantMsg || e.RequestID != tt.wantID {
				t.Errorf("got status %d code %q message %q request-id %q, want %d %q %q %q",
					e.StatusCode, e.Code, e.Message, e.RequestID, tt.status, tt.wantCode, tt.wantMsg, tt.wantID)
			}
			if string(e.InnerError) != tt.wantInn {
				t.Errorf("InnerError = %s, want %s", e.InnerError, tt.wantInn)
			}
			if string(e.Body) != tt.body {
				t.Errorf("Body = %q, want %q", e.Body, tt.body)
			}
			if !body.closed {
				t.Error("body not closed")
			}
		})
	}
}

func TestNewAPIErrorCapsBody(t *testing.T) {
	big := bytes.Repeat([]byte("x"), maxErrorBody+100)
	e := newAPIError(&http.Response{StatusCode: 500, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(big))})
	if len(e.Body) != maxErrorBody {
		t.Errorf("len(Body) = %d, want %d", len(e.Body), maxErrorBody)
	}
}

// closeRecorder is an io.ReadCloser that records whether it was closed.
type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error {
	c.closed = true
	return nil
}
