// Package numtext reads numbers as documents write them.
//
// Vietnamese official documents write 30.500.000.000 and 58,68 (a dot
// between thousands, a decimal comma: DotThousands); English-language
// sources and many spreadsheets write 9,189,899,000 and 0.89308
// (CommaThousands); programs write 1234.5 (Plain: a decimal point, no
// grouping, as a spreadsheet stores a number cell). A token such as 1.774
// reads two ways; ParseNumber refuses it with ErrAmbiguousNumber unless the
// convention is known, and Evidence tells what a token says about the
// convention of its table, so that a reader can decide a table's
// convention from its unambiguous tokens (see package loaders).
//
// Values are read exactly as decimal digits (Decimal) and rounded once to
// float64; a whole number is an int64.
package numtext
