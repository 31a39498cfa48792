package loaders

import (
	"fmt"
	"os"
	"testing"
)

// TestFindWordAmounts reads the amounts in words of the source documents:
// Khánh Hòa's 22.955.000.000 đồng (lines 305 and 418, the second in bold)
// and Sóc Trăng's 152.703 triệu đồng, whose words run onto the next line
// (line 2632) or not (line 6905); all agree with their digits.
func TestFindWordAmounts(t *testing.T) {
	for _, c := range []struct {
		file    string
		lines   []int
		million float64
	}{
		{"khanhhoa-2023-party-leadership-information-system-proposal.txt", []int{305, 418}, 22955},
		{"soctrang-2024-dx-plan-draft-with-2023-results.txt", []int{2632, 6905}, 152703},
	} {
		text, err := os.ReadFile("../datasets/sources/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		got := FindWordAmounts(text, Undecided)
		if len(got) != len(c.lines) {
			t.Fatalf("%s: %d amounts, want %d: %+v", c.file, len(got), len(c.lines), got)
		}
		for i, w := range got {
			if w.Line != c.lines[i] || w.Million != c.million || w.WordsMillion != c.million || !w.Agrees() {
				t.Errorf("%s: %+v, want line %d, %v million in digits and words", c.file, w, c.lines[i], c.million)
			}
		}
	}
}

// TestWordAmountDisagrees: words that say another amount, and words that
// do not read, are not taken for agreement.
func TestWordAmountDisagrees(t *testing.T) {
	text := "Tổng kinh phí: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng).\n" +
		"Kinh phí: 2.500.000.000 đồng (Bằng chữ: Hai tỷ ba trăm triệu đồng).\n" +
		"Kinh phí: 300.000.000 đồng (bằng chữ: ba trăm triệu hai tỷ đồng).\n"
	got := FindWordAmounts([]byte(text), Undecided)
	if len(got) != 3 || !got[0].Agrees() || got[1].Agrees() || got[1].WordsMillion != 2300 || got[1].Million != 2500 {
		t.Fatalf("%+v", got)
	}
	if got[2].Err == nil || got[2].Agrees() {
		t.Errorf("unreadable words: %+v", got[2])
	}
}

func ExampleFindWordAmounts() {
	text := "5. Tổng mức đầu tư: 22.955.000.000 đồng (Bằng chữ: Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng)."
	for _, w := range FindWordAmounts([]byte(text), Undecided) {
		fmt.Println(w.Line, w.Million, w.WordsMillion, w.Agrees())
	}
	// Output: 1 22955 22955 true
}
