package frame_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/numtext"
)

var csvSeeds = []string{
	"unit,staff,ratio,ok,day\nTỉnh ủy,159,0.89308,true,2010-06-30\nSở Nội vụ,,1,false,\n",
	"\ufeffa;b\r\n1;2\r\n",
	"a,b\n\"x\ny\",1\n3\n",
	"a,a\n1,2\n",
	"a\nNaN\n1e400\n-0\n",
	"",
	"tỉnh;dti;dân_số\nSóc Trăng;0,3615;1.198.798\nBạc Liêu;0,4012;1.774\n",
	"a,b\n\"1,774\",0.5\n1.774,\"9,189,899\"\n",
	"a\n1.774\n",
	"a,b\n\"0,5\",0.5\n",
	"=cmd,b\n'=SUM(A1),-5\n''x,'-5\n",
	"a,b\n1,\"x\n2,3\n",
}

// FuzzReadCSV: no input makes ReadCSV panic; every error is a
// *frame.CSVError (with its line); and a Frame read is written and read
// back (with its inferred kinds and the default detection of the number
// convention) unchanged.
func FuzzReadCSV(f *testing.F) {
	for _, seed := range csvSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		roundTrip(t, in, numtext.Undecided)
	})
}

// FuzzReadCSVConvention is FuzzReadCSV with a number convention given
// (undecided, dot-thousands, comma-thousands or plain).
func FuzzReadCSVConvention(f *testing.F) {
	for i, seed := range csvSeeds {
		f.Add(seed, uint8(i%4))
	}
	f.Fuzz(func(t *testing.T, in string, conv uint8) {
		roundTrip(t, in, numtext.Convention(conv%4))
	})
}

func roundTrip(t *testing.T, in string, conv numtext.Convention) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	got, err := frame.ReadCSV(strings.NewReader(in), frame.CSVOptions{Allocator: mem, MaxRows: 1000, Numbers: conv})
	if err != nil {
		for _, e := range unjoin(err) {
			var ce *frame.CSVError
			if !errors.As(e, &ce) || ce.Line < 1 {
				t.Fatalf("error without a position: %v", e)
			}
		}
		return
	}
	defer got.Release()
	var buf bytes.Buffer
	if err := frame.WriteCSV(&buf, got, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	// WriteCSV writes plain numbers, none of which reads two ways: the
	// default detection and Plain read them back alike.
	for _, c := range []numtext.Convention{numtext.Undecided, numtext.Plain} {
		back, err := frame.ReadCSV(bytes.NewReader(buf.Bytes()), frame.CSVOptions{Allocator: mem, Fields: got.Fields(), Numbers: c})
		if err != nil {
			t.Fatalf("reading back %q (%s): %v", buf.String(), c, err)
		}
		if !frame.Equal(got, back) {
			back.Release()
			t.Fatalf("round trip (%s) differs:\n%v\n%v", c, got, back)
		}
		back.Release()
	}
}
