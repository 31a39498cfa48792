package frame_test

import (
	"fmt"
	"log"
	"math"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// computers is a few rows of the 2010 survey of computers in Sóc Trăng's
// provincial bodies (Kế hoạch 21/KH-UBND, appendix 1), as the datasets
// package loads it.
func computers() *frame.Frame {
	f, err := frame.FromRows(
		map[string]string{frame.MetaDataset: "soctrang-2010-computers-provincial", frame.MetaProvince: "Sóc Trăng"},
		[]frame.FieldSpec{
			{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
			{Name: "staff", Kind: frame.Int64, LabelVI: "Số CBCCVC", Unit: "people"},
			{Name: "computers", Kind: frame.Int64, LabelVI: "Số máy tính", Unit: "count"},
			{Name: "computers_per_staff_reported", Kind: frame.Float64, Unit: "ratio"},
			{Name: "source_line", Kind: frame.Int64, Unit: "line"},
		},
		[][]any{
			{"Tỉnh ủy", 159, 142, 0.89308, 1401},
			{"Sở Nội vụ", 48, 42, 0.875, 1473},
			{"Sở Tư pháp", 36, 44, 1.22222, 1491},
			{"Sở Công thương", 80, 47, 0.5875, 1545},
			{"Sở Tài chính", 45, 46, 1.02222, 1527},
		})
	if err != nil {
		log.Fatal(err)
	}
	return f
}

func ExampleFromRows() {
	f, err := frame.FromRows(
		map[string]string{frame.MetaDataset: "demo"},
		[]frame.FieldSpec{
			{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
			{Name: "staff", Kind: frame.Int64, LabelVI: "Số cán bộ", Unit: "people"},
			{Name: "budget_mvnd", Kind: frame.Float64, Unit: "million_vnd"},
		},
		[][]any{
			{"Tỉnh ủy", 159, 1234.5},
			{"Sở Nội vụ", nil, nil}, // empty source cells are null, never 0
		})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Release()
	fmt.Println(f.NumRows(), "rows:", f.Names())
	fmt.Println("label:", f.Col("staff").LabelVI(), "unit:", f.Col("staff").Unit())
	fmt.Println("nulls:", f.Col("staff").NullN(), f.Col("budget_mvnd").Float64s())
	// Output:
	// 2 rows: [unit staff budget_mvnd]
	// label: Số cán bộ unit: people
	// nulls: 1 [1234.5 NaN]
}

func ExampleFrame_SortBy() {
	f := computers()
	defer f.Release()
	// Fewest computers per person first, then by name in Vietnamese order.
	sorted, err := f.SortBy(frame.Asc("computers_per_staff_reported"), frame.Asc("unit"))
	if err != nil {
		log.Fatal(err)
	}
	defer sorted.Release()
	fmt.Println(sorted.Col("unit").Strings())

	byName, _ := f.SortBy(frame.Desc("unit"))
	defer byName.Release()
	fmt.Println(byName.Col("unit").Strings())
	// Output:
	// [Sở Công thương Sở Nội vụ Tỉnh ủy Sở Tài chính Sở Tư pháp]
	// [Tỉnh ủy Sở Tư pháp Sở Tài chính Sở Nội vụ Sở Công thương]
}

func ExampleFrame_Filter() {
	f := computers()
	defer f.Release()
	// Units with fewer computers than staff.
	short := f.Filter(func(r frame.Row) bool { return r.Int64("computers") < r.Int64("staff") })
	defer short.Release()
	fmt.Print(columns(short, "unit", "staff", "computers"))
	// Output:
	// unit            staff  computers
	// --------------  -----  ---------
	// Tỉnh ủy           159        142
	// Sở Nội vụ          48         42
	// Sở Công thương     80         47
}

func ExampleFrame_WithColumnFunc() {
	f := computers()
	defer f.Release()
	// Recompute the reported ratio from its parts, rounded as reported.
	g, err := f.WithColumnFunc(
		frame.FieldSpec{Name: "computers_per_staff", Kind: frame.Float64, Unit: "ratio"},
		func(r frame.Row) any {
			return math.Round(r.Float64("computers")/r.Float64("staff")*1e5) / 1e5
		})
	if err != nil {
		log.Fatal(err)
	}
	defer g.Release()
	fmt.Print(columns(g, "unit", "computers_per_staff_reported", "computers_per_staff"))
	// Output:
	// unit            computers_per_staff_reported  computers_per_staff
	// --------------  ----------------------------  -------------------
	// Tỉnh ủy                              0,89308              0,89308
	// Sở Nội vụ                              0,875                0,875
	// Sở Tư pháp                           1,22222              1,22222
	// Sở Công thương                        0,5875               0,5875
	// Sở Tài chính                         1,02222              1,02222
}

func ExampleFrame_String() {
	f := computers()
	defer f.Release()
	// Vietnamese number format: decimal comma; counts of people would be
	// grouped from 1.000 up, line numbers (unit "line") never are.
	fmt.Print(f)
	// Output:
	// unit            staff  computers  computers_per_staff_reported  source_line
	// --------------  -----  ---------  ----------------------------  -----------
	// Tỉnh ủy           159        142                       0,89308         1401
	// Sở Nội vụ          48         42                         0,875         1473
	// Sở Tư pháp         36         44                       1,22222         1491
	// Sở Công thương     80         47                        0,5875         1545
	// Sở Tài chính       45         46                       1,02222         1527
}

func ExampleFormatVI() {
	fmt.Println(frame.FormatVI(9189.899, -1))
	fmt.Println(frame.FormatVI(-1234.5, -1))
	fmt.Println(frame.FormatVI(0.89308, 2))
	fmt.Println(frame.FormatVI(1201, -1))
	fmt.Printf("%q\n", frame.FormatVI(math.NaN(), -1))
	// Output:
	// 9.189,899
	// -1.234,5
	// 0,89
	// 1.201
	// ""
}

func ExampleReadCSV() {
	const data = "unit,staff,computers,surveyed\r\n" +
		"Tỉnh ủy,159,142,2010-06-30\r\n" +
		"Hội đồng Nhân dân,32,,2010-06-30\r\n"
	f, err := frame.ReadCSV(strings.NewReader(data), frame.CSVOptions{
		Meta: map[string]string{frame.MetaProvince: "Sóc Trăng"},
	})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Release()
	for _, s := range f.Fields() {
		fmt.Println(s.Name, s.Kind)
	}
	fmt.Println("computers valid:", f.Col("computers").Valid())

	// A value that does not fit its column is reported with its line.
	_, err = frame.ReadCSV(strings.NewReader("unit,staff\nTỉnh ủy,một trăm\n"), frame.CSVOptions{
		Fields: []frame.FieldSpec{{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}},
	})
	fmt.Println(err)
	// Output:
	// unit string
	// staff int64
	// computers int64
	// surveyed date
	// computers valid: [true false]
	// line 2: column "staff": "một trăm": expected an integer
}

// columns renders the named columns of f.
func columns(f *frame.Frame, names ...string) string {
	s, err := f.Select(names...)
	if err != nil {
		log.Fatal(err)
	}
	defer s.Release()
	return s.String()
}

// Ratios computes a ratio per row, null where the denominator is 0 or a
// value is missing; WithColumnShared adds it to the frame without a copy.
func ExampleRatios() {
	f, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}, {Name: "computers", Kind: frame.Int64},
	}, [][]any{{"Tỉnh ủy", int64(159), int64(142)}, {"Hội đồng Nhân dân", int64(32), int64(35)}, {"Đơn vị mới", int64(0), int64(0)}})
	r := frame.Ratios(nil, f.Col("computers"), f.Col("staff"))
	g, _ := f.WithColumnShared(frame.FieldSpec{Name: "computers_per_staff", Kind: frame.Float64, Unit: "ratio"}, r, nil)
	s, _ := g.Select("unit", "computers_per_staff")
	fmt.Print(s)
	// Output:
	// unit               computers_per_staff
	// -----------------  -------------------
	// Tỉnh ủy                       0,893082
	// Hội đồng Nhân dân              1,09375
	// Đơn vị mới
}

