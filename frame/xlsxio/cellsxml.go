package xlsxio

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetXML returns the XML of the worksheet named sheet: the workbook
// lists the sheets with relationship ids, its relationships give their
// parts.
func sheetXML(data []byte, sheet string, limit int64) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("xlsxio: %w: %v", ErrMalformed, err)
	}
	read := func(name string) ([]byte, error) {
		for _, f := range zr.File {
			if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
				r, err := f.Open()
				if err != nil {
					return nil, fmt.Errorf("xlsxio: %w: %s: %v", ErrMalformed, name, err)
				}
				defer r.Close()
				b, err := io.ReadAll(io.LimitReader(r, limit+1))
				if err != nil {
					return nil, fmt.Errorf("xlsxio: %w: %s: %v", ErrMalformed, name, err)
				}
				if int64(len(b)) > limit {
					return nil, fmt.Errorf("xlsxio: %w: %s unzips to more than %d bytes", ErrTooLarge, name, limit)
				}
				return b, nil
			}
		}
		return nil, fmt.Errorf("xlsxio: %w: no part %s", ErrMalformed, name)
	}
	wb, err := read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &book); err != nil {
		return nil, fmt.Errorf("xlsxio: %w: xl/workbook.xml: %v", ErrMalformed, err)
	}
	rels, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	var rel struct {
		List []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rels, &rel); err != nil {
		return nil, fmt.Errorf("xlsxio: %w: xl/_rels/workbook.xml.rels: %v", ErrMalformed, err)
	}
	for _, s := range book.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rel.List {
			if r.ID != s.ID {
				continue
			}
			name := strings.TrimPrefix(r.Target, "/")
			if !strings.HasPrefix(r.Target, "/") {
				name = path.Join("xl", r.Target)
			}
			return read(name)
		}
	}
	return nil, fmt.Errorf("xlsxio: %w: no part for sheet %q", ErrMalformed, sheet)
}

// scanXML reads, for every cell of the worksheet XML, its type, style and
// formula, and the merged ranges.
func (cr *cellReader) scanXML(data []byte, maxPositions int) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	fail := func(err error) error {
		return fmt.Errorf("xlsxio: %w: sheet %q: %v", ErrMalformed, cr.sheet, err)
	}
	row, col := 0, 0
	var cur *cellMeta
	in := "" // the child of <c> being read: "f"
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fail(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "row":
				row++
				if r := attr(el, "r"); r != "" {
					n, err := strconv.Atoi(r)
					if err != nil || n < 1 || n > excelize.TotalRows {
						return fail(fmt.Errorf("row number %q", r))
					}
					row = n
				}
				col = 0
			case "c":
				col++
				if r := attr(el, "r"); r != "" {
					c, rr, err := excelize.CellNameToCoordinates(r)
					if err != nil {
						return fail(err)
					}
					col, row = c, rr
				}
				if len(cr.meta) >= maxPositions {
					return fmt.Errorf("xlsxio: %w: sheet %q has more than %d cells", ErrTooLarge, cr.sheet, maxPositions)
				}
				cur = &cellMeta{t: attr(el, "t")}
				cur.style, _ = strconv.Atoi(attr(el, "s"))
				cr.meta[pos{row, col}] = cur
			case "f":
				if cur != nil {
					in = "f"
					text.Reset()
					cur.formula = true
				}
			case "mergeCell":
				a, b, ok := strings.Cut(attr(el, "ref"), ":")
				if !ok {
					continue
				}
				c1, r1, err1 := excelize.CellNameToCoordinates(a)
				c2, r2, err2 := excelize.CellNameToCoordinates(b)
				if err1 != nil || err2 != nil {
					return fail(fmt.Errorf("merged range %q", attr(el, "ref")))
				}
				if len(cr.merges) >= maxPositions {
					return fmt.Errorf("xlsxio: %w: sheet %q has more than %d merged ranges", ErrTooLarge, cr.sheet, maxPositions)
				}
				cr.merges = append(cr.merges, rect{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)})
			}
		case xml.CharData:
			if in != "" && text.Len() < 1<<16 {
				text.Write(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "c":
				cur, in = nil, ""
			case "f":
				if in == "f" {
					cur.text = text.String()
				}
				in = ""
			}
		}
	}
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name && (a.Name.Space == "" || name != "id") {
			return a.Value
		}
	}
	return ""
}
