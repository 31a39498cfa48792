package frame_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
	"github.com/ictplan/ictplan/vntext"
)

// survey is a researcher's table: provinces typed by hand (one in the
// 2018 tone placement, one in capitals), a null name and code, a province
// the reference lacks.
func survey(t testing.TB, mem memory.Allocator) *frame.Frame {
	t.Helper()
	return frametest.Build(t, mem, map[string]string{frame.MetaDataset: "khảo-sát", frame.MetaProvince: "nhiều tỉnh"},
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
			{Name: "code", Kind: frame.Int64},
			{Name: "year", Kind: frame.Int64, Unit: "year"},
			{Name: "staff", Kind: frame.Int64, LabelVI: "Số cán bộ", Unit: "people"},
		},
		[]any{"Sóc Trăng", 94, 2015, 1201},
		[]any{"Khánh Hoà", 56, 2015, 45},
		[]any{"THỪA THIÊN HUẾ", 46, 2016, nil},
		[]any{nil, nil, 2016, 7},
		[]any{"Hậu Giang", 93, 2015, 300},
		[]any{"Sóc Trăng", 94, 2016, 1250},
	)
}

// reference is a few rows of vn-provinces (population in thousands, 2023),
// with a null key of each kind.
func reference(t testing.TB, mem memory.Allocator) *frame.Frame {
	t.Helper()
	return frametest.Build(t, mem, map[string]string{frame.MetaDataset: "vn-provinces"},
		[]frame.FieldSpec{
			{Name: "code", Kind: frame.Int64, LabelVI: "Mã"},
			{Name: "province", Kind: frame.String, LabelVI: "Tỉnh, thành phố"},
			{Name: "population", Kind: frame.Float64, LabelVI: "Dân số trung bình", Unit: "thousand_people"},
			{Name: "region", Kind: frame.String, LabelVI: "Vùng"},
		},
		[]any{46, "Thừa Thiên Huế", 1166.5, "Bắc Trung Bộ và duyên hải miền Trung"},
		[]any{48, "Đà Nẵng", 1245.2, "Bắc Trung Bộ và duyên hải miền Trung"},
		[]any{56, "Khánh Hòa", 1260.6, "Bắc Trung Bộ và duyên hải miền Trung"},
		[]any{89, "An Giang", nil, "Đồng bằng sông Cửu Long"},
		[]any{94, "Sóc Trăng", 1198.798, "Đồng bằng sông Cửu Long"},
		[]any{nil, "Hậu Giang", nil, nil},
		[]any{95, nil, nil, "Đồng bằng sông Cửu Long"},
	)
}

// rowsOf returns f's values row by row (nil for null).
func rowsOf(f *frame.Frame) [][]any {
	out := make([][]any, f.NumRows())
	for i := range out {
		out[i] = make([]any, f.NumCols())
		for c := range out[i] {
			out[i][c] = f.ColumnAt(c).Value(i)
		}
	}
	return out
}

