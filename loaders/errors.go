package loaders

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ictplan/ictplan/numtext"
)

// Sentinel errors; every *Error unwraps to one of them.
var (
	// ErrNotNumber: a number column holds something that is not a number
	// in the table's convention (numtext.ErrNotNumber).
	ErrNotNumber = numtext.ErrNotNumber
	// ErrAmbiguousNumber: a token reads two ways (1.774 as 1774 or 1,774)
	// and nothing in its table decides (numtext.ErrAmbiguousNumber).
	ErrAmbiguousNumber = numtext.ErrAmbiguousNumber
	// ErrMixedConvention: one table uses both number conventions
	// (numtext.ErrMixedConvention).
	ErrMixedConvention = numtext.ErrMixedConvention
	// ErrCellCount: a row has more or fewer cells than its layout.
	ErrCellCount = errors.New("wrong number of cells")
	// ErrUnexpectedCell: a cell where a row, heading or total should start.
	ErrUnexpectedCell = errors.New("unexpected cell")
	// ErrTruncated: the table ends in the middle of a row, or has no rows.
	ErrTruncated = errors.New("truncated table")
	// ErrMissingAppendix: the appendix asked for is not in the document.
	ErrMissingAppendix = errors.New("missing appendix")
	// ErrLimit: the input is larger than the loader accepts.
	ErrLimit = errors.New("input too large")
	// ErrEncoding: the input is not valid UTF-8 text.
	ErrEncoding = errors.New("invalid text encoding")
	// ErrUnknownLayout: no layout of that name.
	ErrUnknownLayout = errors.New("unknown layout")
)

// Error is a problem at a position of a source document.
type Error struct {
	File     string // source file name
	Line     int    // 1-based line; 0 when the problem has no line
	Cell     int    // 1-based position of the cell in its row; 0 when not a cell
	Column   string // the layout column the cell belongs to
	Text     string // the text found
	Expected string // what was expected there
	Err      error  // the sentinel
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if e.Cell > 0 {
		fmt.Fprintf(&b, "cell %d ", e.Cell)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "(%s) ", e.Column)
	}
	b.WriteString(e.Err.Error())
	if e.Text != "" || e.Expected != "" {
		b.WriteString(": ")
	}
	if e.Text != "" {
		fmt.Fprintf(&b, "found %q", Clip(e.Text, 80))
		if e.Expected != "" {
			b.WriteString(", ")
		}
	}
	if e.Expected != "" {
		b.WriteString("expected ")
		b.WriteString(e.Expected)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Clip returns s cut to n characters, the last one "…" when s was longer:
// how an error quotes a long text.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// ErrorList collects the positioned errors of one input and joins them in
// line order: a loader reports every problem it meets, not the first only.
// A layout read outside this package (loaders/dxtext) reports its problems
// with it too.
type ErrorList struct {
	file string
	errs []*Error
}

// NewErrorList returns an empty list for the named input; an Error added
// without a File gets that name.
func NewErrorList(file string) *ErrorList { return &ErrorList{file: file} }

// Add adds e.
func (l *ErrorList) Add(e *Error) {
	if e.File == "" {
		e.File = l.file
	}
	l.errs = append(l.errs, e)
}

// Err returns the errors joined in line order (errors.Join of *Error, as
// Errors reads them back), or nil when there are none.
func (l *ErrorList) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	sort.SliceStable(l.errs, func(i, j int) bool { return l.errs[i].Line < l.errs[j].Line })
	out := make([]error, len(l.errs))
	for i, e := range l.errs {
		out[i] = e
	}
	return errors.Join(out...)
}

// Errors returns the positioned errors in err (as joined by the loaders,
// possibly wrapped with fmt.Errorf and %w), in order.
func Errors(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if e, ok := err.(*Error); ok {
			out = append(out, e)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		// A wrapper (fmt.Errorf with %w) around a joined list: walk into
		// it, so that every entry is returned, not only the first.
		if u, ok := err.(interface{ Unwrap() error }); ok {
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

func errorsIs(err, target error) bool { return errors.Is(err, target) }
