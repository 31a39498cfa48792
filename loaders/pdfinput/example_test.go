package pdfinput_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
)

func ExampleTables() {
	f, err := os.Open("testdata/plan2010-chromium.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	tables, err := pdfinput.Tables(f, st.Size())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range tables {
		fmt.Printf("table %d: %s, pages %v, %d rows × %d columns\n", t.Number, t.Heading, t.Pages, t.Rows, t.Columns)
	}
	// Output:
	// table 1: PHỤ LỤC 2, pages [1 2], 30 rows × 9 columns
	// table 2: PHỤ LỤC 5, pages [3 4 5], 16 rows × 10 columns
}

func ExampleParse() {
	f, err := os.Open("testdata/plan2010-libreoffice.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	// Phụ lục 5: the projects of 2011–2015, over three pages.
	t, err := pdfinput.Parse(f, st.Size(), 0, "5", loaders.ProjectsPlan, loaders.Options{File: "plan2010.pdf", Convention: loaders.CommaThousands})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Release()
	fmt.Println(t.Frame.NumRows(), "projects on pages", t.Frame.Meta(pdfinput.MetaSourcePages), "in", t.MoneyUnit)
	total, _ := t.Totals[0].Get("total_mvnd")
	fmt.Println(t.Totals[0].Label, total.Value)

	// A scan has no text to read.
	s, _ := os.Open("testdata/scanned.pdf")
	defer s.Close()
	st, _ = s.Stat()
	_, err = pdfinput.Parse(s, st.Size(), 1, "", loaders.ProjectsPlan, loaders.Options{File: "scanned.pdf"})
	fmt.Println(errors.Is(err, pdfinput.ErrNoText))
	// Output:
	// 13 projects on pages 3-5 in triệu đồng
	// TỔNG CỘNG 109045
	// true
}

func ExampleReadGrid() {
	f, err := os.Open("testdata/dx2023-libreoffice.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	// The 2023 budget table: its cells as the page lays them out, before
	// any layout reads them.
	g, err := pdfinput.ReadGrid(f, st.Size(), 0, "01", "dx2023.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.TableInfo.Heading, g.Columns, "columns, pages", g.Pages)
	for _, row := range g.Cells[2:5] {
		fmt.Printf("page %d: %q %q %q … %q\n", g.RowPages[row[0].Line-1], row[0].Text, row[1].Text, row[2].Text, row[6].Text)
	}
	// Output:
	// PHỤ LỤC 01 11 columns, pages [1 2 3 4]
	// page 1: "1" "Nhận thức số" "210" … "60"
	// page 1: "1.1" "Tổ chức sự kiện “Ngày Chuyển đổi số”." "60" … "60"
	// page 1: "1.2" "Tổ chức các hội nghị, hội thảo, tọa đàm về chuyển đổi số, công nghệ số tại tỉnh nhằm trao đổi, chia sẻ kinh nghiệm, mô hình, giải pháp đã triển khai thành công." "150" … "0"
}

// ReadGrids reads a document once; each table is then tried with several
// layouts, as ictplan check FILE does.
func ExampleReadGrids() {
	f, err := os.Open("testdata/plan2010-libreoffice.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	grids, err := pdfinput.ReadGrids(f, st.Size(), "plan2010.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range grids {
		for _, l := range []loaders.Layout{loaders.Computers, loaders.ProjectsPlan} {
			t, err := g.Parse(l, loaders.Options{File: "plan2010.pdf", Convention: loaders.CommaThousands})
			if err != nil {
				continue
			}
			fmt.Printf("table %d (%s): layout %s, %d rows\n", g.Number, g.Heading, l.Name, t.Frame.NumRows())
			t.Release()
		}
	}
	// Output:
	// table 1 (PHỤ LỤC 2): layout computers, 27 rows
	// table 2 (PHỤ LỤC 5): layout projects-plan, 13 rows
}
