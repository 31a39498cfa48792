package pdfinput_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
)

// buildPDF writes a PDF of the given objects (numbered from 1; object 1
// is the catalog) with a correct cross-reference table.
func buildPDF(objects []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// stream is a stream object holding s.
func stream(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

// courier is a simple font whose every glyph is 600/1000 em wide but the
// space, 250/1000 (as in a proportional font).
func courier() string {
	return "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [250 " + strings.Repeat("600 ", 94) + "] >>"
}

// tableText draws a small table of three columns at 10 points: a
// heading, a header and three numbered rows with a total.
func tableText() string {
	var b strings.Builder
	line := func(y int, cells ...string) {
		xs := []int{72, 120, 300}
		for i, c := range cells {
			if c != "" {
				fmt.Fprintf(&b, "BT /F1 10 Tf %d %d Td (%s) Tj ET\n", xs[i], y, c)
			}
		}
	}
	b.WriteString("BT /F1 12 Tf 250 760 Td (PHU LUC 3) Tj ET\n")
	line(720, "STT", "Unit", "Staff")
	line(700, "1", "North office", "159")
	line(680, "2", "South office", "32")
	line(660, "3", "East office", "7")
	line(640, "TOTAL", "", "198")
	return b.String()
}

// TestFormText: text drawn inside a form XObject (as some printers and
// PDF writers do) is read, in the form's matrix.
func TestFormText(t *testing.T) {
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
		stream("q /Fm1 Do Q"),
		fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 -20] /Resources << /Font << /F1 6 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(tableText()), tableText()),
		courier(),
	})
	g, err := pdfinput.ReadGrid(bytes.NewReader(pdf), int64(len(pdf)), 0, "3", "form.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"STT", "Unit", "Staff"}, {"1", "North office", "159"}, {"2", "South office", "32"}, {"3", "East office", "7"}, {"TOTAL", "", "198"}}
	if len(g.Cells) != len(want) {
		t.Fatalf("%d rows %v, want %d", len(g.Cells), g.Cells, len(want))
	}
	for i, row := range g.Cells {
		for c, cell := range row {
			if cell.Text != want[i][c] {
				t.Errorf("row %d cell %d: %q, want %q", i+1, c+1, cell.Text, want[i][c])
			}
		}
	}
}

// TestPageTreeLoop: a page tree whose kid is its parent is an error, not
// a hang.
func TestPageTreeLoop(t *testing.T) {
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 5 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		stream("BT ET"),
	})
	_, err := pdfinput.Tables(bytes.NewReader(pdf), int64(len(pdf)))
	if !errors.Is(err, loaders.ErrLimit) {
		t.Fatalf("Tables: %v, want ErrLimit", err)
	}
}

// TestNoTextNoImage: a PDF of empty pages has no text, and is not said to
// be a scan.
func TestNoTextNoImage(t *testing.T) {
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		stream("0 0 m 100 100 l S"),
	})
	_, err := pdfinput.Tables(bytes.NewReader(pdf), int64(len(pdf)))
	if !errors.Is(err, pdfinput.ErrNoText) || strings.Contains(err.Error(), "scanned") {
		t.Fatalf("Tables: %v", err)
	}
}

// TestNoHeading: a document without a "PHỤ LỤC" heading is one table.
func TestNoHeading(t *testing.T) {
	text := strings.Replace(tableText(), "BT /F1 12 Tf 250 760 Td (PHU LUC 3) Tj ET\n", "", 1)
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream(text),
		courier(),
	})
	ts, err := pdfinput.Tables(bytes.NewReader(pdf), int64(len(pdf)))
	if err != nil || len(ts) != 1 || ts[0].Heading != "" || ts[0].Rows != 5 || ts[0].Columns != 3 {
		t.Fatalf("Tables: %v, %v", ts, err)
	}
}

// TestTextAfterTable: a paragraph after the table ends it; it is not read
// as a row.
func TestTextAfterTable(t *testing.T) {
	text := tableText() + "BT /F1 10 Tf 72 600 Td (The figures above were reported by the units themselves in October 2010.) Tj ET\n" +
		"BT /F1 10 Tf 300 580 Td (CHAIRMAN) Tj ET\n"
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream(text),
		courier(),
	})
	ts, err := pdfinput.Tables(bytes.NewReader(pdf), int64(len(pdf)))
	if err != nil || len(ts) != 1 || ts[0].Rows != 5 || ts[0].Columns != 3 {
		t.Fatalf("Tables: %v, %v", ts, err)
	}
}

// TestShortTextAfterTable: a short line after the table's last numbered
// row and its total, at the left of the row numbers ("Details:", as the
// 2024 draft's "Chi tiết:"), ends the table: the table of its own that
// follows (rows without numbers) is not read as rows of the first, nor
// its wide lines as merged cells that would join its columns.
func TestShortTextAfterTable(t *testing.T) {
	text := tableText() +
		"BT /F1 10 Tf 66 610 Td (Details:) Tj ET\n" +
		"BT /F1 10 Tf 72 590 Td (Source) Tj ET BT /F1 10 Tf 150 590 Td (Planned for the year 2023) Tj ET BT /F1 10 Tf 330 590 Td (Spent) Tj ET\n" +
		"BT /F1 10 Tf 72 570 Td (Local budget) Tj ET BT /F1 10 Tf 200 570 Td (18,970) Tj ET BT /F1 10 Tf 330 570 Td (12,693) Tj ET\n" +
		"BT /F1 10 Tf 72 550 Td (Other) Tj ET BT /F1 10 Tf 200 550 Td (2,138) Tj ET BT /F1 10 Tf 330 550 Td (2,138) Tj ET\n"
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream(text),
		courier(),
	})
	g, err := pdfinput.ReadGrid(bytes.NewReader(pdf), int64(len(pdf)), 1, "", "t.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if g.Rows != 5 || g.Columns != 3 {
		t.Fatalf("%d rows × %d columns, want 5 × 3: %v", g.Rows, g.Columns, g.Cells)
	}
	if last := g.Cells[len(g.Cells)-1]; last[0].Text != "TOTAL" || last[2].Text != "198" {
		t.Errorf("last row %v", last)
	}
}
