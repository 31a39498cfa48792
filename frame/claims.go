package frame

// Claims: the figures a document reports about its own table — its total
// rows ("TỔNG CỘNG", the "Cộng" of a section), or its rows of means — kept
// apart from the data rows, one row per reported figure, for a check to
// compare with what the rows give. The form is a convention of the library
// like the provenance columns, and is written here once: package loaders
// makes claims Frames (Table.TotalsFrame, Table.MeansFrame), package
// datasets gives them (Claims), and package analysis/reconcile reads them.
//
// The columns of a claims Frame, in order (ClaimFields):
const (
	ClaimLabel  = "label"  // the label of the reported row ("TỔNG CỘNG")
	ClaimScope  = "scope"  // "" for a grand total, else the section it closes
	ClaimColumn = "column" // the data column the figure stands in
	ClaimValue  = "value"  // the reported figure (float64; null when a text)
	ClaimText   = "text"   // the figure as written
	// ClaimDecimals is the precision of the figure in its column's unit:
	// the digits written after the decimal mark less the scale of the
	// table's unit (a total written "33,4" in a table in tỷ đồng is 33.400
	// million đồng to −2 decimals), so that it is checked to half a unit
	// of its last written digit.
	ClaimDecimals = "decimals"
	ClaimLine     = ColSourceLine // the line of the figure in the source
)

// ClaimFields are the columns of a claims Frame, in order: label, scope,
// column, value, text, decimals, source_line. A dataset with no reported
// figures has an empty Frame of these columns.
func ClaimFields() []FieldSpec {
	return []FieldSpec{
		{Name: ClaimLabel, Kind: String, LabelVI: "Dòng tổng"},
		{Name: ClaimScope, Kind: String, LabelVI: "Phạm vi (đề mục)"},
		{Name: ClaimColumn, Kind: String, LabelVI: "Cột"},
		{Name: ClaimValue, Kind: Float64, LabelVI: "Số liệu báo cáo"},
		{Name: ClaimText, Kind: String, LabelVI: "Số liệu như ghi trong văn bản"},
		{Name: ClaimDecimals, Kind: Int64, LabelVI: "Độ chính xác (số chữ số thập phân theo đơn vị của cột)"},
		{Name: ClaimLine, Kind: Int64, LabelVI: "Dòng trong văn bản nguồn"},
	}
}
