package display_test

import (
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
