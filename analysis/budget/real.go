package budget

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// CPI columns RealTerms reads (those of the vn-cpi dataset).
const (
	CPIYear  = "year"
	CPIIndex = "index_2010_100"
)

// RealTerms adds amountCol in prices of baseYear, for rows whose amount
// belongs to one year (yearCol):
//
//	real = nominal × I(baseYear) / I(year)
//
// with I the CPI index of cpi (columns year and index_2010_100, as the
// vn-cpi dataset: an annual average index, so the result is in average
// prices of baseYear). It is RealTermsPeriod with the same column for start
// and end; see there for the columns added and the null rules.
func RealTerms(f *frame.Frame, amountCol, yearCol string, cpi *frame.Frame, baseYear int) (*frame.Frame, error) {
	return RealTermsPeriod(f, amountCol, yearCol, yearCol, cpi, baseYear)
}

// RealTermsPeriod adds amountCol in prices of baseYear, for rows whose
// amount is spread over the years startCol..endCol (inclusive):
//
//	I(period) = n / Σ_{y=start..end} 1 / I(y)      (n = end − start + 1)
//	real      = nominal × I(baseYear) / I(period)
//
// I(period) is the harmonic mean of the yearly indices: it is what
// deflating an even spread of the amount, nominal / n in each year of the
// period, year by year gives (Σ_y nominal/n × I(base)/I(y)). The documents
// give no yearly schedule of a programme's spending, so an even spread is
// the assumption, and it applies as well to an amount per year of plan
// (PerYear's per_year_mvnd). For a single year I(period) = I(year). The
// arithmetic mean of the indices, the other common choice, differs from it
// by 0.55 % for 2011–2015.
//
// Added columns (replaced if present): price_index (I(period), unit index)
// and the real amount, named <stem>_real_mvnd for <stem>_mvnd (else
// <amountCol>_real), with the base year in its label and metadata. f's
// other columns and metadata are kept; MetaBaseYear is set. A row is null in
// both when its amount, start or end is null, or when a year of its period
// has no index in cpi (absent, null or not positive); a period that ends
// before it starts is an error, as is a baseYear without an index or a cpi
// Frame without the two columns.
func RealTermsPeriod(f *frame.Frame, amountCol, startCol, endCol string, cpi *frame.Frame, baseYear int) (*frame.Frame, error) {
	index, err := cpiIndex(cpi)
	if err != nil {
		return nil, err
	}
	base, ok := index[int64(baseYear)]
	if !ok {
		return nil, fmt.Errorf("budget: %s has no index for the base year %d", describe(cpi), baseYear)
	}
	ac, err := f.Column(amountCol)
	if err != nil {
		return nil, err
	}
	if !ac.Kind().Numeric() {
		return nil, fmt.Errorf("budget: %s: column %q is not numeric", describe(f), amountCol)
	}
	for _, c := range []string{startCol, endCol} {
		if c, err := f.Column(c); err != nil {
			return nil, err
		} else if !c.Kind().Numeric() {
			return nil, fmt.Errorf("budget: %s: column %q is not a year", describe(f), c.Name())
		}
	}
	nominal := ac.Float64s()
	start, end := optInt(f, startCol), optInt(f, endCol)
	ls := lines(f)
	priceIndex := make([]float64, len(nominal))
	real := make([]float64, len(nominal))
	for i := range nominal {
		priceIndex[i], real[i] = math.NaN(), math.NaN()
		if !start.valid[i] || !end.valid[i] {
			continue
		}
		if end.v[i] < start.v[i] {
			return nil, fmt.Errorf("budget: %s row %d (source line %d): period %d–%d ends before it starts", describe(f), i+1, ls[i], start.v[i], end.v[i])
		}
		priceIndex[i] = periodIndex(index, start.v[i], end.v[i])
		real[i] = nominal[i] * base / priceIndex[i] // NaN stays NaN
	}
	by := strconv.Itoa(baseYear)
	name := amountCol + "_real"
	if stem, ok := strings.CutSuffix(amountCol, suffixMVND); ok {
		name = stem + "_real" + suffixMVND
	}
	label := ac.LabelVI()
	if label == "" {
		label = amountCol
	}
	method := "I(period) = n / sum over the period's years of 1/I(year) (harmonic mean: an even spread over the years, each deflated); real = nominal × I(" + by + ") / I(period); I = " + CPIIndex + " of " + describe(cpi)
	g, err := f.WithColumn(frame.FieldSpec{Name: "price_index", Kind: frame.Float64, Unit: "index",
		LabelVI: "Chỉ số giá tiêu dùng bình quân của kỳ (2010 = 100)"}, priceIndex, nil)
	if err != nil {
		return nil, err
	}
	defer g.Release()
	h, err := g.WithColumn(frame.FieldSpec{Name: name, Kind: frame.Float64, Unit: ac.Unit(),
		LabelVI: label + " (theo giá năm " + by + ")",
		Extra:   map[string]string{MetaBaseYear: by, frame.MetaMethod: method}}, real, nil)
	if err != nil {
		return nil, err
	}
	defer h.Release()
	return h.WithMeta(MetaBaseYear, by, "cpi_dataset", cpi.Meta(frame.MetaDataset), "real_terms_method", method), nil
}

// cpiIndex reads year -> index from a CPI Frame, leaving out null indices.
func cpiIndex(cpi *frame.Frame) (map[int64]float64, error) {
	yc, err := cpi.Column(CPIYear)
	if err != nil {
		return nil, fmt.Errorf("budget: CPI frame: %w", err)
	}
	ic, err := cpi.Column(CPIIndex)
	if err != nil {
		return nil, fmt.Errorf("budget: CPI frame: %w", err)
	}
	if !yc.Kind().Numeric() || !ic.Kind().Numeric() {
		return nil, fmt.Errorf("budget: CPI frame: %s and %s must be numeric", CPIYear, CPIIndex)
	}
	years, idx := yc.Int64s(), ic.Float64s()
	m := make(map[int64]float64, len(years))
	for i, y := range years {
		if !yc.IsNull(i) && !math.IsNaN(idx[i]) && idx[i] > 0 {
			m[y] = idx[i]
		}
	}
	return m, nil
}

// periodIndex is the harmonic mean of the indices of start..end; NaN when a
// year has none.
func periodIndex(index map[int64]float64, start, end int64) float64 {
	inv := 0.0
	for y := start; y <= end; y++ {
		v, ok := index[y]
		if !ok {
			return math.NaN()
		}
		inv += 1 / v
	}
	return float64(end-start+1) / inv
}
