package frame_test

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/frame"
)

// A Frame made with a checked allocator: every operation on it allocates
// there too, and once every Frame is released nothing is left.
func ExampleWithAllocator() {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	f, err := frame.FromColumns(nil,
		[]frame.FieldSpec{{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}},
		[]any{[]string{"Tỉnh ủy", "Sở Tài chính"}, []int64{159, 74}},
		frame.WithAllocator(mem))
	if err != nil {
		fmt.Println(err)
		return
	}
	sorted, err := f.SortBy(frame.Asc("staff"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sorted.Col("unit").Strings(), sorted.Allocator() == f.Allocator())
	sorted.Release()
	f.Release()
	fmt.Println("bytes left:", mem.CurrentAlloc())
	// Output:
	// [Sở Tài chính Tỉnh ủy] true
	// bytes left: 0
}
