package reporting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
)

func TestWriteEscapesAndWritesTables(t *testing.T) {
	f, err := frame.FromRows(map[string]string{frame.MetaTitle: "Bảng <b>thử</b>"}, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64, Unit: "people"}, {Name: "source_line", Kind: frame.Int64},
	}, [][]any{{"<script>alert(1)</script>", 1201, 7}, {"Sở & Ban", nil, 9}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	dir := t.TempDir()
	in := Input{
		Datasets: []Dataset{{ID: "x", TitleVI: "Thử <i>", Frame: f}},
		Checks:   3,
		Findings: []reconcile.Finding{{Dataset: "x", Rule: reconcile.RuleTotal, Subject: "TỔNG <CỘNG>", Reported: 2, Computed: 1, Difference: 1, SourceLine: 9, Detail: "a < b"}},
		LineText: func(string, int) string {
			return "dòng nguồn có <thẻ> & ký tự đặc biệt dài hơn hai mươi"
		},
	}
	if err := Write(dir, in); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, bad := range []string{"<script>", "<b>thử", "<i>", "<CỘNG>", "<thẻ>"} {
		if strings.Contains(s, bad) {
			t.Errorf("index.html contains unescaped %q", bad)
		}
	}
	// A quoted line's markup is dropped, its text escaped.
	for _, good := range []string{"&lt;script&gt;", "1.201", "TỔNG &lt;CỘNG&gt;", "«dòng nguồn có &amp; ký tự đặc biệt dài hơn hai mươi»", "tổng khác cộng các dòng"} {
		if !strings.Contains(s, good) {
			t.Errorf("index.html lacks %q", good)
		}
	}
	csv, err := os.ReadFile(filepath.Join(dir, "tables", "x.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(csv) != "unit,staff,source_line\n<script>alert(1)</script>,1201,7\nSở & Ban,,9\n" {
		t.Errorf("x.csv = %q", csv)
	}
	for _, name := range []string{"findings.csv", "ictplan.xlsx"} {
		if st, err := os.Stat(filepath.Join(dir, "tables", name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}
