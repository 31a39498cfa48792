// Command ictplan reads the figures of Vietnamese provincial IT-application
// and digital-transformation plans: it lists, shows and exports the
// datasets, checks their figures against each other, parses a user's own
// table with a layout, and writes a report.
//
//	ictplan datasets                      # id <TAB> rows <TAB> title
//	ictplan show ID [--limit N]           # aligned table, Vietnamese number format
//	ictplan export ID --format csv|parquet|arrow|xlsx|json [-o FILE]
//	ictplan check [ID|all] [--format text|csv]
//	ictplan parse --layout LAYOUT FILE [--format ...]
//	ictplan report -o DIR
//	ictplan layouts                       # the table layouts parse knows
//	ictplan source [FILE[:LINE]]          # the embedded documents, or one line
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ictplan/ictplan/loaders"
)

// errUsage marks misuse (exit status 2).
var errUsage = errors.New("usage")

type command struct {
	name, args, help string
	run              func(args []string, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"datasets", "", "list the datasets: id <TAB> rows <TAB> title", runDatasets},
		{"show", "ID [--limit N]", "print a dataset as an aligned table (Vietnamese number format)", runShow},
		{"export", "ID --format csv|parquet|arrow|xlsx|json [-o FILE]", "write a dataset (stdout without -o)", runExport},
		{"check", "[ID|all] [--format text|csv]", "reconcile reported totals, ratios and text claims with the tables", runCheck},
		{"parse", "--layout LAYOUT FILE [--format ...]", "read your own table (text, CSV, XLSX, DOCX or PDF) with a layout", runParse},
		{"report", "-o DIR", "write the report: DIR/index.html and DIR/tables/", runReport},
		{"layouts", "[--write NAME]", "list the table layouts and their columns, or write one as a layout file", runLayouts},
		{"tables", "FILE.docx|FILE.pdf", "list the tables of a Word document or a PDF, with the heading above each", runTables},
		{"source", "[FILE[:LINE]]", "list the embedded source documents, or print a line of one", runSource},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "ictplan: figures of Vietnamese provincial IT and digital-transformation plans, 2010–2024")
	fmt.Fprintln(w, "\nusage: ictplan COMMAND [arguments]\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n            %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "\nexamples:\n  ictplan show soctrang-2010-computers-provincial --limit 5\n  ictplan export soctrang-2010-it-staff --format xlsx -o it-staff.xlsx\n  ictplan check all --format csv\n  ictplan report -o report")
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes a command line and returns the exit status: 0 success
// (findings are data), 1 failure, 2 misuse.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "ictplan %s: %s\nusage: ictplan %s %s\n", c.name, safeText(strings.TrimPrefix(err.Error(), "usage: ")), c.name, c.args)
			return 2
		default:
			fmt.Fprintf(stderr, "ictplan %s: %s\n", c.name, safeText(err.Error()))
			return 1
		}
	}
	fmt.Fprintf(stderr, "ictplan: unknown command %q\n", loaders.Clip(args[0], loaders.MaxQuoted))
	usage(stderr)
	return 2
}

// parseArgs parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func newFlags(name string, stderr io.Writer, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		for _, c := range commands {
			if c.name == name {
				fmt.Fprintf(stderr, "usage: ictplan %s %s\n  %s\n", c.name, c.args, c.help)
			}
		}
		fs.PrintDefaults()
		if example != "" {
			fmt.Fprintf(stderr, "example:\n  %s\n", example)
		}
	}
	return fs
}

// output opens -o FILE, or stdout.
func output(path string, stdout io.Writer) (io.Writer, func() error, error) {
	if path == "" || path == "-" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}
