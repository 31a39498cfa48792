// Package xlsxio writes frame.Frames as Excel workbooks (.xlsx) for the
// officials who exchange tables in Excel, and reads such workbooks back.
//
// A workbook written here has one sheet per Frame — a bold, frozen header
// row of column names (optionally a second row of Vietnamese labels), then
// one row per row of the Frame: numbers as numbers, dates as dates, null as
// an empty cell — and a sheet named "metadata" that lists, for every data
// sheet, its size, its schema metadata (the provenance: key, value) and its
// columns (name, kind, label_vi, unit and any other field metadata). Read
// uses the metadata sheet to give back exactly the Frame that was written
// (frame.Equal); a workbook without one (made by hand in Excel) is read with
// the column kinds inferred the way frame.ReadCSV infers them.
//
// Workbooks are untrusted input: Read bounds the file size and excelize's
// unzip sizes, and reports every cell it cannot read with its sheet and
// cell reference. The package lives apart from frame because excelize takes
// long to compile the first time. It is not a spreadsheet engine: formulas
// are read as their cached values, and formatting is not read at all
// except to recognise dates.
package xlsxio
