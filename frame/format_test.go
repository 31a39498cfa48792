package frame_test

import (
	"math"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func TestFormatVI(t *testing.T) {
	for _, tc := range []struct {
		v        float64
		decimals int
		want     string
	}{
		{0.89308, -1, "0,89308"},
		{1201, -1, "1.201"},
		{-1234.5, -1, "-1.234,5"},
		{9189.899, -1, "9.189,899"},
		{math.NaN(), -1, ""},
		{0, -1, "0"},
		{math.Copysign(0, -1), -1, "0"},
		{123, -1, "123"},
		{1234567.25, -1, "1.234.567,25"},
		{-999, -1, "-999"},
		{-1000, -1, "-1.000"},
		{1e21, -1, "1.000.000.000.000.000.000.000"},
		{1.0 / 3, -1, "0,333333"},   // at most 6 decimals
		{2.5000001, -1, "2,5"},      // trailing zeros dropped
		{0.0000001, -1, "0"},        // rounds to nothing
		{-0.0000001, -1, "0"},       // not "-0"
		{1234.5, 2, "1.234,50"},     // fixed decimals
		{1234.5, 0, "1.235"},        // half away from zero
		{-1234.5, 0, "-1.235"},      // half away from zero
		{2.675, 2, "2,68"},          // as written, though the float is 2.67499999...
		{0.125, 2, "0,13"},          // not half to even
		{999.996, 2, "1.000,00"},    // carry into a new digit
		{-9.9999999, -1, "-10"},     // carry, 6 decimals at most
		{0.1234564, -1, "0,123456"}, // 7th decimal 4: down
		{7, 3, "7,000"},             // padded
		{-0.001, 2, "0,00"},         // not "-0,00"
		{math.Inf(1), -1, "∞"},
		{math.Inf(-1), 2, "-∞"},
	} {
		if got := frame.FormatVI(tc.v, tc.decimals); got != tc.want {
			t.Errorf("FormatVI(%v, %d) = %q, want %q", tc.v, tc.decimals, got, tc.want)
		}
	}
}

func TestFormatIntVI(t *testing.T) {
	for _, tc := range []struct {
		v    int64
		want string
	}{
		{0, "0"},
		{999, "999"},
		{1201, "1.201"},
		{-1201, "-1.201"},
		{1000000, "1.000.000"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	} {
		if got := frame.FormatIntVI(tc.v); got != tc.want {
			t.Errorf("FormatIntVI(%d) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	codes := frametest.Build(t, mem, nil, []frame.FieldSpec{
		{Name: "code", Kind: frame.Int64, Unit: "code"},
		{Name: "n", Kind: frame.Int64},
		{Name: "note", Kind: frame.String},
	}, []any{int64(123456), int64(123456), "dòng 1\ndòng 2\tcột"}, []any{nil, int64(-5), "Trung tâm Công nghệ Thông tin và Truyền thông tỉnh"})
	defer codes.Release()
	empty := f.Head(0)
	defer empty.Release()

	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		// Years are not grouped, people are; numbers and their headers
		// are right-aligned; null cells are empty; no trailing blanks.
		{"String", f.String(), `
province  year  staff    ratio  online  reported
--------  ----  -----  -------  ------  ----------
Đà Nẵng   2015  1.201  0,89308  có      2015-03-31
An Giang  2016     45           không   2016-06-30
Cà Mau    2015             0,5
Bạc Liêu  2016    300     1,25  có      2016-01-02
          2015      7      0,1  không   2015-12-01
Bà Rịa    2014     45     0,75  có      2014-05-05
`},
		{"MaxRows and MaxWidth", f.Text(frame.TextOptions{MaxRows: 2, MaxWidth: 5}), `
prov…  year  staff  ratio  onli…  repo…
-----  ----  -----  -----  -----  -----
Đà N…  2015  1.201  0,89…  có     2015…
An G…  2016     45         không  2016…
… 4 more rows (6 in all)
`},
		{"no rows", empty.Text(frame.TextOptions{}), `
province  year  staff  ratio  online  reported
--------  ----  -----  -----  ------  --------
`},
		// Unit "" and code are not grouped; newlines and tabs in a cell
		// become spaces; long text is cut at 40 characters.
		{"units and cells", codes.String(), `
  code       n  note
------  ------  ----------------------------------------
123456  123456  dòng 1 dòng 2 cột
            -5  Trung tâm Công nghệ Thông tin và Truyền…
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := strings.TrimPrefix(tc.want, "\n")
			if tc.got != want {
				t.Errorf("got\n%s\nwant\n%s", tc.got, want)
			}
		})
	}
}

func TestTextMaxRowsDefault(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := frame.NewBuilder(nil, []frame.FieldSpec{{Name: "i", Kind: frame.Int64}}, frame.WithAllocator(mem))
	defer b.Release()
	for i := range 120 {
		b.AppendInt64(0, int64(i))
	}
	f, err := b.Frame()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	s := f.String()
	if lines := strings.Count(s, "\n"); lines != 2+50+1 {
		t.Errorf("String shows %d lines, want header, rule, 50 rows and the note", lines)
	}
	if !strings.HasSuffix(s, "… 70 more rows (120 in all)\n") {
		t.Errorf("String ends %q", s[len(s)-40:])
	}
	if all := f.Text(frame.TextOptions{}); strings.Count(all, "\n") != 122 {
		t.Errorf("Text with no limit shows %d lines", strings.Count(all, "\n"))
	}
}

func TestHTML(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	meta := map[string]string{
		frame.MetaTitle:      "Danh sách <đơn vị> & \"dự án\"",
		frame.MetaDataset:    "demo-<id>",
		frame.MetaDocument:   "Kế hoạch 21/KH-UBND",
		frame.MetaSourceFile: "kh21.txt",
	}
	f := frametest.Build(t, mem, meta, []frame.FieldSpec{
		{Name: "name<x>", Kind: frame.String, LabelVI: "Tên & mô tả"},
		{Name: "cost_mvnd", Kind: frame.Float64, Unit: "million_vnd"},
	},
		[]any{"<script>alert('x')</script>", 1234.5},
		[]any{"Cà Mau", nil},
		[]any{"row 3", 1.0},
	)
	defer f.Release()
	h := f.HTML()
	for _, bad := range []string{"<script>", "<đơn vị>", "name<x>", "demo-<id>", "alert('x')"} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML contains unescaped %q", bad)
		}
	}
	for _, want := range []string{
		`<caption style="text-align:left"><b>Danh sách &lt;đơn vị&gt; &amp; &#34;dự án&#34;</b> <code>demo-&lt;id&gt;</code> <small>Kế hoạch 21/KH-UBND · kh21.txt</small></caption>`,
		`<td style="text-align:left;padding:2px 6px;min-width:12em">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>`,
		`<td style="text-align:left;padding:2px 6px">Cà Mau</td>`,
		`cost_<wbr>mvnd`,
		`name&lt;x&gt;<br><small style="font-weight:normal">Tên &amp; mô tả</small>`,
		`(million_vnd)`,
		`<td style="text-align:right;padding:2px 6px">1.234,5</td>`,
		`<td style="text-align:right;padding:2px 6px"></td>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	if strings.Count(h, "<tr>") != 4 {
		t.Errorf("HTML has %d rows, want header and 3", strings.Count(h, "<tr>"))
	}
	limited := f.HTMLRows(2)
	if strings.Count(limited, "<tr>") != 3 || !strings.Contains(limited, "… 1 more rows (3 in all)") {
		t.Errorf("HTMLRows(2): %s", limited)
	}
	plain := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "a", Kind: frame.Int64}})
	defer plain.Release()
	if strings.Contains(plain.HTML(), "<caption") {
		t.Errorf("caption without metadata")
	}
}
