package xlsxio

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ictplan/ictplan/frame"
)

// A Readable workbook is for officials: what they see first and what they
// print. Its values are those of any workbook of the package; only their
// display, the header and the pages differ.

// readableLabel is a column's header for a reader: its Vietnamese label
// and its unit in words, "Tổng số cán bộ (người)"; the column name when it
// has no label.
func readableLabel(s frame.FieldSpec) string {
	label := s.LabelVI
	if label == "" {
		label = s.Name
	}
	unit, _ := frame.UnitText(s.Unit, "vi")
	if unit == "" || strings.Contains(label, "("+unit+")") {
		return label
	}
	return label + " (" + unit + ")"
}

// floatStyle is the number format of a float column of a readable sheet:
// a ratio as a percentage, other figures grouped with the decimals their
// values have (at most 3: a figure written to more keeps them in the cell,
// which holds the exact value).
func floatStyle(st *styles, c frame.Column) (int, error) {
	if c.Unit() == "ratio" {
		return st.percent, nil
	}
	d := 0
	vs := c.Float64s()
	for i, v := range vs {
		if i >= 1000 {
			break
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if k := strings.IndexByte(s, '.'); k >= 0 {
			d = max(d, len(s)-k-1)
		}
	}
	return st.decimalStyle(min(d, 3))
}

// readableSheet styles the two header rows of a readable data sheet (its
// pages are set up last, pageSetup: the filter rewrites the sheet's
// properties).
func readableSheet(x *excelize.File, p placedSheet, st *styles) error {
	sheet, last := p.name, colName(p.f.NumCols())
	for _, s := range []struct {
		ref   [2]string
		style int
	}{{[2]string{"A1", last + "1"}, st.labelHeader}, {[2]string{"A2", last + "2"}, st.names}} {
		if err := x.SetCellStyle(sheet, s.ref[0], s.ref[1], s.style); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	return nil
}

// pageSetup prints a sheet on A4 landscape pages one page wide, with the
// rows titles (such as "$1:$2") repeated on every page.
func pageSetup(x *excelize.File, sheet, titles string) error {
	a4, one, any := 9, 1, 0
	landscape := "landscape"
	if err := x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	fit := true
	if err := x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	margin := 0.4
	if err := x.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin}); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	if titles == "" {
		return nil
	}
	if err := x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(sheet) + "!" + titles, Scope: sheet}); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	return nil
}

// quoteSheet quotes a sheet name for a reference: 'Phụ lục 2'.
func quoteSheet(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// writeContents fills the contents sheet (the workbook's first): each data
// sheet, linked, with its title, its dataset id and its rows.
func writeContents(x *excelize.File, placed []placedSheet, st *styles) error {
	const sheet = ContentsSheet
	set := func(cell string, v any) error {
		if err := x.SetCellValue(sheet, cell, v); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
		return nil
	}
	if err := set("A1", "Mục lục"); err != nil {
		return err
	}
	if err := x.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	for j, h := range []string{"Trang tính", "Nội dung", "Mã bộ dữ liệu", "Số dòng"} {
		if err := set(cellName(j+1, 2), h); err != nil {
			return err
		}
	}
	if err := x.SetCellStyle(sheet, "A2", "D2", st.labelHeader); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	for i, p := range placed {
		row := i + 3
		title := p.title
		if title == "" {
			title = p.f.Meta(frame.MetaTitle)
		}
		for j, v := range []any{p.name, title, p.f.Meta(frame.MetaDataset), p.f.NumRows()} {
			if s, ok := v.(string); ok {
				if err := checkText(s); err != nil {
					return &CellError{Sheet: sheet, Cell: cellName(j+1, row), Err: err}
				}
				v = escapeText(s)
			}
			if err := set(cellName(j+1, row), v); err != nil {
				return err
			}
		}
		if err := x.SetCellHyperLink(sheet, cellName(1, row), quoteSheet(p.name)+"!A1", "Location"); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
		if err := x.SetCellStyle(sheet, cellName(1, row), cellName(1, row), st.link); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	for j, w := range []float64{32, 70, 34, 9} {
		if err := x.SetColWidth(sheet, colName(j+1), colName(j+1), w); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	if err := x.SetColStyle(sheet, "B", st.label); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	return pageSetup(x, sheet, "$2:$2")
}

// readableMetadata lets the metadata sheet's long values (a source's
// quote, a method) wrap in their cells and prints it one page wide.
func readableMetadata(x *excelize.File, st *styles) error {
	if err := x.SetColStyle(MetadataSheet, "C:E", st.wrap); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	if err := x.SetColWidth(MetadataSheet, "C", "C", 70); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	return pageSetup(x, MetadataSheet, "")
}
