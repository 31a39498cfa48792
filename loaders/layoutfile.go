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
	Cells       []cellFile `toml:"cells"`
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
var ErrLayoutFile = errors.New("invalid layout file")

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
		return Layout{}, fmt.Errorf("%s: %w: unknown key %s (known: name, description, sections, total_from, money_unit, dash_zero, numbers, and [[cells]] with name, kind, label, headers, unit, aux, aux_label, optional)", file, ErrLayoutFile, strings.Join(keys, ", "))
	}
	l := Layout{Name: lf.Name, Description: lf.Description, Sections: lf.Sections, TotalFrom: lf.TotalFrom, DashZero: lf.DashZero}
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
		k, ok := kindByName[strings.ToLower(strings.TrimSpace(c.Kind))]
		if !ok {
			return Layout{}, fmt.Errorf("%s: %w: cell %d (%q): kind %q (want one of %s)", file, ErrLayoutFile, i+1, c.Name, c.Kind, kindNames())
		}
		l.Cells = append(l.Cells, CellSpec{Kind: k, Name: c.Name, Aux: c.Aux, LabelVI: c.Label, AuxVI: c.AuxLabel, Unit: c.Unit, Headers: c.Headers, Optional: c.Optional})
	}
	if err := l.Validate(); err != nil {
		return Layout{}, fmt.Errorf("%s: %w: %v", file, ErrLayoutFile, err)
	}
	return l, nil
}

var kindByName = func() map[string]CellKind {
	m := map[string]CellKind{}
	for k := RowNumber; k <= Period; k++ {
		m[k.String()] = k
	}
	return m
}()

func kindNames() string {
	var s []string
	for k := RowNumber; k <= Period; k++ {
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
	b.WriteString("# Mỗi [[cells]] là một cột của dòng số liệu, theo thứ tự (cột đầu: số thứ tự).\n\n")
	fmt.Fprintf(&b, "name = %s\n", q(l.Name))
	fmt.Fprintf(&b, "description = %s\n", q(l.Description))
	fmt.Fprintf(&b, "sections = %t  # true: các dòng được nhóm dưới đề mục \"I. …\", \"II. …\" (cột group)\n", l.Sections)
	fmt.Fprintf(&b, "total_from = %s  # ô đầu tiên mà dòng TỔNG CỘNG có số liệu\n", q(l.TotalFrom))
	fmt.Fprintf(&b, "money_unit = %s  # đơn vị tiền khi bảng không ghi \"Đơn vị tính\": đồng, nghìn đồng, triệu đồng, tỷ đồng\n", q(l.MoneyUnit.String()))
	fmt.Fprintf(&b, "dash_zero = %t  # true: ô ghi \"-\" là 0\n", l.DashZero)
	fmt.Fprintf(&b, "numbers = %s  # auto, dot-thousands (1.234,5) hoặc comma-thousands (1,234.5)\n", q(conventionName(l.Numbers)))
	for _, c := range l.Cells {
		b.WriteString("\n[[cells]]\n")
		fmt.Fprintf(&b, "name = %s\n", q(c.Name))
		fmt.Fprintf(&b, "kind = %s  # %s\n", q(c.Kind.String()), kindNames())
		fmt.Fprintf(&b, "label = %s\n", q(c.LabelVI))
		if len(c.Headers) > 0 {
			hs := make([]string, len(c.Headers))
			for i, h := range c.Headers {
				hs[i] = q(h)
			}
			fmt.Fprintf(&b, "headers = [%s]  # tiêu đề khác của cột\n", strings.Join(hs, ", "))
		}
		if c.Unit != "" {
			fmt.Fprintf(&b, "unit = %s\n", q(c.Unit))
		}
		if c.Aux != "" {
			fmt.Fprintf(&b, "aux = %s\naux_label = %s\n", q(c.Aux), q(c.AuxVI))
		}
		if c.Optional {
			b.WriteString("optional = true  # bảng có thể không có cột này\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func conventionName(c Convention) string {
	if c == Undecided {
		return "auto"
	}
	return c.String()
}
