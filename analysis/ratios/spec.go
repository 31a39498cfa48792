package ratios

import (
	"errors"
	"fmt"
	"strings"
)

// Spec describes a ratio: Name is its key in output Frames (the measure
// column), Numerator the columns added together above the line, Denominator
// the columns added together below it:
//
//	ratio = (Numerator[0] + Numerator[1] + …) / (Denominator[0] + …)
//
// A sum with a null part is null (a missing count is not taken as 0).
// LabelVI and LabelEN name the ratio for people.
type Spec struct {
	Name        string
	Numerator   []string
	Denominator []string
	LabelVI     string
	LabelEN     string
}

// Formula returns the ratio as text: "computers / staff", or
// "(it_university + it_college + it_vocational) / staff_total".
func (s Spec) Formula() string {
	return sumText(s.Numerator) + " / " + sumText(s.Denominator)
}

func sumText(cols []string) string {
	if len(cols) == 1 {
		return cols[0]
	}
	return "(" + strings.Join(cols, " + ") + ")"
}

// validate reports a Spec that cannot be computed.
func (s Spec) validate() error {
	if s.Name == "" {
		return errors.New("ratios: a Spec needs a Name")
	}
	if len(s.Numerator) == 0 || len(s.Denominator) == 0 {
		return fmt.Errorf("ratios: Spec %q needs numerator and denominator columns", s.Name)
	}
	return nil
}

// ComputersPerStaff is computers / staff: computers in use per staff member
// (Tỷ lệ máy tính/CBCC of Phụ lục 2 and 3 of the Sóc Trăng 2010 plan).
// It may exceed 1.
func ComputersPerStaff() Spec {
	return Spec{
		Name: "computers_per_staff", Numerator: []string{"computers"}, Denominator: []string{"staff"},
		LabelVI: "Tỷ lệ máy tính/cán bộ, công chức", LabelEN: "Computers per staff member",
	}
}

// LANShare is lan_computers / computers: the share of computers connected to
// a local area network.
func LANShare() Spec {
	return Spec{
		Name: "lan_share", Numerator: []string{"lan_computers"}, Denominator: []string{"computers"},
		LabelVI: "Tỷ lệ máy tính có kết nối mạng nội bộ (LAN)", LabelEN: "Share of computers on a LAN",
	}
}

// InternetShare is internet_computers / computers: the share of computers
// connected to the Internet.
func InternetShare() Spec {
	return Spec{
		Name: "internet_share", Numerator: []string{"internet_computers"}, Denominator: []string{"computers"},
		LabelVI: "Tỷ lệ máy tính có kết nối mạng Internet", LabelEN: "Share of computers on the Internet",
	}
}

// ITQualifiedShare is (it_university + it_college + it_vocational) /
// staff_total: the share of staff holding an IT degree — university (đại
// học), college (cao đẳng) or vocational (trung cấp) — as counted in
// Phụ lục 1 of the Sóc Trăng 2010 plan. The computer-literacy certificates
// (cert_a, cert_b: chứng chỉ A, B) and "biết sử dụng" (basic_user) are not IT
// qualifications and are not counted. A unit with any of the three degree
// counts empty has a null share.
func ITQualifiedShare() Spec {
	return Spec{
		Name: "it_qualified_share", Numerator: []string{"it_university", "it_college", "it_vocational"},
		Denominator: []string{"staff_total"},
		LabelVI:     "Tỷ lệ cán bộ có trình độ chuyên ngành CNTT (đại học, cao đẳng, trung cấp)",
		LabelEN:     "Share of staff with an IT degree (university, college, vocational)",
	}
}

// EmailShare is email_users / staff_total: the share of staff with an
// e-mail box.
func EmailShare() Spec {
	return Spec{
		Name: "email_share", Numerator: []string{"email_users"}, Denominator: []string{"staff_total"},
		LabelVI: "Tỷ lệ cán bộ có hộp thư điện tử", LabelEN: "Share of staff with an e-mail box",
	}
}

// ComputerSpecs returns the three ratios of the computers datasets
// (soctrang-2010-computers-provincial and -district): ComputersPerStaff,
// LANShare, InternetShare.
func ComputerSpecs() []Spec {
	return []Spec{ComputersPerStaff(), LANShare(), InternetShare()}
}

// StaffSpecs returns the two ratios of the IT-staff dataset
// (soctrang-2010-it-staff): ITQualifiedShare, EmailShare.
func StaffSpecs() []Spec {
	return []Spec{ITQualifiedShare(), EmailShare()}
}
