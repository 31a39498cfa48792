package dxtext

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

func TestInferColumns(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name     string
		n        int
		placed   []float64
		subtotal []float64
		rows     [][]float64
		want     string // the placements found, "" for none
		err      bool
	}{
		{"one row, one way", 4, []float64{60, 0, 0, 0}, []float64{210, 0, 750, 0}, [][]float64{{150, 750}}, "[[0 2]]", false},
		{"written order kept", 3, []float64{0, 0, 0}, []float64{5, 0, 7}, [][]float64{{7, 5}}, "", false},
		{"zeros fit anywhere", 4, []float64{0, 0, 0, 0}, []float64{0, 0, 0, 0}, [][]float64{{0}}, "[[0]] [[1]] [[2]] [[3]]", false},
		{"two rows decide each other", 4, []float64{0, 0, 0, 0}, []float64{3, 5, 4, 0}, [][]float64{{3, 4}, {5}}, "[[0 2] [1]]", false},
		{"no subtotal leaves a column free", 3, []float64{0, 0, 0}, []float64{nan, 2, 0}, [][]float64{{9, 2}}, "[[0 1]]", false},
		{"subtotal disagrees with every placement", 2, []float64{0, 0}, []float64{1, 1}, [][]float64{{3}}, "", false},
		{"more figures than columns", 2, []float64{0, 0}, []float64{1, 1}, [][]float64{{1, 1, 1}}, "", false},
		{"empty row", 2, []float64{1, 0}, []float64{1, 0}, [][]float64{{}}, "[[]]", false},
		{"negative figure, no pruning", 2, []float64{0, 0}, []float64{-1, 4}, [][]float64{{-1, 4}}, "[[0 1]]", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sols, err := InferColumns(tc.n, tc.placed, tc.subtotal, nil, tc.rows, 0)
			var got []string
			for _, s := range sols {
				got = append(got, fmt.Sprint(s))
			}
			if strings.Join(got, " ") != tc.want || (err != nil) != tc.err {
				t.Errorf("InferColumns = %v, %v; want %s", got, err, tc.want)
			}
		})
	}
	// Tolerance: a subtotal written 1.234,5 covers figures adding up to
	// 1234.46.
	sols, _ := InferColumns(2, []float64{0, 0}, []float64{1234.5, 0}, []float64{0.05, 0.05}, [][]float64{{1234.46}}, 0)
	if len(sols) != 1 {
		t.Errorf("with tolerance: %v", sols)
	}
	// maxSolutions stops the search.
	sols, _ = InferColumns(4, []float64{0, 0, 0, 0}, []float64{0, 0, 0, 0}, nil, [][]float64{{0}}, 2)
	if len(sols) != 2 {
		t.Errorf("maxSolutions 2: %d placements", len(sols))
	}
	// A search too large to finish is an error, never a guess.
	rows := make([][]float64, 12)
	for i := range rows {
		rows[i] = []float64{0}
	}
	sub := []float64{nan, nan, nan, nan, nan, nan, nan, nan}
	if _, err := InferColumns(8, make([]float64, 8), sub, nil, rows, 0); !errors.Is(err, ErrUnplaced) {
		t.Errorf("budget: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("no panic for mismatched lengths")
		}
	}()
	InferColumns(3, []float64{0}, []float64{0, 0, 0}, nil, nil, 0)
}

// withLine returns the source with line n replaced.
func withLine(t *testing.T, n int, text string) []byte {
	t.Helper()
	ls := strings.Split(string(dxSource(t)), "\n")
	ls[n-1] = text
	return []byte(strings.Join(ls, "\n"))
}

