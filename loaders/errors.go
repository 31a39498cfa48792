package loaders

import (
	"container/heap"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ictplan/ictplan/frame"
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
	ErrCellCount = NewSentinel("wrong number of cells", "số ô của hàng khác với bố cục")
	// ErrUnexpectedCell: a cell where a row, heading or total should start.
	ErrUnexpectedCell = NewSentinel("unexpected cell", "ô không đúng chỗ")
	// ErrTruncated: the table ends in the middle of a row, or has no rows.
	ErrTruncated = NewSentinel("truncated table", "bảng dừng giữa chừng hoặc không có hàng số liệu")
	// ErrMissingAppendix: the appendix asked for is not in the document.
	ErrMissingAppendix = NewSentinel("missing appendix", "văn bản không có phụ lục này")
	// ErrLimit: the input is larger than the loader accepts.
	ErrLimit = NewSentinel("input too large", "tệp quá lớn")
	// ErrEncoding: the input is not valid UTF-8 text.
	ErrEncoding = NewSentinel("invalid text encoding", "văn bản không theo mã UTF-8")
	// ErrNotWorkbook: the input read as a workbook is not an .xlsx
	// workbook (a zip archive of worksheets), or one that cannot be read.
	ErrNotWorkbook = NewSentinel("not an .xlsx workbook", "không phải tệp Excel .xlsx")
	// ErrUnknownLayout: no layout of that name.
	ErrUnknownLayout = NewSentinel("unknown layout", "không có bố cục tên này")
	// ErrMoreErrors: an ErrorList reached its cap; the last error of the
	// list counts the errors it did not keep (Error.More).
	ErrMoreErrors = NewSentinel("more errors", "còn lỗi khác")
)

// How much of a text an error quotes.
const (
	// MaxQuoted bounds the characters of a text an error echoes: the
	// text found, and every quoted text or word of the explanation.
	MaxQuoted = 80
	// MaxExpected bounds the characters of the explanation (Expected).
	MaxExpected = 300
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
	// More is, for an ErrMoreErrors, the number of errors an ErrorList
	// did not keep; Line and Cell are then those of the first of them.
	More int
}

// Error reads "plan.csv:7: cell 3 (staff) not a number: found "l42",
// expected …". Every text echoed is clipped: the text found to MaxQuoted
// characters, each quoted text or word of the explanation to MaxQuoted and
// the explanation to MaxExpected; control, format and bidirectional
// characters (U+202E and the like) are written as escapes (\u202e), so
// that an error message cannot reorder or hide the text around it.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(EscapeControls(e.File))
		b.WriteByte(':')
	}
	if errors.Is(e.Err, ErrMoreErrors) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "… and %d more errors", e.More)
		if e.Line > 0 {
			fmt.Fprintf(&b, ", the first at line %d", e.Line)
			if e.Cell > 0 {
				fmt.Fprintf(&b, " cell %d", e.Cell)
			}
		}
		return b.String()
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
		fmt.Fprintf(&b, "(%s) ", EscapeControls(e.Column))
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("error")
	}
	if e.Text != "" || e.Expected != "" {
		b.WriteString(": ")
	}
	if e.Text != "" {
		fmt.Fprintf(&b, "found %q", Clip(e.Text, MaxQuoted))
		if e.Expected != "" {
			b.WriteString(", ")
		}
	}
	if e.Expected != "" {
		b.WriteString("expected ")
		b.WriteString(ClipExplanation(e.Expected))
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Position returns the file, line and cell of the error.
func (e *Error) Position() frame.Position {
	return frame.Position{File: e.File, Line: e.Line, Cell: e.Cell}
}

// Clip returns s cut to n characters, the last one "…" when s was longer:
// how an error quotes a long text.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	k := 0
	for i := range s {
		if k == n-1 {
			return s[:i] + "…"
		}
		k++
	}
	return s
}

// ClipExplanation returns an explanation as an error writes it: each
// quoted text ("…") and each word (between spaces, brackets, commas)
// longer than MaxQuoted characters cut to
// MaxQuoted (a 300-digit number read from a cell is not printed whole),
// control, format and bidirectional characters escaped (EscapeControls),
// and the whole cut to MaxExpected characters.
func ClipExplanation(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '"':
			// a quoted run, up to the closing quote not escaped
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			end := min(j+1, len(s))
			inner := s[i+1 : min(j, len(s))]
			b.WriteByte('"')
			b.WriteString(Clip(inner, MaxQuoted))
			if j < len(s) {
				b.WriteByte('"')
			}
			i = end
		case wordEnd(s[i]):
			b.WriteByte(s[i])
			i++
		default:
			j := i
			for j < len(s) && !wordEnd(s[j]) && s[j] != '"' {
				j++
			}
			b.WriteString(Clip(s[i:j], MaxQuoted))
			i = j
		}
	}
	return Clip(EscapeControls(b.String()), MaxExpected)
}

