package dxtext

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/internal/approx"
	"github.com/ictplan/ictplan/loaders"
)

// ErrUnplaced: figures whose columns can be read neither from their
// positions nor from the subtotals (no placement, or more than one, agrees
// with them).
var ErrUnplaced = loaders.NewSentinel("figures without a column", "số liệu không xác định được thuộc cột nào")

// Placement is a way to place the figures of some rows into columns: for
// each row, the column of each of its figures, in written order.
type Placement [][]int

// inferBudget bounds the partial placements InferColumns visits.
const inferBudget = 1 << 20

// InferColumns enumerates every placement of the figures of rows into n
// columns that keeps each row's figures in their written order (each
// figure in a column to the right of the one before) and makes each
// column add up to its subtotal: placed[c] (the figures already in column
// c) plus the figures placed there must equal subtotal[c] within tol[c]
// (tol nil: exact up to float rounding). A NaN subtotal leaves its column
// free. Columns without a figure of these rows stay empty (null), never 0.
//
// It returns the placements found, stopping after maxSolutions of them
// (0: all): a placement is inferred only when the enumeration ends with
// exactly one. It fails when the search would visit more than a million
// partial placements, and panics when placed, subtotal or tol (if given)
// do not have n entries (a programmer error).
func InferColumns(n int, placed, subtotal, tol []float64, rows [][]float64, maxSolutions int) ([]Placement, error) {
	budget := inferBudget
	return inferColumns(n, placed, subtotal, tol, rows, maxSolutions, &budget)
}

// inferColumns is InferColumns with a budget of visits shared by calls.
func inferColumns(n int, placed, subtotal, tol []float64, rows [][]float64, maxSolutions int, budget *int) ([]Placement, error) {
	if len(placed) != n || len(subtotal) != n || (tol != nil && len(tol) != n) {
		panic("loaders: InferColumns: placed, subtotal and tol need one entry per column")
	}
	sums := append([]float64(nil), placed...)
	tolOf := func(c int) float64 {
		if tol == nil {
			return 0
		}
		return tol[c]
	}
	// With no negative figure a column's sum only grows, so a partial
	// placement above a subtotal can be dropped at once.
	prune := true
	for _, r := range rows {
		for _, v := range r {
			if v < 0 || math.IsNaN(v) {
				prune = false
			}
		}
	}
	var out []Placement
	cur := make(Placement, len(rows))
	for i, r := range rows {
		if len(r) > n {
			return nil, nil // more figures than columns: no placement
		}
		cur[i] = make([]int, len(r))
	}
	done := false
	var errBudget error
	var rowRec func(r int)
	var pick func(r, j, from int)
	rowRec = func(r int) {
		if done {
			return
		}
		if r == len(rows) {
			for c := 0; c < n; c++ {
				if !math.IsNaN(subtotal[c]) && !approx.Equal(sums[c], subtotal[c], tolOf(c)) {
					return
				}
			}
			p := make(Placement, len(cur))
			for i := range cur {
				p[i] = append([]int(nil), cur[i]...)
			}
			out = append(out, p)
			if maxSolutions > 0 && len(out) >= maxSolutions {
				done = true
			}
			return
		}
		pick(r, 0, 0)
	}
	pick = func(r, j, from int) {
		if done {
			return
		}
		*budget--
		if *budget < 0 {
			errBudget = fmt.Errorf("%w: too many partial placements to try (more than %d)", ErrUnplaced, inferBudget)
			done = true
			return
		}
		row := rows[r]
		if j == len(row) {
			rowRec(r + 1)
			return
		}
		for c := from; c <= n-(len(row)-j); c++ {
			sums[c] += row[j]
			if !prune || math.IsNaN(subtotal[c]) || sums[c] <= subtotal[c]+tolOf(c)+1e-9*math.Max(1, math.Abs(subtotal[c])) {
				cur[r][j] = c
				pick(r, j+1, c+1)
			}
			sums[c] -= row[j]
			if done {
				return
			}
		}
	}
	rowRec(0)
	if errBudget != nil {
		return out, errBudget
	}
	return out, nil
}

// Infer places the figures of the items left unplaced by their positions:
// for each pillar, InferColumns enumerates the placements of those items'
// figures that agree with the pillar's reported subtotals (half a unit of
// the last digit they show), given the items already placed. A unique
// placement is taken (Assignment AssignInferred); no placement or several
// leave the items unplaced and are ErrUnplaced errors at their lines,
// which a reviewed transcription (AssignCurated) can settle.
func (t *DXTable) Infer() error {
	errs := loaders.NewErrorList(t.File)
	budget := 4 * inferBudget // for the whole table
	n := len(t.Columns)
	for _, p := range t.Pillars {
		var idx []int
		placed := make([]float64, n)
		for i, it := range t.Items {
			if it.Pillar != p.No {
				continue
			}
			if it.Assignment == "" && len(it.Unplaced) > 0 {
				idx = append(idx, i)
				continue
			}
			for c, a := range it.Amounts {
				if a.Set && c < n {
					placed[c] += a.Value
				}
			}
		}
		if len(idx) == 0 {
			continue
		}
		sub := make([]float64, n)
		tol := make([]float64, n)
		for c := range sub {
			sub[c] = math.NaN()
			if c < len(p.Values) {
				sub[c] = p.Values[c].Value
				tol[c] = 0.5 * math.Pow10(-p.Values[c].Decimals)
			}
		}
		rows := make([][]float64, len(idx))
		for k, i := range idx {
			for _, v := range t.Items[i].Unplaced {
				rows[k] = append(rows[k], v.Value)
			}
		}
		sols, err := inferColumns(n, placed, sub, tol, rows, 2, &budget)
		if err == nil && len(sols) == 1 {
			for k, i := range idx {
				it := &t.Items[i]
				it.Amounts = make([]DXAmount, n)
				for j, c := range sols[0][k] {
					it.Amounts[c] = DXAmount{Set: true, DXValue: it.Unplaced[j]}
				}
				it.Assignment = AssignInferred
			}
			continue
		}
		why := "no placement of their figures agrees with the subtotals"
		switch {
		case err != nil:
			why = err.Error()
		case len(sols) > 1:
			why = "more than one placement of their figures agrees with the subtotals"
		}
		codes := make([]string, len(idx))
		for k, i := range idx {
			codes[k] = itemLabel(t.Items[i])
		}
		for _, i := range idx {
			it := t.Items[i]
			texts := make([]string, len(it.Unplaced))
			for j, v := range it.Unplaced {
				texts[j] = v.Text
			}
			errs.Add(&loaders.Error{Line: it.ValueLine, Text: strings.Join(texts, " "), Err: ErrUnplaced,
				Expected: fmt.Sprintf("%d cells, each figure followed by one space (task %s); inferring from the subtotals of pillar %d at line %d failed: %s (tasks %s)",
					n, itemLabel(it), p.No, p.Line, why, strings.Join(codes, ", "))})
		}
	}
	for _, it := range t.Items {
		if it.Assignment == "" && len(it.Unplaced) > 0 && (it.Pillar < 1 || it.Pillar > len(t.Pillars)) {
			errs.Add(&loaders.Error{Line: it.ValueLine, Err: ErrUnplaced, Expected: "a pillar row whose subtotals place the figures"})
		}
	}
	return errs.Err()
}

func itemLabel(it DXItem) string {
	if it.Code != "" {
		return it.Code
	}
	return fmt.Sprintf("of pillar %d (unnumbered)", it.Pillar)
}
