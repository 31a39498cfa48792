package checks_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/ictplan/ictplan/checks"
	"github.com/ictplan/ictplan/datasets"
)

func TestCheckUnknown(t *testing.T) {
	if _, err := checks.Check("soctrang-2010-nothing"); err == nil {
		t.Error("Check(unknown id): no error")
	}
}

// TestCheckConcurrent checks the 2010 datasets from many goroutines while
// others load them (run with -race): every check succeeds and finds what a
// check alone finds.
func TestCheckConcurrent(t *testing.T) {
	want := map[string]string{}
	for _, id := range ids2010 {
		r, err := checks.Check(id)
		if err != nil {
			t.Fatal(err)
		}
		want[id] = fmt.Sprintf("%d checks, %d findings", r.Checks, len(r.Findings))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64*len(ids2010))
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range ids2010 {
				id := ids2010[(g+k)%len(ids2010)]
				f, err := datasets.Load(id)
				if err != nil {
					errs <- err
					return
				}
				f.Release()
				if g%8 == 0 {
					r, err := checks.Check(id)
					if err != nil {
						errs <- err
						continue
					}
					if got := fmt.Sprintf("%d checks, %d findings", r.Checks, len(r.Findings)); got != want[id] {
						errs <- fmt.Errorf("goroutine %d: %s: %s, alone %s", g, id, got, want[id])
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
