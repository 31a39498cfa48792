package datasets

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// The investment decisions across documents: Sóc Trăng's 2011–2015 plan
// (Kế hoạch 21/KH-UBND), Thừa Thiên Huế's digital-transformation
// programme (HĐND resolution of 14/10/2021), Khánh Hòa's proposal for the
// Tỉnh ủy's information system (Tờ trình 2216/TTr-STTTT of 14/7/2023, with
// its draft submission and draft resolution) and Sóc Trăng's party IT
// project (Nghị quyết 103/NQ-HĐND of 28/8/2024), as three datasets:
// the programmes, their components and their funding sources.
//
// How each value is obtained:
//   - by code, from lines of regular form: the numbered "label: value"
//     lines of a decision (Tên dự án, Chủ đầu tư, Nhóm dự án, Tổng mức
//     đầu tư, Thời gian thực hiện), Thừa Thiên Huế's component projects
//     (2.N. … 2.N.3. Chủ đầu tư … 2.N.4. Tổng mức đầu tư), Khánh Hòa's
//     module table and Sóc Trăng's scope items; the 2011–2015 projects are
//     the dataset soctrang-2011-2015-projects;
//   - by reviewed transcription (curated/investments.csv): documents,
//     dates, stages, titles where no label gives them, amounts in words,
//     funding sources, and the 2010 plan's total and period, each with its
//     line and the exact text, checked against the source at build time.
//
// Numbers are parsed from their text with loaders.ParseAmount (dot
// thousands, decimal comma) and loaders.ParseAmountWords.

const (
	hue2021      = "thuathienhue-2021-hdnd-digital-transformation-programme.txt"
	khanhhoa2023 = "khanhhoa-2023-party-leadership-information-system-proposal.txt"
	nq103        = "soctrang-2024-nq103-hdnd-party-it-investment.txt"

	investConvention = "The four documents write amounts with dot thousands and a decimal comma " +
		"(30.500.000.000 đồng; 21.500 triệu đồng; 1.401.524 at line 614 of the Thừa Thiên Huế resolution). " +
		"So 990,277 triệu đồng (Thừa Thiên Huế, component 2.7, line 715) is 990.277 million đồng (990 277 000 đồng), " +
		"and the nine components add up to 100.000,277 million against the reported 100.000: " +
		"the 0,277 difference is a finding of components-vs-total, not corrected. " +
		"The 2010 plan's table (Phụ lục 5, comma thousands) comes in through soctrang-2011-2015-projects."
	investSources = plan2010 + ", " + hue2021 + ", " + khanhhoa2023 + ", " + nq103
)

// investmentDoc is a document that decides on (or plans) one programme.
type investmentDoc struct {
	Key  string // record key in the transcriptions
	File string
	// components reads the programme's components; copies are the other
	// copies of a repeated table (nil when there are none).
	components func(file string, lines []string) (rows []component, copies []moduleCopy, err error)
}

// investmentDocs in the order of the datasets' rows (by date).
var investmentDocs = []investmentDoc{
	{Key: "soctrang-2010", File: plan2010, components: planProjects},
	{Key: "thuathienhue-2021", File: hue2021, components: func(file string, lines []string) ([]component, []moduleCopy, error) {
		c, err := programmeComponents(file, lines)
		return c, nil, err
	}},
	{Key: "khanhhoa-2023", File: khanhhoa2023, components: func(file string, lines []string) ([]component, []moduleCopy, error) {
		copies, err := moduleTables(file, lines)
		if err != nil {
			return nil, nil, err
		}
		return copies[0].Rows, copies, nil
	}},
	{Key: "soctrang-2024", File: nq103, components: func(file string, lines []string) ([]component, []moduleCopy, error) {
		c, err := scopeItems(file, lines)
		return c, nil, err
	}},
}

