package datasets

import (
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// dxReadModified reads Phụ lục 01 with line n replaced.
func dxReadModified(t *testing.T, n int, text string) *dxtext.DXTable {
	t.Helper()
	b, err := SourceText(dxSource)
	if err != nil {
		t.Fatal(err)
	}
	ls := strings.Split(string(b), "\n")
	ls[n-1] = text
	tb, err := dxtext.ReadDX([]byte(strings.Join(ls, "\n")), dxtext.DXResults, loaders.Options{File: dxSource, Appendix: "01", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func dxItemAt(t *testing.T, tb *dxtext.DXTable, line int) *dxtext.DXItem {
	t.Helper()
	for i := range tb.Items {
		if tb.Items[i].Line == line {
			return &tb.Items[i]
		}
	}
	t.Fatalf("no item at line %d", line)
	return nil
}

const dxReviewed2023 = `# 2023 titles
source_line,code,column,value,comment
2997,1.3,task,"Tuyên truyền chuyển đổi số",reviewed
4150,8.10,task,"Kinh phí thuê",reviewed
`

// TestDXCuratedAmounts takes the spacing away from the figures of 7.3
// (line 3772, two zeros no subtotal can place) and transcribes them: the
// row becomes "curated", the others stay "layout", and nothing is left to
// infer.
func TestDXCuratedAmounts(t *testing.T) {
	tb := dxReadModified(t, 3772, "0 0")
	if err := tb.Infer(); err == nil {
		t.Fatal("two zeros were inferred")
	}
	tb = dxReadModified(t, 3772, "0 0")
	recs, err := dxParseCurated("t.csv", []byte(dxReviewed2023+
		`3752,7.3,planned_invest_mvnd,0,"line 3772 writes the two zeros without their spacing"
3752,7.3,spent_local_mvnd,0,"as above"
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := dxApplyCurated(tb, "t.csv", recs); err != nil {
		t.Fatal(err)
	}
	if err := tb.Infer(); err != nil {
		t.Fatal(err)
	}
	it := dxItemAt(t, tb, 3752)
	if it.Assignment != dxtext.AssignCurated || !it.Amounts[2].Set || it.Amounts[2].Value != 0 || !it.Amounts[4].Set || it.Amounts[0].Set {
		t.Errorf("7.3: %+v", it)
	}
	if got := tb.Assignments(); got[dxtext.AssignLayout] != 40 || got[dxtext.AssignCurated] != 1 {
		t.Errorf("assignments %v", got)
	}
	if dxItemAt(t, tb, 2997).Task != "Tuyên truyền chuyển đổi số" {
		t.Error("the transcribed title was not applied")
	}
}

func TestDXCuratedErrors(t *testing.T) {
	for _, tc := range []struct {
		name, csv, want string
	}{
		{"bad header", "line,code,column,value,comment\n", "header"},
		{"no comment", "source_line,code,column,value,comment\n2997,1.3,task,x,\n", "needs a comment"},
		{"not a line", "source_line,code,column,value,comment\nx,1.3,task,x,why\n", "not a line number"},
		{"wrong field count", "source_line,code,column,value,comment\n2997,1.3,task\n", "wrong number of fields"},
	} {
		if _, err := dxParseCurated("t.csv", []byte(tc.csv)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	for _, tc := range []struct {
		name, csv, want string
	}{
		{"unsure left", "source_line,code,column,value,comment\n2997,1.3,task,x,why\n", "4150"},
		{"no such task", dxReviewed2023 + "2998,1.3,task,x,why\n", "no task"},
		{"code mismatch", dxReviewed2023 + "2919,1.2,task,x,why\n", "no task"},
		{"unknown column", dxReviewed2023 + "2919,1.1,objective,x,why\n", "unknown column"},
		{"twice", dxReviewed2023 + "2919,1.1,task,x,why\n2919,1.1,task,y,why\n", "twice"},
		{"bad amount", dxReviewed2023 + "2919,1.1,planned_local_mvnd,6o,why\n", "not a number"},
	} {
		b, _ := SourceText(dxSource)
		tb, err := dxtext.ReadDX(b, dxtext.DXResults, loaders.Options{File: dxSource, Appendix: "01", Convention: loaders.DotThousands})
		if err != nil {
			t.Fatal(err)
		}
		recs, err := dxParseCurated("t.csv", []byte(tc.csv))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := dxApplyCurated(tb, "t.csv", recs); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// BenchmarkDXParse reads both appendices of source 004 from the embedded
// text and builds the five datasets' frames, bypassing the cache.
func BenchmarkDXParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		dxResultsRead, dxPlanRead = dxRead{}, dxRead{}
		for _, e := range catalogue {
			if e.Source != dxSource || e.build == nil {
				continue
			}
			data, claims, err := parse(e)
			if err != nil {
				b.Fatal(err)
			}
			data.Release()
			claims.Release()
		}
	}
}
