// Package checks reconciles the datasets of the catalogue: each dataset's
// reported totals against its rows, and the rules that only that dataset
// has — reported ratios against their columns, parts within their whole,
// the figures the document's text states about the tables, amounts in
// digits against the same amounts in words, copies of a figure or a table
// that a document repeats, the DTI formula and ranks, the indicators'
// restated figures and stated shares.
//
// The rules of each dataset live here, not with the data: package datasets
// reads the sources into Frames (and gives as plain values what only the
// reading knows), package analysis/reconcile holds the rules themselves
// (totals, ratios, parts, claims, pairs, copies), and this package, above
// both, says which rule applies to which dataset. Check(id) runs them on
// one dataset, CheckAll on all; findings are data, an error means a
// dataset could not be loaded.
//
// The name is the command's: `ictplan check all` prints what CheckAll
// returns, and the report lists it as the checks and their findings.
// "reconcile" names the rules themselves (analysis/reconcile), which know
// no dataset; this package knows every dataset and which rules it gets.
package checks