// planProjects takes the 2011–2015 projects of the 2010 plan from the
// dataset soctrang-2011-2015-projects (Phụ lục 5), not from the text again.
func planProjects(string, []string) ([]component, []moduleCopy, error) {
	f, err := Load("soctrang-2011-2015-projects")
	if err != nil {
		return nil, nil, err
	}
	defer f.Release()
	no, name, obj := f.Col("no").Int64s(), f.Col("project").Strings(), f.Col("objective").Strings()
	ps, pe, total := f.Col("period_start").Int64s(), f.Col("period_end").Int64s(), f.Col("total_mvnd").Float64s()
	ln := f.Col(frame.ColSourceLine).Int64s()
	out := make([]component, f.NumRows())
	for i := range out {
		out[i] = component{No: strconv.FormatInt(no[i], 10), Kind: kindProject, Name: name[i], Amount: total[i],
			Description: obj[i], PeriodStart: int(ps[i]), PeriodEnd: int(pe[i]), Line: int(ln[i])}
	}
	return out, nil, nil
}

// investment is one programme with what was read about it.
type investment struct {
	Doc      investmentDoc
	Province string
	Fields   map[string][]reading // by field, in line order; the first is the value
	Funding  []*funding
	Subtotal []*funding // reported subtotals of groups of funding sources
	Parts    []component
	Copies   []moduleCopy

	Document, Stage, Title, Group, Owner string
	Date                                 time.Time
	Total                                float64 // million đồng
	TotalUnit                            float64 // million đồng of the total's last written digit
	TotalText, Words                     string
	PeriodStart, PeriodEnd, Duration     int
	Line, TotalLine                      int
}

// funding is one funding source of a programme (or a reported subtotal).
type funding struct {
	Fields                  map[string][]reading
	Group, Source           string
	Amount                  float64 // million đồng; NaN when none is written
	AmountText, Words       string
	Rest                    bool // "Phần còn lại": the rest of the total
	Line, AmountLine, WLine int
}

// subject names the programme in findings.
func (v *investment) subject() string { return v.Province + ", " + v.Document }

var (
	investOnce sync.Once
	investAll  []*investment
	investErr  error
)

// investments reads every programme once; the result is shared read-only.
func investments() ([]*investment, error) {
	investOnce.Do(func() { investAll, investErr = readInvestments() })
	return investAll, investErr
}

func readInvestments() ([]*investment, error) {
	trs, err := transcriptions()
	if err != nil {
		return nil, err
	}
	byRecord := map[string][]reading{}
	for _, r := range trs {
		byRecord[r.Record] = append(byRecord[r.Record], r)
	}
	var out []*investment
	var errs []error
	used := map[string]bool{}
	for _, d := range investmentDocs {
		v, err := readInvestment(d, byRecord, used)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", d.Key, err))
			continue
		}
		out = append(out, v)
	}
	for rec := range byRecord {
		if !used[rec] {
			errs = append(errs, fmt.Errorf("%s: record %q belongs to no investment", curatedInvestments, rec))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func readInvestment(d investmentDoc, byRecord map[string][]reading, used map[string]bool) (*investment, error) {
	lines, err := sourceLines(d.File)
	if err != nil {
		return nil, err
	}
	v := &investment{Doc: d, Total: math.NaN()}
	for _, s := range sources {
		if s.File == d.File {
			v.Province = s.Province
		}
	}
	code, err := labelledReadings(d.Key, d.File, lines)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, r := range code {
		if err := r.verify(); err != nil {
			errs = append(errs, err)
		}
	}
	used[d.Key] = true
	v.Fields, err = fieldsOf(d, append(code, byRecord[d.Key]...))
	if err != nil {
		return nil, err
	}
	errs = append(errs, v.parse())
	// funding sources and subtotals: records key/funding/N, key/subtotal/N
	var recs []string
	for rec := range byRecord {
		if strings.HasPrefix(rec, d.Key+"/") {
			recs = append(recs, rec)
		}
	}
	sort.Slice(recs, func(i, j int) bool { return recordLess(recs[i], recs[j]) })
	for _, rec := range recs {
		used[rec] = true
		kind, _, _ := strings.Cut(strings.TrimPrefix(rec, d.Key+"/"), "/")
		if kind != "funding" && kind != "subtotal" {
			errs = append(errs, fmt.Errorf("%s: record %q: expected %s/funding/N or %s/subtotal/N", curatedInvestments, rec, d.Key, d.Key))
			continue
		}
		fs, err := fieldsOf(d, byRecord[rec])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := parseFunding(rec, fs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if kind == "funding" {
			v.Funding = append(v.Funding, f)
		} else {
			v.Subtotal = append(v.Subtotal, f)
		}
	}
	v.Parts, v.Copies, err = d.components(d.File, lines)
	errs = append(errs, err)
	return v, errors.Join(errs...)
}

// recordLess orders records by their trailing number (funding/2 before
// funding/10).
func recordLess(a, b string) bool {
	pa, na := splitNumber(a)
	pb, nb := splitNumber(b)
	if pa != pb {
		return pa < pb
	}
	return na < nb
}

func splitNumber(s string) (string, int) {
	i := strings.LastIndexByte(s, '/')
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0
	}
	return s[:i], n
}

// fieldsOf groups readings by field, in line order, after checking that
// they come from the document and that no field is both found by code and
// transcribed.
func fieldsOf(d investmentDoc, rs []reading) (map[string][]reading, error) {
	out := map[string][]reading{}
	var errs []error
	for _, r := range rs {
		if r.File != d.File {
			errs = append(errs, fmt.Errorf("%s: record %s, field %s: file %s, expected %s", curatedInvestments, r.Record, r.Field, r.File, d.File))
			continue
		}
		out[r.Field] = append(out[r.Field], r)
	}
	for field, list := range out {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Line < list[j].Line })
		for _, r := range list[1:] {
			if r.ByCode != list[0].ByCode {
				errs = append(errs, fmt.Errorf("%s: %s is read by code (line %d) and transcribed (line %d): keep one", d.Key, field,
					codeLine(list), transcribedLine(list)))
				break
			}
		}
	}
	return out, errors.Join(errs...)
}

