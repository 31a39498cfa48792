package datasets_test

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// The columns of DESIGN.md §4 (a public contract), then source_line.
var wantColumns = map[string]string{
	"soctrang-2010-it-staff":             "group,no,unit,staff_total,it_university,it_college,it_vocational,cert_b,cert_a,basic_user,email_users",
	"soctrang-2010-computers-provincial": "code,unit,staff,computers,internet_computers,lan_computers,computers_per_staff_reported,lan_share_reported,internet_share_reported",
	"soctrang-2010-computers-district":   "code,unit,staff,computers,internet_computers,lan_computers,computers_per_staff_reported,lan_share_reported,internet_share_reported",
	"soctrang-2009-2010-projects":        "no,project,objective,period_start,period_end,planned_mvnd,status,funded_mvnd,funding_text,note",
	"soctrang-2011-2015-projects":        "no,project,objective,period_start,period_end,total_mvnd,invest_central_mvnd,invest_local_mvnd,recurrent_central_mvnd,recurrent_local_mvnd,note",
}

var wantRows = map[string]int{
	"soctrang-2010-it-staff":             31,
	"soctrang-2010-computers-provincial": 27,
	"soctrang-2010-computers-district":   22,
	"soctrang-2009-2010-projects":        5,
	"soctrang-2011-2015-projects":        13,
}

func TestLoadShape(t *testing.T) {
	for _, id := range ids2010 {
		t.Run(id, func(t *testing.T) {
			f, err := datasets.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Release()
			if f.NumRows() != wantRows[id] {
				t.Errorf("%d rows, want %d", f.NumRows(), wantRows[id])
			}
			if got, want := strings.Join(f.Names(), ","), wantColumns[id]+",source_line"; got != want {
				t.Errorf("columns\n %s\nwant\n %s", got, want)
			}
			e, err := datasets.Lookup(id)
			if err != nil {
				t.Fatal(err)
			}
			if e.Rows != wantRows[id] {
				t.Errorf("catalogue says %d rows, want %d", e.Rows, wantRows[id])
			}
			for k, v := range map[string]string{
				frame.MetaDataset: id, frame.MetaSourceFile: source2010, frame.MetaProvince: "Sóc Trăng",
				frame.MetaDocument: "21/KH-UBND", frame.MetaDocumentDate: "2010-11-02", frame.MetaAppendix: e.Appendix,
			} {
				if got := f.Meta(k); got != v {
					t.Errorf("meta %s = %q, want %q", k, got, v)
				}
			}
			for _, fs := range f.Fields() {
				switch {
				case strings.HasSuffix(fs.Name, "_mvnd"):
					if fs.Kind != frame.Float64 || fs.Unit != "million_vnd" || fs.Extra[frame.MetaSourceUnit] == "" {
						t.Errorf("money column %+v: want float64 million_vnd with its source unit", fs)
					}
				case fs.Name == "source_line":
					if fs.Kind != frame.Int64 {
						t.Errorf("source_line is %v", fs.Kind)
					}
				}
				if fs.Name != "source_line" && fs.Name != "group" && fs.LabelVI == "" {
					t.Errorf("column %s has no label_vi", fs.Name)
				}
			}
		})
	}
	if _, err := datasets.Load("soctrang-2010-nothing"); err == nil {
		t.Error("Load(unknown id): no error")
	}
}

func TestMoneySourceUnits(t *testing.T) {
	for id, unit := range map[string]string{"soctrang-2009-2010-projects": "đồng", "soctrang-2011-2015-projects": "triệu đồng"} {
		f := datasets.MustLoad(id)
		for _, fs := range f.Fields() {
			if strings.HasSuffix(fs.Name, "_mvnd") && fs.Extra[frame.MetaSourceUnit] != unit {
				t.Errorf("%s %s: source unit %q, want %q", id, fs.Name, fs.Extra[frame.MetaSourceUnit], unit)
			}
		}
		f.Release()
	}
}

// TestLoadConcurrent loads and writes every dataset, and reads its claims,
// from many goroutines at once (run with -race): all see the golden
// content. (checks.TestCheckConcurrent checks them meanwhile.)
func TestLoadConcurrent(t *testing.T) {
	golden := map[string][]byte{}
	for _, id := range ids2010 {
		golden[id] = loadCSV(t, id)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64*len(ids2010))
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range ids2010 {
				id := ids2010[(g+k)%len(ids2010)]
				f, err := datasets.Load(id)
				if err != nil {
					errs <- err
					return
				}
				var b bytes.Buffer
				err = frame.WriteCSV(&b, f, frame.CSVWriteOptions{})
				f.Release()
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(b.Bytes(), golden[id]) {
					errs <- fmt.Errorf("goroutine %d: %s differs", g, id)
				}
				if g%8 == 0 {
					c, err := datasets.Claims(id)
					if err != nil {
						errs <- err
						return
					}
					c.Release()
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCatalogue(t *testing.T) {
	ids := datasets.IDs()
	for _, id := range ids2010 {
		found := false
		for _, x := range ids {
			found = found || x == id
		}
		if !found {
			t.Errorf("%s is not in the catalogue", id)
		}
	}
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			t.Errorf("IDs not sorted: %q before %q", ids[i-1], ids[i])
		}
	}
	for _, e := range datasets.Catalogue() {
		if _, err := datasets.SourceText(e.Source); err != nil {
			t.Errorf("%s: source %v", e.ID, err)
		}
	}
	if _, err := datasets.Line(source2010, 0); err == nil {
		t.Error("Line 0: no error")
	}
	if _, err := datasets.Line(source2010, 2773); err == nil {
		t.Error("Line 2773: no error (the source has 2772 lines)")
	}
	if l, err := datasets.Line(source2010, 2772); err != nil || l != "25,500" {
		t.Errorf("Line 2772 = %q, %v", l, err)
	}
}
