package loaders

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ictplan/ictplan/numtext"
)

// A layout can be written in a small text file that a planner edits by
// hand: TOML, because it is plain text with comments, its strings are
// UTF-8 (Vietnamese headers as they are written), a list of cells reads as
// a list of [[cells]] blocks, and its parser reports the line of a
// mistake. The built-in layouts are kept in that form (layouts/*.toml,
// embedded), so a user's layout and a built-in one are read the same way;
// `ictplan layouts --write computers` prints one as a starting point.

// layoutFile is the TOML form of a Layout.
type layoutFile struct {
	Name        string     `toml:"name"`
	Description string     `toml:"description"`
	Sections    bool       `toml:"sections"`
	TotalFrom   string     `toml:"total_from"`
	MoneyUnit   string     `toml:"money_unit"`
	DashZero    bool       `toml:"dash_zero"`
	Numbers     string     `toml:"numbers"`
	TotalLabels []string   `toml:"total_labels"`
	MeanLabels  []string   `toml:"mean_labels"`
	EmptyTexts  []string   `toml:"empty_texts"`
	EmptyLines  string     `toml:"empty_lines"`
	Cells       []cellFile `toml:"cells"`
	Matrix      *struct {
		Key   cellFile `toml:"key"`
		Value cellFile `toml:"value"`
	} `toml:"matrix"`
	Checks *checksFile `toml:"checks"`
}

// checksFile is the TOML form of Checks.
type checksFile struct {
	Subject string `toml:"subject"`
	Ratios  []struct {
		Reported    string `toml:"reported"`
		Numerator   string `toml:"numerator"`
		Denominator string `toml:"denominator"`
	} `toml:"ratios"`
	Parts []struct {
		Whole  string   `toml:"whole"`
		Parts  []string `toml:"parts"`
		AtMost bool     `toml:"at_most"`
	} `toml:"parts"`
}

type cellFile struct {
	Name     string   `toml:"name"`
	Kind     string   `toml:"kind"`
	Label    string   `toml:"label"`
	Headers  []string `toml:"headers"`
	Unit     string   `toml:"unit"`
	Aux      string   `toml:"aux"`
	AuxLabel string   `toml:"aux_label"`
	Optional bool     `toml:"optional"`
}

// ErrLayoutFile: a layout file that cannot be read as a layout.
var ErrLayoutFile = NewSentinel("invalid layout file", "tệp bố cục không hợp lệ")

// ReadLayout reads a layout from its TOML form (see WriteTOML). file names
// the source in errors, which say the line of a syntax error and the key or
// cell of any other mistake: an unknown key (a misspelt one is not
// ignored), an unknown kind or money unit, a layout that Validate refuses.
func ReadLayout(r io.Reader, file string) (Layout, error) {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
	if err != nil {
		return Layout{}, err
	}
	if len(data) > 1<<20 {
		return Layout{}, fmt.Errorf("%s: %w: larger than 1 MB", file, ErrLayoutFile)
	}
	var lf layoutFile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&lf)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Layout{}, fmt.Errorf("%s:%d: %w: %s", file, pe.Position.Line, ErrLayoutFile, pe.Message)
		}
		return Layout{}, fmt.Errorf("%s: %w: %v", file, ErrLayoutFile, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		keys := make([]string, len(un))
		for i, k := range un {
			keys[i] = k.String()
		}
		return Layout{}, fmt.Errorf("%s: %w: unknown key %s (known: name, description, sections, total_from, money_unit, dash_zero, numbers, total_labels, mean_labels, empty_texts, empty_lines, [[cells]] and [matrix] key and value, each with name, kind, label, headers, unit, aux, aux_label, optional; [checks] with subject, [[checks.ratios]] reported, numerator, denominator and [[checks.parts]] whole, parts, at_most)", file, ErrLayoutFile, strings.Join(keys, ", "))
	}
	l := Layout{Name: lf.Name, Description: lf.Description, Sections: lf.Sections, TotalFrom: lf.TotalFrom, DashZero: lf.DashZero,
		TotalLabels: lf.TotalLabels, MeanLabels: lf.MeanLabels, EmptyTexts: lf.EmptyTexts}
	switch strings.ToLower(strings.TrimSpace(lf.EmptyLines)) {
	case "", "nbsp":
	case "spaces":
		l.EmptyLines = EmptySpaces
	default:
		return Layout{}, fmt.Errorf("%s: %w: empty_lines %q (want \"nbsp\" or \"spaces\")", file, ErrLayoutFile, lf.EmptyLines)
	}
	if lf.MoneyUnit != "" {
		u, ok := ParseMoneyUnit(lf.MoneyUnit)
		if !ok {
			return Layout{}, fmt.Errorf("%s: %w: money_unit %q (want đồng, nghìn đồng, triệu đồng or tỷ đồng)", file, ErrLayoutFile, lf.MoneyUnit)
		}
		l.MoneyUnit = u
	}
	if l.Numbers, err = numtext.ParseConvention(lf.Numbers); err != nil {
		return Layout{}, fmt.Errorf("%s: %w: numbers: %v", file, ErrLayoutFile, err)
	}
	for i, c := range lf.Cells {
		spec, err := c.spec(fmt.Sprintf("cell %d", i+1))
		if err != nil {
			return Layout{}, fmt.Errorf("%s: %w: %v", file, ErrLayoutFile, err)
		}
		l.Cells = append(l.Cells, spec)
	}
	if m := lf.Matrix; m != nil {
		key, err := m.Key.spec("matrix key")
		if err != nil {
			return Layout{}, fmt.Errorf("%s: %w: %v", file, ErrLayoutFile, err)
		}
		value, err := m.Value.spec("matrix value")
		if err != nil {
			return Layout{}, fmt.Errorf("%s: %w: %v", file, ErrLayoutFile, err)
		}
		l.Matrix = &Matrix{Key: key, Value: value}
	}
	if c := lf.Checks; c != nil {
		l.Checks.Subject = c.Subject
		for _, r := range c.Ratios {
			l.Checks.Ratios = append(l.Checks.Ratios, RatioCheck{Reported: r.Reported, Numerator: r.Numerator, Denominator: r.Denominator})
		}
		for _, p := range c.Parts {
			l.Checks.Parts = append(l.Checks.Parts, PartsCheck{Whole: p.Whole, Parts: p.Parts, AtMost: p.AtMost})
		}
	}
	if err := l.Validate(); err != nil {
		return Layout{}, fmt.Errorf("%s: %w: %v", file, ErrLayoutFile, err)
	}
	return l, nil
}

