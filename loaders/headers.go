package loaders

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ictplan/ictplan/vntext"
)

// A table from another province has the measures of a layout in another
// order, with columns of its own and headers of one or two rows. Its
// columns are found by their header text: MatchHeaders.

// ColumnMatch is how the columns of a table were matched to a layout by
// their headers.
type ColumnMatch struct {
	// HeaderLines are the lines (rows) of the header that was matched.
	HeaderLines []int
	// Cells has one entry per cell of the layout, in the layout's order.
	Cells []MatchedCell
	// Extra are the table's columns that match no cell of the layout; they
	// are kept as text columns named extra_1, extra_2 …
	Extra []MatchedCell
	// Reordered reports whether the table's columns are in another order
	// than the layout's (or hold extra columns or lack optional ones).
	Reordered bool
	inPlace   bool // every cell matched is in its own column
}

// MatchedCell is a column of the table and the cell of the layout it holds.
type MatchedCell struct {
	Cell   string // the layout cell's name ("" for an extra column)
	Column int    // 1-based column of the table; 0: the table lacks it
	Header string // the header text found there
	// Key is the key a column of a matrix table (Layout.Matrix) holds
	// the figures of, read from its header ("2022"); "" for other columns.
	Key string
}

// String lists the matching, one column a line, as `ictplan parse
// --explain` prints it.
func (m *ColumnMatch) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "header at line %s\n", joinInts(m.HeaderLines, ", "))
	for _, c := range m.Cells {
		if c.Column == 0 {
			fmt.Fprintf(&b, "  %-30s (absent: null)\n", c.Cell)
			continue
		}
		fmt.Fprintf(&b, "  %-30s column %d %q\n", c.Cell, c.Column, c.Header)
	}
	for _, c := range m.Extra {
		if c.Key != "" {
			fmt.Fprintf(&b, "  %-30s column %d %q (the figures of %s, read long)\n", c.Cell, c.Column, c.Header, c.Key)
			continue
		}
		fmt.Fprintf(&b, "  %-30s column %d %q (kept as text)\n", c.Cell, c.Column, c.Header)
	}
	return b.String()
}

func joinInts(v []int, sep string) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, sep)
}

// ErrHeaders: a table's header names the layout's columns only in part, or
// names one of them twice.
var ErrHeaders = NewSentinel("columns not matched by their headers", "không nhận ra các cột của bố cục qua tiêu đề của bảng")

// MatchHeaders finds the header of a table (a row, or two rows whose
// texts are joined column by column, a merged parent cell covering the
// columns under it) among its first rows and matches each header text to
// a cell of the layout: the texts folded (case, diacritics and
// punctuation ignored, a unit in parentheses dropped), each cell known by
// its LabelVI and its Headers; an exact match first, then a header that
// contains a cell's words in order. A ratio cell matches only a header
// that says "tỷ lệ" or "%", a count or amount only one that does not.
//
// It returns nil when the table is to be read by position: no row reads as
// a header of the layout (fewer cells matched than half of the required ones),
// or the header agrees with the layout's order wherever it names a cell
// and the table has no column more. It returns an ErrHeaders error naming
// what was found when a header puts cells in other columns but a required
// cell has no column, or two columns match one cell.
func MatchHeaders(records [][]Cell, l Layout) (*ColumnMatch, error) {
	var best *ColumnMatch
	var bestErr error
	bestScore := 0
	limit := min(len(records), 25)
	for r := 0; r < limit; r++ {
		if !hasText(records[r]) {
			continue
		}
		next := -1
		for n := r + 1; n < limit; n++ {
			if hasText(records[n]) {
				next = n
				break
			}
		}
		cands := [][]int{{r}}
		if next >= 0 {
			cands = append(cands, []int{r, next})
		}
		for _, rows := range cands {
			heads := headerTexts(records, rows)
			m, matched, err := matchColumns(heads, l)
			if matched > bestScore {
				best, bestErr, bestScore = m, err, matched
				if m != nil {
					for _, i := range rows {
						m.HeaderLines = append(m.HeaderLines, lineOf(records[i]))
					}
				}
			}
		}
	}
	required := 0
	for _, c := range l.Cells {
		if !c.Optional {
			required++
		}
	}
	switch {
	case bestScore*2 < required:
		return nil, nil
	case best.inPlace && (bestErr != nil || !best.Reordered):
		// Where the header speaks it agrees with the layout's order
		// (abbreviated or repeated headers such as "LAN" over a count
		// and a ratio): read by position.
		return nil, nil
	}
	if bestErr == nil {
		best.keepUnheaded(records)
	}
	return best, bestErr
}

