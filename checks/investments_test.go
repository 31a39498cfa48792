package checks

import (
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
)

// khanhHoa is the programme of Khánh Hòa's 2023 proposal, whose module
// table and figures the document states three times.
func khanhHoa(t testing.TB) datasets.Programme {
	t.Helper()
	ps, err := datasets.Programmes()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if strings.HasPrefix(p.File, "khanhhoa-2023-") {
			return p
		}
	}
	t.Fatal("no programme of Khánh Hòa")
	return datasets.Programme{}
}

// TestCopiesMutated changes one cell of the draft resolution's copy of the
// module table, and one copy of the total: each change is a finding at its
// line. (datasets.TestModuleTablesMutated makes the same changes in the
// source text and finds them in what the readers give.)
func TestCopiesMutated(t *testing.T) {
	p := khanhHoa(t)
	const at = 392 // module 5 in the draft resolution
	copies := make([]datasets.TableCopy, len(p.ComponentCopies))
	changed := false
	for i, c := range p.ComponentCopies {
		copies[i] = c
		copies[i].Rows = append([]datasets.CopyRow(nil), c.Rows...)
		for j, row := range copies[i].Rows {
			if row.Line == at && strings.Contains(row.Cells[1], "- Tổng hợp kết quả - Quản lý") {
				cells := append([]string(nil), row.Cells...)
				cells[1] = strings.Replace(cells[1], "- Tổng hợp kết quả - Quản lý", "- Tổng hợp số liệu - Quản lý", 1)
				copies[i].Rows[j].Cells = cells
				changed = true
			}
		}
	}
	if len(copies) != 3 || copies[0].Line != 101 || copies[1].Line != 274 || copies[2].Line != 384 || !changed {
		t.Fatalf("copies at %v, line %d changed: %v", copies, at, changed)
	}
	r := tableCopiesReport("test", p.Subject, copies)
	var found bool
	for _, f := range r.Findings {
		if f.SourceLine == at {
			found = true
			if f.Rule != reconcile.RuleCopies || f.Column != "description" || !strings.Contains(f.Detail, `lacks "kết quả"; adds "số liệu"`) {
				t.Errorf("finding %+v", f)
			}
		}
	}
	if !found || len(r.Findings) != 2 {
		t.Errorf("%d findings, none at line %d: %+v", len(r.Findings), at, r.Findings)
	}
	unchanged := tableCopiesReport("test", p.Subject, p.ComponentCopies)
	if len(unchanged.Findings) != 1 || unchanged.Findings[0].Class != reconcile.ClassNote {
		t.Errorf("unchanged source: %+v, want one note (the bullet moved at the page break)", unchanged.Findings)
	}

	// A copy of the total that differs (its words then disagree with it,
	// which the words-vs-digits rule finds).
	var rs []datasets.Restated
	changed = false
	for _, f := range p.Restated {
		f.Statements = append([]datasets.Statement(nil), f.Statements...)
		for i, s := range f.Statements {
			if f.Field == "total" && s.Line == 418 && s.Value == "22.955 triệu đồng" {
				f.Statements[i].Value = "22.950 triệu đồng"
				changed = true
			}
		}
		rs = append(rs, f)
	}
	if !changed {
		t.Fatalf("no statement of the total at line 418: %+v", p.Restated)
	}
	fr := restatedReport("test", p.Subject, rs)
	if len(fr.Findings) != 1 || fr.Findings[0].SourceLine != 418 || fr.Findings[0].Column != "total_mvnd" ||
		!strings.Contains(fr.Findings[0].Detail, `lacks "22.955"; adds "22.950"`) {
		t.Errorf("total copies: %+v", fr.Findings)
	}
	if u := restatedReport("test", p.Subject, p.Restated); len(u.Findings) != 0 {
		t.Errorf("unchanged total copies: %+v", u.Findings)
	}
}

// FuzzCopies runs the comparison of a table's copies on any copies: it
// must not panic, and every finding names a line of a copy. A copy is a
// paragraph of the text, a row a line "key<TAB>name<TAB>description"; the
// seeds are Khánh Hòa's copies.
func FuzzCopies(f *testing.F) {
	var b strings.Builder
	for _, c := range khanhHoa(f).ComponentCopies {
		for _, row := range c.Rows {
			b.WriteString(row.Key + "\t" + strings.Join(row.Cells, "\t") + "\n")
		}
		b.WriteString("\n")
	}
	f.Add([]byte(b.String()))
	f.Add([]byte("1\ta\tb c d\n2\tx\ty\n\n1\ta\tb d\n3\tz\t\n\n\n2\t\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		var copies []datasets.TableCopy
		lines := map[int]bool{}
		cur := -1
		for n, l := range strings.Split(string(data), "\n") {
			if l == "" {
				cur = -1
				continue
			}
			if cur < 0 {
				copies = append(copies, datasets.TableCopy{Part: "part", Line: n + 1})
				cur = len(copies) - 1
				lines[n+1] = true
			}
			cells := strings.SplitN(l, "\t", 3)
			for len(cells) < 3 {
				cells = append(cells, "")
			}
			copies[cur].Rows = append(copies[cur].Rows, datasets.CopyRow{Key: cells[0], Name: cells[1], Line: n + 1, Cells: cells[1:]})
			lines[n+1] = true
		}
		r := tableCopiesReport("fuzz", "s", copies)
		for _, x := range r.Findings {
			if !lines[x.SourceLine] {
				t.Fatalf("finding at line %d, no copy or row there: %+v", x.SourceLine, x)
			}
		}
	})
}
