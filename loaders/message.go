package loaders

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/numtext"
)

// sentinel is a condition that errors wrap, in English and in Vietnamese.
type sentinel struct{ en, vi string }

func (s *sentinel) Error() string { return s.en }

// VI says the condition in Vietnamese.
func (s *sentinel) VI() string { return s.vi }

// NewSentinel returns a condition for errors to wrap (errors.Is finds it):
// its Error is en, and MessageVI says it as vi. The sentinels of the
// loaders and of their subpackages are made with it.
func NewSentinel(en, vi string) error { return &sentinel{en, vi} }

// conditionVI says a condition in Vietnamese: a sentinel made by
// NewSentinel, or one of numtext's.
func conditionVI(err error) string {
	var s interface{ VI() string }
	switch {
	case errors.Is(err, numtext.ErrNotNumber):
		return "không phải số"
	case errors.Is(err, numtext.ErrAmbiguousNumber):
		return "số đọc được hai cách"
	case errors.Is(err, numtext.ErrMixedConvention):
		return "bảng viết số theo cả hai cách (1.234,5 và 1,234.5)"
	case errors.As(err, &s):
		return s.VI()
	}
	return ""
}

// MessageVI says err in Vietnamese, for a Vietnamese page or message: for
// each error it joins (the first three, then how many more), where the
// problem is (frame.Position.StringVI, without the file, which the page
// names), what it is (its condition) and the text found there. What was
// expected, the explanation that ends an Error, is written in English
// only: show Error beside it as the detail. An error that no loader made
// is "không đọc được" with its position, if any.
func MessageVI(err error) string {
	if err == nil {
		return ""
	}
	units := positioned(err)
	var out []string
	for i, u := range units {
		if i == 3 {
			out = append(out, fmt.Sprintf("và %d lỗi khác", len(units)-3))
			break
		}
		out = append(out, messageVI(u))
	}
	return strings.Join(out, "; ")
}

// messageVI says one error: its position, condition and text found.
func messageVI(err error) string {
	var b strings.Builder
	if p, ok := frame.PositionOf(err); ok {
		if w := p.StringVI(); w != "" {
			b.WriteString(w)
			b.WriteString(": ")
		}
	}
	var le *Error
	if !errors.As(err, &le) {
		if c := conditionVI(err); c != "" {
			b.WriteString(c)
		} else {
			b.WriteString("không đọc được")
		}
		return b.String()
	}
	if errors.Is(le.Err, ErrMoreErrors) {
		return fmt.Sprintf("còn %d lỗi khác", le.More)
	}
	c := conditionVI(le.Err)
	if c == "" {
		c = "không đọc được"
	}
	b.WriteString(c)
	if le.Text != "" {
		fmt.Fprintf(&b, ": gặp «%s»", EscapeControls(Clip(le.Text, MaxQuoted)))
	}
	return b.String()
}

// positioned splits err into the errors it joins, each whole with its
// position: an error that has a position (frame.Positioned) is one; a
// joined list is walked into, and so is a wrapper without a position.
func positioned(err error) []error {
	var out []error
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if _, ok := e.(frame.Positioned); ok {
			out = append(out, e)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		if u, ok := e.(interface{ Unwrap() error }); ok && u.Unwrap() != nil {
			n := len(out)
			walk(u.Unwrap())
			if len(out) > n {
				return
			}
		}
		out = append(out, e)
	}
	walk(err)
	return out
}
