package frame_test

import (
	"fmt"

	"github.com/ictplan/ictplan/frame"
)

// Concat stacks tables with the same columns: here the provincial and the
// district bodies of the Sóc Trăng 2010 computer survey. Provenance that
// differs is kept, joined with "; ".
func ExampleConcat() {
	specs := []frame.FieldSpec{
		{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
		{Name: "staff", Kind: frame.Int64, Unit: "people"},
		{Name: "computers", Kind: frame.Int64, Unit: "count"},
	}
	provincial := frame.Must(frame.FromRows(
		map[string]string{frame.MetaDataset: "soctrang-2010-computers-provincial", frame.MetaProvince: "Sóc Trăng"},
		specs, [][]any{{"Tỉnh ủy", 159, 142}, {"Sở Nội vụ", 48, 42}}))
	defer provincial.Release()
	district := frame.Must(frame.FromRows(
		map[string]string{frame.MetaDataset: "soctrang-2010-computers-district", frame.MetaProvince: "Sóc Trăng"},
		specs, [][]any{{"Huyện ủy", 303, 228}, {"Phòng Nội vụ", 73, nil}}))
	defer district.Release()

	all, err := frame.Concat([]*frame.Frame{provincial, district}, frame.ConcatOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer all.Release()
	fmt.Print(all)
	fmt.Println(all.Meta(frame.MetaDataset))
	fmt.Println(all.Meta(frame.MetaProvince))
	// Output:
	// unit          staff  computers
	// ------------  -----  ---------
	// Tỉnh ủy         159        142
	// Sở Nội vụ        48         42
	// Huyện ủy        303        228
	// Phòng Nội vụ     73
	// soctrang-2010-computers-provincial; soctrang-2010-computers-district
	// Sóc Trăng
}