// wordEnd reports the bytes that end a word of an explanation.
func wordEnd(c byte) bool {
	return c == ' ' || c == '(' || c == ')' || c == ',' || c == ';'
}

// EscapeControls returns s with its control characters, format characters
// (Unicode category Cf: the bidirectional overrides and isolates U+202A–
// U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C, zero-width
// joiners …) and invalid bytes written as Go escapes (\u202e, \n, \x80):
// text from a document that is echoed in a message, a table or a terminal
// shows as it is and cannot reorder what surrounds it.
func EscapeControls(s string) string {
	clean := true
	for _, r := range s {
		if needsEscape(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if !needsEscape(r) {
			b.WriteRune(r)
			continue
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				fmt.Fprintf(&b, `\x%02x`, s[i])
				continue
			}
		}
		q := strconv.QuoteRuneToASCII(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		r == '\u2028' || r == '\u2029'
}

// DefaultMaxErrors is the cap of the lists NewErrorList makes: after that
// many errors a list counts the others without keeping them. 0 is no cap.
// A program sets it once, before it reads (the CLI's --max-errors);
// ErrorList.SetMax sets the cap of one list.
var DefaultMaxErrors = 100

// ErrorList collects the positioned errors of one input and joins them in
// line order: a loader reports every problem it meets, not the first only.
// A layout read outside this package (loaders/dxtext) reports its problems
// with it too.
//
// A list keeps at most its cap of errors (DefaultMaxErrors, or SetMax), the
// first ones in line order; of the others it keeps the number and the
// first, which Err reports in one last error (ErrMoreErrors): "… and 999900
// more errors, the first at line 103". Its memory does not grow with the
// number of errors beyond the cap.
type ErrorList struct {
	file  string
	max   int
	seq   int
	errs  errHeap // a max-heap on (line, seq) while capped; else in Add order
	more  int     // errors not kept
	first keyed   // the first of them in line order
}

type keyed struct {
	e   *Error
	seq int
}

func (k keyed) before(o keyed) bool {
	if k.e.Line != o.e.Line {
		return k.e.Line < o.e.Line
	}
	return k.seq < o.seq
}

// errHeap is a max-heap: its root is the last kept error in line order.
type errHeap []keyed

func (h errHeap) Len() int           { return len(h) }
func (h errHeap) Less(i, j int) bool { return h[j].before(h[i]) }
func (h errHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *errHeap) Push(x any)        { *h = append(*h, x.(keyed)) }
func (h *errHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// NewErrorList returns an empty list for the named input, capped at
// DefaultMaxErrors; an Error added without a File gets that name.
func NewErrorList(file string) *ErrorList {
	return &ErrorList{file: file, max: max(DefaultMaxErrors, 0)}
}

// SetMax sets the cap of the list: the number of errors it keeps (0: no
// cap). It applies to the errors added after it; call it first.
func (l *ErrorList) SetMax(n int) {
	l.max = max(n, 0)
	if l.max == 0 {
		return
	}
	heap.Init(&l.errs)
	for len(l.errs) > l.max {
		l.count(heap.Pop(&l.errs).(keyed))
	}
}

// count counts k among the errors not kept.
func (l *ErrorList) count(k keyed) {
	if l.more == 0 || k.before(l.first) {
		l.first = k
	}
	l.more++
}

// Len returns the number of errors added, kept or not.
func (l *ErrorList) Len() int { return len(l.errs) + l.more }

// Add adds e (or counts it, when the list is full and e comes after the
// errors kept).
func (l *ErrorList) Add(e *Error) {
	if e.File == "" {
		e.File = l.file
	}
	k := keyed{e: e, seq: l.seq}
	l.seq++
	if l.max == 0 {
		l.errs = append(l.errs, k)
		return
	}
	if len(l.errs) < l.max {
		heap.Push(&l.errs, k)
		return
	}
	if k.before(l.errs[0]) {
		// e displaces the last error kept, which is now not kept
		k, l.errs[0] = l.errs[0], k
		heap.Fix(&l.errs, 0)
	}
	l.count(k)
}

// Err returns the errors joined in line order (errors.Join of *Error, as
// Errors reads them back), then, if the list was full, an ErrMoreErrors
// that counts the others; nil when there are none.
func (l *ErrorList) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	kept := make([]keyed, len(l.errs))
	copy(kept, l.errs)
	sort.Slice(kept, func(i, j int) bool { return kept[i].before(kept[j]) })
	out := make([]error, len(kept), len(kept)+1)
	for i, k := range kept {
		out[i] = k.e
	}
	if l.more > 0 {
		out = append(out, &Error{File: l.file, Line: l.first.e.Line, Cell: l.first.e.Cell, Err: ErrMoreErrors, More: l.more})
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
