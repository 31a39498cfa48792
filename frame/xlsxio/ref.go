package xlsxio

import "github.com/ictplan/ictplan/frame"

// Ref writes a cell's position as Excel does in a formula: the sheet name,
// quoted when it has other characters than ASCII letters, digits and '_'
// (a quote inside doubled), then '!' and the cell: Sheet1!C7,
// 'Phụ lục 2'!C7. With cell "" it is the sheet alone. Every error of this
// package and of loaders/xlsxinput names a position this way.
func Ref(sheet, cell string) string {
	s := frame.Position{Sheet: sheet}.String()
	if cell == "" {
		return s
	}
	return s + "!" + cell
}