// WithRatio adds a ratio column in one step: null where the denominator is
// 0 or a value is missing.
func ExampleFrame_WithRatio() {
	f, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}, {Name: "computers", Kind: frame.Int64},
	}, [][]any{{"Sở Tư pháp", int64(36), int64(44)}, {"Ban Dân tộc", int64(20), int64(9)}, {"Đơn vị mới", int64(0), int64(0)}})
	g, _ := f.WithRatio(frame.FieldSpec{Name: "computers_per_staff", LabelVI: "Tỷ lệ máy tính/CBCC"}, "computers", "staff")
	s, _ := g.Select("unit", "computers_per_staff")
	fmt.Print(s)
	// Output:
	// unit         computers_per_staff
	// -----------  -------------------
	// Sở Tư pháp              1,222222
	// Ban Dân tộc                 0,45
	// Đơn vị mới
}

// Must is for code in which an error is a bug: it returns the value, or
// panics with the error.
func ExampleMust() {
	f := frame.Must(frame.FromRows(nil, []frame.FieldSpec{{Name: "year", Kind: frame.Int64}}, [][]any{{int64(2015)}}))
	defer f.Release()
	fmt.Println(f.Row(0).Int64("year"))
	// Output:
	// 2015
}

// Row reads one row's cells by column name; the OK forms tell a null from
// a zero.
func ExampleRow() {
	f := frame.Must(frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64},
		{Name: "online", Kind: frame.Bool},
	}, [][]any{{"Sở Y tế", nil, true}}))
	defer f.Release()
	r := f.Row(0)
	staff, known := r.Int64OK("staff")
	fmt.Println(r.String("unit"), staff, known, r.Bool("online"))
	// Output:
	// Sở Y tế 0 false true
}