func TestJoin(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	left, right := survey(t, mem), reference(t, mem)
	defer left.Release()
	defer right.Release()
	const dbscl, btb = "Đồng bằng sông Cửu Long", "Bắc Trung Bộ và duyên hải miền Trung"
	i := func(v int64) any { return v }

	for _, tc := range []struct {
		name  string
		o     frame.JoinOptions
		names []string
		rows  [][]any
	}{
		{"int64 left", frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"code"}, Suffix: "_ref"},
			[]string{"province", "code", "year", "staff", "province_ref", "population", "region"},
			[][]any{
				{"Sóc Trăng", i(94), i(2015), i(1201), "Sóc Trăng", 1198.798, dbscl},
				{"Khánh Hoà", i(56), i(2015), i(45), "Khánh Hòa", 1260.6, btb},
				{"THỪA THIÊN HUẾ", i(46), i(2016), nil, "Thừa Thiên Huế", 1166.5, btb},
				{nil, nil, i(2016), i(7), nil, nil, nil},
				{"Hậu Giang", i(93), i(2015), i(300), nil, nil, nil},
				{"Sóc Trăng", i(94), i(2016), i(1250), "Sóc Trăng", 1198.798, dbscl},
			}},
		{"int64 inner", frame.JoinOptions{On: []string{"code"}, Suffix: "_ref"},
			[]string{"province", "code", "year", "staff", "province_ref", "population", "region"},
			[][]any{
				{"Sóc Trăng", i(94), i(2015), i(1201), "Sóc Trăng", 1198.798, dbscl},
				{"Khánh Hoà", i(56), i(2015), i(45), "Khánh Hòa", 1260.6, btb},
				{"THỪA THIÊN HUẾ", i(46), i(2016), nil, "Thừa Thiên Huế", 1166.5, btb},
				{"Sóc Trăng", i(94), i(2016), i(1250), "Sóc Trăng", 1198.798, dbscl},
			}},
		{"text folded left, matched", frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"province"}, Normalise: vntext.Fold, Suffix: "_gso", Matched: "found"},
			[]string{"province", "code", "year", "staff", "code_gso", "population", "region", "found"},
			[][]any{
				{"Sóc Trăng", i(94), i(2015), i(1201), i(94), 1198.798, dbscl, true},
				{"Khánh Hoà", i(56), i(2015), i(45), i(56), 1260.6, btb, true},
				{"THỪA THIÊN HUẾ", i(46), i(2016), nil, i(46), 1166.5, btb, true},
				{nil, nil, i(2016), i(7), nil, nil, nil, false},
				{"Hậu Giang", i(93), i(2015), i(300), nil, nil, nil, true},
				{"Sóc Trăng", i(94), i(2016), i(1250), i(94), 1198.798, dbscl, true},
			}},
		{"text exact inner", frame.JoinOptions{On: []string{"province"}, Suffix: "_gso", Matched: "found"},
			[]string{"province", "code", "year", "staff", "code_gso", "population", "region", "found"},
			[][]any{
				{"Sóc Trăng", i(94), i(2015), i(1201), i(94), 1198.798, dbscl, true},
				{"Hậu Giang", i(93), i(2015), i(300), nil, nil, nil, true},
				{"Sóc Trăng", i(94), i(2016), i(1250), i(94), 1198.798, dbscl, true},
			}},
		{"two keys folded", frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"code", "province"}, Normalise: vntext.Fold},
			[]string{"province", "code", "year", "staff", "population", "region"},
			[][]any{
				{"Sóc Trăng", i(94), i(2015), i(1201), 1198.798, dbscl},
				{"Khánh Hoà", i(56), i(2015), i(45), 1260.6, btb},
				{"THỪA THIÊN HUẾ", i(46), i(2016), nil, 1166.5, btb},
				{nil, nil, i(2016), i(7), nil, nil},
				{"Hậu Giang", i(93), i(2015), i(300), nil, nil},
				{"Sóc Trăng", i(94), i(2016), i(1250), 1198.798, dbscl},
			}},
		{"two keys, the other way round", frame.JoinOptions{On: []string{"province", "code"}, RightOn: []string{"province", "code"}},
			[]string{"province", "code", "year", "staff", "population", "region"},
			[][]any{
				{"Sóc Trăng", i(94), i(2015), i(1201), 1198.798, dbscl},
				{"Sóc Trăng", i(94), i(2016), i(1250), 1198.798, dbscl},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := left.Join(right, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			if !slices.Equal(g.Names(), tc.names) {
				t.Errorf("columns %q, want %q", g.Names(), tc.names)
			}
			if got := rowsOf(g); !reflect.DeepEqual(got, tc.rows) {
				t.Errorf("rows\n%v\nwant\n%v", got, tc.rows)
			}
			// field metadata of each side, schema metadata of the left
			if c := g.Col("staff"); c.LabelVI() != "Số cán bộ" || c.Unit() != "people" {
				t.Errorf("left column spec %+v", c.Spec())
			}
			if c := g.Col("population"); c.LabelVI() != "Dân số trung bình" || c.Unit() != "thousand_people" {
				t.Errorf("right column spec %+v", c.Spec())
			}
			if !reflect.DeepEqual(g.Metadata(), left.Metadata()) {
				t.Errorf("schema metadata %v", g.Metadata())
			}
			if g.Allocator() != mem {
				t.Error("the result does not use the left Frame's allocator")
			}
		})
	}
}

