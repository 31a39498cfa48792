package xlsxio

import (
	"errors"
	"testing"
)

func TestRef(t *testing.T) {
	for _, tc := range []struct{ sheet, cell, want string }{
		{"Sheet1", "C7", "Sheet1!C7"},
		{"Phụ lục 2", "C7", "'Phụ lục 2'!C7"},
		{"it's", "A1", "'it''s'!A1"},
		{"data_2010", "", "data_2010"},
		{"Phụ lục 2", "", "'Phụ lục 2'"},
	} {
		if got := Ref(tc.sheet, tc.cell); got != tc.want {
			t.Errorf("Ref(%q, %q) = %q, want %q", tc.sheet, tc.cell, got, tc.want)
		}
	}
	e := &CellError{Sheet: "Phụ lục 2", Cell: "D7", Text: "l42", Err: errors.New("not a number")}
	if got, want := e.Error(), `'Phụ lục 2'!D7: "l42": not a number`; got != want {
		t.Errorf("CellError = %q, want %q", got, want)
	}
}
