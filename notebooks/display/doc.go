// Package display shows ictplan values in a GoNB notebook cell with one call:
// a Frame as an HTML table, a chart as an image.
//
//	display.Show(f)     // *frame.Frame: its HTML() table
//	display.Show(chart) // a chart: its PNG() image (or SVG())
//
// It relies only on methods (HTML, PNG, SVG), never on ictplan's types, so the
// library's packages do not depend on GoNB and this package does not depend on
// the library. It lives in its own module, beside the notebooks, requiring
// github.com/janpfeifer/gonb at the version of the kernel that notebooks/run
// installs (the kernel and gonbui speak one protocol).
//
// Outside a notebook (a test, a program) Show writes a short text form to
// standard output instead, so code written in a notebook also runs as a
// program.
package display