// keepUnheaded adds to Extra the columns that have no header text (under
// a merged header cell that covers them, or none) but hold text in a row
// below the header, so that no figure of the table is left out unseen.
func (m *ColumnMatch) keepUnheaded(records [][]Cell) {
	used := map[int]bool{}
	for _, c := range m.Cells {
		used[c.Column] = true
	}
	for _, c := range m.Extra {
		used[c.Column] = true
	}
	last := 0
	if len(m.HeaderLines) > 0 {
		last = m.HeaderLines[len(m.HeaderLines)-1]
	}
	var add []int
	for _, r := range records {
		if lineOf(r) <= last {
			continue
		}
		for k, c := range r {
			if c.Text != "" && !used[k+1] {
				used[k+1] = true
				add = append(add, k+1)
			}
		}
	}
	if len(add) == 0 {
		return
	}
	sort.Ints(add)
	for _, col := range add {
		m.Extra = append(m.Extra, MatchedCell{Column: col})
	}
	sort.SliceStable(m.Extra, func(i, j int) bool { return m.Extra[i].Column < m.Extra[j].Column })
	for i := range m.Extra {
		m.Extra[i].Cell = fmt.Sprintf("extra_%d", i+1)
	}
	m.Reordered = true
}

func hasText(cells []Cell) bool {
	for _, c := range cells {
		if c.Text != "" {
			return true
		}
	}
	return false
}

func lineOf(cells []Cell) int {
	for _, c := range cells {
		if c.Line > 0 {
			return c.Line
		}
	}
	return 0
}

// headerTexts joins the texts of header rows column by column; a cell of
// an upper row covers the empty cells after it that have text below (a
// merged parent such as "Trong đó" over two columns).
func headerTexts(records [][]Cell, rows []int) []string {
	width := 0
	for _, r := range rows {
		width = max(width, len(records[r]))
	}
	out := make([]string, width)
	for i, r := range rows {
		parent := ""
		for c := 0; c < width; c++ {
			t := ""
			if c < len(records[r]) {
				t = records[r][c].Text
			}
			below := i+1 < len(rows) && c < len(records[rows[i+1]]) && records[rows[i+1]][c].Text != ""
			switch {
			case t != "":
				parent = t
			case below && parent != "":
				t = parent
			default:
				parent = ""
			}
			if t != "" {
				out[c] = strings.TrimSpace(out[c] + " " + t)
			}
		}
	}
	return out
}

var (
	parenRe = regexp.MustCompile(`\([^)]*\)`)
	punctRe = regexp.MustCompile(`[^a-z0-9 ]+`)
)

// headerWords folds a header text into its words: "Kinh phí (triệu đồng)"
// is [kinh phi]. The words of a text are kept (up to maxHeaderCache
// texts): every layout tried on a table matches its labels against the
// same header rows again. The slice returned is shared: do not change it.
func headerWords(s string) []string {
	headerCache.Lock()
	w, ok := headerCache.m[s]
	headerCache.Unlock()
	if ok {
		return w
	}
	f := vntext.Fold(parenRe.ReplaceAllString(s, " "))
	w = strings.Fields(punctRe.ReplaceAllString(f, " "))
	headerCache.Lock()
	if len(headerCache.m) < maxHeaderCache {
		headerCache.m[s] = w
	}
	headerCache.Unlock()
	return w
}

// maxHeaderCache bounds the texts headerWords keeps.
const maxHeaderCache = 4096

var headerCache = struct {
	sync.Mutex
	m map[string][]string
}{m: map[string][]string{}}

// matchScore scores header words h against a cell's texts: 100 for the
// same words, 50 + n for a header holding the n words of a text in order,
// 0 for none.
func matchScore(h []string, spec CellSpec) int {
	if len(h) == 0 {
		return 0
	}
	joined := " " + strings.Join(h, " ") + " "
	ratioHeader := strings.Contains(joined, " ty le ") || strings.Contains(joined, " % ")
	if (spec.Kind == Ratio) != ratioHeader && spec.Kind != Text && spec.Kind != RowNumber {
		return 0
	}
	best := 0
	for _, t := range append([]string{spec.LabelVI}, spec.Headers...) {
		w := headerWords(t)
		if len(w) == 0 {
			continue
		}
		phrase := " " + strings.Join(w, " ") + " "
		switch {
		case phrase == joined:
			return 100
		case strings.Contains(joined, phrase):
			best = max(best, 50+len(w))
		case len(w) >= 2 && allWords(h, w):
			// the words in another order: a measure over its children,
			// "Kết nối Internet" over "Tỷ lệ", joins as "ket noi
			// internet ty le" for "Tỷ lệ kết nối Internet"
			best = max(best, 30+len(w))
		}
	}
	return best
}

// allWords reports whether every word of w is among h.
func allWords(h, w []string) bool {
	have := map[string]int{}
	for _, x := range h {
		have[x]++
	}
	for _, x := range w {
		if have[x] == 0 {
			return false
		}
		have[x]--
	}
	return true
}

