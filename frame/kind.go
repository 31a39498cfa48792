package frame

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
)

// Kind is the type of a column.
type Kind int

// The column kinds. Date is a calendar day (Arrow date32).
const (
	Invalid Kind = iota
	String
	Int64
	Float64
	Bool
	Date
)

var kindNames = [...]string{"invalid", "string", "int64", "float64", "bool", "date"}

// String returns the kind's name as used in JSON and CSV schemas:
// "string", "int64", "float64", "bool" or "date".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// ParseKind is the inverse of Kind.String.
func ParseKind(s string) (Kind, error) {
	for i, n := range kindNames {
		if i > 0 && n == s {
			return Kind(i), nil
		}
	}
	return Invalid, fmt.Errorf("frame: unknown column kind %q (want string, int64, float64, bool or date)", s)
}

// Numeric reports whether the kind holds numbers (int64 or float64).
func (k Kind) Numeric() bool { return k == Int64 || k == Float64 }

func (k Kind) arrowType() arrow.DataType {
	switch k {
	case String:
		return arrow.BinaryTypes.String
	case Int64:
		return arrow.PrimitiveTypes.Int64
	case Float64:
		return arrow.PrimitiveTypes.Float64
	case Bool:
		return arrow.FixedWidthTypes.Boolean
	case Date:
		return arrow.FixedWidthTypes.Date32
	}
	return nil
}

func kindOf(dt arrow.DataType) Kind {
	switch dt.ID() {
	case arrow.STRING:
		return String
	case arrow.INT64:
		return Int64
	case arrow.FLOAT64:
		return Float64
	case arrow.BOOL:
		return Bool
	case arrow.DATE32:
		return Date
	}
	return Invalid
}

// Field metadata keys.
const (
	// MetaLabelVI is the Vietnamese header of the column in the source.
	MetaLabelVI = "label_vi"
	// MetaUnit is the unit of a numeric column: people, count, ratio,
	// percent, million_vnd, year ...
	MetaUnit = "unit"
	// MetaSourceUnit is the unit a money column had in the source
	// (đồng, triệu đồng, tỷ đồng) before conversion to million đồng.
	MetaSourceUnit = "source_unit"
	// MetaDescription is a free-text description of the column.
	MetaDescription = "description"
)

// Schema metadata keys (the provenance of a Frame).
const (
	MetaDataset      = "dataset"
	MetaTitle        = "title"
	MetaTitleEN      = "title_en"
	MetaSourceFile   = "source_file"
	MetaDocument     = "document"
	MetaDocumentDate = "document_date"
	MetaAppendix     = "appendix"
	MetaProvince     = "province"
	MetaPeriod       = "period"
	MetaLayout       = "layout"

	// MetaMethod says in words how a derived Frame was computed (its
	// formula, the rule for nulls).
	MetaMethod = "method"
	// MetaDerivedFrom names what a derived Frame was computed from: the
	// dataset ids, or the functions and Frames, in the order used.
	MetaDerivedFrom = "derived_from"
)

// Provenance columns. Every row of a dataset has ColSourceLine, the 1-based
// line of its source document where the row's figures stand (for a table
// read from a workbook, the sheet's row number); a Frame that draws on
// several documents has ColSourceFile beside it. A derived Frame that
// combines rows of two sources names the lines by prefix (target_line with
// target_file, actual_line with actual_file...).
const (
	ColSourceLine = "source_line"
	ColSourceFile = "source_file"
)

// FieldSpec describes a column: its name, kind, Vietnamese label and unit.
// Extra holds further field metadata (for example MetaSourceUnit).
type FieldSpec struct {
	Name    string
	Kind    Kind
	LabelVI string
	Unit    string
	Extra   map[string]string
}

func (s FieldSpec) arrowField() arrow.Field {
	keys, vals := []string{}, []string{}
	if s.LabelVI != "" {
		keys, vals = append(keys, MetaLabelVI), append(vals, s.LabelVI)
	}
	if s.Unit != "" {
		keys, vals = append(keys, MetaUnit), append(vals, s.Unit)
	}
	for _, k := range sortedKeys(s.Extra) {
		if k == MetaLabelVI || k == MetaUnit {
			continue
		}
		keys, vals = append(keys, k), append(vals, s.Extra[k])
	}
	f := arrow.Field{Name: s.Name, Type: s.Kind.arrowType(), Nullable: true}
	if len(keys) > 0 {
		f.Metadata = arrow.NewMetadata(keys, vals)
	}
	return f
}

func specOf(f arrow.Field) FieldSpec {
	s := FieldSpec{Name: f.Name, Kind: kindOf(f.Type)}
	md := f.Metadata
	for i, k := range md.Keys() {
		v := md.Values()[i]
		switch k {
		case MetaLabelVI:
			s.LabelVI = v
		case MetaUnit:
			s.Unit = v
		default:
			if s.Extra == nil {
				s.Extra = map[string]string{}
			}
			s.Extra[k] = v
		}
	}
	return s
}
