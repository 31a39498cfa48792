package datasets

import (
	"embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// The 2023 results and 2024 plan of Sóc Trăng's digital transformation
// (source 004): Phụ lục 01 (dx-results) and Phụ lục 2 (dx-plan) of the
// draft plan. Both tables are read with their layouts; the figures of
// every row are placed from their positions in the text (assignment
// "layout"), which the pillar subtotals confirm (Check). The few text
// fields the reader cannot settle from the text alone (a title cut by a
// page break, a lead unit written on one line with the objective) come
// from the reviewed transcriptions in curated/, which say why.

const (
	dxSource = "soctrang-2024-dx-plan-draft-with-2023-results.txt"
	dxDoc    = "dự thảo kế hoạch chuyển đổi số năm 2024"
	dxConv   = "Phụ lục 01 and 2 write whole million đồng with a dot between thousands (18.970, 128.225) and \"-\" for zero; " +
		"no figure of the tables decides the convention alone (each dotted figure has three digits after the dot), " +
		"the text does: it writes the total 152.703 triệu đồng and spells it out as một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng (line 2632). " +
		"Some figures lack the dot (6900, line 3897; 1000, line 4266) and read the same."
	dxCurated2023 = "curated/soctrang-2023-dx-items.csv"
	dxCurated2024 = "curated/soctrang-2024-dx-items.csv"
)

//go:embed curated/soctrang-2023-dx-items.csv curated/soctrang-2024-dx-items.csv
var dxCuratedFS embed.FS

// dxRead reads one appendix of the 004 source once.
type dxRead struct {
	once sync.Once
	t    *dxtext.DXTable
	err  error
}

var dxResultsRead, dxPlanRead dxRead

// dxTable returns the parsed table of an appendix, with its reviewed
// transcriptions applied and the figures of every row placed. It is
// shared read-only by the datasets of that appendix.
func dxTable(r *dxRead, l loaders.Layout, appendix, curated string) (*dxtext.DXTable, error) {
	r.once.Do(func() {
		text, err := SourceText(dxSource)
		if err != nil {
			r.err = err
			return
		}
		t, err := dxtext.ReadDX(text, l, loaders.Options{File: dxSource, Appendix: appendix, Convention: loaders.DotThousands})
		if err != nil {
			r.err = err
			return
		}
		recs, err := dxCuratedRecords(curated)
		if err != nil {
			r.err = err
			return
		}
		if err := dxApplyCurated(t, curated, recs); err != nil {
			r.err = err
			return
		}
		if err := t.Infer(); err != nil {
			r.err = err
			return
		}
		r.t = t
	})
	return r.t, r.err
}

// dxCurated is one reviewed transcription: the value of one field of the
// item that starts at Line, as the source writes it, and why it is needed.
type dxCurated struct {
	Line    int // the item's source_line
	Code    string
	Column  string
	Value   string
	Comment string
	at      int // line of the record in the CSV file
}

// dxCuratedRecords reads a transcription file: CSV with the header
// source_line,code,column,value,comment; lines starting with # are
// comments.
func dxCuratedRecords(file string) ([]dxCurated, error) {
	b, err := dxCuratedFS.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return dxParseCurated(file, b)
}

func dxParseCurated(file string, b []byte) ([]dxCurated, error) {
	recs, err := readCuratedCSV(b, file, []string{frame.ColSourceLine, "code", "column", "value", "comment"})
	if err != nil {
		return nil, fmt.Errorf("datasets: %w", err)
	}
	out := make([]dxCurated, 0, len(recs))
	for _, r := range recs {
		rec := r.f
		line, err := strconv.Atoi(rec[0])
		if err != nil {
			return nil, fmt.Errorf("datasets: %s:%d: source_line %q is not a line number", file, r.line, rec[0])
		}
		if strings.TrimSpace(rec[4]) == "" {
			return nil, fmt.Errorf("datasets: %s:%d: a transcription needs a comment saying why", file, r.line)
		}
		out = append(out, dxCurated{Line: line, Code: rec[1], Column: rec[2], Value: rec[3], Comment: rec[4], at: r.line})
	}
	return out, nil
}

// dxApplyCurated applies reviewed transcriptions to the items. A text
// field replaces what the reader found; amount columns replace all the
// figures of the item (the columns not listed are empty) and make its
// assignment "curated". Every field the reader left unsure must be
// settled by a transcription, and every transcription must find its item.
func dxApplyCurated(t *dxtext.DXTable, file string, recs []dxCurated) error {
	money := map[string]int{}
	for i, c := range t.Columns {
		money[c] = i
	}
	var errs []error
	amounts := map[int][]dxtext.DXAmount{}
	settled := map[int]map[string]bool{}
	for _, rec := range recs {
		k := -1
		for i, it := range t.Items {
			if it.Line == rec.Line {
				k = i
			}
		}
		if k < 0 || t.Items[k].Code != rec.Code {
			errs = append(errs, fmt.Errorf("datasets: %s:%d: no task %q starts at line %d of %s", file, rec.at, rec.Code, rec.Line, dxSource))
			continue
		}
		it := &t.Items[k]
		if settled[k] == nil {
			settled[k] = map[string]bool{}
		}
		if settled[k][rec.Column] {
			errs = append(errs, fmt.Errorf("datasets: %s:%d: %s of task %s twice", file, rec.at, rec.Column, rec.Code))
		}
		settled[k][rec.Column] = true
		value := loaders.CleanText(rec.Value)
		if c, ok := money[rec.Column]; ok {
			if amounts[k] == nil {
				amounts[k] = make([]dxtext.DXAmount, len(t.Columns))
			}
			if value == "" {
				continue
			}
			a, err := loaders.ParseAmount(value, t.Convention, t.MoneyUnit, true)
			if err != nil {
				errs = append(errs, fmt.Errorf("datasets: %s:%d: %w", file, rec.at, err))
				continue
			}
			amounts[k][c] = dxtext.DXAmount{Set: true, DXValue: dxtext.DXValue{Text: value, Value: a.Million, Line: it.ValueLine, Decimals: a.Decimals}}
			continue
		}
		switch rec.Column {
		case "task":
			it.Task = value
		case "note":
			it.Note = value
		case "status":
			it.Status = value
		case "lead_unit":
			it.LeadUnit = value
		case "period":
			it.Period = value
		default:
			errs = append(errs, fmt.Errorf("datasets: %s:%d: unknown column %q", file, rec.at, rec.Column))
		}
	}
	for k, a := range amounts {
		t.Items[k].Amounts = a
		t.Items[k].Assignment = dxtext.AssignCurated
		t.Items[k].Unplaced = nil
	}
	for k := range t.Items {
		it := &t.Items[k]
		var left []string
		for _, u := range it.Unsure {
			field, _, _ := strings.Cut(u, ":")
			if !settled[k][field] {
				left = append(left, u)
			}
		}
		it.Unsure = nil
		for _, u := range left {
			errs = append(errs, fmt.Errorf("datasets: %s line %d, task %s: %s: needs a reviewed transcription in %s", dxSource, it.Line, it.Code, u, file))
		}
	}
	return errors.Join(errs...)
}

// dxEntryMeta is the schema metadata of a 004 dataset.
func dxEntryMeta(e Entry, curated string) map[string]string {
	m := e.meta()
	m["number_convention_note"] = e.ConventionNote
	if curated != "" {
		m["curated_file"] = "datasets/" + curated
	}
	return m
}

// dxGrandTotal returns the claims Frame of a table's "TỔNG CỘNG" row.
func dxGrandTotal(e Entry, t *dxtext.DXTable) (*frame.Frame, error) {
	tab := &loaders.Table{}
	if tot, ok := t.GrandTotal(); ok {
		tab.Totals = []loaders.Total{tot}
	}
	meta := e.meta()
	meta[frame.MetaTitle] = "Số liệu tổng cộng báo cáo: " + e.TitleVI
	return tab.TotalsFrame(meta)
}

// dxAssignmentNote says how the rows' figures were placed.
func dxAssignmentNote(t *dxtext.DXTable) string {
	counts := t.Assignments()
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%d", k, counts[k])
	}
	return strings.Join(parts, ", ")
}

// dxItemsFrame is the items Frame of a table, with provenance.
func dxItemsFrame(e Entry, t *dxtext.DXTable, curated string) (*frame.Frame, error) {
	meta := dxEntryMeta(e, curated)
	meta["assignments"] = dxAssignmentNote(t)
	return t.ItemsFrame(loaders.Options{Meta: meta})
}
