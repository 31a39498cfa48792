package frame_test

import (
	"fmt"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/panel"
)

// panelProvinces is the 63-row province table of the synthetic panel:
// the code the panel uses (1…63), a name and a population.
func panelProvinces(b *testing.B) *frame.Frame {
	code, name, pop := make([]int64, 63), make([]string, 63), make([]float64, 63)
	for i := range code {
		code[i] = int64(i + 1)
		name[i] = fmt.Sprintf("Tỉnh số %02d", i+1)
		pop[i] = 500 + 37.5*float64(i)
	}
	f, err := frame.FromColumns(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.Int64},
		{Name: "province_name", Kind: frame.String},
		{Name: "population", Kind: frame.Float64, Unit: "thousand_people"},
	}, []any{code, name, pop})
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// BenchmarkJoin joins the synthetic panel to its 63 provinces, adding the
// population (LeftJoin, every row matched): on the int64 province code, and
// on the province's name. The frames are built outside the timer.
func BenchmarkJoin(b *testing.B) {
	provinces := panelProvinces(b)
	defer provinces.Release()
	byCode, _ := provinces.Select("province", "population")
	defer byCode.Release()
	byName, _ := provinces.Select("province_name", "population")
	defer byName.Release()
	names := provinces.Col("province_name").Strings()
	for _, key := range []string{"int64", "string"} {
		for _, n := range []int{10_000, 1_000_000, 10_000_000} {
			b.Run(fmt.Sprintf("key=%s/rows=%.0e", key, float64(n)), func(b *testing.B) {
				left, err := panel.Frame(nil, n)
				if err != nil {
					b.Fatal(err)
				}
				right, on := byCode, "province"
				if key == "string" {
					codes := left.Col("province").Int64Values()
					text := make([]string, n)
					for i, c := range codes {
						text[i] = names[c-1]
					}
					withName, err := left.WithColumn(frame.FieldSpec{Name: "province_name", Kind: frame.String}, text, nil)
					left.Release()
					if err != nil {
						b.Fatal(err)
					}
					left, right, on = withName, byName, "province_name"
				}
				defer left.Release()
				o := frame.JoinOptions{Kind: frame.LeftJoin, On: []string{on}}
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					g, err := left.Join(right, o)
					if err != nil {
						b.Fatal(err)
					}
					if g.NumRows() != n || g.Col("population").NullN() != 0 {
						b.Fatalf("%d rows, %d unmatched", g.NumRows(), g.Col("population").NullN())
					}
					g.Release()
				}
			})
		}
	}
}
