package templates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

// requestBody makes the request body of every attempt of one call, so that
// retries and redirects send the same bytes again.
type requestBody struct {
	// contentType is the Content-Type the body is sent with unless a header
	// option overrides it; "" when there is no body.
	contentType string
	// length is the size of the body in bytes, or -1 when it is unknown
	// and the body is sent chunked.
	length int64
	// open returns the body of one attempt, which the transport closes. It
	// is nil when the request has no body.
	open func() (io.ReadCloser, error)
	// replayable reports whether open may be called more than once.
	replayable bool
	// finish, if not nil, releases the body once the call is over.
	finish func()
}

// newRequestBody prepares body for sending:
//
//   - nil sends no body;
//   - *bytes.Reader, *strings.Reader and *bytes.Buffer are sent with their
//     length from their current position, and every attempt reads the same
//     bytes from a snapshot, without advancing or draining the caller's
//     value;
//   - any other io.Reader that is an io.Seeker is sent chunked, and every
//     attempt seeks back to the position it had at the start of the call;
//     if the reader is also an io.Closer, it is closed when the call is
//     over, as http.Client.Do would;
//   - any other io.Reader is sent once, chunked, and handed to the
//     transport, which closes it when it is an io.Closer;
//   - a content upload's body (see contentBody) is sent as its reader is,
//     with its Content-Type;
//   - any other value is encoded as JSON on every attempt (see jsonBody),
//     with the members its structs' Members hold (see Marshal).
//
// Readers are otherwise sent as application/octet-stream.
func newRequestBody(body any) *requestBody {
	const octets = "application/octet-stream"
	switch b := body.(type) {
	case nil:
		return &requestBody{replayable: true}
	case typedContent:
		rb := newRequestBody(b.r)
		if rb.open != nil && b.contentType != "" {
			rb.contentType = b.contentType
		}
		return rb
	case *bytes.Reader:
		snapshot := *b
		return inMemoryBody(int64(b.Len()), func() io.Reader {
			r := snapshot
			return &r
		})
	case *strings.Reader:
		snapshot := *b
		return inMemoryBody(int64(b.Len()), func() io.Reader {
			r := snapshot
			return &r
		})
	case *bytes.Buffer:
		data := b.Bytes()
		return inMemoryBody(int64(len(data)), func() io.Reader { return bytes.NewReader(data) })
	case io.ReadSeeker:
		if start, err := b.Seek(0, io.SeekCurrent); err == nil {
			return seekerBody(b, start)
		}
		return onceBody(b)
	case io.Reader:
		return onceBody(b)
	case clientJSON:
		return jsonBody(b.v, b.encode)
	default:
		return jsonBody(b, func(v any) ([]byte, error) { return encodeBody(v, nil) })
	}
}

// clientJSON is a body a Client sends as JSON: encode is its encoder,
// which knows the Client's service root for Binds.
type clientJSON struct {
	v      any
	encode func(any) ([]byte, error)
}

// jsonFor returns body, wrapped as a clientJSON when it is sent as JSON,
// so that its Binds are resolved by c (see Bind).
func (c *Client) jsonFor(body any) any {
	switch body.(type) {
	case nil, typedContent, io.Reader, clientJSON:
		return body
	}
	return clientJSON{v: body, encode: func(v any) ([]byte, error) {
		return encodeBody(v, func(r Reference) (string, error) {
			ref, err := c.resolveReference(r)
			if err != nil {
				return "", err
			}
			return ref.ID, nil
		})
	}}
}

// typedContent is the body of a content upload: the bytes r holds, sent
// with the Content-Type contentType.
type typedContent struct {
	r           io.Reader
	contentType string
}

// contentBody is the body the methods of content uploads send: the bytes
// of r with the Content-Type contentType, or application/octet-stream when
// contentType is "". A nil r sends no body. r is sent as newRequestBody
// sends an io.Reader.
func contentBody(contentType string, r io.Reader) any {
	if r == nil {
		return nil
	}
	return typedContent{r: r, contentType: contentType}
}

// inMemoryBody returns a replayable octet-stream body of n bytes whose
// attempts read from what newReader returns.
func inMemoryBody(n int64, newReader func() io.Reader) *requestBody {
	rb := &requestBody{contentType: "application/octet-stream", length: n, replayable: true}
	if n == 0 {
		rb.open = func() (io.ReadCloser, error) { return http.NoBody, nil }
	} else {
		rb.open = func() (io.ReadCloser, error) { return io.NopCloser(newReader()), nil }
	}
	return rb
}

