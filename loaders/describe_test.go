package loaders_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

// TestInputCellsParse builds a CSV row from the listing of every built-in
// layout read from cells and parses it: the row is read, one input cell
// per listed cell, the output columns those listed, in order.
func TestInputCellsParse(t *testing.T) {
	for _, l := range loaders.Layouts() {
		cells := l.InputCells()
		if l.Form != loaders.CellPerLine {
			if cells != nil {
				t.Errorf("%s: a text-form layout lists input cells", l.Name)
			}
			continue
		}
		t.Run(l.Name, func(t *testing.T) {
			var row, cols []string
			if l.Sections {
				cols = append(cols, "group")
			}
			for i, c := range cells {
				if c.Position != i+1 || c.Example == "" || c.Form == "" || c.LabelVI == "" {
					t.Errorf("cell %+v", c)
				}
				row = append(row, `"`+c.Example+`"`)
				cols = append(cols, c.Columns...)
			}
			cols = append(cols, "source_line")
			if len(cells) != len(l.Cells) {
				t.Fatalf("%d input cells, layout has %d", len(cells), len(l.Cells))
			}
			csv := strings.Join(row, ",") + "\n"
			tb, err := loaders.ParseCSV(strings.NewReader(csv), l, loaders.Options{File: "row.csv", Convention: loaders.DotThousands})
			if err != nil {
				t.Fatalf("%s: %v", csv, err)
			}
			defer tb.Release()
			if got := strings.Join(tb.Frame.Names(), ","); got != strings.Join(cols, ",") || tb.Frame.NumRows() != 1 {
				t.Errorf("columns %s (%d rows), listed %s", got, tb.Frame.NumRows(), strings.Join(cols, ","))
			}
			// the columns listed get the values of the examples
			for i, c := range l.Cells {
				switch c.Kind {
				case loaders.Period:
					if s, e := tb.Frame.Col(c.Name).Int64s()[0], tb.Frame.Col(c.Aux).Int64s()[0]; s != 2011 || e != 2015 {
						t.Errorf("cell %d: period %d-%d", i+1, s, e)
					}
				case loaders.Count:
					if v := tb.Frame.Col(c.Name).Int64s()[0]; v != 159 {
						t.Errorf("cell %d: %d", i+1, v)
					}
				}
			}
		})
	}
}

// ExampleLayout_InputCells lists what a CSV row of the projects-plan
// layout holds: the period is one cell that fills two columns.
func ExampleLayout_InputCells() {
	for _, c := range loaders.ProjectsPlan.InputCells()[:5] {
		fmt.Printf("%d %s (%s) %q -> %s\n", c.Position, c.Kind, c.Unit, c.Example, strings.Join(c.Columns, ", "))
	}
	// Output:
	// 1 row number () "1" -> no
	// 2 text () "Sở Y tế" -> project
	// 3 text () "Sở Y tế" -> objective
	// 4 period (year) "2011-2015" -> period_start, period_end
	// 5 money (triệu đồng) "1250" -> total_mvnd
}

func ExampleLayout_Title() {
	fmt.Println(loaders.Computers.Title("vi"))
	fmt.Println(loaders.Computers.Title("en"))
	// Output:
	// Số lượng cán bộ, công chức và số máy tính
	// staff, computers, Internet and LAN computers, reported ratios
}
