package datasets

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// curatedRecord is one data line of a reviewed CSV file under curated/.
type curatedRecord struct {
	line int
	f    []string
}

// readCuratedCSV reads a committed CSV whose first lines may be # comments,
// checks its header and returns the data lines with their line numbers.
func readCuratedCSV(b []byte, name string, header []string) ([]curatedRecord, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.FieldsPerRecord = len(header)
	var out []curatedRecord
	first := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		if first {
			first = false
			if strings.Join(rec, ",") != strings.Join(header, ",") {
				return nil, fmt.Errorf("%s:%d: header %q, want %q", name, line, strings.Join(rec, ","), strings.Join(header, ","))
			}
			continue
		}
		out = append(out, curatedRecord{line: line, f: rec})
	}
	return out, nil
}
