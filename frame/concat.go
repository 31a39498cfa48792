package frame

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// ConcatOptions are the parameters of Concat.
type ConcatOptions struct {
	// Allocator builds the stacked columns; nil means the first Frame's.
	Allocator memory.Allocator
}

// Concat stacks frames with the same columns into one, rows in argument
// order: the provincial and district tables of one survey, say, or the
// same table of several provinces.
//
//   - Every Frame must have the columns of the first, with the same names
//     and kinds in the same order; otherwise the error names the Frame
//     (1-based) and the column.
//   - The field metadata (labels, units) is the first Frame's.
//   - Schema metadata is merged key by key: a value all Frames that have the
//     key agree on is kept; distinct values are joined with "; " in Frame
//     order (dataset "a; b"); empty values are left out.
//   - Concat of one Frame returns another reference to it (Allocator is
//     then unused); of none, an error.
func Concat(frames []*Frame, o ConcatOptions) (*Frame, error) {
	if len(frames) == 0 {
		return nil, errors.New("frame: Concat of no Frame")
	}
	for k, f := range frames {
		if f == nil {
			return nil, fmt.Errorf("frame: Concat: Frame %d is nil", k+1)
		}
	}
	first := frames[0]
	if len(frames) == 1 {
		return first.Retain(), nil
	}
	for k, f := range frames[1:] {
		if err := sameColumns(first, f); err != nil {
			return nil, fmt.Errorf("frame: Concat: Frame %d: %w", k+2, err)
		}
	}
	mem := o.Allocator
	if mem == nil {
		mem = first.mem
	}
	n := 0
	for _, f := range frames {
		n += f.nrows
	}
	cols := make([]arrow.Array, len(first.cols))
	errs := make([]error, len(cols))
	// one goroutine per column, a few at a time: each is a copy of buffers
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for c := range cols {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			parts := make([]arrow.Array, len(frames))
			for k, f := range frames {
				parts[k] = f.cols[c]
			}
			cols[c], errs[c] = array.Concatenate(parts, mem)
		}()
	}
	wg.Wait()
	for c, err := range errs {
		if err != nil {
			for _, a := range cols {
				if a != nil {
					a.Release()
				}
			}
			return nil, fmt.Errorf("frame: Concat: column %q: %w", first.schema.Field(c).Name, err)
		}
	}
	md := metadataOf(mergeMeta(frames))
	return newFrame(mem, arrow.NewSchema(first.schema.Fields(), &md), cols, n), nil
}

// sameColumns reports how b's columns differ from a's.
func sameColumns(a, b *Frame) error {
	an, bn := a.Names(), b.Names()
	if len(an) != len(bn) {
		return fmt.Errorf("%d columns, want %d (%s)", len(bn), len(an), strings.Join(an, ", "))
	}
	for i := range an {
		if an[i] != bn[i] {
			return fmt.Errorf("column %d is %q, want %q", i+1, bn[i], an[i])
		}
		if ak, bk := kindOf(a.cols[i].DataType()), kindOf(b.cols[i].DataType()); ak != bk {
			return fmt.Errorf("column %q is %s, want %s", an[i], bk, ak)
		}
	}
	return nil
}

// mergeMeta keeps the schema metadata values the Frames agree on and joins
// the distinct values of the others with "; ", in Frame order.
func mergeMeta(frames []*Frame) map[string]string {
	vals := map[string][]string{}
	for _, f := range frames {
		md := f.schema.Metadata()
		for i, k := range md.Keys() {
			if v := md.Values()[i]; v != "" && !slices.Contains(vals[k], v) {
				vals[k] = append(vals[k], v)
			}
		}
	}
	out := make(map[string]string, len(vals))
	for k, vs := range vals {
		out[k] = strings.Join(vs, "; ")
	}
	return out
}
