package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/ictplan/ictplan/loaders"
)

// inputLimit is the size parse accepts for an input form: a workbook is
// a zip and may be larger than the text or CSV it holds.
func inputLimit(form string) int64 {
	if form == "xlsx" {
		return xlsxio.MaxFileSize
	}
	return loaders.MaxInputBytes
}

// openInput opens the input of parse, "-" being standard input, and
// enforces the limit of its form before and while it is read: a regular
// file (or standard input redirected from one) larger than the limit is
// refused from its size, without reading it; a pipe or device is read
// through a reader that stops one byte past the limit. The reader returned
// is the file itself when it is a regular file (an .xlsx workbook is then
// read in place, not copied).
func openInput(name, form string) (r io.Reader, display string, closeFn func() error, err error) {
	limit := inputLimit(form)
	f, display := os.Stdin, "stdin"
	closeFn = func() error { return nil }
	if name != "-" {
		if f, err = os.Open(name); err != nil {
			return nil, name, nil, err
		}
		display, closeFn = name, f.Close
	}
	st, err := f.Stat()
	if err != nil {
		closeFn()
		return nil, display, nil, err
	}
	if st.IsDir() {
		closeFn()
		return nil, display, nil, fmt.Errorf("%s: is a directory, not a table", display)
	}
	if st.Mode().IsRegular() {
		if st.Size() > limit {
			closeFn()
			return nil, display, nil, tooLarge(display, limit, fmt.Sprintf(" (the file has %d bytes)", st.Size()))
		}
		return f, display, closeFn, nil
	}
	return &limitedReader{r: f, left: limit, limit: limit, name: display}, display, closeFn, nil
}

func tooLarge(name string, limit int64, detail string) error {
	return &loaders.Error{File: name, Err: loaders.ErrLimit, Expected: fmt.Sprintf("at most %d bytes%s", limit, detail)}
}

// limitedReader reads at most limit bytes and fails with ErrLimit on the
// byte after: a stream larger than the limit is refused as soon as it is
// known to be, its memory bounded by the limit.
type limitedReader struct {
	r     io.Reader
	left  int64
	limit int64
	name  string
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, tooLarge(l.name, l.limit, "")
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n - 1, tooLarge(l.name, l.limit, "")
	}
	return n, err
}

// readAllInput reads a whole input (for the text form) within its limit.
func readAllInput(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, limit, "")
	}
	return data, nil
}

// notWorkbook checks the first bytes of an input read as a workbook: a
// file that is not a zip (a CSV file named .xlsx) is said to be so, with
// what it starts with, before the workbook reader sees it. It returns the
// reader to use (the bytes peeked are put back).
func notWorkbook(r io.Reader, name string) (io.Reader, error) {
	head := make([]byte, 16)
	var n int
	var err error
	if ra, ok := r.(io.ReaderAt); ok {
		n, err = ra.ReadAt(head, 0)
	} else {
		n, err = io.ReadFull(r, head)
		r = io.MultiReader(bytes.NewReader(head[:n]), r)
	}
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	head = head[:n]
	if bytes.HasPrefix(head, []byte("PK")) {
		return r, nil
	}
	what := fmt.Sprintf("it starts with %q", head)
	if n == 0 {
		what = "it is empty"
	}
	hint := ""
	if looksLikeText(head) {
		hint = "; for a CSV file use --input csv, for a document's text --input text"
	}
	return nil, &loaders.Error{File: name, Err: loaders.ErrNotWorkbook,
		Expected: fmt.Sprintf("a zip archive, as every .xlsx workbook is, but %s%s", what, hint)}
}

func looksLikeText(b []byte) bool {
	return len(b) > 0 && !strings.ContainsFunc(string(b), func(r rune) bool { return r < 0x20 && r != '\n' && r != '\r' && r != '\t' })
}
