// Package budget computes what the budget tables of a plan say about money:
// the share of each pillar and of each funding source, the execution rate
// (spent / planned) by pillar and by source, the change of each pillar's
// budget from one plan to the next, the amount per year of plan of
// programmes of different lengths, and amounts in real terms (deflated with
// a CPI series such as the vn-cpi dataset).
//
// Every function takes Frames and returns a new Frame, long ("tidy": one row
// per pillar × source, ready for a stacked-bar chart) or wide (one row per
// pillar or per source). Each figure keeps the source_line of the row it
// comes from, or source_lines (the lines, comma-separated, of every row that
// adds up to it), so that it can be traced to the document. Output columns
// carry a Vietnamese label and a unit; the schema metadata names the dataset
// the figures were computed from (frame.MetaDataset), the function
// (frame.MetaDerivedFrom) and the formula (frame.MetaMethod).
//
// # Amount columns
//
// Which columns hold money, and of which funding source and phase, is read
// from the column names (the DESIGN.md convention: money is float64 million
// đồng in columns ending _mvnd):
//
//   - <phase>_<source>_mvnd, phase Planned or Spent: the amount of a source
//     at that phase (planned_local_mvnd, spent_invest_mvnd);
//   - <source>_mvnd with no phase prefix (NoPhase): the amount of a source in
//     a plan that has a single phase (local_mvnd in the 2024 plan,
//     invest_central_mvnd in the 2011–2015 programme);
//   - the stems "total" and "amount" are not sources: total_mvnd,
//     <phase>_total_mvnd, amount_mvnd and <phase>_mvnd are the amount of the
//     row itself ("row amount"). A reported total_mvnd next to source
//     columns is not used: the library adds the sources (reconciliation
//     compares the two).
//
// So the amount of a row at a phase is the sum of its source columns, or its
// row-amount column when the phase has no source columns. A table whose rows
// are the sources (soctrang-2023-dx-funding: source, planned_mvnd,
// spent_mvnd) is in "row form": the string column "source" names each row's
// source; its key is taken from the schema metadata "source_keys" (one key
// per row, comma-separated) when present, else it is the label itself.
//
// # Nulls
//
// An empty cell is unknown, never zero: a sum with a null part is null, a
// share of a null total is null, and a ratio whose denominator is 0 or null
// is null (Go's NaN is never written to a Frame). The rules are repeated on
// each function.
//
// The package does not read documents or know datasets (package datasets
// does) and does not draw charts; it does not correct figures: a reported
// ratio is shown next to the recomputed one, as reported.
package budget
