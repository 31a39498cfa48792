package frame_test

import (
	"fmt"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/vntext"
)

// Join adds to a researcher's table the population of each province from
// the reference table vn-provinces (2023 average population, thousands),
// the names matched with vntext.Fold so that "Khánh Hoà" and "thừa thiên
// huế" find their rows. LeftJoin keeps every row; Matched says which found
// none. (The computer counts are for illustration.)
func ExampleFrame_Join() {
	survey := frame.Must(frame.FromRows(nil,
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
			{Name: "computers", Kind: frame.Int64, Unit: "count"},
		},
		[][]any{{"Khánh Hoà", 1830}, {"thừa thiên huế", 1512}, {"Sóc Trăng", 1476}, {"Hậu Giang", 950}}))
	defer survey.Release()
	provinces := frame.Must(frame.FromRows(map[string]string{frame.MetaDataset: "vn-provinces"},
		[]frame.FieldSpec{
			{Name: "code", Kind: frame.Int64},
			{Name: "name", Kind: frame.String},
			{Name: "population", Kind: frame.Float64, LabelVI: "Dân số trung bình", Unit: "thousand_people"},
		},
		[][]any{{46, "Thừa Thiên Huế", 1166.5}, {48, "Đà Nẵng", 1245.2}, {56, "Khánh Hòa", 1260.6}, {94, "Sóc Trăng", 1198.798}}))
	defer provinces.Release()

	g, err := survey.Join(provinces, frame.JoinOptions{
		Kind:      frame.LeftJoin,
		On:        []string{"province"},
		RightOn:   []string{"name"},
		Normalise: vntext.Fold,
		Matched:   "found",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer g.Release()
	fmt.Print(g)
	unmatched := g.Filter(func(r frame.Row) bool { return r.Value("found") == false })
	defer unmatched.Release()
	fmt.Println("not in vn-provinces:", unmatched.Col("province").Strings())
	// Output:
	// province        computers  code  population  found
	// --------------  ---------  ----  ----------  -----
	// Khánh Hoà           1.830    56     1.260,6  có
	// thừa thiên huế      1.512    46     1.166,5  có
	// Sóc Trăng           1.476    94   1.198,798  có
	// Hậu Giang             950                    không
	// not in vn-provinces: [Hậu Giang]
}
