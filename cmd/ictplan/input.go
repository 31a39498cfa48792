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
// through a reader that stops one byte past the limit: a workbook into a
// temporary file (read in place then, as a regular file is), text or CSV
// into a buffer of at most the limit, so that memory never exceeds the
// limit, whatever the stream's length. The reader returned is the file
// itself when it is a regular file.
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
	lr := &limitedReader{r: f, left: limit, limit: limit, name: display}
	if form == "xlsx" {
		tmp, err := os.CreateTemp("", "ictplan-*.xlsx")
		if err != nil {
			closeFn()
			return nil, display, nil, err
		}
		os.Remove(tmp.Name()) // gone when closed
		if _, err := io.Copy(tmp, lr); err != nil {
			tmp.Close()
			closeFn()
			return nil, display, nil, err
		}
		closeIn := closeFn
		return io.NewSectionReader(tmp, 0, limit-lr.left), display, func() error { tmp.Close(); return closeIn() }, nil
	}
	data, err := readAllInput(lr, display, limit)
	if err != nil {
		closeFn()
		return nil, display, nil, err
	}
	return bytes.NewReader(data), display, closeFn, nil
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

// readAllInput reads a whole input within its limit: a regular file
// into a buffer of its size, a stream into a buffer that can hold the
// limit and one byte, so that it is never copied as it grows (the pages
// not filled are not memory taken).
func readAllInput(r io.Reader, name string, limit int64) ([]byte, error) {
	if br, ok := r.(*bytes.Reader); ok {
		data := make([]byte, br.Len())
		_, err := io.ReadFull(br, data)
		return data, err
	}
	size := limit + 1
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = min(st.Size()+1, limit+1)
		}
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			if int64(len(data)) > limit {
				return nil, tooLarge(name, limit, "")
			}
			data = append(data, 0)[:len(data)] // a file that grew as it was read
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, tooLarge(name, limit, "")
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
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
