package datasets_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

var update = flag.Bool("update", false, "rewrite the golden CSV files in testdata/ from datasets.Load")

// ids2010 are the datasets of Sóc Trăng's 2010 plan (Kế hoạch 21/KH-UBND).
var ids2010 = []string{
	"soctrang-2010-it-staff",
	"soctrang-2010-computers-provincial",
	"soctrang-2010-computers-district",
	"soctrang-2009-2010-projects",
	"soctrang-2011-2015-projects",
}

func goldenPath(id string) string { return filepath.Join("testdata", id+".csv") }

// loadCSV returns datasets.Load(id) written as CSV.
func loadCSV(t testing.TB, id string) []byte {
	t.Helper()
	f, err := datasets.Load(id)
	if err != nil {
		t.Fatalf("Load(%q): %v", id, err)
	}
	defer f.Release()
	var buf bytes.Buffer
	if err := frame.WriteCSV(&buf, f, frame.CSVWriteOptions{}); err != nil {
		t.Fatalf("WriteCSV(%q): %v", id, err)
	}
	return buf.Bytes()
}

// TestGoldenCSV compares every dataset of the catalogue, written as CSV,
// with its golden file byte for byte. Run with -update to rewrite the files,
// then review the diff: the *AgainstSource tests check them against the
// source text.
func TestGoldenCSV(t *testing.T) {
	for _, id := range datasets.IDs() {
		t.Run(id, func(t *testing.T) {
			got := loadCSV(t, id)
			path := goldenPath(id)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGoldenCSV -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Load(%q) as CSV differs from %s:\n%s", id, path, firstDiff(got, want))
			}
		})
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b []byte
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if !bytes.Equal(a, b) {
			return fmt.Sprintf("line %d:\n got:  %s\n want: %s", i+1, a, b)
		}
	}
	return "(no line differs)"
}
