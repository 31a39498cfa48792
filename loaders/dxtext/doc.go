// Package dxtext reads the budget tables of a provincial digital-
// transformation plan from the text of its PDF, where the columns were lost:
// layouts dx-results (a year's tasks by pillar, planned against spent by
// funding source) and dx-plan (the next year's tasks, by source with a
// total), the funding summary, and the list of pillars (Pillars,
// PillarKey).
//
// The figures of a row are placed by their spacing in the text (a figure
// is followed by one space, an empty cell leaves one or two); what the
// spacing cannot settle is inferred from the pillar subtotals, and only
// when one placement alone makes every column add up (InferColumns). These
// are the rules of one document's PDF text, which is why they live here
// and not in loaders, which knows table templates in general.
//
// The pillar rows, the grand total and the funding summary are claims,
// not rows: DXTable.Table returns them as loaders.Total values, each
// pillar's scoped to its tasks (Total.Group is the pillar, and the items
// Frame names its scope column under MetaScopeColumn), so that
// reconcile.Totals (ictplan parse --totals) checks every subtotal against
// its own rows.
//
// Importing the package registers its two layouts with loaders
// (loaders.LookupLayout, ictplan parse --layout dx-results).
package dxtext
