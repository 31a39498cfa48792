// Package loaders turns the tables and figures of Vietnamese planning
// documents into frames: number and money parsing for the conventions the
// documents use (1.774 and 30.500.000.000 with dot thousands, 58,68% and
// 990,277 triệu with a decimal comma, 1,201 and 9,189,899,000 with comma
// thousands and 0.89308 with a decimal point), table extraction driven by a
// Layout (column names, kinds and count) from the text forms the sources
// come in and from CSV, and diagnostics that name file, line and the text
// found.
//
// A loader never guesses: a token that reads two ways with nothing in its
// table to decide is an ErrAmbiguousNumber, and a row with too few or too many
// cells is an ErrCellCount at the line where it starts. Problems are returned
// all at once (errors.Join), in line order, each an *Error that unwraps to a
// sentinel for errors.Is.
//
// The package knows table templates, not documents: which document holds
// which appendix is the business of package datasets. Templates read from
// another text form live in their own subpackage and register themselves
// (RegisterLayout, Layout.Read): loaders/dxtext reads the PDF text of the
// digital-transformation budget tables, with the rules of that document's
// spacing and the list of pillars. The exported helpers such a package
// needs — ErrorList, ErrorCause, IsBlank, IsDash, BareNumber, AppendixID,
// UnitLine, Clip, Layout.Validate — are this package's conventions, written
// once.
package loaders
