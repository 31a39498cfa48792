package budget

import (
	"fmt"

	"github.com/ictplan/ictplan/frame"
)

// Grouping says what Shares and Execution group a budget Frame's amounts by.
type Grouping int

const (
	// ByPillar gives one row per pillar (row of the Frame, in its order).
	ByPillar Grouping = iota
	// BySource gives one row per funding source (local, central, invest,
	// other), summed over the pillars.
	BySource
	// ByPillarSource gives one row per pillar and source: the long form,
	// for a stacked chart.
	ByPillarSource
)

// String names the grouping.
func (g Grouping) String() string {
	switch g {
	case ByPillar:
		return "by pillar"
	case BySource:
		return "by source"
	case ByPillarSource:
		return "by pillar and source"
	}
	return fmt.Sprintf("Grouping(%d)", int(g))
}

// Shares returns the amounts of f at the phase (Planned, Spent, or NoPhase
// for a plan without phases) grouped by, and each group's share of the
// total:
//
//	amount_mvnd = Σ of the group's cells
//	share       = amount_mvnd / Σ amount_mvnd of all groups
//
// ByPillar: one row per pillar (row of f, in f's order) with pillar_no,
// pillar, pillar_key (the English key from the pillar_keys metadata; null
// when there is none), amount_mvnd, share, source_line; a null cell makes
// the pillar's amount null, and then the total and every share are null.
// BySource: one row per funding source with the columns of f, in f's order:
// source (local, central, invest, other), source_vi, amount_mvnd, share;
// a source's amount is null when any pillar's cell is. ByPillarSource: one
// row per pillar and source (pillar_no, pillar, pillar_key, source,
// source_vi, amount_mvnd, share of the whole, source_line). A total of 0
// makes every share null. f needs pillar_no (int64) and pillar (text)
// columns; an empty f gives an empty Frame.
func Shares(f *frame.Frame, by Grouping, phase string) (*frame.Frame, error) {
	switch by {
	case ByPillar:
		return sharesByPillar(f, phase)
	case BySource:
		return sharesBySource(f, phase)
	case ByPillarSource:
		return sharesByPillarSource(f, phase)
	}
	return nil, fmt.Errorf("budget: Shares: unknown grouping %d", int(by))
}

// Execution returns the planned and spent amounts of f grouped by, and the
// execution rate of each group:
//
//	rate = spent_mvnd / planned_mvnd
//
// a ratio (0.84375, not 84.4), summed before dividing: the rate of a group
// is its total spent over its total planned, never a mean of rates. The
// rate is null when planned_mvnd is 0 (nothing was planned: spending
// against it has no rate) or when either amount is null; an amount is null
// when any of its cells is. ByPillar: pillar_no, pillar, pillar_key,
// planned_mvnd, spent_mvnd, rate, source_line, one row per pillar in f's
// order. BySource: source, source_vi, planned_mvnd, spent_mvnd, rate, one
// row per funding source. ByPillarSource: one row per pillar and source.
// f needs planned_<source>_mvnd and spent_<source>_mvnd columns.
func Execution(f *frame.Frame, by Grouping) (*frame.Frame, error) {
	switch by {
	case ByPillar:
		return executionByPillar(f)
	case BySource:
		return executionBySource(f)
	case ByPillarSource:
		return executionByPillarSource(f)
	}
	return nil, fmt.Errorf("budget: Execution: unknown grouping %d", int(by))
}