// spec is the CellSpec of a cell's TOML form; what names it in errors.
func (c cellFile) spec(what string) (CellSpec, error) {
	k, ok := kindByName[strings.ToLower(strings.TrimSpace(c.Kind))]
	if !ok {
		return CellSpec{}, fmt.Errorf("%s (%q): kind %q (want one of %s)", what, c.Name, c.Kind, kindNames())
	}
	return CellSpec{Kind: k, Name: c.Name, Aux: c.Aux, LabelVI: c.Label, AuxVI: c.AuxLabel, Unit: c.Unit, Headers: c.Headers, Optional: c.Optional}, nil
}

var kindByName = func() map[string]CellKind {
	m := map[string]CellKind{}
	for k := RowNumber; k <= lastKind; k++ {
		m[k.String()] = k
	}
	return m
}()

func kindNames() string {
	var s []string
	for k := RowNumber; k <= lastKind; k++ {
		s = append(s, strconv.Quote(k.String()))
	}
	return strings.Join(s, ", ")
}

// WriteTOML writes the layout in the form ReadLayout reads, with a comment
// on each key. A layout read from the text of a document by its own reader
// (Form other than CellPerLine) has no such form: an error.
func (l Layout) WriteTOML(w io.Writer) error {
	if l.Form != CellPerLine {
		return fmt.Errorf("layout %q reads %s with its own reader and has no layout file", l.Name, l.Form)
	}
	var b strings.Builder
	q := strconv.Quote
	fmt.Fprintf(&b, "# Bố cục bảng (layout) %q: ictplan parse --layout-file <tệp này> TABLE\n", l.Name)
	b.WriteString("# Mỗi [[cells]] là một cột của dòng số liệu, theo thứ tự (cột đầu: khóa của dòng).\n\n")
	fmt.Fprintf(&b, "name = %s\n", q(l.Name))
	fmt.Fprintf(&b, "description = %s\n", q(l.Description))
	fmt.Fprintf(&b, "sections = %t  # true: các dòng được nhóm dưới đề mục \"I. …\", \"II. …\" (cột group)\n", l.Sections)
	fmt.Fprintf(&b, "total_from = %s  # ô đầu tiên mà dòng TỔNG CỘNG có số liệu\n", q(l.TotalFrom))
	fmt.Fprintf(&b, "money_unit = %s  # đơn vị tiền khi bảng không ghi \"Đơn vị tính\": đồng, nghìn đồng, triệu đồng, tỷ đồng\n", q(l.MoneyUnit.String()))
	fmt.Fprintf(&b, "dash_zero = %t  # true: ô ghi \"-\" là 0\n", l.DashZero)
	fmt.Fprintf(&b, "numbers = %s  # auto, dot-thousands (1.234,5) hoặc comma-thousands (1,234.5)\n", q(conventionName(l.Numbers)))
	// keys left to their defaults are written as comments, to be filled in
	opt := func(set bool, key, value, comment string) {
		if !set {
			b.WriteString("# ")
		}
		fmt.Fprintf(&b, "%s = %s  # %s\n", key, value, comment)
	}
	totalLabels := l.TotalLabels
	if totalLabels == nil {
		totalLabels = []string{"Tổng", "Cộng"}
	}
	opt(l.TotalLabels != nil, "total_labels", quoteList(totalLabels), "dòng tổng bắt đầu bằng các chữ này (\"Tổng…\": cả bảng; khác: cộng của đề mục)")
	meanLabels := l.MeanLabels
	if meanLabels == nil {
		meanLabels = DefaultMeanLabels
	}
	opt(l.MeanLabels != nil, "mean_labels", quoteList(meanLabels), "dòng bình quân (giữ làm số liệu báo cáo để đối chiếu) bắt đầu bằng các chữ này")
	emptyTexts := l.EmptyTexts
	if emptyTexts == nil {
		emptyTexts = []string{"x", "…"}
	}
	opt(l.EmptyTexts != nil, "empty_texts", quoteList(emptyTexts), "ô ghi như vậy là ô trống (không phải số 0)")
	opt(l.EmptyLines != EmptyNBSP, "empty_lines", q(EmptySpaces.String()), "văn bản mỗi ô một dòng: dòng chỉ có dấu cách cũng là ô trống (mặc định \"nbsp\": chỉ dòng có dấu cách không ngắt)")
	b.WriteString("# Cột đầu tiên là khóa của dòng: \"row number\" (1, 2, 3 …), \"year\" (mỗi năm một lần) hoặc \"text\" (tên, mỗi tên một lần).\n")
	for _, c := range l.Cells {
		b.WriteString("\n[[cells]]\n")
		writeCellTOML(&b, c)
	}
	if m := l.Matrix; m != nil {
		b.WriteString("\n# Bảng ma trận: các cột sau các ô trên là một chỉ số ở nhiều năm (hoặc nhiều khóa), đọc thành dạng dài.\n")
		b.WriteString("[matrix.key]  # cột nhận khóa ghi ở tiêu đề mỗi cột (\"year\": năm, \"text\": tiêu đề)\n")
		writeCellTOML(&b, m.Key)
		b.WriteString("\n[matrix.value]  # cột nhận số liệu\n")
		writeCellTOML(&b, m.Value)
	}
	if c := l.Checks; c.Subject != "" || len(c.Ratios) > 0 || len(c.Parts) > 0 {
		b.WriteString("\n# Đối chiếu trong từng dòng (ictplan check): tỷ lệ báo cáo với tỷ lệ tính lại, thành phần với tổng.\n[checks]\n")
		if c.Subject != "" {
			fmt.Fprintf(&b, "subject = %s  # cột gọi tên dòng trong kết quả\n", q(c.Subject))
		}
		for _, r := range c.Ratios {
			fmt.Fprintf(&b, "\n[[checks.ratios]]  # %s = %s / %s\nreported = %s\nnumerator = %s\ndenominator = %s\n", r.Reported, r.Numerator, r.Denominator, q(r.Reported), q(r.Numerator), q(r.Denominator))
		}
		for _, p := range c.Parts {
			fmt.Fprintf(&b, "\n[[checks.parts]]\nwhole = %s\nparts = %s\nat_most = %t  # true: các thành phần là một phần của tổng (\"trong đó\"); false: cộng lại bằng tổng\n", q(p.Whole), quoteList(p.Parts), p.AtMost)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCellTOML(b *strings.Builder, c CellSpec) {
	q := strconv.Quote
	fmt.Fprintf(b, "name = %s\n", q(c.Name))
	fmt.Fprintf(b, "kind = %s  # %s\n", q(c.Kind.String()), kindNames())
	fmt.Fprintf(b, "label = %s\n", q(c.LabelVI))
	if len(c.Headers) > 0 {
		fmt.Fprintf(b, "headers = %s  # tiêu đề khác của cột\n", quoteList(c.Headers))
	}
	if c.Unit != "" {
		fmt.Fprintf(b, "unit = %s\n", q(c.Unit))
	}
	if c.Aux != "" {
		fmt.Fprintf(b, "aux = %s\naux_label = %s\n", q(c.Aux), q(c.AuxVI))
	}
	if c.Optional {
		b.WriteString("optional = true  # bảng có thể không có cột này\n")
	}
}

func quoteList(v []string) string {
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func conventionName(c Convention) string {
	if c == Undecided {
		return "auto"
	}
	return c.String()
}
