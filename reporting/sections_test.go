package reporting

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
)

type fakeFigure struct{ png, svg string }

func (f fakeFigure) PNG() []byte { return []byte(f.png) }
func (f fakeFigure) SVG() string { return f.svg }

func TestWriteSections(t *testing.T) {
	f, err := frame.FromRows(map[string]string{frame.MetaSourceFile: "src.txt"}, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"}, {Name: "ratio", Kind: frame.Float64, Unit: "ratio"},
		{Name: "met", Kind: frame.Bool}, {Name: "source_line", Kind: frame.Int64},
	}, [][]any{{"Tỉnh ủy <b>", 142.0 / 159, true, 1401}, {"Hội đồng", nil, false, 1419}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	dir := t.TempDir()
	in := Input{
		Sections: []Section{{
			ID: "ratios", TitleVI: "Tỷ lệ <máy tính>", TitleEN: "Ratios",
			Charts: []Chart{{Name: "computers-per-staff", Caption: "Máy tính/CBCC <2010>", Figure: fakeFigure{"\x89PNG-bytes", "<svg>Tỉnh ủy</svg>"},
				Sources: []Provenance{{File: "src.txt", Lines: []int{1401, 1419}}}}},
			Tables: []Table{{Name: "computers-per-staff", Caption: "Bảng", Frame: f}},
		}},
		LineText: func(file string, line int) string {
			if file != "src.txt" {
				t.Errorf("line text asked of %q", file)
			}
			// a table row of the source: one cell per line
			switch line {
			case 1401:
				return "1"
			case 1402:
				return "Tỉnh ủy"
			case 1403:
				return "<159>"
			case 1419:
				return "Hội đồng & nhân dân, một dòng dài"
			}
			return ""
		},
	}
	if err := Write(dir, in); err != nil {
		t.Fatal(err)
	}
	png, err := os.ReadFile(filepath.Join(dir, "charts", "computers-per-staff.png"))
	if err != nil || string(png) != "\x89PNG-bytes" {
		t.Errorf("chart PNG: %q, %v", png, err)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "charts", "computers-per-staff.svg"))
	if err != nil || string(svg) != "<svg>Tỉnh ủy</svg>" {
		t.Errorf("chart SVG: %q, %v", svg, err)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "tables", "computers-per-staff.csv"))
	if err != nil || !bytes.HasPrefix(csv, []byte("unit,ratio,met,source_line\nTỉnh ủy <b>,0.8930817610062893,true,1401\n")) {
		t.Errorf("table CSV: %q, %v", csv, err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		"data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte("\x89PNG-bytes")),
		"Tỷ lệ &lt;máy tính&gt;", "Máy tính/CBCC &lt;2010&gt;", "Tỉnh ủy &lt;b&gt;",
		`title="1 | Tỉnh ủy | &lt;159&gt;">1401</span>`, `title="Hội đồng &amp; nhân dân, một dòng dài">1419</span>`,
		// a ratio is a percentage on the page; met is said in words
		"89,3%", "<td class=\"word\">đạt</td>", "<td class=\"word\">chưa đạt</td>", "href=\"charts/computers-per-staff.svg\"", "href=\"#ratios\"",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if strings.Contains(s, "<máy tính>") || strings.Contains(s, "Tỉnh ủy <b>") {
		t.Error("section text not escaped")
	}
}

func TestWriteSectionsRefusesBadNames(t *testing.T) {
	f, _ := frame.FromRows(nil, []frame.FieldSpec{{Name: "a", Kind: frame.Int64}}, [][]any{{1}})
	defer f.Release()
	fig := fakeFigure{"p", "s"}
	for name, secs := range map[string][]Section{
		"path":       {{Charts: []Chart{{Name: "../x", Figure: fig}}}},
		"twice":      {{Charts: []Chart{{Name: "a", Figure: fig}}}, {Charts: []Chart{{Name: "a", Figure: fig}}}},
		"no figure":  {{Charts: []Chart{{Name: "a"}}}},
		"table name": {{Tables: []Table{{Name: "a b", Frame: f}}}},
		"no frame":   {{Tables: []Table{{Name: "a"}}}},
	} {
		dir := t.TempDir()
		if err := Write(dir, Input{Sections: secs}); err == nil {
			t.Errorf("%s: no error", name)
		}
		if _, err := os.Stat(filepath.Join(dir, "index.html")); err == nil {
			t.Errorf("%s: index.html written despite the error", name)
		}
	}
	if err := Write(t.TempDir(), Input{Sections: []Section{{Charts: []Chart{{Name: "a", Figure: fakeFigure{"", "s"}}}}}}); err == nil {
		t.Error("empty PNG accepted")
	}
}

// A figure's line is quoted from its own file: X_line from X_file, else
// source_file, else the frame's metadata.
func TestLineColumnsUseTheirFile(t *testing.T) {
	f, err := frame.FromRows(map[string]string{frame.MetaSourceFile: "meta.txt"}, []frame.FieldSpec{
		{Name: "target_file", Kind: frame.String}, {Name: "target_line", Kind: frame.Int64},
		{Name: "source_file", Kind: frame.String}, {Name: "source_line", Kind: frame.Int64}, {Name: "other_line", Kind: frame.Int64},
	}, [][]any{{"a.txt", 1, "b.txt", 2, 3}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	got := tableHTML(Table{Frame: f}, "vi", func(file string, line int) string {
		return fmt.Sprintf("%s line %d, long enough to stand alone", file, line)
	})
	for _, want := range []string{`title="a.txt line 1,`, `title="b.txt line 2,`, `title="b.txt line 3,`} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %s", want)
		}
	}
	g, _ := f.Drop("source_file")
	defer g.Release()
	if got := tableHTML(Table{Frame: g}, "vi", func(file string, line int) string { return file + " — a line of the source text" }); !strings.Contains(got, `title="meta.txt — a line`) {
		t.Error("the frame's source file is not the default")
	}
}