func codeLine(rs []reading) int {
	for _, r := range rs {
		if r.ByCode {
			return r.Line
		}
	}
	return 0
}

func transcribedLine(rs []reading) int {
	for _, r := range rs {
		if !r.ByCode {
			return r.Line
		}
	}
	return 0
}

// parse sets the programme's values from the first reading of each field.
func (v *investment) parse() error {
	var errs []error
	first := func(field string, required bool) (reading, bool) {
		rs := v.Fields[field]
		if len(rs) == 0 {
			if required {
				errs = append(errs, fmt.Errorf("%s: no %s (neither a label line nor a transcription)", v.Doc.File, field))
			}
			return reading{}, false
		}
		return rs[0], true
	}
	if r, ok := first("document", true); ok {
		v.Document = r.str()
	}
	if r, ok := first("stage", true); ok {
		v.Stage = r.str()
	}
	if r, ok := first("title", true); ok {
		v.Title, v.Line = r.str(), r.Line
	}
	if r, ok := first("date", true); ok {
		t, err := r.date()
		errs = append(errs, err)
		v.Date = t
	}
	if r, ok := first("total", true); ok {
		a, err := r.money()
		errs = append(errs, err)
		v.Total, v.TotalText, v.TotalLine = a.Million, stripMarkup(r.Text), r.Line
		v.TotalUnit = loaders.ToMillion(math.Pow10(-a.Decimals), a.Unit)
	}
	if r, ok := first("total_in_words", false); ok {
		_, err := r.words()
		errs = append(errs, err)
		v.Words = loaders.CleanText(r.Text)
	}
	if r, ok := first("project_group", false); ok {
		v.Group = r.str()
	}
	if r, ok := first("owner", false); ok {
		v.Owner = r.str()
	}
	if r, ok := first("period", false); ok {
		s, e, err := r.period()
		errs = append(errs, err)
		v.PeriodStart, v.PeriodEnd = s, e
	}
	if r, ok := first("duration", false); ok {
		n, err := r.duration()
		errs = append(errs, err)
		v.Duration = n
	}
	return errors.Join(errs...)
}

