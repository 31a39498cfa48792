// Package reconcile checks the figures of a document against each other:
// reported totals against the sum of their rows, reported ratios against
// ratios recomputed from their parts, parts against their whole inside a
// row, and claims of the text against the tables they summarise.
//
// A check never corrects a figure. Where the sources disagree the result is
// a Finding that names the dataset, the rule, the row, the column, both
// figures and the source line; the data stay as reported. Tolerances come
// from the precision the source wrote a figure with (a ratio written with
// five decimals may be off by half a unit of the fifth), never from a wish
// to make a finding go away.
//
// The package works on Frames and knows no document: which rules apply to
// which dataset is the catalogue's business (package datasets).
package reconcile