// matchColumns assigns the header texts to the layout's cells, best
// scores first. It returns the number of cells matched.
func matchColumns(heads []string, l Layout) (*ColumnMatch, int, error) {
	type pair struct{ cell, col, score int }
	var pairs []pair
	words := make([][]string, len(heads))
	for c, h := range heads {
		words[c] = headerWords(h)
	}
	for k, spec := range l.Cells {
		for c := range heads {
			if s := matchScore(words[c], spec); s > 0 {
				pairs = append(pairs, pair{k, c, s})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	cellCol := make([]int, len(l.Cells))
	for k := range cellCol {
		cellCol[k] = -1
	}
	colCell := make([]int, len(heads))
	for c := range colCell {
		colCell[c] = -1
	}
	var clash []string
	won := make([]int, len(l.Cells)) // the score a cell was matched with
	for _, p := range pairs {
		switch {
		case cellCol[p.cell] < 0 && colCell[p.col] < 0:
			cellCol[p.cell], colCell[p.col], won[p.cell] = p.col, p.cell, p.score
		case cellCol[p.cell] >= 0 && colCell[p.col] < 0 && p.score == won[p.cell]:
			// two columns as good for one cell
			clash = append(clash, fmt.Sprintf("%s: columns %d %q and %d %q", l.Cells[p.cell].Name, cellCol[p.cell]+1, heads[cellCol[p.cell]], p.col+1, heads[p.col]))
		}
	}
	m := &ColumnMatch{inPlace: true}
	matched := 0
	var missing []string
	for k, spec := range l.Cells {
		mc := MatchedCell{Cell: spec.Name}
		if c := cellCol[k]; c >= 0 {
			mc.Column, mc.Header = c+1, heads[c]
			matched++
			if c != k {
				m.Reordered, m.inPlace = true, false
			}
		} else {
			m.Reordered = true
			if !spec.Optional {
				missing = append(missing, fmt.Sprintf("%s (%q)", spec.Name, spec.LabelVI))
			}
		}
		m.Cells = append(m.Cells, mc)
	}
	for c, h := range heads {
		if colCell[c] < 0 && h != "" {
			m.Extra = append(m.Extra, MatchedCell{Cell: fmt.Sprintf("extra_%d", len(m.Extra)+1), Column: c + 1, Header: h})
			m.Reordered = true
		}
	}
	if len(missing) > 0 || len(clash) > 0 {
		var found []string
		for c, h := range heads {
			if h != "" {
				found = append(found, fmt.Sprintf("%d %q", c+1, h))
			}
		}
		msg := ""
		if len(missing) > 0 {
			msg = "no column for " + strings.Join(missing, ", ")
		}
		if len(clash) > 0 {
			msg = strings.TrimPrefix(msg+"; two columns for one cell: "+strings.Join(clash, "; "), "; ")
		}
		return m, matched, fmt.Errorf("%w (layout %s): %s; the header's columns are %s", ErrHeaders, l.Name, msg, strings.Join(found, ", "))
	}
	return m, matched, nil
}

// Apply returns the layout extended with the extra columns (text cells
// extra_1 … labelled by their header) and the records with their cells in
// the layout's order, the extra columns after them, an absent optional
// cell empty.
func (m *ColumnMatch) Apply(records [][]Cell, l Layout) (Layout, [][]Cell) {
	out := l
	out.Cells = append(append([]CellSpec{}, l.Cells...), make([]CellSpec, 0, len(m.Extra))...)
	for _, e := range m.Extra {
		out.Cells = append(out.Cells, CellSpec{Kind: Text, Name: e.Cell, LabelVI: e.Header, Optional: true})
	}
	cols := make([]MatchedCell, 0, len(m.Cells)+len(m.Extra))
	cols = append(append(cols, m.Cells...), m.Extra...)
	recs := make([][]Cell, len(records))
	for i, r := range records {
		line := lineOf(r)
		nr := make([]Cell, len(cols))
		for k, c := range cols {
			nr[k] = Cell{Line: line}
			if c.Column > 0 && c.Column <= len(r) {
				nr[k] = r[c.Column-1]
			}
		}
		// A label of a total row or a section heading written in a
		// column that moved keeps the first place.
		if t := firstText(r); t != "" && (isTotalLabel(t, l) || isMeanLabel(t, l) || isSection(t)) && firstText(nr) != t {
			nr = append([]Cell{{Line: line, Text: t}}, make([]Cell, len(cols)-1)...)
			for k := 1; k < len(cols); k++ {
				nr[k] = Cell{Line: line}
				if c := cols[k]; c.Column > 0 && c.Column <= len(r) && r[c.Column-1].Text != t {
					nr[k] = r[c.Column-1]
				}
			}
		}
		recs[i] = nr
	}
	return out, recs
}

func firstText(cells []Cell) string {
	for _, c := range cells {
		if c.Text != "" {
			return c.Text
		}
	}
	return ""
}
