package datasets

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// The 2023 results: Phụ lục 01 of the draft 2024 plan (tasks by pillar,
// planned against spent by funding source) and the summary by funding
// source that follows it.

const (
	dx2023Pillars = "soctrang-2023-dx-pillars"
	dx2023Items   = "soctrang-2023-dx-items"
	dx2023Funding = "soctrang-2023-dx-funding"
)

// A DXSource is a funding source of the 2023 results (Phụ lục 01 of the
// 2024 draft): the key of its columns (planned_KEY_mvnd, spent_KEY_mvnd)
// and its Vietnamese name.
type DXSource struct{ Key, NameVI string }

// DXSources returns the funding sources of Phụ lục 01, in the order of its
// columns and of the rows of its summary by source.
func DXSources() []DXSource {
	return []DXSource{
		{"local", "ngân sách địa phương (NSĐP)"},
		{"central", "ngân sách trung ương (NSTW)"},
		{"invest", "vốn đầu tư phát triển (ĐTPT)"},
		{"other", "nguồn khác"},
	}
}

func init() {
	common := Entry{
		Province: "Sóc Trăng", Period: "2023", Source: dxSource, Document: dxDoc, DocumentDate: "2024",
		Appendix: "Phụ lục 01", Layout: dxtext.DXResults.Name,
		Convention: loaders.DotThousands, ConventionNote: dxConv,
	}
	pillars, items, funding := common, common, common
	pillars.ID, pillars.Rows = dx2023Pillars, 10
	pillars.TitleVI = "Kinh phí chuyển đổi số năm 2023 theo lĩnh vực: được giao và đã thực hiện theo nguồn vốn"
	pillars.TitleEN = "Digital-transformation budget 2023 by pillar: planned and spent by funding source (NSĐP, NSTW, ĐTPT, other), Sóc Trăng"
	pillars.build = buildDX2023Pillars
	items.ID = dx2023Items
	items.TitleVI = "Danh mục các nhiệm vụ, dự án triển khai năm 2023: kinh phí được giao và đã thực hiện theo nguồn vốn"
	items.TitleEN = "Digital-transformation tasks 2023: planned and spent by funding source, with notes, Sóc Trăng"
	items.build = buildDX2023Items
	funding.ID, funding.Rows = dx2023Funding, 4
	funding.TitleVI = "Kinh phí chuyển đổi số năm 2023 theo nguồn vốn: được giao, đã thực hiện, tỷ lệ thực hiện"
	funding.TitleEN = "Digital-transformation budget 2023 by funding source: planned, spent and reported execution rate, Sóc Trăng"
	funding.build = buildDX2023Funding
	catalogue = append(catalogue, pillars, items, funding)
}

// DXTable returns the table a dx dataset is built from, as read from the
// 2024 draft with its reviewed corrections: Phụ lục 01 (the 2023 results)
// for the soctrang-2023-dx-* datasets, Phụ lục 2 (the 2024 plan) for the
// soctrang-2024-dx-* datasets. The table is shared: do not change it.
func DXTable(id string) (*dxtext.DXTable, error) {
	switch id {
	case dx2023Pillars, dx2023Items, dx2023Funding:
		return dx2023Table()
	case dx2024Pillars, dx2024Items:
		return dx2024Table()
	}
	return nil, fmt.Errorf("datasets: %q is not a dx dataset (%s, %s, %s, %s, %s)", id, dx2023Pillars, dx2023Items, dx2023Funding, dx2024Pillars, dx2024Items)
}

func dx2023Table() (*dxtext.DXTable, error) {
	return dxTable(&dxResultsRead, dxtext.DXResults, "01", dxCurated2023)
}

func buildDX2023Pillars(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2023Table()
	if err != nil {
		return nil, nil, err
	}
	return dxPillars(e, t)
}

// dxPillars builds a pillars dataset and its grand-total claims.
func dxPillars(e Entry, t *dxtext.DXTable) (*frame.Frame, *frame.Frame, error) {
	data, err := t.PillarsFrame(loaders.Options{Meta: dxEntryMeta(e, "")})
	if err != nil {
		return nil, nil, err
	}
	claims, err := dxGrandTotal(e, t)
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}

func buildDX2023Items(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2023Table()
	if err != nil {
		return nil, nil, err
	}
	return dxItems(e, t, dxCurated2023)
}

// dxItems builds an items dataset and its grand-total claims.
func dxItems(e Entry, t *dxtext.DXTable, curated string) (*frame.Frame, *frame.Frame, error) {
	data, err := dxItemsFrame(e, t, curated)
	if err != nil {
		return nil, nil, err
	}
	claims, err := dxGrandTotal(e, t)
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}

func buildDX2023Funding(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2023Table()
	if err != nil {
		return nil, nil, err
	}
	if t.Funding == nil || t.Funding.Total == nil {
		return nil, nil, fmt.Errorf("datasets: %s: no summary by funding source with a total after Phụ lục 01", e.ID)
	}
	meta := dxEntryMeta(e, "")
	keys := make([]string, len(t.Funding.Rows))
	for i := range keys {
		keys[i] = "?"
		if i < len(DXSources()) {
			keys[i] = DXSources()[i].Key
		}
	}
	meta["source_keys"] = strings.Join(keys, ",")
	meta["source_keys_note"] = "by row, the column of Phụ lục 01 each source summarises (local = NSĐP, central = NSTW, invest = ĐTPT, other = nguồn khác), from its position; the labels are kept as written"
	data, err := t.FundingFrame(loaders.Options{Meta: meta})
	if err != nil {
		return nil, nil, err
	}
	cm := e.meta()
	cm[frame.MetaTitle] = "Số liệu tổng cộng báo cáo: " + e.TitleVI
	b := frame.NewBuilder(cm, frame.ClaimFields())
	defer b.Release()
	tot := t.Funding.Total
	for _, v := range []struct {
		col string
		v   dxtext.DXValue
	}{{"planned_mvnd", tot.Planned}, {"spent_mvnd", tot.Spent}, {"rate_percent_reported", tot.Rate}} {
		if err := b.AppendRow(tot.Source, "", v.col, v.v.Value, v.v.Text, int64(v.v.Decimals), int64(tot.Line)); err != nil {
			data.Release()
			return nil, nil, err
		}
	}
	claims, err := b.Frame()
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}