// TestInferAgreesWithLayout takes away, one item at a time, the spacing of
// each figure line of Phụ lục 01: the inference from the pillar subtotals
// either finds exactly the columns the positions gave, or finds more than
// one placement and places nothing. It never finds another answer.
func TestInferAgreesWithLayout(t *testing.T) {
	base := readDX(t, DXResults, "01")
	unique := 0
	for _, it := range base.Items {
		src := withLine(t, it.ValueLine, strings.Join(strings.Fields(dxLines(t, it.ValueLine, it.ValueLine)), " "))
		tb, err := ReadDX(src, DXResults, loaders.Options{File: "dx.txt", Appendix: "01", Convention: loaders.DotThousands})
		if err != nil {
			t.Fatal(err)
		}
		k := -1
		for i := range tb.Items {
			if tb.Items[i].Line == it.Line {
				k = i
			}
		}
		got := tb.Items[k]
		if got.Assignment != "" || len(got.Unplaced) == 0 {
			if strings.Count(amounts(it), "_") < 7 {
				t.Errorf("item %s line %d: still placed by layout after its spacing was taken away", it.Code, it.ValueLine)
			}
			continue
		}
		err = tb.Infer()
		got = tb.Items[k]
		switch {
		case err == nil:
			unique++
			if got.Assignment != AssignInferred || amounts(got) != amounts(it) {
				t.Errorf("item %s: inferred %s (%s), positions gave %s", it.Code, amounts(got), got.Assignment, amounts(it))
			}
		case errors.Is(err, ErrUnplaced):
			if got.Assignment != "" || !strings.Contains(err.Error(), "more than one placement") {
				t.Errorf("item %s: %v, assignment %q", it.Code, err, got.Assignment)
			}
		default:
			t.Errorf("item %s: %v", it.Code, err)
		}
	}
	if unique == 0 {
		t.Error("no item could be inferred")
	}
	t.Logf("%d of %d items inferred uniquely without their spacing", unique, len(base.Items))
}

func TestInferSource(t *testing.T) {
	// 4.1 without its spacing (line 3405): 10.000 can only be planned ĐTPT
	// and 1.200 spent ĐTPT (pillar 4, line 3365).
	tb, err := ReadDX(withLine(t, 3405, "10.000 1.200"), DXResults, loaders.Options{File: "dx.txt", Appendix: "01", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	if err := tb.Infer(); err != nil {
		t.Fatal(err)
	}
	if it := findItem(t, tb, 4, "4.1"); it.Assignment != AssignInferred || amounts(it) != "_|_|10.000|_|_|_|1.200|_" {
		t.Errorf("4.1: %s %s", it.Assignment, amounts(it))
	}
	// 3.1 and 3.2 both without their spacing (3144, 3164): together they
	// must make up planned and spent NSĐP.
	src := withLine(t, 3144, "935 870")
	ls := strings.Split(string(src), "\n")
	ls[3164-1] = "318 303"
	tb, err = ReadDX([]byte(strings.Join(ls, "\n")), DXResults, loaders.Options{File: "dx.txt", Appendix: "01", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	if err := tb.Infer(); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"3.1", "3.2"} {
		if it := findItem(t, tb, 3, code); it.Assignment != AssignInferred || !strings.HasSuffix(amounts(it), "|_|_|_") || strings.HasPrefix(amounts(it), "_") {
			t.Errorf("%s: %s %s", code, it.Assignment, amounts(it))
		}
	}
	// 7.3's two zeros (3772) fit many columns: not inferred.
	tb, err = ReadDX(withLine(t, 3772, "0 0"), DXResults, loaders.Options{File: "dx.txt", Appendix: "01", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	err = tb.Infer()
	if es := loaders.Errors(err); len(es) != 1 || es[0].Line != 3772 || !errors.Is(es[0], ErrUnplaced) || es[0].Text != "0 0" {
		t.Errorf("7.3: %v", err)
	}
	if _, err := tb.ItemsFrame(loaders.Options{}); !errors.Is(err, ErrUnplaced) {
		t.Errorf("ItemsFrame with an unplaced item: %v", err)
	}
	// Phụ lục 2, 4.2 with its line of empty cells gone (5460): 1.500
	// 1.500 can only be other and total (pillar 4, line 5357).
	tb, err = ReadDX(withLine(t, 5460, ""), DXPlan, loaders.Options{File: "dx.txt", Appendix: "2", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	if it := findItem(t, tb, 4, "4.2"); it.Assignment != "" || texts(it.Unplaced) != "1.500 1.500" {
		t.Fatalf("4.2 without its empty cells: %q %q", it.Assignment, texts(it.Unplaced))
	}
	if err := tb.Infer(); err != nil {
		t.Fatal(err)
	}
	if it := findItem(t, tb, 4, "4.2"); it.Assignment != AssignInferred || amounts(it) != "_|_|_|1.500|1.500" {
		t.Errorf("4.2: %s %s", it.Assignment, amounts(it))
	}
}
