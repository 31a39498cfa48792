package frame_test

import (
	"testing"

	"github.com/ictplan/ictplan/frame"
)

// TestBuilderIndex: the Append methods' position of a column by its name,
// -1 for a name the Builder lacks.
func TestBuilderIndex(t *testing.T) {
	b := frame.NewBuilder(nil, []frame.FieldSpec{{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}})
	defer b.Release()
	if b.Index("unit") != 0 || b.Index("staff") != 1 || b.Index("computers") != -1 {
		t.Fatalf("Index: %d %d %d", b.Index("unit"), b.Index("staff"), b.Index("computers"))
	}
	b.AppendString(b.Index("unit"), "Sở Y tế")
	b.AppendInt64(b.Index("staff"), 50)
	f, err := b.Frame()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if f.Col("staff").Int64s()[0] != 50 || f.Col("unit").Strings()[0] != "Sở Y tế" {
		t.Fatal(f)
	}
}
