package datasets_test

import (
	"fmt"

	"github.com/ictplan/ictplan/datasets"
)

func ExampleLoad() {
	f, err := datasets.Load("soctrang-2010-computers-provincial")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Release()
	fmt.Println(f.NumRows(), "rows")
	fmt.Println(f.Names()[:4])
	r := f.Row(0)
	fmt.Println(r.String("unit"), r.String("staff"), r.String("computers"), r.String("computers_per_staff_reported"), "line", r.String("source_line"))
	line, _ := datasets.Line(f.Meta("source_file"), 1413)
	fmt.Println("line 1413:", line)
	// Output:
	// 27 rows
	// [code unit staff computers]
	// Tỉnh ủy 159 142 0.89308 line 1401
	// line 1413: 0.89308
}