func parseFunding(rec string, fs map[string][]reading) (*funding, error) {
	f := &funding{Fields: fs, Amount: math.NaN()}
	var errs []error
	for field := range fs {
		switch field {
		case "source", "source_group", "amount", "amount_in_words":
		default:
			errs = append(errs, fmt.Errorf("%s: record %s: field %s does not belong to a funding source", curatedInvestments, rec, field))
		}
	}
	if rs := fs["source"]; len(rs) > 0 {
		f.Source, f.Line = rs[0].str(), rs[0].Line
	}
	if rs := fs["source_group"]; len(rs) > 0 {
		f.Group = rs[0].str()
		if f.Line == 0 {
			f.Line = rs[0].Line
		}
	}
	if f.Line == 0 {
		errs = append(errs, fmt.Errorf("%s: record %s: no source or source_group", curatedInvestments, rec))
	}
	if rs := fs["amount"]; len(rs) > 0 {
		r := rs[0]
		f.AmountText, f.AmountLine = loaders.CleanText(r.Text), r.Line
		if strings.EqualFold(f.AmountText, "Phần còn lại") {
			f.Rest = true
		} else {
			a, err := r.money()
			errs = append(errs, err)
			f.Amount = a.Million
		}
	}
	if rs := fs["amount_in_words"]; len(rs) > 0 {
		_, err := rs[0].words()
		errs = append(errs, err)
		f.Words, f.WLine = loaders.CleanText(rs[0].Text), rs[0].Line
	}
	return f, errors.Join(errs...)
}

func init() {
	catalogue = append(catalogue,
		Entry{
			ID:       "vn-dx-investments",
			TitleVI:  "Chương trình, dự án ứng dụng CNTT và chuyển đổi số: chủ trương đầu tư, đề xuất, kế hoạch",
			TitleEN:  "IT and digital-transformation programmes: approved, proposed and planned investments with their total, group, period and owner",
			Province: "Sóc Trăng, Thừa Thiên Huế, Khánh Hòa", Period: "2010-2024", Source: plan2010,
			Document: "21/KH-UBND; NQ HĐND Thừa Thiên Huế 14/10/2021; 2216/TTr-STTTT; 103/NQ-HĐND",
			Layout:   "investment-decisions", Rows: 4,
			Convention: loaders.DotThousands, ConventionNote: investConvention,
			build: buildInvestments,
		},
		Entry{
			ID:       "vn-dx-investment-components",
			TitleVI:  "Dự án thành phần, phân hệ và hạng mục của các chương trình, dự án ứng dụng CNTT và chuyển đổi số",
			TitleEN:  "Components of the IT and digital-transformation programmes: sub-projects, modules, scope items and plan projects, with owner and amount",
			Province: "Sóc Trăng, Thừa Thiên Huế, Khánh Hòa", Period: "2010-2024", Source: plan2010,
			Document: "21/KH-UBND; NQ HĐND Thừa Thiên Huế 14/10/2021; 2216/TTr-STTTT; 103/NQ-HĐND",
			Layout:   "investment-components", Rows: 41,
			Convention: loaders.DotThousands, ConventionNote: investConvention,
			build: buildComponents,
		},
		Entry{
			ID:       "vn-dx-investment-funding",
			TitleVI:  "Cơ cấu nguồn vốn của các chương trình, dự án ứng dụng CNTT và chuyển đổi số",
			TitleEN:  "Funding sources of the IT and digital-transformation programmes, with amount and share of the total",
			Province: "Sóc Trăng, Thừa Thiên Huế, Khánh Hòa", Period: "2010-2024", Source: plan2010,
			Document: "21/KH-UBND; NQ HĐND Thừa Thiên Huế 14/10/2021; 2216/TTr-STTTT; 103/NQ-HĐND",
			Layout:   "investment-funding", Rows: 9,
			Convention: loaders.DotThousands, ConventionNote: investConvention,
			build: buildFunding,
		},
	)
}

func investMeta(e Entry, extra ...string) map[string]string {
	m := e.meta()
	m["source_files"] = investSources
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i]] = extra[i+1]
	}
	return m
}

