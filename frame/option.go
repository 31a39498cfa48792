package frame

import "github.com/apache/arrow-go/v18/arrow/memory"

// An Option sets how a Frame is made by the constructors NewBuilder,
// FromRows, FromColumns, FromArrays, FromRecord and FromTable. The
// readers and writers take their options as a struct (CSVOptions,
// JSONOptions, ConcatOptions …) whose Allocator field means the same as
// WithAllocator; operations on a Frame allocate with the Frame's own
// allocator (Frame.Allocator).
type Option func(*options)

type options struct {
	mem memory.Allocator
}

// WithAllocator makes the constructor allocate with mem (a nil mem means
// memory.DefaultAllocator, as without the option). Tests pass a
// memory.CheckedAllocator to find a reference not released.
func WithAllocator(mem memory.Allocator) Option {
	return func(o *options) { o.mem = mem }
}

// allocator is the allocator opts choose.
func allocator(opts []Option) memory.Allocator {
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if o.mem == nil {
		return memory.DefaultAllocator
	}
	return o.mem
}
