//go:build notebooks

// Package cellmod is the module a notebook cell is built in, as a file:
// notebooks/use-checkout copies its requirements and checksums into the
// module GoNB makes for each notebook, so that the go command finds every
// module a notebook may use already required, at the library's versions,
// with its checksum, and asks no one (not the module proxy, not the
// checksum database) while a notebook runs.
//
// The imports below are every package of the library a notebook may
// import, and the notebook display package; `go mod tidy` in this folder
// turns them into the requirements of go.mod. The build tag keeps this
// file out of every build: it is read only by the go command's module
// loader (and by the test in internal/notebookapi that keeps this list
// complete).
package cellmod

import (
	_ "github.com/ictplan/ictplan/analysis"
	_ "github.com/ictplan/ictplan/analysis/budget"
	_ "github.com/ictplan/ictplan/analysis/chart"
	_ "github.com/ictplan/ictplan/analysis/composite"
	_ "github.com/ictplan/ictplan/analysis/periods"
	_ "github.com/ictplan/ictplan/analysis/ratios"
	_ "github.com/ictplan/ictplan/analysis/reconcile"
	_ "github.com/ictplan/ictplan/checks"
	_ "github.com/ictplan/ictplan/datasets"
	_ "github.com/ictplan/ictplan/frame"
	_ "github.com/ictplan/ictplan/frame/gotaconv"
	_ "github.com/ictplan/ictplan/frame/ipcio"
	_ "github.com/ictplan/ictplan/frame/parquetio"
	_ "github.com/ictplan/ictplan/frame/xlsxio"
	_ "github.com/ictplan/ictplan/loaders"
	_ "github.com/ictplan/ictplan/loaders/docxinput"
	_ "github.com/ictplan/ictplan/loaders/dxtext"
	_ "github.com/ictplan/ictplan/loaders/pdfinput"
	_ "github.com/ictplan/ictplan/loaders/xlsxinput"
	_ "github.com/ictplan/ictplan/notebooks/display"
	_ "github.com/ictplan/ictplan/numtext"
	_ "github.com/ictplan/ictplan/reporting"
	_ "github.com/ictplan/ictplan/reporting/sections"
	_ "github.com/ictplan/ictplan/vntext"
)