func TestJoinRightOn(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	left, ref := survey(t, mem), reference(t, mem)
	defer left.Release()
	defer ref.Release()
	right, err := ref.Rename("province", "ten_tinh")
	if err != nil {
		t.Fatal(err)
	}
	defer right.Release()
	other := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer other.AssertSize(t, 0)
	g, err := left.Join(right, frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"province"}, RightOn: []string{"ten_tinh"},
		Normalise: vntext.Fold, Suffix: "_gso", Allocator: other})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if want := []string{"province", "code", "year", "staff", "code_gso", "population", "region"}; !slices.Equal(g.Names(), want) {
		t.Errorf("columns %q, want %q", g.Names(), want)
	}
	// the left's text is kept
	if got := g.Col("province").Strings(); !slices.Equal(got, left.Col("province").Strings()) {
		t.Errorf("key text %q", got)
	}
	if g.Allocator() != other {
		t.Error("Allocator not used")
	}
}

// TestJoinKinds joins on bool and date keys, and gathers every kind of
// column with nulls, from sliced Frames (arrays with an offset).
func TestJoinKinds(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	all := provinces(t, mem) // every kind, a null in each column
	defer all.Release()
	left := all.Slice(1, all.NumRows())
	defer left.Release()
	ref := frametest.Build(t, mem, nil, []frame.FieldSpec{
		{Name: "online", Kind: frame.Bool},
		{Name: "reported", Kind: frame.Date},
		{Name: "note", Kind: frame.String, LabelVI: "Ghi chú"},
		{Name: "checked", Kind: frame.Bool},
		{Name: "since", Kind: frame.Date},
	},
		[]any{false, day(2015, time.December, 1), "đã kiểm tra", nil, day(2001, time.May, 1)},
		[]any{nil, nil, "không rõ", true, nil},
		[]any{true, day(2016, time.January, 2), nil, false, day(1999, time.January, 1)},
		[]any{true, day(2014, time.May, 5), "Bà Rịa", true, day(2014, time.May, 6)},
	)
	defer ref.Release()
	right := ref.Slice(1, ref.NumRows())
	defer right.Release()

	if _, err := left.Join(right, frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"online"}, Suffix: "_r"}); !errors.Is(err, frame.ErrDuplicateKey) {
		t.Fatalf("two true keys: %v", err)
	}
	first := right.Slice(0, 2) // null and true
	defer first.Release()
	byBool, err := left.Join(first, frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"online"}, Suffix: "_r", Matched: "m"})
	if err != nil {
		t.Fatal(err)
	}
	defer byBool.Release()
	// left rows: An Giang false, Cà Mau null, Bạc Liêu true, null false, Bà Rịa true
	if got, want := col(byBool, "note"), []any{nil, nil, nil, nil, nil}; !reflect.DeepEqual(got, want) {
		t.Errorf("note %v, want %v", got, want)
	}
	if got, want := col(byBool, "checked"), []any{nil, nil, false, nil, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("checked %v, want %v", got, want)
	}
	if got, want := col(byBool, "since"), []any{nil, nil, day(1999, time.January, 1), nil, day(1999, time.January, 1)}; !reflect.DeepEqual(got, want) {
		t.Errorf("since %v, want %v", got, want)
	}
	if got, want := col(byBool, "m"), []any{false, false, true, false, true}; !reflect.DeepEqual(got, want) {
		t.Errorf("matched %v, want %v", got, want)
	}

	byDate, err := left.Join(right, frame.JoinOptions{On: []string{"reported"}, Suffix: "_r"})
	if err != nil {
		t.Fatal(err)
	}
	defer byDate.Release()
	if got, want := col(byDate, "province"), []any{"Bạc Liêu", "Bà Rịa"}; !reflect.DeepEqual(got, want) {
		t.Errorf("by date: provinces %v, want %v", got, want)
	}
	if got, want := col(byDate, "note"), []any{nil, "Bà Rịa"}; !reflect.DeepEqual(got, want) {
		t.Errorf("by date: note %v, want %v", got, want)
	}
	if got, want := col(byDate, "online_r"), []any{true, true}; !reflect.DeepEqual(got, want) {
		t.Errorf("by date: online_r %v, want %v", got, want)
	}
	if c := byDate.Col("note"); c.LabelVI() != "Ghi chú" {
		t.Errorf("label %q", c.LabelVI())
	}
}

func TestJoinErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	left, right := survey(t, mem), reference(t, mem)
	defer left.Release()
	defer right.Release()
	dup := frametest.Build(t, mem, nil, []frame.FieldSpec{
		{Name: "code", Kind: frame.Int64}, {Name: "province", Kind: frame.String}, {Name: "day", Kind: frame.Date}, {Name: "x", Kind: frame.Float64},
	},
		[]any{46, "Thừa Thiên Huế", day(2020, 1, 1), 1.0},
		[]any{7, "Khánh Hòa", day(2020, 1, 2), 2.0},
		[]any{nil, nil, nil, nil},
		[]any{nil, nil, nil, nil}, // nulls are not keys: no clash
		[]any{7, "KHÁNH HOÀ", day(2020, 1, 1), 3.0},
	)
	defer dup.Release()
	clash := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "code", Kind: frame.Int64}, {Name: "year_x", Kind: frame.Int64}, {Name: "year", Kind: frame.Int64}},
		[]any{46, 1, 2})
	defer clash.Release()

	for _, tc := range []struct {
		name  string
		right *frame.Frame
		o     frame.JoinOptions
		want  string // in the message
		dup   *frame.DuplicateKeyError
	}{
		{"no key", right, frame.JoinOptions{Suffix: "_r"}, "at least one key", nil},
		{"unknown kind", right, frame.JoinOptions{Kind: 7, On: []string{"code"}, Suffix: "_r"}, "unknown kind", nil},
		{"RightOn length", right, frame.JoinOptions{On: []string{"code"}, RightOn: []string{"code", "province"}, Suffix: "_r"}, "1 left key columns", nil},
		{"missing left", right, frame.JoinOptions{On: []string{"mã"}, Suffix: "_r"}, `left Frame has no column "mã"`, nil},
		{"missing right", right, frame.JoinOptions{On: []string{"year"}, Suffix: "_r"}, `right Frame has no column "year"`, nil},
		{"key twice", right, frame.JoinOptions{On: []string{"code", "code"}, Suffix: "_r"}, `"code" named twice`, nil},
		{"kinds differ", right, frame.JoinOptions{On: []string{"code"}, RightOn: []string{"province"}, Suffix: "_r"}, `left key "code" is int64 but right key "province" is string`, nil},
		{"float key", right, frame.JoinOptions{On: []string{"staff"}, RightOn: []string{"population"}, Suffix: "_r"}, `key "population" is float64`, nil},
		{"clash", right, frame.JoinOptions{On: []string{"code"}}, `both Frames have a column "province"`, nil},
		{"suffix clash", clash, frame.JoinOptions{On: []string{"code"}, Suffix: "_x"}, `"year" with Suffix "_x" clashes with a column "year_x"`, nil},
		{"matched clash", right, frame.JoinOptions{On: []string{"code"}, Suffix: "_r", Matched: "region"}, `Matched column "region"`, nil},
		{"duplicate int64, unused", dup, frame.JoinOptions{On: []string{"code"}, Suffix: "_r"}, "code=7 in rows 2 and 5",
			&frame.DuplicateKeyError{Columns: []string{"code"}, Key: []any{int64(7)}, Rows: [2]int{2, 5}}},
		{"duplicate once folded", dup, frame.JoinOptions{On: []string{"province"}, Normalise: vntext.Fold, Suffix: "_r"}, `province="Khánh Hòa" in rows 2 and 5`,
			&frame.DuplicateKeyError{Columns: []string{"province"}, Key: []any{"Khánh Hòa"}, Rows: [2]int{2, 5}}},
		{"int64 against date", dup, frame.JoinOptions{On: []string{"year"}, RightOn: []string{"day"}, Suffix: "_r"}, `left key "year" is int64 but right key "day" is date`, nil},
		{"duplicate two keys", dup, frame.JoinOptions{On: []string{"province", "code"}, Normalise: vntext.Fold, Suffix: "_r"}, `province="Khánh Hòa", code=7 in rows 2 and 5`,
			&frame.DuplicateKeyError{Columns: []string{"province", "code"}, Key: []any{"Khánh Hòa", int64(7)}, Rows: [2]int{2, 5}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := left.Join(tc.right, tc.o)
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "frame: ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
			var de *frame.DuplicateKeyError
			if errors.As(err, &de) != (tc.dup != nil) || errors.Is(err, frame.ErrDuplicateKey) != (tc.dup != nil) {
				t.Fatalf("error %v: duplicate key error %v, want %v", err, de, tc.dup)
			}
			if tc.dup != nil && !reflect.DeepEqual(de, tc.dup) {
				t.Errorf("%+v, want %+v", de, tc.dup)
			}
		})
	}
	// a date key twice (int64 against date is refused above; here date to date)
	days := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "day", Kind: frame.Date}}, []any{day(2020, 1, 1)})
	defer days.Release()
	_, err := days.Join(dup, frame.JoinOptions{On: []string{"day"}, Suffix: "_r"})
	var de *frame.DuplicateKeyError
	if !errors.As(err, &de) || de.Rows != [2]int{1, 5} || !reflect.DeepEqual(de.Key, []any{day(2020, 1, 1)}) ||
		!strings.Contains(err.Error(), "day=2020-01-01 in rows 1 and 5") {
		t.Errorf("date duplicate: %v", err)
	}
	if _, err := left.Join(nil, frame.JoinOptions{On: []string{"code"}}); err == nil {
		t.Error("nil right Frame accepted")
	}
}

