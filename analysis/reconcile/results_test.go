package reconcile

import (
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
)

// TestResults: a result the text states for a task that was given 1.800
// and spent 0 is a finding quoting the row's note, and again, following
// the first, where the text states it a second time; a task that spent
// money, and one given nothing (done without a budget line), agree with
// the text; a task the table lacks is an error.
func TestResults(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "code", Kind: frame.String},
		{Name: "task", Kind: frame.String},
		{Name: "planned_local_mvnd", Kind: frame.Float64},
		{Name: "spent_local_mvnd", Kind: frame.Float64},
		{Name: "note", Kind: frame.String},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"3.6", "Triển khai Ipv6", 1800.0, 0.0, "Không thực hiện do thời gian triển khai cuối năm không đảm bảo tiến độ", 3281},
		{"7.1", "Diễn tập", 300.0, 280.0, "", 3700},
		{"7.3", "SOC", nil, nil, "", 3752},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	p, s := []string{"planned_local_mvnd"}, []string{"spent_local_mvnd"}
	r, err := Results("items", f, "code", "task", "note", p, s,
		Result{Line: 918, Text: "được chuyển đổi sang IPv6", Task: "3.6", Carried: 5024},
		Result{Line: 1136, Text: "được chuyển đổi sang IPv6", Task: "3.6"},
		Result{Line: 1150, Text: "Tổ chức thành công Diễn tập", Task: "7.1"},
		Result{Line: 1154, Text: "Triển khai hệ thống SOC", Task: "7.3"},
	)
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 4 || len(r.Findings) != 2 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
	a, b := r.Findings[0], r.Findings[1]
	if a.SourceLine != 918 || a.Class != "" || a.Subject != "Triển khai Ipv6" || a.Reported != 0 || a.Computed != 1800 ||
		!strings.Contains(a.DetailVI, "«Không thực hiện do thời gian") || !strings.Contains(a.DetailVI, "chuyển tiếp nhiệm vụ này (dòng 5024)") {
		t.Errorf("first: %+v", a)
	}
	if b.SourceLine != 1136 || b.Class != ClassFollows || !strings.Contains(b.Detail, "first at line 918") {
		t.Errorf("second: %+v", b)
	}
	if _, err := Results("items", f, "code", "task", "note", p, s, Result{Line: 1, Task: "9.9"}); err == nil || !strings.Contains(err.Error(), `"9.9"`) {
		t.Errorf("unknown task: %v", err)
	}
}
