package datasets_test

import (
	"testing"

	"github.com/ictplan/ictplan/datasets"
)

// A caller that releases a loaded dataset once too often harms only itself:
// the extra Release panics, and later Loads of the id still hold the data.
func TestLoadSurvivesExtraRelease(t *testing.T) {
	const id = "vn-cpi"
	f, err := datasets.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	rows := f.NumRows()
	f.Release()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a second Release of the same Frame did not panic")
			}
		}()
		f.Release()
	}()
	g, err := datasets.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if g.NumRows() != rows || g.Col("year").Int64s()[0] != 2010 {
		t.Fatalf("after a caller's extra Release, Load gives %d rows, first year %v", g.NumRows(), g.Col("year").Int64s())
	}
	c, err := datasets.Claims("soctrang-2010-computers-provincial")
	if err != nil {
		t.Fatal(err)
	}
	c.Release()
	c2, err := datasets.Claims("soctrang-2010-computers-provincial")
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Release()
	if c2.NumRows() == 0 || c2.Col("label").Strings()[0] == "" {
		t.Fatalf("claims after a Release: %v", c2)
	}
}
