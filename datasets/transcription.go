package datasets

import (
	"embed"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ictplan/ictplan/loaders"
)

// The reviewed transcriptions: figures that a person read from a source
// because the text has no regular form for them (an amount in words broken
// over lines or by a stamp, a funding source named on one line and funded
// on the next, which phrase is a project's title). Every value carries its
// file, its line and the exact text it was read from; the text is checked
// against the source each time the datasets are built.
//
//go:embed curated/investments.csv
var curatedFS embed.FS

const curatedInvestments = "curated/investments.csv"

// transcriptionHeader is the header of the curated CSV files.
var transcriptionHeader = []string{"record", "field", "file", "line", "text", "value", "note"}

// reading is one value of a dataset, with the text it was read from: a
// transcription from the curated file, or a value found by code in a
// line of regular form.
type reading struct {
	Record string // investment key, or key/funding/N, key/subtotal/N
	Field  string
	File   string
	Line   int
	Text   string // the exact text, as it occurs from Line on (CleanText form)
	Value  string // for text fields: the value when it is not Text itself
	Note   string
	ByCode bool // found by code rather than transcribed
}

// str is the value of a text field.
func (r reading) str() string {
	if r.Value != "" {
		return r.Value
	}
	return loaders.CleanText(r.Text)
}

// The kinds of fields a reading may fill, and how its text is read.
const (
	fieldText   = iota // the text itself (or the reviewer's shorter reading, Value)
	fieldMoney         // an amount in digits: loaders.ParseAmount, dot thousands
	fieldWords         // an amount in words: loaders.ParseAmountWords
	fieldDate          // "ngày 28 tháng 8 năm 2024" or "14/7/2023"
	fieldPeriod        // "2024 - 2026", "giai đoạn 2011-2015"
)

var fieldKinds = map[string]int{
	"document": fieldText, "stage": fieldText, "title": fieldText, "owner": fieldText,
	"source": fieldText, "source_group": fieldText, "project_group": fieldText,
	"total": fieldMoney, "amount": fieldMoney,
	"total_in_words": fieldWords, "amount_in_words": fieldWords,
	"date": fieldDate, "period": fieldPeriod,
}

// stages are the values of the stage field.
var stages = map[string]bool{"approved": true, "proposed": true, "planned": true}

// parseTranscriptions reads a curated CSV file: the header, then one
// reading per record. Values of text fields may be given in the value
// column; for numbers, dates and periods it must be empty (they are
// parsed from the text).
func parseTranscriptions(name string, data []byte) ([]reading, error) {
	recs, err := readCuratedCSV(data, name, transcriptionHeader)
	if err != nil {
		return nil, err
	}
	var out []reading
	var errs []error
	for _, cr := range recs {
		rec, row := cr.f, cr.line
		n, err := strconv.Atoi(rec[3])
		if err != nil || n < 1 {
			errs = append(errs, fmt.Errorf("%s:%d: line %q is not a line number", name, row, rec[3]))
			continue
		}
		rd := reading{Record: rec[0], Field: rec[1], File: rec[2], Line: n, Text: rec[4], Value: rec[5], Note: rec[6]}
		kind, ok := fieldKinds[rd.Field]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("%s:%d: unknown field %q", name, row, rd.Field))
		case rd.Record == "" || rd.Text == "":
			errs = append(errs, fmt.Errorf("%s:%d: record and text are required", name, row))
		case kind != fieldText && rd.Value != "":
			errs = append(errs, fmt.Errorf("%s:%d: %s is read from its text: the value column must be empty", name, row, rd.Field))
		case rd.Field == "stage" && !stages[rd.Value]:
			errs = append(errs, fmt.Errorf("%s:%d: stage %q is not approved, proposed or planned", name, row, rd.Value))
		default:
			out = append(out, rd)
		}
	}
	return out, errors.Join(errs...)
}

// maxQuoteLines is how many non-blank lines a quoted text may run over.
const maxQuoteLines = 8

// verify checks that the reading's text occurs in its source starting on
// its line: the text may run on over the following non-blank lines (a
// PDF line break is a blank), but must begin on the line it cites.
func (r reading) verify() error {
	lines, err := sourceLines(r.File)
	if err != nil {
		return err
	}
	if r.Line < 1 || r.Line > len(lines) {
		return &loaders.Error{File: r.File, Line: r.Line, Text: r.Text, Expected: fmt.Sprintf("a line of the source (it has %d)", len(lines)), Err: loaders.ErrTruncated}
	}
	if quoteAt(lines, r.Line-1, loaders.CleanText(r.Text)) {
		return nil
	}
	return &loaders.Error{File: r.File, Line: r.Line, Column: r.Field, Text: r.Text,
		Expected: fmt.Sprintf("this text on line %d, which reads %q", r.Line, loaders.CleanText(lines[r.Line-1])), Err: loaders.ErrUnexpectedCell}
}