// naiveMatch is the reference join: the right row of each left row, by
// the printed key values (nil for no match).
func naiveMatch(l, r *frame.Frame, on []string, norm func(string) string) []int {
	keys := func(f *frame.Frame) ([]string, []bool) {
		ks, ok := make([]string, f.NumRows()), make([]bool, f.NumRows())
		for i := range ok {
			ok[i] = true
		}
		for _, name := range on {
			c := f.Col(name)
			text, valid := c.Strings(), c.Valid()
			seen := map[string]string{}
			for i := range ks {
				v := text[i]
				if norm != nil && c.Kind() == frame.String {
					nv, ok := seen[v]
					if !ok {
						nv = norm(v)
						seen[v] = nv
					}
					v = nv
				}
				ks[i] += c.Kind().String() + ":" + v + "|"
				ok[i] = ok[i] && valid[i]
			}
		}
		return ks, ok
	}
	rk, rok := keys(r)
	rows := map[string]int{}
	for i, k := range rk {
		if rok[i] {
			rows[k] = i
		}
	}
	lk, lok := keys(l)
	out := make([]int, l.NumRows())
	for i, k := range lk {
		out[i] = -1
		if j, found := rows[k]; found && lok[i] {
			out[i] = j
		}
	}
	return out
}

// TestJoinLarge joins Frames large enough to be probed and gathered in
// parallel, on each path (dense and hashed integers, dates, text, two
// keys), from sliced Frames, and checks every cell against naiveMatch.
func TestJoinLarge(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	n, m := 1<<20+77, 500
	rng := rand.New(rand.NewPCG(3, 5))
	names := []string{"Sóc Trăng", "Khánh Hòa", "Thừa Thiên Huế", "Đà Nẵng", "An Giang", "Bạc Liêu", "Cà Mau"}
	// right: unique (code, name) and unique sparse, dense and date keys
	perm := rng.Perm(2 * m)
	rb := frame.NewBuilder(map[string]string{frame.MetaDataset: "ref"},
		[]frame.FieldSpec{{Name: "dense", Kind: frame.Int64}, {Name: "sparse", Kind: frame.Int64},
			{Name: "name", Kind: frame.String}, {Name: "day", Kind: frame.Date},
			{Name: "pop", Kind: frame.Float64, Unit: "people"}, {Name: "label", Kind: frame.String},
			{Name: "flag", Kind: frame.Bool}}, frame.WithAllocator(mem))
	defer rb.Release()
	for j := 0; j < m+1; j++ { // row 0 is cut off by the slice below
		k := perm[j]
		if j == 10 {
			rb.AppendNull(0)
			rb.AppendNull(1)
			rb.AppendNull(2)
			rb.AppendNull(3)
		} else {
			rb.AppendInt64(0, int64(k))
			rb.AppendInt64(1, int64(k)*1_000_000_007-5e17)
			rb.AppendString(2, fmt.Sprintf("%s %d", names[k%len(names)], k))
			rb.AppendDate(3, day(2000, 1, 1).AddDate(0, 0, k))
		}
		if j%7 == 0 {
			rb.AppendNull(4)
			rb.AppendNull(5)
			rb.AppendNull(6)
		} else {
			rb.AppendFloat64(4, float64(k)*1.5)
			rb.AppendString(5, strings.Repeat("ư", k%4))
			rb.AppendBool(6, k%3 == 0)
		}
	}
	rf, err := rb.Frame()
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Release()
	right := rf.Slice(1, rf.NumRows())
	defer right.Release()

	keyName, keyDay := make([][2]string, 2*m+10), make([]time.Time, 2*m+10)
	for j := range keyName {
		k := j - 5
		nm := fmt.Sprintf("%s %d", names[(k+len(names))%len(names)], k)
		keyName[j] = [2]string{strings.ToUpper(nm), nm}
		keyDay[j] = day(2000, 1, 1).AddDate(0, 0, k)
	}
	dense, sparse, xs := make([]int64, n+3), make([]int64, n+3), make([]int64, n+3)
	name, valid := make([]string, n+3), make([]bool, n+3)
	days := make([]time.Time, n+3)
	for i := range xs {
		xs[i] = int64(i)
		k := rng.IntN(2*m+10) - 5
		if rng.IntN(20) == 0 {
			continue // null keys
		}
		valid[i] = true
		dense[i], sparse[i] = int64(k), int64(k)*1_000_000_007-5e17
		name[i], days[i] = keyName[k+5][i%2], keyDay[k+5]
	}
	lf, err := frame.FromColumns(nil, []frame.FieldSpec{{Name: "x", Kind: frame.Int64}, {Name: "day", Kind: frame.Date}}, []any{xs, days}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		spec frame.FieldSpec
		vals any
	}{
		{frame.FieldSpec{Name: "dense", Kind: frame.Int64}, dense},
		{frame.FieldSpec{Name: "sparse", Kind: frame.Int64}, sparse},
		{frame.FieldSpec{Name: "name", Kind: frame.String}, name},
	} {
		next, err := lf.WithColumn(c.spec, c.vals, valid)
		lf.Release()
		if err != nil {
			t.Fatal(err)
		}
		lf = next
	}
	defer lf.Release()
	left := lf.Slice(3, lf.NumRows())
	defer left.Release()

	for _, tc := range []struct {
		on   []string
		norm func(string) string
		kind frame.JoinKind
	}{
		{[]string{"dense"}, nil, frame.LeftJoin},
		{[]string{"sparse"}, nil, frame.InnerJoin},
		{[]string{"day"}, nil, frame.LeftJoin},
		{[]string{"name"}, nil, frame.LeftJoin},
		{[]string{"name"}, vntext.Fold, frame.InnerJoin},
		{[]string{"dense", "name"}, strings.ToLower, frame.LeftJoin},
	} {
		t.Run(fmt.Sprintf("%v/%s", tc.on, tc.kind), func(t *testing.T) {
			g, err := left.Join(right, frame.JoinOptions{Kind: tc.kind, On: tc.on, Normalise: tc.norm, Suffix: "_r", Matched: "m"})
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			match := naiveMatch(left, right, tc.on, tc.norm)
			type pair struct{ got, want frame.Column }
			var lcols, rcols []pair
			for _, name := range left.Names() {
				lcols = append(lcols, pair{g.Col(name), left.Col(name)})
			}
			for _, name := range right.Names() {
				if slices.Contains(tc.on, name) {
					continue
				}
				outName := name
				if left.Has(name) {
					outName += "_r"
				}
				rcols = append(rcols, pair{g.Col(outName), right.Col(name)})
			}
			x, m := g.Col("x").Int64Values(), g.Col("m").Bools()
			leftX := left.Col("x").Int64Values()
			pop, rpop := g.Col("pop").Float64s(), right.Col("pop").Float64s()
			out, matched := 0, 0
			for i, r := range match {
				if r < 0 && tc.kind == frame.InnerJoin {
					continue
				}
				if r >= 0 {
					matched++
				}
				// every row: which left row, which right row
				wantPop := math.NaN()
				if r >= 0 {
					wantPop = rpop[r]
				}
				if x[out] != leftX[i] || m[out] != (r >= 0) || !(pop[out] == wantPop || math.IsNaN(pop[out]) && math.IsNaN(wantPop)) {
					t.Fatalf("row %d (left %d, right %d): x %d, matched %v, pop %v", out, i, r, x[out], m[out], pop[out])
				}
				// some rows: every cell
				if out%101 == 0 || i < 300 || i > n-300 {
					for _, c := range lcols {
						if got, want := c.got.Value(out), c.want.Value(i); !reflect.DeepEqual(got, want) {
							t.Fatalf("row %d (left %d) %s = %v, want %v", out, i, c.got.Name(), got, want)
						}
					}
					for _, c := range rcols {
						var want any
						if r >= 0 {
							want = c.want.Value(r)
						}
						if got := c.got.Value(out); !reflect.DeepEqual(got, want) {
							t.Fatalf("row %d (left %d, right %d) %s = %v, want %v", out, i, r, c.got.Name(), got, want)
						}
					}
				}
				out++
			}
			if g.NumRows() != out {
				t.Errorf("%d rows, want %d", g.NumRows(), out)
			}
			if matched < n/10 || matched == n {
				t.Errorf("%d rows of %d matched: the test data misses its purpose", matched, n)
			}
		})
	}
}

func TestJoinEmpty(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	left, right := survey(t, mem), reference(t, mem)
	defer left.Release()
	defer right.Release()
	none, noRef := left.Head(0), right.Head(0)
	defer none.Release()
	defer noRef.Release()
	for _, c := range []struct{ l, r *frame.Frame }{{none, right}, {left, noRef}, {none, noRef}} {
		for _, kind := range []frame.JoinKind{frame.InnerJoin, frame.LeftJoin} {
			for _, on := range [][]string{{"code"}, {"province"}, {"code", "province"}} {
				g, err := c.l.Join(c.r, frame.JoinOptions{Kind: kind, On: on, Suffix: "_r", Matched: "m"})
				if err != nil {
					t.Fatal(err)
				}
				want := 0
				if kind == frame.LeftJoin {
					want = c.l.NumRows()
				}
				if g.NumRows() != want || g.NumCols() != 4+4-len(on)+1 {
					t.Errorf("%s join on %v of %d and %d rows: %d rows, %d columns", kind, on, c.l.NumRows(), c.r.NumRows(), g.NumRows(), g.NumCols())
				}
				g.Release()
			}
		}
	}
}
