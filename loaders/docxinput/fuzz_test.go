package docxinput

import (
	"archive/zip"
	"bytes"
	"errors"
	"regexp"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

var fuzzLayouts = []loaders.Layout{loaders.ITStaff, loaders.Computers, loaders.Projects2009, loaders.ProjectsPlan}

// storedDocx returns a .docx of one stored (not compressed) part,
// word/document.xml: the quickest zip for a fuzz target to rebuild.
func storedDocx(t testing.TB, xml []byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: documentPart, Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(xml)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var (
	tableRe = regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`)
	rowRe   = regexp.MustCompile(`(?s)<w:tr[ >].*?</w:tr>`)
)

// trimRows keeps the first keep rows and the last row of each table of a
// document without nested tables.
func trimRows(xml []byte, keep int) []byte {
	return tableRe.ReplaceAllFunc(xml, func(t []byte) []byte {
		rows := rowRe.FindAllIndex(t, -1)
		if len(rows) <= keep+1 {
			return t
		}
		var b bytes.Buffer
		b.Write(t[:rows[keep][0]])
		b.Write(t[rows[len(rows)-1][0]:])
		return b.Bytes()
	})
}

// checkDocument is the property of the fuzz targets: Tables lists tables
// numbered in order, or fails with a *DocxError; Parse of each of the
// first tables gives rows of that table, or errors that are *DocxError
// values positioned inside it.
func checkDocument(t *testing.T, doc []byte, which uint8) {
	infos, err := Tables(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		var de *DocxError
		if !errors.As(err, &de) || de.Err == nil || de.Err.Err == nil {
			t.Fatalf("Tables: an error without a sentinel: %v", err)
		}
		return
	}
	for i, ti := range infos {
		if ti.Number != i+1 || ti.Parent < 0 || ti.Parent >= ti.Number || ti.Rows < 0 || len(ti.FirstRow) > ti.Columns {
			t.Fatalf("table %d: %+v", i+1, ti)
		}
	}
	// One table a run (the low bits of which choose the layout, the
	// others the table, 0 being no choice): reading a table's header is
	// the costly part.
	l := fuzzLayouts[int(which)%len(fuzzLayouts)]
	n := int(which/4) % (len(infos) + 1)
	if n > 0 {
		// the rows a finding quotes: as many as the table has
		rows, err := Rows(bytes.NewReader(doc), int64(len(doc)), n)
		if err != nil || len(rows) != infos[n-1].Rows {
			t.Fatalf("Rows of table %d: %d rows, %v; Tables says %d", n, len(rows), err, infos[n-1].Rows)
		}
	}
	tb, err := Parse(bytes.NewReader(doc), int64(len(doc)), n, "", l, loaders.Options{File: "fuzz.docx"})
	if err != nil {
		checkErrors(t, err, infos, n, len(l.Cells))
		if loaders.MessageVI(err) == "" {
			t.Fatalf("no Vietnamese for %v", err)
		}
		return
	}
	defer tb.Release()
	rows := infos[max(n, 1)-1].Rows
	for _, line := range tb.Frame.Col("source_line").Int64s() {
		if line < 1 || int(line) > rows {
			t.Fatalf("table %d: source_line %d outside rows 1..%d", n, line, rows)
		}
	}
	if tb.Frame.NumRows() == 0 {
		t.Fatalf("table %d: success with no rows", n)
	}
}

// checkErrors checks that each error of a Parse is a *DocxError with a
// sentinel, inside the table asked for.
func checkErrors(t *testing.T, err error, infos []TableInfo, n, width int) {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	for _, e := range list {
		var de *DocxError
		if !errors.As(e, &de) || de.Err == nil || de.Err.Err == nil {
			t.Fatalf("table %d: not a positioned error: %v", n, e)
		}
		if de.Table == 0 {
			continue // the choice of table
		}
		if de.Table < 1 || de.Table > len(infos) {
			t.Fatalf("table %d: error in table %d of %d: %v", n, de.Table, len(infos), e)
		}
		ti := infos[de.Table-1]
		if de.Row < 0 || de.Row > max(ti.Rows, 1) || de.Cell < 0 || de.Cell > max(ti.Columns, width) {
			t.Fatalf("table %d (%d rows × %d columns): error at row %d cell %d: %v", n, ti.Rows, ti.Columns, de.Row, de.Cell, e)
		}
	}
}

// FuzzDocumentXML mutates the XML of the test documents, rezipped in
// memory: no panic, no hang, tables or positioned errors.
func FuzzDocumentXML(f *testing.F) {
	for _, name := range documents {
		xml := part(f, readTestdata(f, name), documentPart)
		f.Add(xml, uint8(1*4+1)) // table 1, computers
		f.Add(xml, uint8(2*4+3)) // table 2, projects-plan
		// The same tables cut to their header, first data rows and total:
		// a tenth of the size, ten times the runs a second.
		f.Add(trimRows(xml, 5), uint8(1*4+1))
	}
	f.Add([]byte(wordXML(`<w:p><w:r><w:t>PHỤ LỤC 2</w:t></w:r></w:p>`+tbl(
		tr(`<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Mã số</w:t></w:r></w:p></w:tc>`, `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc>`),
		tr(`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`, tc("a"), tc("b")),
		tr(tc("1"), tc("Tỉnh ủy"), tc("159"), tc("142"), tc("16"), tc("87"), tc("0,89308"), tc("0,61268"), `<w:tc>`+tbl(tr(tc("x")))+`</w:tc>`)))), uint8(1))
	f.Fuzz(func(t *testing.T, xml []byte, which uint8) {
		checkDocument(t, storedDocx(t, xml), which)
	})
}

// FuzzParse feeds whole files: the property of FuzzDocumentXML.
func FuzzParse(f *testing.F) {
	for _, name := range documents {
		f.Add(readTestdata(f, name), uint8(2*4+3))
	}
	f.Add([]byte("PK\x03\x04"), uint8(0))
	f.Fuzz(func(t *testing.T, doc []byte, which uint8) {
		checkDocument(t, doc, which)
	})
}