// quoteAt reports whether the cleaned quote q occurs in lines starting on
// line i (0-based), running on over at most maxQuoteLines non-blank lines.
func quoteAt(lines []string, i int, q string) bool {
	first := loaders.CleanText(lines[i])
	if q == "" || first == "" {
		return false
	}
	joined := first
	for j, n := i+1, 1; j < len(lines) && n < maxQuoteLines && len(joined) < len(first)+len(q)+1; j++ {
		if l := loaders.CleanText(lines[j]); l != "" {
			joined += " " + l
			n++
		}
	}
	k := strings.Index(joined, q)
	return k >= 0 && k < len(first)
}

// money parses the reading's text as an amount in digits.
func (r reading) money() (loaders.Amount, error) {
	a, err := loaders.ParseAmount(stripMarkup(r.Text), loaders.DotThousands, loaders.UnknownUnit, false)
	if err != nil {
		return a, r.errorf(err, "an amount such as 30.500.000.000 đồng or 990,277 triệu đồng")
	}
	return a, nil
}

// words parses the reading's text as an amount in words, in million đồng.
func (r reading) words() (float64, error) {
	v, err := loaders.ParseAmountWords(r.Text)
	if err != nil {
		return 0, r.errorf(err, "an amount in words such as Ba mươi tỷ, năm trăm triệu đồng")
	}
	return v, nil
}

func (r reading) date() (time.Time, error) {
	t, err := parseDateVI(r.Text)
	if err != nil {
		return t, r.errorf(err, "a date such as ngày 28 tháng 8 năm 2024 or 14/7/2023")
	}
	return t, nil
}

func (r reading) period() (start, end int, err error) {
	m := periodRE.FindString(r.Text)
	if m == "" {
		return 0, 0, r.errorf(loaders.ErrNotNumber, "two years such as 2024 - 2026")
	}
	start, end, err = loaders.ParsePeriod(m)
	if err != nil {
		return 0, 0, r.errorf(err, "two years such as 2024 - 2026")
	}
	return start, end, nil
}

func (r reading) errorf(err error, expected string) error {
	sentinel := loaders.ErrNotNumber
	var le *loaders.Error
	if errors.As(err, &le) {
		sentinel = le.Err
	} else if errors.Is(err, loaders.ErrAmbiguousNumber) {
		sentinel = loaders.ErrAmbiguousNumber
	}
	return &loaders.Error{File: r.File, Line: r.Line, Column: r.Field, Text: r.Text, Expected: expected, Err: sentinel}
}

var periodRE = regexp.MustCompile(`\d{4}\s*[-–—]\s*\d{4}`)

var (
	dateWordsRE = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	dateSlashRE = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
)

// errNotDate is the cause of a text that holds no valid date.
var errNotDate = errors.New("not a date")

// parseDateVI reads the first date in s written "ngày 28 tháng 8 năm 2024"
// (blanks of any width) or "14/7/2023" (day first). A day or month out of
// range is an error, never rolled over.
func parseDateVI(s string) (time.Time, error) {
	s = loaders.CleanText(s)
	m := dateWordsRE.FindStringSubmatch(s)
	if m == nil {
		m = dateSlashRE.FindStringSubmatch(s)
	}
	if m == nil {
		return time.Time{}, fmt.Errorf("%w: %q", errNotDate, s)
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != mo || t.Year() != y {
		return time.Time{}, fmt.Errorf("%w: %q has no day %d/%d/%d", errNotDate, s, d, mo, y)
	}
	return t, nil
}

// stripMarkup removes what the DOCX-to-text conversion left of the
// formatting: HTML tags (<i>, <ul style=...>) and the asterisks of
// emphasis (**22.955.000.000**, *Bằng chữ*), then cleans the text.
func stripMarkup(s string) string {
	s = htmlTagRE.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "*", "")
	return loaders.CleanText(s)
}

var htmlTagRE = regexp.MustCompile(`</?[a-zA-Z][^<>]*>`)

type splitLines struct {
	once  sync.Once
	lines []string
	err   error
}

var sourceLineCache sync.Map // file -> *splitLines

// sourceLines returns the lines of a source, without line ends; shared
// read-only.
func sourceLines(file string) ([]string, error) {
	v, _ := sourceLineCache.LoadOrStore(file, &splitLines{})
	s := v.(*splitLines)
	s.once.Do(func() {
		b, err := SourceText(file)
		if err != nil {
			s.err = err
			return
		}
		s.lines = splitTextLines(string(b))
	})
	return s.lines, s.err
}

// splitTextLines splits text into lines as Line numbers them.
func splitTextLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

var (
	curatedOnce sync.Once
	curated     []reading
	curatedErr  error
)

// transcriptions returns the reviewed transcriptions, each verified
// against its source.
func transcriptions() ([]reading, error) {
	curatedOnce.Do(func() {
		b, err := curatedFS.ReadFile(curatedInvestments)
		if err != nil {
			curatedErr = err
			return
		}
		rs, err := parseTranscriptions(curatedInvestments, b)
		if err != nil {
			curatedErr = err
			return
		}
		var errs []error
		for _, r := range rs {
			if err := r.verify(); err != nil {
				errs = append(errs, fmt.Errorf("%s: record %s, field %s: %w", curatedInvestments, r.Record, r.Field, err))
			}
		}
		curated, curatedErr = rs, errors.Join(errs...)
	})
	return curated, curatedErr
}
