package datasets_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

const cpiID = "vn-cpi"

// The figures GSO publishes for the annual average CPI change; each must be
// in the dataset, and nothing else.
var gsoCPI = map[int64]float64{
	2010: 9.19, 2011: 18.58, 2012: 9.21, 2013: 6.60, 2014: 4.09, 2015: 0.63, 2016: 2.66, 2017: 3.53,
	2018: 3.54, 2019: 2.79, 2020: 3.23, 2021: 1.84, 2022: 3.15, 2023: 3.25, 2024: 3.63,
}

func TestCPIFigures(t *testing.T) {
	f := datasets.MustLoad(cpiID)
	defer f.Release()
	if got := strings.Join(f.Names(), ","); got != "year,inflation_percent,index_2010_100,source,source_page,source_line" {
		t.Errorf("columns %s", got)
	}
	years := f.Col("year").Int64s()
	infl := f.Col("inflation_percent").Float64s()
	src := f.Col("source").Strings()
	page := f.Col("source_page").Strings()
	lines := f.Col("source_line").Int64s()
	if len(years) != 15 {
		t.Fatalf("%d years", len(years))
	}
	for i, y := range years {
		if y != int64(2010+i) {
			t.Errorf("row %d: year %d", i, y)
		}
		if infl[i] != gsoCPI[y] {
			t.Errorf("%d: inflation %v, GSO %v", y, infl[i], gsoCPI[y])
		}
		if src[i] == "" || page[i] == "" {
			t.Errorf("%d: no citation", y)
		}
		if strings.Contains(page[i], "://") || strings.Contains(src[i], "://") {
			t.Errorf("%d: an address with a scheme: %q", y, page[i])
		}
		// The row points to its line of the reference table.
		line, err := datasets.Line(f.Meta("source_file"), int(lines[i]))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(line, fmt.Sprintf("%d,%v,", y, infl[i])) || !strings.Contains(line, page[i]) {
			t.Errorf("%d: line %d of %s is %q", y, lines[i], f.Meta("source_file"), line)
		}
	}
	if !strings.Contains(f.Meta("source"), "General Statistics Office") || !strings.Contains(f.Meta("source"), "Tổng cục Thống kê") {
		t.Errorf("metadata source %q", f.Meta("source"))
	}
}

// TestCPIChain recomputes the chained index: 2010 = 100 and
// index_t = index_(t-1) × (1 + inflation_t / 100), unrounded, against the
// dataset's index rounded to four decimals.
func TestCPIChain(t *testing.T) {
	f := datasets.MustLoad(cpiID)
	defer f.Release()
	infl := f.Col("inflation_percent").Float64s()
	idx := f.Col("index_2010_100").Float64s()
	chain := 100.0
	for i := range infl {
		if i > 0 {
			chain *= 1 + infl[i]/100
		}
		if math.Abs(idx[i]-chain) > 0.5e-4+1e-9 {
			t.Errorf("%d: index %v, chained %v", 2010+i, idx[i], chain)
		}
	}
	// 2010 prices: 1 000 of 2024 is 1 000 × 100 / index_2024.
	if got := 1000 * 100 / idx[len(idx)-1]; math.Abs(got-526.91) > 0.01 {
		t.Errorf("1 000 (2024) in 2010 prices = %v", got)
	}
}

// Example: deflate an amount of 2023 to 2010 prices with the chained index.
func ExampleLoad_cpi() {
	cpi := datasets.MustLoad("vn-cpi")
	defer cpi.Release()
	index := map[int64]float64{}
	for i := 0; i < cpi.NumRows(); i++ {
		r := cpi.Row(i)
		index[r.Int64("year")] = r.Float64("index_2010_100")
		if y := r.Int64("year"); y == 2010 || y == 2011 || y == 2024 {
			fmt.Println(y, frame.FormatVI(r.Float64("inflation_percent"), 2)+"%", frame.FormatVI(r.Float64("index_2010_100"), 2))
		}
	}
	// 49.008 million đồng, the 2023 digital-transformation budget of Sóc Trăng
	fmt.Println("49.008 triệu đồng (2023) =", frame.FormatVI(49008*100/index[2023], 0), "triệu đồng (2010)")
	// Output:
	// 2010 9,19% 100,00
	// 2011 18,58% 118,58
	// 2024 3,63% 189,79
	// 49.008 triệu đồng (2023) = 26.760 triệu đồng (2010)
}
