package xlsxio

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

// panel is a synthetic table of rows rows: a province name, a year, a
// count and a ratio.
func panel(b *testing.B, rows int) *frame.Frame {
	names := []string{"An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Cà Mau", "Đà Nẵng", "Điện Biên"}
	bl := frame.NewBuilder(map[string]string{frame.MetaDataset: "panel"},
		[]frame.FieldSpec{{Name: "province", Kind: frame.String},
			{Name: "year", Kind: frame.Int64, Unit: "year"},
			{Name: "staff", Kind: frame.Int64, Unit: "people"},
			{Name: "ratio", Kind: frame.Float64, Unit: "ratio"}}, frame.WithAllocator(memory.DefaultAllocator),
	)
	defer bl.Release()
	for i := range rows {
		bl.AppendString(0, names[i%len(names)])
		bl.AppendInt64(1, int64(2010+i%15))
		bl.AppendInt64(2, int64(i%997))
		bl.AppendFloat64(3, float64(i%1000)/7)
	}
	f, err := bl.Frame()
	if err != nil {
		b.Fatal(err)
	}
	return f
}

func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1e3, 1e5} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			f := panel(b, n)
			defer f.Release()
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(&bytes.Buffer{}, f, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1e3, 1e5} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			f := panel(b, n)
			defer f.Release()
			var buf bytes.Buffer
			if err := Write(&buf, f, Options{}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				g, err := Read(bytes.NewReader(buf.Bytes()), Options{})
				if err != nil {
					b.Fatal(err)
				}
				g.Release()
			}
		})
	}
}