// onceBody returns an octet-stream body that can be sent only once.
func onceBody(r io.Reader) *requestBody {
	var opened bool
	return &requestBody{
		contentType: "application/octet-stream",
		length:      -1,
		open: func() (io.ReadCloser, error) {
			if opened {
				return nil, errors.New("a body that is not an io.Seeker cannot be sent twice")
			}
			opened = true
			if rc, ok := r.(io.ReadCloser); ok {
				return rc, nil
			}
			return io.NopCloser(r), nil
		},
	}
}

// seekerBody returns a replayable octet-stream body that reads s from the
// offset start on every attempt.
//
// The transport may still read the body of an attempt after the attempt's
// response has arrived, even after it has closed the body. So every attempt
// reads s through its own attemptReader, which the next attempt, or the end
// of the call, detaches before seeking s: a detached reader no longer
// touches s.
func seekerBody(s io.ReadSeeker, start int64) *requestBody {
	var (
		mu  sync.Mutex
		cur *attemptReader
	)
	detach := func() {
		if cur != nil {
			cur.detach()
		}
	}
	rb := &requestBody{
		contentType: "application/octet-stream",
		length:      -1,
		replayable:  true,
		open: func() (io.ReadCloser, error) {
			mu.Lock()
			defer mu.Unlock()
			detach()
			if _, err := s.Seek(start, io.SeekStart); err != nil {
				return nil, fmt.Errorf("seeking back to the start: %w", err)
			}
			cur = &attemptReader{r: s}
			return cur, nil
		},
		finish: func() {
			mu.Lock()
			defer mu.Unlock()
			detach()
			if c, ok := s.(io.Closer); ok {
				_ = c.Close()
			}
		},
	}
	return rb
}

// attemptReader reads the shared reader of a seekerBody for one attempt,
// until it is detached.
type attemptReader struct {
	mu       sync.Mutex
	r        io.Reader
	detached bool
}

// Read reads from the shared reader, or fails once r is detached.
func (r *attemptReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.detached {
		return 0, http.ErrBodyReadAfterClose
	}
	return r.r.Read(p)
}

// Close detaches r; the shared reader stays open for later attempts.
func (r *attemptReader) Close() error {
	r.detach()
	return nil
}

// detach stops r from reading the shared reader, waiting for a Read in
// progress to return.
func (r *attemptReader) detach() {
	r.mu.Lock()
	r.detached = true
	r.mu.Unlock()
}

// jsonBody returns a replayable application/json body that encode (the
// runtime's encoder, see Marshal) encodes anew for every attempt,
// streaming it to the transport through an io.Pipe: the request is sent
// chunked, and the encoded body is neither copied into a second buffer nor
// kept between attempts. (The encoder still marshals v into a buffer of its
// own before writing it, so the whole encoding is in memory once while it
// is sent.)
//
// open returns only once v has been marshalled, so an encoding error is
// reported by open, before anything is sent.
func jsonBody(v any, encode func(any) ([]byte, error)) *requestBody {
	return &requestBody{
		contentType: "application/json",
		length:      -1,
		replayable:  true,
		open: func() (io.ReadCloser, error) {
			pr, pw := io.Pipe()
			started := make(chan error, 1)
			go func() {
				w := &firstWriteSignal{w: pw, started: started}
				b, err := encode(v)
				if err == nil {
					_, err = w.Write(append(b, '\n'))
				}
				w.signal(err)
				_ = pw.CloseWithError(err) // a nil err closes with io.EOF
			}()
			if err := <-started; err != nil {
				_ = pr.Close()
				return nil, fmt.Errorf("encoding: %w", err)
			}
			return pr, nil
		},
	}
}

// firstWriteSignal passes writes to w and sends nil on started before the
// first one, or the error given to signal if that comes first; it sends at
// most once. It is used by a single goroutine.
type firstWriteSignal struct {
	w       io.Writer
	started chan<- error
	sent    bool
}

// Write signals the start of the output and writes p to w.
func (f *firstWriteSignal) Write(p []byte) (int, error) {
	f.signal(nil)
	return f.w.Write(p)
}

// signal sends err on started unless something was sent already.
func (f *firstWriteSignal) signal(err error) {
	if !f.sent {
		f.sent = true
		f.started <- err
	}
}
