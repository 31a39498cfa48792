// Package datasets is ictplan's catalogue: the source documents, embedded
// byte for byte so that line numbers stay valid provenance, and the datasets
// parsed from them, each with a stable id, Vietnamese and English titles,
// province, period, document and appendix.
//
// Load(id) parses a dataset on first use and caches it; it is safe for
// concurrent use. Line(source, n) returns a source line, so that any
// figure can be traced to the text it came from. Claims(id) gives the
// totals a dataset's table reports; package checks reconciles a dataset's
// figures with each other and with the text. The package imports nothing
// of analysis: what the checks need beyond the Frames (DXTable,
// Indicators, Programmes) it gives as plain values.
package datasets
