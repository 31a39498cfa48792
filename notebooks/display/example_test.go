package display_test

import (
	"fmt"
	"strconv"

	"github.com/ictplan/ictplan/notebooks/display"
)

// signature stands for a chart: any value with a PNG method.
type signature struct{}

func (signature) PNG() []byte { return []byte("\x89PNG\r\n\x1a\n") }

// Outside a notebook, Show prints a summary of what a cell would display.
func ExampleShow() {
	display.Show(signature{})
	display.Show("text is shown as text")
	// Output:
	// [image/png: display_test.signature, 8 bytes]
	// text is shown as text
}

// A sentence computed from the figures of a cell, shown under its table.
func ExampleSay() {
	below, units := 19, 27
	display.Say("**%d of %d** provincial units are below the 2015 target.", below, units)
	// Output:
	// **19 of 27** provincial units are below the 2015 target.
}

// Must returns the value of a call that also returns an error; in a
// notebook an error is shown as one message and ends the cell.
func ExampleMust() {
	n := display.Must(strconv.Atoi("2346"))
	fmt.Println(n)
	// Output:
	// 2346
}
