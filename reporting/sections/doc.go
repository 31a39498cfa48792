// Package sections builds the analysis sections of ictplan's report from the
// embedded datasets: computers and IT staff by unit in 2010 (ratios, ranks,
// the 2015 target), the digital-transformation budgets of 2023 and 2024
// (shares, execution, change, plans per year in nominal and real terms),
// indicators across 2010–2024 (baseline, target, actual), and the provinces of
// the sources compared (per capita, a composite index, its sensitivity to the
// weights, and the 2025 provinces).
//
// Each builder returns a reporting.Section: its charts (analysis/chart, PNG and
// SVG), its tables (Frames with their source lines) and the provenance of
// every figure, so that `ictplan report`, a notebook or a researcher's program
// shows the same analysis. The formulas live in the analysis packages
// (ratios, budget, periods, composite); this package only chooses the datasets,
// the measures and the words.
package sections
