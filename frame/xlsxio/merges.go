package xlsxio

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"
)

// checkMerges returns a *CellError (ErrHiddenValue) for the first cell, in
// row then column order, that holds a value in a merged range without
// being its top-left cell, with the number of such cells. It sweeps the
// rows once: the ranges open at a row are counted on the columns they
// cover (a Fenwick tree over the 16384 columns), so that it takes
// O((cells + ranges) log columns) whatever the ranges, overlapping or
// not.
func (cr *cellReader) checkMerges() error {
	var ms []rect
	for _, m := range cr.merges {
		if m.c1 != m.c2 || m.r1 != m.r2 { // a range of one cell hides nothing
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 || len(cr.cells) == 0 {
		return nil
	}
	byStart := append([]rect(nil), ms...)
	sort.Slice(byStart, func(i, j int) bool { return byStart[i].r1 < byStart[j].r1 })
	byEnd := ms
	sort.Slice(byEnd, func(i, j int) bool { return byEnd[i].r2 < byEnd[j].r2 })
	corners := map[[2]int]int{} // top-left cells of the open ranges -> how many
	var tree fenwick
	open, closed := 0, 0
	var first *SheetCell
	hidden := 0
	for i := range cr.cells {
		c := &cr.cells[i]
		for open < len(byStart) && byStart[open].r1 <= c.Row {
			m := byStart[open]
			tree.add(m.c1, 1)
			tree.add(m.c2+1, -1)
			corners[[2]int{m.r1, m.c1}]++
			open++
		}
		for closed < len(byEnd) && byEnd[closed].r2 < c.Row {
			m := byEnd[closed]
			if m.r1 <= c.Row { // opened already (r1 <= r2 < row)
				tree.add(m.c1, -1)
				tree.add(m.c2+1, 1)
				if corners[[2]int{m.r1, m.c1}]--; corners[[2]int{m.r1, m.c1}] == 0 {
					delete(corners, [2]int{m.r1, m.c1})
				}
			}
			closed++
		}
		if tree.sum(c.Col) > corners[[2]int{c.Row, c.Col}] {
			if first == nil {
				first = c
			}
			hidden++
		}
	}
	if first == nil {
		return nil
	}
	var in rect
	for _, m := range ms {
		if first.Row >= m.r1 && first.Row <= m.r2 && first.Col >= m.c1 && first.Col <= m.c2 && (first.Row != m.r1 || first.Col != m.c1) {
			in = m
			break
		}
	}
	more := ""
	if hidden > 1 {
		more = fmt.Sprintf(" (and %d more cells of merged ranges hold values)", hidden-1)
	}
	return &CellError{Sheet: cr.sheet, Cell: first.Ref(), Text: first.Value,
		Err: fmt.Errorf("%w: %s is inside the merged range %s, which shows only %s%s", ErrHiddenValue, first.Ref(), in, cellName(in.c1, in.r1), more)}
}

// fenwick is a Fenwick tree over the columns of a sheet: add(c, d) adds d
// to the columns from c on, sum(c) is what column c has.
type fenwick [excelize.MaxColumns + 2]int

func (f *fenwick) add(c, d int) {
	for ; c < len(f); c += c & -c {
		f[c] += d
	}
}

func (f *fenwick) sum(c int) int {
	s := 0
	for ; c > 0; c -= c & -c {
		s += f[c]
	}
	return s
}
