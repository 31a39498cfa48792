package reporting_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/reporting"
)

// TestReviewGroupsAndLanguage: a finding that follows from another is shown
// right under it, marked; the Vietnamese page gives each finding's
// Vietnamese sentence and subject, the English one the English.
func TestReviewGroupsAndLanguage(t *testing.T) {
	fs := []reconcile.Finding{
		{Dataset: "bảng 1", Rule: reconcile.RuleTotal, Subject: "TỔNG CỘNG", SourceLine: 9, Detail: "TỔNG CỘNG reports computers = 55", DetailVI: "TỔNG CỘNG ghi «Số máy tính» = 55"},
		{Dataset: "bảng 1", Rule: reconcile.RuleRatio, Subject: "Sở A", SourceLine: 3, Detail: "Sở A reports …", DetailVI: "Sở A ghi …"},
		{Dataset: "bảng 1", Rule: reconcile.RuleRatio, Subject: "TỔNG CỘNG", SourceLine: 9, Class: reconcile.ClassFollows, Detail: "follows", DetailVI: "hệ quả"},
		{Dataset: "bảng 1", Rule: reconcile.RuleTotal, Subject: "3 Hạ tầng số (subtotal)", SourceLine: 12, Detail: "x", DetailVI: "y"},
	}
	for lang, want := range map[string][]string{
		"vi": {"TỔNG CỘNG ghi «Số máy tính» = 55", "↳ tỷ lệ khác tỷ lệ tính lại", "hệ quả", "Sở A ghi …", "3 Hạ tầng số (dòng cộng)"},
		"en": {"TỔNG CỘNG reports computers = 55", "↳ ratio vs recomputed", "follows", "Sở A reports …", "3 Hạ tầng số (subtotal)"},
	} {
		var b bytes.Buffer
		if err := reporting.WriteReview(&b, reporting.Review{File: "draft.csv", Checks: 4, Findings: fs, Lang: lang}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		at := 0
		for _, w := range want {
			k := strings.Index(page[at:], w)
			if k < 0 {
				t.Errorf("%s: %q not found in order", lang, w)
				break
			}
			at += k
		}
	}
}
