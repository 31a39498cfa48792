package frame_test

import (
	"fmt"

	"github.com/ictplan/ictplan/frame"
)

// indicatorsLong is a long table: one row per province, year and
// indicator (the shares of online public services and of electronic
// records, in percent; figures for illustration).
func indicatorsLong() *frame.Frame {
	return frame.Must(frame.FromRows(map[string]string{frame.MetaDataset: "chỉ-tiêu"},
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
			{Name: "year", Kind: frame.Int64},
			{Name: "indicator", Kind: frame.String},
			{Name: "value", Kind: frame.Float64, Unit: "percent"},
		},
		[][]any{
			{"Sóc Trăng", 2023, "dvc_truc_tuyen", 45.5},
			{"Sóc Trăng", 2023, "ho_so_dien_tu", 80.0},
			{"Sóc Trăng", 2024, "dvc_truc_tuyen", 61.2},
			{"Khánh Hòa", 2023, "ho_so_dien_tu", 72.4},
			{"Khánh Hòa", 2023, "dvc_truc_tuyen", nil},
		}))
}

// Pivot makes one column per indicator and one row per province and year.
// A pair the long table lacks (Sóc Trăng's records in 2024) is null, as is
// a null value.
func ExampleFrame_Pivot() {
	long := indicatorsLong()
	defer long.Release()
	w, err := long.Pivot(frame.PivotOptions{Index: []string{"province", "year"}, Columns: "indicator", Values: "value"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer w.Release()
	fmt.Print(w)
	fmt.Println(w.Col("ho_so_dien_tu").Unit())
	// Output:
	// province   year  dvc_truc_tuyen  ho_so_dien_tu
	// ---------  ----  --------------  -------------
	// Sóc Trăng  2023            45,5             80
	// Sóc Trăng  2024            61,2
	// Khánh Hòa  2023                           72,4
	// percent
}

// Melt turns the columns back into rows: for each row, the Values columns
// in order. The pairs Pivot filled with null come back as rows with a null
// value.
func ExampleFrame_Melt() {
	long := indicatorsLong()
	defer long.Release()
	w, _ := long.Pivot(frame.PivotOptions{Index: []string{"province", "year"}, Columns: "indicator", Values: "value"})
	defer w.Release()
	back, err := w.Melt(frame.MeltOptions{ID: []string{"province", "year"}, Variable: "indicator", Value: "value"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer back.Release()
	fmt.Print(back)
	// Output:
	// province   year  indicator       value
	// ---------  ----  --------------  -----
	// Sóc Trăng  2023  dvc_truc_tuyen   45,5
	// Sóc Trăng  2023  ho_so_dien_tu      80
	// Sóc Trăng  2024  dvc_truc_tuyen   61,2
	// Sóc Trăng  2024  ho_so_dien_tu
	// Khánh Hòa  2023  dvc_truc_tuyen
	// Khánh Hòa  2023  ho_so_dien_tu    72,4
}
