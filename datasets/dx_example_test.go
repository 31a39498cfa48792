package datasets_test

import (
	"fmt"

	"github.com/ictplan/ictplan/datasets"
)

// The 2023 tasks of Sóc Trăng's digital-transformation plan, with the
// amounts planned and spent by funding source.
func ExampleLoad_dxItems() {
	f := datasets.MustLoad("soctrang-2023-dx-items")
	defer f.Release()
	for _, code := range []string{"4.1", "8.2"} {
		for i, c := range f.Col("code").Strings() {
			if c != code {
				continue
			}
			r := f.Row(i)
			fmt.Printf("%s %s: ĐTPT planned %s, spent %s (%s, line %s)\n", code, r.String("pillar"),
				r.String("planned_invest_mvnd"), r.String("spent_invest_mvnd"), r.String("assignment"), r.String("source_line"))
		}
	}
	// Output:
	// 4.1 Dữ liệu số: ĐTPT planned 10000, spent 1200 (layout, line 3367)
	// 8.2 Chính quyền số: ĐTPT planned 6900, spent 6900 (layout, line 3875)
}
