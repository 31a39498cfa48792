package loaders_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
)

func ExampleParseNumber() {
	// Vietnamese (dot thousands) and English (comma thousands) writing.
	v, _ := numtext.ParseNumber("30.500.000.000", loaders.DotThousands)
	fmt.Println(v)
	v, _ = numtext.ParseNumber("58,68%", loaders.DotThousands)
	fmt.Println(v)
	v, _ = numtext.ParseNumber("0.89308", loaders.CommaThousands)
	fmt.Println(v)
	// 1.774 reads as 1774 or 1.774: without the table's convention it
	// is an error, never a guess.
	_, err := numtext.ParseNumber("1.774", loaders.Undecided)
	fmt.Println(errors.Is(err, loaders.ErrAmbiguousNumber))
	// Output:
	// 3.05e+10
	// 58.68
	// 0.89308
	// true
}

func ExampleParseAmount() {
	for _, s := range []string{"30.500.000.000 đồng", "990,277 triệu đồng", "22,955 tỷ đồng"} {
		a, err := loaders.ParseAmount(s, loaders.DotThousands, loaders.UnknownUnit, false)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s = %v million đồng (written in %s)\n", s, a.Million, a.Unit)
	}
	// Output:
	// 30.500.000.000 đồng = 30500 million đồng (written in đồng)
	// 990,277 triệu đồng = 990.277 million đồng (written in triệu đồng)
	// 22,955 tỷ đồng = 22955 million đồng (written in tỷ đồng)
}

func ExampleParseText() {
	// One cell per line, cells separated by blank lines; the line holding
	// only a no-break space is an empty cell.
	cells := []string{
		"Mã số", "Tên đơn vị", "Tổng số cán bộ",
		"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268",
		"2", "Sở Y tế", "38", "35", "20", "\u00a0", "0.92105", "", "0.57143",
		"TỔNG", "197", "177", "36",
	}
	var lines []string
	for _, c := range cells {
		if c == "" {
			c = "\u00a0"
		}
		lines = append(lines, c)
	}
	text := strings.Join(lines, "\n\n")

	t, err := loaders.ParseText([]byte(text), loaders.Computers, loaders.Options{File: "example.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Release()
	fmt.Println(t.Convention, "-", t.ConventionReason)
	if err := frame.WriteCSV(os.Stdout, t.Frame, frame.CSVWriteOptions{}); err != nil {
		fmt.Println(err)
	}
	staff, _ := t.Totals[0].Get("staff")
	fmt.Printf("%s reports staff = %v at line %d\n", t.Totals[0].Label, staff.Value, staff.Line)

	// A row with a cell too few is reported at the line where it starts.
	bad := strings.Replace(text, "\n\n142\n", "\n", 1)
	_, err = loaders.ParseText([]byte(bad), loaders.Computers, loaders.Options{File: "example.txt"})
	for _, e := range loaders.Errors(err) {
		fmt.Println(e.Line, errors.Is(e, loaders.ErrCellCount))
	}
	// Output:
	// comma-thousands - detected from "0.89308" at line 19
	// code,unit,staff,computers,internet_computers,lan_computers,computers_per_staff_reported,lan_share_reported,internet_share_reported,source_line
	// 1,Tỉnh ủy,159,142,16,87,0.89308,0.61268,0.11268,7
	// 2,Sở Y tế,38,35,20,,0.92105,,0.57143,25
	// TỔNG reports staff = 197 at line 45
	// 7 true
}

// An error of a loader said in Vietnamese, for a Vietnamese page; the
// English Error stays the detail.
func ExampleMessageVI() {
	csv := "Mã số,Tên đơn vị,Tổng số cán bộ,Số máy tính,Máy nối mạng Internet,Máy nối mạng nội bộ (LAN),Tỷ lệ máy tính/ CBCC,Tỷ lệ LAN,Tỷ lệ Internet\n" +
		"1,Tỉnh ủy,159,142,16,87,\"0,89308\",\"0,11268\",\"0,61268\"\n" +
		"2,Sở Y tế,l38,35,20,,\"0,92105\",\"0,57143\",\n"
	_, err := loaders.ParseCSV(strings.NewReader(csv), loaders.Computers, loaders.Options{File: "plan.csv"})
	fmt.Println(loaders.MessageVI(err))
	fmt.Println(err)
	// Output:
	// dòng 3, ô 3: không phải số: gặp «l38»
	// plan.csv:3: cell 3 (staff) not a number: found "l38", expected a whole number ("l38" is not a number)
}
