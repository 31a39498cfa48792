package datasets

import (
	"fmt"
	"sync"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

type cached struct {
	once   sync.Once
	data   *frame.Frame
	claims *frame.Frame
	err    error
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*cached{}
)

func entryCache(id string) *cached {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	c, ok := cache[id]
	if !ok {
		c = &cached{}
		cache[id] = c
	}
	return c
}

// Load returns the dataset of that id. It is parsed from its embedded
// source on first use and cached; Load is safe for concurrent use. The
// caller owns the returned Frame (Release it when done; with the default
// allocator forgetting costs nothing): it shares the cached columns but not
// their reference count, so a caller's Release — even one too many —
// never frees what later Loads of the id return.
func Load(id string) (*frame.Frame, error) {
	f, _, err := load(id)
	if err != nil {
		return nil, err
	}
	return f.Share(), nil
}

// MustLoad is Load for notebooks and examples: it panics on error.
func MustLoad(id string) *frame.Frame {
	f, err := Load(id)
	if err != nil {
		panic(err)
	}
	return f
}

// Claims returns the reported totals of a dataset ("TỔNG CỘNG" rows and the
// like) as a claims Frame (frame.ClaimFields), one row per reported figure.
// They are not data rows. The caller owns the returned Frame (a share of
// the cached one, as Load's).
func Claims(id string) (*frame.Frame, error) {
	_, c, err := load(id)
	if err != nil {
		return nil, err
	}
	return c.Share(), nil
}

func load(id string) (*frame.Frame, *frame.Frame, error) {
	e, err := Lookup(id)
	if err != nil {
		return nil, nil, err
	}
	c := entryCache(id)
	c.once.Do(func() { c.data, c.claims, c.err = parse(e) })
	return c.data, c.claims, c.err
}

// parse builds a dataset and its claims: with the entry's own builder, or
// with its layout from its appendix.
func parse(e Entry) (data, claims *frame.Frame, err error) {
	if e.build != nil {
		data, claims, err = e.build(e)
		if err != nil {
			return nil, nil, fmt.Errorf("datasets: %s: %w", e.ID, err)
		}
	} else {
		data, claims, err = parseAppendix(e)
		if err != nil {
			return nil, nil, err
		}
	}
	if e.Rows > 0 && data.NumRows() != e.Rows {
		data.Release()
		claims.Release()
		return nil, nil, fmt.Errorf("datasets: %s: built %d rows, the catalogue says %d", e.ID, data.NumRows(), e.Rows)
	}
	return data, claims, nil
}

func parseAppendix(e Entry) (*frame.Frame, *frame.Frame, error) {
	cells, err := sourceCells(e.Source)
	if err != nil {
		return nil, nil, err
	}
	l, err := loaders.LookupLayout(e.Layout)
	if err != nil {
		return nil, nil, err
	}
	t, err := loaders.ParseCells(cells, l, loaders.Options{
		File: e.Source, Appendix: e.appendixID, Convention: e.Convention,
		Meta: e.meta(),
	})
	if err != nil {
		return nil, nil, fmt.Errorf("datasets: %s: %w", e.ID, err)
	}
	claims, err := claimsFrame(e, t)
	if err != nil {
		t.Release()
		return nil, nil, err
	}
	return t.Frame, claims, nil
}

func (e Entry) meta() map[string]string {
	m := map[string]string{
		frame.MetaDataset: e.ID, frame.MetaTitle: e.TitleVI, frame.MetaTitleEN: e.TitleEN,
		frame.MetaProvince: e.Province, frame.MetaPeriod: e.Period, frame.MetaSourceFile: e.Source,
		frame.MetaDocument: e.Document, frame.MetaDocumentDate: e.DocumentDate,
		frame.MetaLayout: e.Layout, "number_convention_note": e.ConventionNote,
	}
	if e.Appendix != "" {
		m[frame.MetaAppendix] = e.Appendix
	}
	return m
}

func claimsFrame(e Entry, t *loaders.Table) (*frame.Frame, error) {
	meta := e.meta()
	meta[frame.MetaTitle] = "Số liệu tổng cộng báo cáo: " + e.TitleVI
	return t.TotalsFrame(meta)
}

type splitSource struct {
	once  sync.Once
	cells []loaders.Cell
	err   error
}

var splitSources sync.Map // file -> *splitSource

// sourceCells splits a source into cells once; the cells are shared
// read-only by the datasets of that source.
func sourceCells(file string) ([]loaders.Cell, error) {
	v, _ := splitSources.LoadOrStore(file, &splitSource{})
	s := v.(*splitSource)
	s.once.Do(func() {
		text, err := SourceText(file)
		if err != nil {
			s.err = err
			return
		}
		s.cells, s.err = loaders.SplitCells(file, text)
	})
	return s.cells, s.err
}
