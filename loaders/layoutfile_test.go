package loaders

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestBuiltinLayoutFiles: each embedded layout file is what WriteTOML
// writes for the layout it defines, and reads back to the same layout.
func TestBuiltinLayoutFiles(t *testing.T) {
	for _, l := range []Layout{ITStaff, Computers, Projects2009, ProjectsPlan} {
		var b bytes.Buffer
		if err := l.WriteTOML(&b); err != nil {
			t.Fatal(err)
		}
		file, err := os.ReadFile("layouts/" + l.Name + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), file) {
			t.Errorf("layouts/%s.toml is not what WriteTOML writes", l.Name)
		}
		back, err := ReadLayout(&b, l.Name+".toml")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, l) {
			t.Errorf("%s: read back %+v\nwant %+v", l.Name, back, l)
		}
	}
	if err := ProjectsPlan.WriteTOML(&bytes.Buffer{}); err != nil {
		t.Error(err)
	}
}

func TestReadLayoutErrors(t *testing.T) {
	const good = "name = \"x\"\ntotal_from = \"n\"\n[[cells]]\nname = \"no\"\nkind = \"row number\"\n[[cells]]\nname = \"n\"\nkind = \"count\"\n"
	if _, err := ReadLayout(strings.NewReader(good), "x.toml"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"name = \"x\"\nsections = yes\n", "x.toml:2: invalid layout file"},
		{strings.Replace(good, "kind = \"count\"", "kindd = \"count\"", 1), "unknown key cells.kindd"},
		{strings.Replace(good, "\"count\"", "\"amount\"", 1), `cell 2 ("n"): kind "amount" (want one of "row number"`},
		{good + "money_unit = \"USD\"\n", ""},
		{"money_unit = \"USD\"\n" + good, `money_unit "USD"`},
		{"numbers = \"french\"\n" + good, `numbers: unknown number convention "french"`},
		{strings.Replace(good, "row number", "count", 1), "the first cell keys the row: a row number, a year or a text (a name), not count"},
	} {
		_, err := ReadLayout(strings.NewReader(c.in), "x.toml")
		if c.want == "" {
			if err == nil {
				t.Errorf("%q: no error", c.in)
			}
			continue
		}
		if !errors.Is(err, ErrLayoutFile) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.in, err, c.want)
		}
	}
}

// TestOwnLayoutFile: a planner's own layout — a table of schools with their
// computers, numbers in the Vietnamese convention — read with the same
// checks as a built-in one.
func TestOwnLayoutFile(t *testing.T) {
	const own = `name = "schools"
description = "Máy tính trong các trường học"
total_from = "computers"
numbers = "dot-thousands"

[[cells]]
name = "no"
kind = "row number"
label = "STT"

[[cells]]
name = "school"
kind = "text"
label = "Tên trường"

[[cells]]
name = "computers"
kind = "count"
label = "Số máy tính"
unit = "count"

[[cells]]
name = "budget_mvnd"
kind = "money"
label = "Kinh phí"
`
	l, err := ReadLayout(strings.NewReader(own), "schools.toml")
	if err != nil {
		t.Fatal(err)
	}
	in := "Đơn vị tính: triệu đồng\nSTT,Tên trường,Số máy tính,Kinh phí\n1,THPT Lê Lợi,\"1.201\",\"12,5\"\n2,THCS Phú Tâm,34,\"1.000\"\nTổng cộng,,\"1.236\",\"1.012,5\"\n"
	tb, err := ParseCSV(strings.NewReader(in), l, Options{File: "schools.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if c, m := tb.Frame.Col("computers").Int64s(), tb.Frame.Col("budget_mvnd").Float64s(); c[0] != 1201 || m[0] != 12.5 || m[1] != 1000 || tb.ConventionReason != "given by the layout" {
		t.Errorf("computers %v, budget %v, convention %s (%s)", c, m, tb.Convention, tb.ConventionReason)
	}
	if v, _ := tb.Totals[0].Get("computers"); v.Value != 1236 {
		t.Errorf("total %+v", v)
	}
}

func ExampleReadLayout() {
	l, err := ReadLayout(strings.NewReader(`
name = "schools"
total_from = "computers"
[[cells]]
name = "no"
kind = "row number"
label = "STT"
[[cells]]
name = "school"
kind = "text"
label = "Tên trường"
[[cells]]
name = "computers"
kind = "count"
label = "Số máy tính"
headers = ["Máy vi tính"]
`), "schools.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	tb, err := ParseCSV(strings.NewReader("STT,Tên trường,Máy vi tính\n1,THPT Lê Lợi,41\n2,THCS Phú Tâm,34\n"), l, Options{File: "schools.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer tb.Release()
	fmt.Println(tb.Frame.Names(), tb.Frame.Col("computers").Int64s())
	// Output: [no school computers source_line] [41 34]
}
