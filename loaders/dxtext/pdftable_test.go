package dxtext

import (
	"errors"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

func TestPositionalCells(t *testing.T) {
	e := ""
	for _, tc := range []struct {
		name  string
		in    string
		empty int
		want  []string
		rest  string
		ok    bool
	}{
		// Phụ lục 01 of the 2023 results: one figure and two spaces per
		// empty cell (source lines 2956, 3405, 3011, 3772, 3897).
		{"local planned and spent", "60       60       ", 2, []string{"60", e, e, e, "60", e, e, e}, "", true},
		{"investment planned and spent", "    10.000       1.200   ", 2, []string{e, e, "10.000", e, e, e, "1.200", e}, "", true},
		{"other source", "      750       750 ", 2, []string{e, e, e, "750", e, e, e, "750"}, "", true},
		{"zeros in odd places", "    0   0       ", 2, []string{e, e, "0", e, "0", e, e, e}, "", true},
		{"figure without a thousands dot", "    6900       6.900   ", 2, []string{e, e, "6900", e, e, e, "6.900", e}, "", true},
		{"last figure without its space", "60       60", 2, []string{"60", e, e, e, "60"}, "", true},
		{"odd run of spaces", "60  60", 2, []string{"60"}, " 60", false},
		// Phụ lục 2: one space per empty cell, spread over lines.
		{"three empty cells", "   ", 1, []string{e, e, e}, "", true},
		{"two figures", "1.500 1.500 ", 1, []string{"1.500", "1.500"}, "", true},
		{"stops at max", "1 2 3 4 5 6", 1, []string{"1", "2", "3", "4", "5"}, "6", true},
		{"empty", "", 1, nil, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			max := 8
			if tc.empty == 1 {
				max = 5
			}
			got, rest, ok := positionalCells(tc.in, tc.empty, max)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) || rest != tc.rest || ok != tc.ok {
				t.Errorf("positionalCells(%q, %d) = %q, %q, %v; want %q, %q, %v", tc.in, tc.empty, got, rest, ok, tc.want, tc.rest, tc.ok)
			}
		})
	}
}

func TestAmountTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"1.200", true}, {"6900", true}, {"-", true}, {"0", true}, {"18.970", true}, {"0,5", true},
		{"11,91%", false}, {"(SOC)", false}, {"2021-", false}, {"-5", false}, {"1.2.", false}, {"", false}, {"năm", false},
	} {
		if got := isAmountToken(tc.in); got != tc.want {
			t.Errorf("isAmountToken(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if !cellish("  1.080 1.080 ") || !cellish("   ") || cellish("2024 Hàng") {
		t.Error("cellish")
	}
}

func TestRawLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"60\u00a0\u00a0 60", "60   60"},
		{"a\tb", "a b"},
		{"Nhie\u0302\u0323m vu\u0323", "Nhiệm vụ"},
		{"plain  text ", "plain  text "},
	} {
		if got := rawLine(tc.in); got != tc.want {
			t.Errorf("rawLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitPDFLines(t *testing.T) {
	ls, err := splitPDFLines("f.txt", []byte("\ufeffa  b\r\n\r\n  \n60 \u00a0x"))
	if err != nil {
		t.Fatal(err)
	}
	want := []pdfLine{{1, "a  b", "a b"}, {2, "", ""}, {3, "  ", ""}, {4, "60  x", "60 x"}}
	if len(ls) != len(want) {
		t.Fatalf("%d lines, want %d: %+v", len(ls), len(want), ls)
	}
	for i := range want {
		if ls[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i+1, ls[i], want[i])
		}
	}
	if !ls[2].spacesOnly() || ls[1].spacesOnly() {
		t.Error("spacesOnly")
	}
	_, err = splitPDFLines("f.txt", []byte("ok\nbad \xff\n"))
	var e *loaders.Error
	if !errors.As(err, &e) || e.Line != 2 || !errors.Is(err, loaders.ErrEncoding) || e.File != "f.txt" {
		t.Errorf("invalid UTF-8: %v", err)
	}
}

func TestTextWidth(t *testing.T) {
	// A title line of Phụ lục 01 against the objective line beside it.
	if a, b := textWidth("Quản lý, vận hành, khai thác"), textWidth("Thực hiện duy trì, chi trả nhuận"); a >= b {
		t.Errorf("width %v >= %v", a, b)
	}
	if textWidth("ệ") != textWidth("e") || textWidth("Đ") != textWidth("D") || textWidth("") != 0 {
		t.Error("diacritics change the width")
	}
	if textWidth("mmm") <= textWidth("iii") {
		t.Error("m is not wider than i")
	}
}

func TestPageHeader(t *testing.T) {
	h := pageHeader{words: strings.Fields("TT Nhiệm vụ/dự án Dự án mới/chuyển tiếp Đơn vị chủ trì Mục tiêu Thời gian triển khai Kinh phí thực hiện Dự kiến tổng mức đầu tư NSĐP NSTW ĐTPT Nguồn khác")}
	mk := func(s ...string) []pdfLine {
		var out []pdfLine
		for i, x := range s {
			out = append(out, pdfLine{no: 100 + i, raw: x, text: loaders.CleanText(x)})
		}
		return out
	}
	// Source lines 4804–4831: the repeated header, whose last line goes on
	// with the text of the row cut by the page break.
	ls := mk(" TT ", "Nhiệm vụ/dự án ", "", "Dự án ", "mới/chuyển ", "tiếp ", "Đơn vị chủ ", "trì ", "Mục tiêu ", "Thời ", "gian ",
		"triển ", "khai ", "Kinh phí thực hiện ", "Dự kiến ", "tổng mức ", "đầu tư tỉnh thống thông tin luôn được liên tục ", "24/24 giờ")
	next, rest, ok := h.match(ls, 0)
	if !ok || next != 17 || rest == nil || rest.text != "tỉnh thống thông tin luôn được liên tục" || rest.no != 116 {
		t.Fatalf("match = %d, %+v, %v", next, rest, ok)
	}
	// A header whose last line ends the header.
	ls = mk("TT", "Nhiệm vụ/dự án", "Dự án", "mới/chuyển", "tiếp", "Đơn vị chủ", "trì", "Mục tiêu", "Thời", "gian", "triển", "khai",
		"Kinh phí thực hiện", "Dự kiến", "tổng mức", "đầu tư", "8.3")
	if next, rest, ok := h.match(ls, 0); !ok || next != 16 || rest != nil {
		t.Errorf("match = %d, %+v, %v", next, rest, ok)
	}
	// "TT" followed by text that is not the header.
	if _, _, ok := h.match(mk("TT", "Nhiệm vụ khác"), 0); ok {
		t.Error("a lone TT matched as a header")
	}
}
