package loaders

import "fmt"

// String names the kind as the CLI's layout listing does: "row number",
// "text", "count", "ratio", "money", "money or text", "period".
func (k CellKind) String() string {
	switch k {
	case RowNumber:
		return "row number"
	case Text:
		return "text"
	case Count:
		return "count"
	case Ratio:
		return "ratio"
	case Money:
		return "money"
	case MoneyOrText:
		return "money or text"
	case Period:
		return "period"
	case Year:
		return "year"
	case Number:
		return "number"
	}
	return "unknown cell kind"
}

// InputCell describes one cell of a data row as a CSV file or a sheet
// gives it: what to type there.
type InputCell struct {
	Position int      // 1-based, in the row
	Kind     CellKind // how the cell is read
	LabelVI  string   // the Vietnamese header of the column
	// Unit is the unit the cell is written in: "people", "count",
	// "ratio", a money unit ("triệu đồng": the layout's; the table's
	// "Đơn vị tính" line or the parse option override it), "year", or ""
	// for a text.
	Unit string
	// Form says what the cell holds, such as "one cell \"2011-2015\" or
	// \"2011\"" for a period.
	Form string
	// Example is a value the cell accepts.
	Example string
	// Columns are the output columns the cell fills: two for a period
	// (start and end year) and for an amount-or-text (the amount and the
	// text).
	Columns []string
}

// InputCells returns the cells of a data row of the layout in the order a
// CSV row or a sheet row gives them — one cell per CellSpec, a period
// being one cell "2011-2015" that fills two columns — or nil for a layout
// read from a document's text rather than from cells (Form other than
// CellPerLine: dx-plan, dx-results). Columns lists the output columns
// with their units; the two differ.
func (l Layout) InputCells() []InputCell {
	if l.Form != CellPerLine {
		return nil
	}
	money := l.MoneyUnit.String()
	out := make([]InputCell, len(l.Cells))
	for i, c := range l.Cells {
		in := InputCell{Position: i + 1, Kind: c.Kind, LabelVI: c.LabelVI, Unit: c.Unit, Columns: []string{c.Name}}
		switch c.Kind {
		case RowNumber:
			in.Form, in.Example = "digits: rows are numbered 1, 2, 3 … in sequence", "1"
		case Text:
			in.Form, in.Example = "text", "Sở Y tế"
			if i == 0 {
				in.Form = "text, the name that keys the row: each name once in its section"
			}
		case Year:
			in.Unit = "year"
			in.Form, in.Example = "a year", "2020"
			if i == 0 {
				in.Form = "a year, which keys the row: each year once in its section"
			}
		case Number:
			in.Form, in.Example = "a figure as written, a percentage as its number of percent", "71,14"
		case Count:
			in.Form, in.Example = "a whole number", "159"
		case Ratio:
			in.Form, in.Example = "a number as written", "0,89308"
		case Money:
			in.Unit = money
			in.Form, in.Example = "an amount, converted to million đồng", "1250"
		case MoneyOrText:
			in.Unit = money
			in.Form, in.Example = "an amount, or a text in its place (\"Chưa được bố trí\")", "500"
			in.Columns = append(in.Columns, c.Aux)
			in.LabelVI = c.LabelVI + " / " + c.AuxVI
		case Period:
			in.Unit = "year"
			in.Form, in.Example = "one cell \"2011-2015\" or \"2011\": the start and end years", "2011-2015"
			in.Columns = append(in.Columns, c.Aux)
			in.LabelVI = c.LabelVI + " / " + c.AuxVI
		}
		if l.DashZero && numericKind(c.Kind) {
			in.Form += "; \"-\" is zero"
		}
		out[i] = in
	}
	if m := l.Matrix; m != nil {
		v := m.Value
		in := InputCell{Position: len(out) + 1, Kind: v.Kind, LabelVI: v.LabelVI, Unit: v.Unit, Columns: []string{m.Key.Name, v.Name}}
		if v.Kind == Money {
			in.Unit = money
		}
		in.Form = fmt.Sprintf("one column per %s, headed by its %s: each figure becomes a row (%s, %s)", m.Key.Name, m.Key.Kind, m.Key.Name, v.Name)
		in.Example = "2020 | 2021 | 2022"
		out = append(out, in)
	}
	return out
}
