package composite

import (
	"errors"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

func TestAttach(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	ref, err := frame.FromColumns(map[string]string{frame.MetaDataset: "ref"}, []frame.FieldSpec{
		{Name: "province", Kind: frame.String},
		{Name: "population", Kind: frame.Int64, Unit: "people"},
		{Name: "source_line", Kind: frame.Int64},
	}, []any{
		[]string{"Khánh Hòa", "Cần Thơ", "Thừa Thiên Huế"},
		[]any{int64(1260600), nil, int64(1166500)},
		[]int64{72, 94, 66},
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Release()
	f, err := frame.FromColumns(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "source_line", Kind: frame.Int64},
	}, []any{[]string{"Huế", "khánh hoà", "Cần Thơ", "Khánh Hòa"}, []int64{1, 2, 3, 4}}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	g, err := Attach(f, ref, "province", "province", []string{"population"}, MatchTones)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	pop := g.Col("population")
	if got := pop.Int64s(); got[0] != 1166500 || got[1] != 1260600 || !pop.IsNull(2) || got[3] != 1260600 {
		t.Errorf("population %v valid %v", got, pop.Valid())
	}
	if got := g.Col("ref_source_line").Int64s(); !equalInts(got, []int64{66, 72, 94, 72}) {
		t.Errorf("ref_source_line %v", got)
	}
	if g.Col("population").Unit() != "people" {
		t.Error("unit lost")
	}

	other, _ := frame.FromRows(nil, []frame.FieldSpec{{Name: "province", Kind: frame.String}}, [][]any{{"Hà Tây"}, {"Huế"}})
	defer other.Release()
	_, err = Attach(other, ref, "province", "province", []string{"population"}, MatchTones)
	var ue *UnmatchedError
	if !errors.As(err, &ue) || strings.Join(ue.Names, "|") != "Hà Tây" {
		t.Errorf("unmatched: %v", err)
	}
	if _, err := Attach(g, ref, "province", "province", []string{"population"}, MatchTones); err == nil {
		t.Error("existing column accepted")
	}
	hue := other.Slice(1, 2)
	defer hue.Release()
	if _, err := Attach(hue, ref, "province", "province", []string{"nope"}, MatchTones); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown column: %v", err)
	}
	dup, _ := frame.FromRows(nil, []frame.FieldSpec{{Name: "province", Kind: frame.String}, {Name: "population", Kind: frame.Int64}},
		[][]any{{"Khánh Hòa", 1}, {"Khánh Hoà", 2}})
	defer dup.Release()
	if _, err := Attach(other, dup, "province", "province", []string{"population"}, MatchTones); err == nil || !strings.Contains(err.Error(), "both") {
		t.Errorf("duplicate reference: %v", err)
	}
}
