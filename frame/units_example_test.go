package frame_test

import (
	"fmt"

	"github.com/ictplan/ictplan/frame"
)

// A column's unit as a header writes it after the label.
func ExampleUnitText() {
	for _, u := range []string{"million_vnd", "people", "ratio", "count", "mbps_down"} {
		vi, known := frame.UnitText(u, "vi")
		en, _ := frame.UnitText(u, "en")
		fmt.Printf("%s: %q %q %v\n", u, vi, en, known)
	}
	// Output:
	// million_vnd: "triệu đồng" "million VND" true
	// people: "người" "people" true
	// ratio: "%" "%" true
	// count: "" "" true
	// mbps_down: "mbps down" "mbps down" false
}