var (
	fProvince   = frame.FieldSpec{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"}
	fDocument   = frame.FieldSpec{Name: "document", Kind: frame.String, LabelVI: "Văn bản (số, ký hiệu)"}
	fSourceFile = frame.FieldSpec{Name: frame.ColSourceFile, Kind: frame.String, LabelVI: "Tệp văn bản nguồn"}
	fSourceLine = frame.FieldSpec{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"}
	moneyExtra  = map[string]string{frame.MetaSourceUnit: "as written in the text column (đồng or triệu đồng)"}
)

var investmentFields = []frame.FieldSpec{
	fProvince, fDocument,
	{Name: "date", Kind: frame.Date, LabelVI: "Ngày văn bản"},
	{Name: "title", Kind: frame.String, LabelVI: "Tên chương trình, dự án"},
	{Name: "project_group", Kind: frame.String, LabelVI: "Nhóm dự án"},
	{Name: "total_mvnd", Kind: frame.Float64, LabelVI: "Tổng mức đầu tư", Unit: "million_vnd", Extra: moneyExtra},
	{Name: "total_in_words", Kind: frame.String, LabelVI: "Tổng mức đầu tư bằng chữ"},
	{Name: "period_start", Kind: frame.Int64, LabelVI: "Thời gian thực hiện (năm bắt đầu)", Unit: "year"},
	{Name: "period_end", Kind: frame.Int64, LabelVI: "Thời gian thực hiện (năm kết thúc)", Unit: "year"},
	{Name: "owner", Kind: frame.String, LabelVI: "Chủ đầu tư"},
	{Name: "stage", Kind: frame.String, LabelVI: "Giai đoạn: approved (phê duyệt chủ trương), proposed (đề xuất), planned (kế hoạch)"},
	{Name: "total_text", Kind: frame.String, LabelVI: "Tổng mức đầu tư (như ghi trong văn bản)"},
	{Name: "duration_years", Kind: frame.Int64, LabelVI: "Thời gian thực hiện (số năm, khi văn bản chỉ ghi số năm)", Unit: "years"},
	{Name: "total_line", Kind: frame.Int64, LabelVI: "Dòng của tổng mức đầu tư"},
	fSourceFile, fSourceLine,
}

var componentFields = []frame.FieldSpec{
	fProvince, fDocument,
	{Name: "component", Kind: frame.String, LabelVI: "Dự án thành phần, phân hệ, hạng mục"},
	{Name: "owner", Kind: frame.String, LabelVI: "Chủ đầu tư"},
	{Name: "amount_mvnd", Kind: frame.Float64, LabelVI: "Tổng mức đầu tư", Unit: "million_vnd", Extra: moneyExtra},
	{Name: "description", Kind: frame.String, LabelVI: "Nội dung, mô tả"},
	{Name: "component_no", Kind: frame.String, LabelVI: "Số thứ tự"},
	{Name: "kind", Kind: frame.String, LabelVI: "Loại: sub_project (dự án thành phần), module (phân hệ), scope_item (hạng mục quy mô đầu tư), project (dự án của kế hoạch)"},
	{Name: "amount_text", Kind: frame.String, LabelVI: "Tổng mức đầu tư (như ghi trong văn bản)"},
	{Name: "period_start", Kind: frame.Int64, LabelVI: "Thời gian thực hiện (năm bắt đầu)", Unit: "year"},
	{Name: "period_end", Kind: frame.Int64, LabelVI: "Thời gian thực hiện (năm kết thúc)", Unit: "year"},
	{Name: "amount_line", Kind: frame.Int64, LabelVI: "Dòng của tổng mức đầu tư"},
	fSourceFile, fSourceLine,
}

var fundingFields = []frame.FieldSpec{
	fProvince, fDocument,
	{Name: "source", Kind: frame.String, LabelVI: "Nguồn vốn"},
	{Name: "amount_mvnd", Kind: frame.Float64, LabelVI: "Số vốn", Unit: "million_vnd", Extra: moneyExtra},
	{Name: "share", Kind: frame.Float64, LabelVI: "Tỷ trọng trong tổng mức đầu tư (tính lại: amount_mvnd / total_mvnd)", Unit: "ratio",
		Extra: map[string]string{frame.MetaDescription: "computed by the library: the amount over the programme's total_mvnd; the sources state no shares"}},
	{Name: "source_group", Kind: frame.String, LabelVI: "Nhóm nguồn vốn"},
	{Name: "amount_text", Kind: frame.String, LabelVI: "Số vốn (như ghi trong văn bản)"},
	{Name: "amount_in_words", Kind: frame.String, LabelVI: "Số vốn bằng chữ"},
	{Name: "rest", Kind: frame.Bool, LabelVI: "Phần còn lại của tổng mức đầu tư (văn bản không ghi số)"},
	{Name: "amount_line", Kind: frame.Int64, LabelVI: "Dòng của số vốn"},
	fSourceFile, fSourceLine,
}

// null helpers: an absent value is null, never zero or "".
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return int64(n)
}

func nullFloat(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}

func emptyClaims(e Entry) (*frame.Frame, error) {
	meta := e.meta()
	meta[frame.MetaTitle] = "Số liệu tổng cộng báo cáo: " + e.TitleVI
	return frame.FromRows(meta, frame.ClaimFields(), nil)
}

// finishBuild returns data with empty claims: the programme totals are
// not column totals of these datasets; the check hooks compare them.
func finishBuild(e Entry, data *frame.Frame, err error) (*frame.Frame, *frame.Frame, error) {
	if err != nil {
		return nil, nil, err
	}
	claims, err := emptyClaims(e)
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}

func buildInvestments(e Entry) (*frame.Frame, *frame.Frame, error) {
	vs, err := investments()
	if err != nil {
		return nil, nil, err
	}
	rows := make([][]any, len(vs))
	for i, v := range vs {
		rows[i] = []any{v.Province, v.Document, v.Date, v.Title, nullStr(v.Group), nullFloat(v.Total), nullStr(v.Words),
			nullInt(v.PeriodStart), nullInt(v.PeriodEnd), nullStr(v.Owner), v.Stage, nullStr(v.TotalText),
			nullInt(v.Duration), nullInt(v.TotalLine), v.Doc.File, int64(v.Line)}
	}
	f, err := frame.FromRows(investMeta(e,
		"values", "by code from numbered label lines (Tên dự án, Chủ đầu tư, Nhóm dự án, Tổng mức đầu tư, Thời gian thực hiện); "+
			"document, date, stage, title where no label gives it, amounts in words and the 2010 plan's total and period by reviewed transcription ("+curatedInvestments+")",
		"source_line_note", "source_line is the line of the title; total_line the line of the total in digits"), investmentFields, rows)
	return finishBuild(e, f, err)
}

func buildComponents(e Entry) (*frame.Frame, *frame.Frame, error) {
	vs, err := investments()
	if err != nil {
		return nil, nil, err
	}
	var rows [][]any
	for _, v := range vs {
		for _, c := range v.Parts {
			rows = append(rows, []any{v.Province, v.Document, c.Name, nullStr(c.Owner), nullFloat(c.Amount), nullStr(c.Description),
				nullStr(c.No), c.Kind, nullStr(c.AmountText), nullInt(c.PeriodStart), nullInt(c.PeriodEnd), nullInt(c.AmountLine),
				v.Doc.File, int64(c.Line)})
		}
	}
	f, err := frame.FromRows(investMeta(e,
		"values", "by code: Thừa Thiên Huế's component projects 2.1-2.9, Khánh Hòa's module table (the copy in Tờ trình 2216/TTr-STTTT) and scope items, "+
			"Sóc Trăng's 2024 scope items; the 2011-2015 projects from the dataset soctrang-2011-2015-projects (their amount_text and amount_line are null: the table cell is read by that dataset)",
		"reconciliation_note", "Khánh Hòa's modules and Sóc Trăng's 2024 scope items have no amounts in their sources, so they are not checked against the total"),
		componentFields, rows)
	return finishBuild(e, f, err)
}

func buildFunding(e Entry) (*frame.Frame, *frame.Frame, error) {
	vs, err := investments()
	if err != nil {
		return nil, nil, err
	}
	var rows [][]any
	for _, v := range vs {
		for _, f := range v.Funding {
			share := math.NaN()
			if !math.IsNaN(f.Amount) && v.Total > 0 {
				share = f.Amount / v.Total
			}
			rows = append(rows, []any{v.Province, v.Document, f.Source, nullFloat(f.Amount), nullFloat(share), nullStr(f.Group),
				nullStr(f.AmountText), nullStr(f.Words), f.Rest, nullInt(f.AmountLine), v.Doc.File, int64(f.Line)})
		}
	}
	f, err := frame.FromRows(investMeta(e,
		"values", "by reviewed transcription ("+curatedInvestments+"): each source, amount and amount in words with its line and text",
		"reconciliation_note", "Khánh Hòa names one source (ngân sách tỉnh) with no amount of its own; Thừa Thiên Huế gives the local budget as the rest (phần còn lại) of the total"),
		fundingFields, rows)
	return finishBuild(e, f, err)
}
