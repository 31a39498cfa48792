package reporting

import (
	"bytes"
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

// A name that would be a path, or that two files would share, is refused
// before anything is written: nothing appears under the temporary root.
func TestWriteRefusesUnsafeNames(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{{Name: "unit", Kind: frame.String}}, [][]any{{"=1+1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	table := func(name string) []Section {
		return []Section{{ID: "s", Tables: []Table{{Name: name, Frame: f}}}}
	}
	for _, tc := range []struct {
		name string
		in   Input
		want string
	}{
		{"parent directories", Input{Datasets: []Dataset{{ID: "../../../x", Frame: f}}}, `dataset id "../../../x" is not a plain file name`},
		{"absolute path", Input{Datasets: []Dataset{{ID: "/tmp/x", Frame: f}}}, `dataset id "/tmp/x" is not a plain file name`},
		{"a folder", Input{Datasets: []Dataset{{ID: "a/b", Frame: f}}}, `dataset id "a/b" is not a plain file name`},
		{"backslash", Input{Datasets: []Dataset{{ID: `..\x`, Frame: f}}}, `dataset id "..\\x" is not a plain file name`},
		{"dot", Input{Datasets: []Dataset{{ID: ".", Frame: f}}}, `dataset id "." is not a plain file name`},
		{"dot dot", Input{Datasets: []Dataset{{ID: "..", Frame: f}}}, `dataset id ".." is not a plain file name`},
		{"empty", Input{Datasets: []Dataset{{ID: "", Frame: f}}}, `dataset id "" is not a plain file name`},
		{"NUL", Input{Datasets: []Dataset{{ID: "x\x00", Frame: f}}}, `dataset id "x\x00" is not a plain file name`},
		{"no frame", Input{Datasets: []Dataset{{ID: "x"}}}, `dataset "x" has no frame`},
		{"an id twice", Input{Datasets: []Dataset{{ID: "x", Frame: f}, {ID: "x", Frame: f}}}, `dataset "x" and dataset "x" would both be written to tables/x.csv`},
		{"findings", Input{Datasets: []Dataset{{ID: "findings", Frame: f}}}, `the findings table and dataset "findings" would both be written to tables/findings.csv`},
		{"totals", Input{Datasets: []Dataset{{ID: "x", Frame: f, Totals: f}, {ID: "x-totals", Frame: f}}}, `the totals of dataset "x" and dataset "x-totals" would both be written to tables/x-totals.csv`},
		{"a table named as a dataset", Input{Datasets: []Dataset{{ID: "x", Frame: f}}, Sections: table("x")}, `dataset "x" and table "x" of section "s" would both be written to tables/x.csv`},
		{"a table out of the folder", Input{Sections: table("../x")}, `table name "../x" is empty, unsafe or used twice`},
		{"a chart out of the folder", Input{Sections: []Section{{ID: "s", Charts: []Chart{{Name: "../../c", Figure: fakeFigure{"p", "s"}}}}}}, `chart name "../../c" is empty, unsafe or used twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			err := Write(filepath.Join(root, "a", "b", "report"), tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
			var written []string
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if p != root {
					written = append(written, p)
				}
				return err
			})
			if len(written) > 0 {
				t.Errorf("written: %q", written)
			}
		})
	}
}

// The tables are written for a spreadsheet: a formula-like text is quoted.
func TestWriteQuotesFormulas(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{{Name: "unit", Kind: frame.String}, {Name: "diff", Kind: frame.Int64}},
		[][]any{{"=HYPERLINK(\"http://x\",\"Sở\")", -5}, {"- Sở Y tế", 3}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	dir := t.TempDir()
	if err := Write(dir, Input{Datasets: []Dataset{{ID: "x", Frame: f}}}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "tables", "x.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "unit,diff\n\"'=HYPERLINK(\"\"http://x\"\",\"\"Sở\"\")\",-5\n'- Sở Y tế,3\n"; string(got) != want {
		t.Errorf("x.csv = %q, want %q", got, want)
	}
	back, err := frame.ReadCSV(bytes.NewReader(got), frame.CSVOptions{Fields: f.Fields()})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Release()
	if !frame.Equal(f, back) {
		t.Errorf("read back\n%v", back)
	}
}
