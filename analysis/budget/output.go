package budget

import (
	"slices"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// Output columns shared by several functions.
var (
	specPillarNo    = frame.FieldSpec{Name: "pillar_no", Kind: frame.Int64, LabelVI: "STT lĩnh vực"}
	specPillar      = frame.FieldSpec{Name: "pillar", Kind: frame.String, LabelVI: "Lĩnh vực (trụ cột chuyển đổi số)"}
	specPillarKey   = frame.FieldSpec{Name: "pillar_key", Kind: frame.String, LabelVI: "Mã lĩnh vực (tiếng Anh)"}
	specSource      = frame.FieldSpec{Name: "source", Kind: frame.String, LabelVI: "Mã nguồn vốn"}
	specSourceVI    = frame.FieldSpec{Name: "source_vi", Kind: frame.String, LabelVI: "Nguồn vốn"}
	specAmount      = frame.FieldSpec{Name: "amount_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí", Unit: "million_vnd"}
	specShare       = frame.FieldSpec{Name: "share", Kind: frame.Float64, LabelVI: "Tỷ trọng trong tổng số", Unit: "ratio"}
	specPlanned     = frame.FieldSpec{Name: "planned_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí được giao theo kế hoạch", Unit: "million_vnd"}
	specSpent       = frame.FieldSpec{Name: "spent_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí đã thực hiện", Unit: "million_vnd"}
	specRate        = frame.FieldSpec{Name: "rate", Kind: frame.Float64, LabelVI: "Tỷ lệ thực hiện (đã thực hiện / kế hoạch)", Unit: "ratio"}
	specReported    = frame.FieldSpec{Name: "rate_percent_reported", Kind: frame.Float64, LabelVI: "Tỷ lệ thực hiện (%) như báo cáo", Unit: "percent"}
	specSourceLine  = frame.FieldSpec{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"}
	specSourceLines = frame.FieldSpec{Name: "source_lines", Kind: frame.String, LabelVI: "Các dòng trong văn bản nguồn"}
)

// provenanceKeys are copied from the input to the output when every input
// agrees on them.
var provenanceKeys = []string{frame.MetaSourceFile, frame.MetaDocument, frame.MetaDocumentDate, frame.MetaAppendix, frame.MetaProvince, frame.MetaPeriod}

// outMeta is the schema metadata of an output: the datasets it was computed
// from (frame.MetaDataset, comma-separated), the provenance they share,
// the analysis, its formula and a title.
func outMeta(analysis, method, title string, inputs ...*frame.Frame) map[string]string {
	m := map[string]string{frame.MetaDerivedFrom: "budget." + analysis, frame.MetaMethod: method, frame.MetaTitle: title}
	var ids []string
	for _, f := range inputs {
		if id := f.Meta(frame.MetaDataset); id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 {
		m[frame.MetaDataset] = strings.Join(ids, ", ")
	}
	for _, k := range provenanceKeys {
		v := inputs[0].Meta(k)
		for _, f := range inputs[1:] {
			if f.Meta(k) != v {
				v = ""
			}
		}
		if v != "" {
			m[k] = v
		}
	}
	return m
}

// build makes a Frame of rows with f's allocator.
func build(f *frame.Frame, meta map[string]string, specs []frame.FieldSpec, rows [][]any) (*frame.Frame, error) {
	b := frame.NewBuilder(meta, specs, frame.WithAllocator(f.Allocator()))
	defer b.Release()
	for _, r := range rows {
		if err := b.AppendRow(r...); err != nil {
			return nil, err
		}
	}
	return b.Frame()
}
