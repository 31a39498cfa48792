// Package xlsxinput reads a table of a loaders.Layout from an Excel
// worksheet (.xlsx): the cells of the sheet become records, one per sheet
// row, and go through the same code path as loaders.ParseCSV, so that a
// workbook and a CSV file of the same table give the same Frame; the rows
// of the sheet are the source lines (source_line is the sheet's row
// number).
//
// What a cell becomes is the text an official typed where the file keeps
// it: a text cell as stored; a number cell as its exact value, written in
// the table's number convention (see ParseCells); a formula as the result
// cached in the file (formulas are never computed). Errors name the file,
// the sheet and the cell, such as "plan.xlsx: Sheet1!C7: …", and wrap the
// sentinels of package loaders.
//
// The package lives apart from loaders so that importing loaders does not
// compile excelize.
package xlsxinput
