package composite

import (
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

func TestWide(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	long, err := frame.FromColumns(map[string]string{frame.MetaDataset: "long"}, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "indicator", Kind: frame.String},
		{Name: "value", Kind: frame.Float64}, {Name: "unit", Kind: frame.String}, {Name: "source_line", Kind: frame.Int64},
	}, []any{
		[]string{"A", "A", "B", "C", "B"},
		[]string{"x", "y", "x", "y", "y"},
		[]any{1.0, 2.0, 3.0, nil, 5.0},
		[]string{"percent", "count", "percent", "count", "people"},
		[]int64{10, 11, 20, 30, 21},
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer long.Release()
	w, err := Wide(long, "province", "indicator", "value")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	if got := strings.Join(w.Names(), ","); got != "province,x,y,source_lines" {
		t.Fatalf("columns %s", got)
	}
	// A: x 1, y 2; B: x 3, y 5; C: x missing, y null.
	wantFloats(t, "x", w.Col("x").Float64s(), []float64{1, 3, nan(1)[0]})
	wantFloats(t, "y", w.Col("y").Float64s(), []float64{2, 5, nan(1)[0]})
	if got := strings.Join(w.Col("source_lines").Strings(), "|"); got != "10;11|20;21|30" {
		t.Errorf("source_lines %s", got)
	}
	// x is always percent; y is count and people: no single unit.
	if w.Col("x").Unit() != "percent" || w.Col("y").Unit() != "" {
		t.Errorf("units %q %q", w.Col("x").Unit(), w.Col("y").Unit())
	}

	dup, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "indicator", Kind: frame.String}, {Name: "value", Kind: frame.Float64},
	}, [][]any{{"A", "x", 1.0}, {"B", "x", 2.0}, {"A", "x", 3.0}})
	defer dup.Release()
	if _, err := Wide(dup, "province", "indicator", "value"); err == nil || !strings.Contains(err.Error(), "rows 1 and 3") {
		t.Errorf("duplicate: %v", err)
	}
	if _, err := Wide(dup, "province", "indicator", "province"); err == nil {
		t.Error("text value accepted")
	}
	if _, err := Wide(dup, "province", "nope", "value"); err == nil {
		t.Error("unknown column accepted")
	}
}
