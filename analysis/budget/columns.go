package budget

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// Phases of a budget figure, as prefixes of the amount columns' names.
const (
	// NoPhase is a plan with a single phase: columns <source>_mvnd.
	NoPhase = ""
	// Planned is the budget allotted by the plan: planned_<source>_mvnd.
	Planned = "planned"
	// Spent is what was carried out: spent_<source>_mvnd.
	Spent = "spent"
)

// phases are the known phase prefixes: a NoPhase source never starts with
// one of them.
var phases = []string{Planned, Spent}

// Column names the package reads besides the amount columns.
const (
	colPillarNo   = "pillar_no"
	colPillar     = "pillar"
	colSource     = "source"
	colSourceLine = frame.ColSourceLine
	colReported   = "rate_percent_reported"
	suffixMVND    = "_mvnd"
)

// Metadata keys of the package's output Frames (besides frame.MetaDataset,
// frame.MetaTitle and the provenance copied from the input).
const (
	// MetaPhase is the phase of the amounts (planned, spent, or "" for none).
	MetaPhase = "phase"
	// MetaBaseYear is the price year of amounts in real terms.
	MetaBaseYear = "base_year"
)

// AmountColumn is one money column of a Frame, read by the naming rule of
// the package documentation.
type AmountColumn struct {
	Name   string // column name, e.g. planned_local_mvnd
	Phase  string // Planned, Spent or NoPhase
	Source string // source key, e.g. local; "" for a row-amount column
}

// AmountColumns returns the float64 columns of f whose names end in _mvnd,
// parsed by the naming rule: <phase>_<source>_mvnd, <source>_mvnd, and the
// row amounts total_mvnd, amount_mvnd, <phase>_mvnd and <phase>_total_mvnd
// (Source ""). They are in column order.
func AmountColumns(f *frame.Frame) []AmountColumn {
	var out []AmountColumn
	for _, s := range f.Fields() {
		if s.Kind != frame.Float64 || !strings.HasSuffix(s.Name, suffixMVND) {
			continue
		}
		out = append(out, parseAmountName(s.Name))
	}
	return out
}

// parseAmountName applies the naming rule to a name ending in _mvnd.
func parseAmountName(name string) AmountColumn {
	stem := strings.TrimSuffix(name, suffixMVND)
	c := AmountColumn{Name: name}
	for _, p := range phases {
		if stem == p {
			c.Phase = p
			return c
		}
		if rest, ok := strings.CutPrefix(stem, p+"_"); ok {
			c.Phase, stem = p, rest
			break
		}
	}
	if stem != "total" && stem != "amount" {
		c.Source = stem
	}
	return c
}

// Sources returns the source keys of f's columns at a phase
// (<phase>_<source>_mvnd, or <source>_mvnd for NoPhase), in column order;
// none when f is in row form or has no such columns.
func Sources(f *frame.Frame, phase string) []string {
	var out []string
	for _, c := range sourceColumns(f, phase) {
		out = append(out, c.Source)
	}
	return out
}

func sourceColumns(f *frame.Frame, phase string) []AmountColumn {
	var out []AmountColumn
	for _, c := range AmountColumns(f) {
		if c.Phase == phase && c.Source != "" {
			out = append(out, c)
		}
	}
	return out
}

// rowAmountColumn is the row-amount column of a phase, "" if none.
func rowAmountColumn(f *frame.Frame, phase string) string {
	for _, c := range AmountColumns(f) {
		if c.Phase == phase && c.Source == "" {
			return c.Name
		}
	}
	return ""
}

func checkPhase(phase string) error {
	switch phase {
	case NoPhase, Planned, Spent:
		return nil
	}
	return fmt.Errorf("budget: unknown phase %q (want %q, %q or %q)", phase, Planned, Spent, NoPhase)
}

// phaseName is the phase as a word for messages and metadata.
func phaseName(phase string) string {
	if phase == NoPhase {
		return "plan"
	}
	return phase
}

// rowAmounts returns the amount of every row of f at a phase: the sum of
// its source columns (null, as NaN, if any part is null) or, when the phase
// has no source columns, its row-amount column.
func rowAmounts(f *frame.Frame, phase string) ([]float64, error) {
	if err := checkPhase(phase); err != nil {
		return nil, err
	}
	cols := sourceColumns(f, phase)
	if len(cols) == 0 {
		name := rowAmountColumn(f, phase)
		if name == "" {
			return nil, fmt.Errorf("budget: %s has no %s amount columns (want <source>_mvnd names; see the package documentation): %v", describe(f), phaseName(phase), f.Names())
		}
		return f.Col(name).Float64s(), nil
	}
	sum := make([]float64, f.NumRows())
	for _, c := range cols {
		for i, v := range f.Col(c.Name).Float64s() {
			sum[i] += v // NaN stays NaN
		}
	}
	return sum, nil
}

// sourceAmount is one source's amounts by row.
type sourceAmount struct {
	key, labelVI string
	values       []float64 // NaN for null
}

// columnSources returns the source columns of a phase with their values
// and short Vietnamese labels.
func columnSources(f *frame.Frame, phase string) []sourceAmount {
	cols := sourceColumns(f, phase)
	labels := make([]string, len(cols))
	for i, c := range cols {
		labels[i] = f.Col(c.Name).LabelVI()
	}
	labels = shortLabels(labels)
	out := make([]sourceAmount, len(cols))
	for i, c := range cols {
		out[i] = sourceAmount{key: c.Source, labelVI: labels[i], values: f.Col(c.Name).Float64s()}
	}
	return out
}

// shortLabels drops the heading the labels share, up to and including its
// last ": " ("Kinh phí được giao theo kế hoạch: NSĐP" -> "NSĐP"), so that
// a chart legend says only what differs. Labels that share no such heading
// are kept whole.
func shortLabels(labels []string) []string {
	if len(labels) < 2 {
		return labels
	}
	prefix := labels[0]
	for _, l := range labels[1:] {
		for !strings.HasPrefix(l, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	cut := strings.LastIndex(prefix, ": ")
	if cut < 0 {
		return labels
	}
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = l[cut+2:]
		if out[i] == "" {
			return labels
		}
	}
	return out
}

// rowFormSources reads a Frame in row form: one source per row, keyed by
// the schema metadata source_keys when it has one key per row.
func rowFormSources(f *frame.Frame) (keys, labels []string, err error) {
	c, err := f.Column(colSource)
	if err != nil || c.Kind() != frame.String {
		return nil, nil, fmt.Errorf("budget: %s has neither source columns (<source>_mvnd) nor a text column %q naming the source of each row", describe(f), colSource)
	}
	labels = c.Strings()
	keys = append([]string(nil), labels...)
	if meta := f.Meta("source_keys"); meta != "" {
		k := strings.Split(meta, ",")
		if len(k) == len(labels) {
			for i := range k {
				keys[i] = strings.TrimSpace(k[i])
			}
		}
	}
	return keys, labels, nil
}

// lines returns the source_line of every row (0 where null or absent).
func lines(f *frame.Frame) []int64 {
	c, err := f.Column(colSourceLine)
	if err != nil || !c.Kind().Numeric() {
		return make([]int64, f.NumRows())
	}
	v := c.Int64s()
	for i := range v {
		if c.IsNull(i) {
			v[i] = 0
		}
	}
	return v
}

// lineValue is a source line as a cell: null for 0 (unknown).
func lineValue(l int64) any {
	if l == 0 {
		return nil
	}
	return l
}

// joinLines lists the known lines of the rows idx, comma-separated, in row
// order; null when none is known.
func joinLines(ls []int64, idx []int) any {
	var parts []string
	for _, i := range idx {
		if ls[i] != 0 {
			parts = append(parts, strconv.FormatInt(ls[i], 10))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return strings.Join(parts, ",")
}

func allRows(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// pillars are the identity columns of a pillar Frame.
type pillars struct {
	no    []int64
	valid []bool
	name  []string
	key   []any // English key or nil
}

// readPillars reads pillar_no, pillar and the English keys of the pillar
// column's field metadata pillar_keys (a JSON object from pillar_no to key;
// the schema metadata of the same name is the fallback).
func readPillars(f *frame.Frame) (pillars, error) {
	nc, err := f.Column(colPillarNo)
	if err != nil || nc.Kind() != frame.Int64 {
		return pillars{}, fmt.Errorf("budget: %s needs an int64 column %q (columns: %v)", describe(f), colPillarNo, f.Names())
	}
	pc, err := f.Column(colPillar)
	if err != nil || pc.Kind() != frame.String {
		return pillars{}, fmt.Errorf("budget: %s needs a text column %q (columns: %v)", describe(f), colPillar, f.Names())
	}
	p := pillars{no: nc.Int64s(), valid: nc.Valid(), name: pc.Strings()}
	raw := pc.Spec().Extra["pillar_keys"]
	if raw == "" {
		raw = f.Meta("pillar_keys")
	}
	var keys map[string]string
	if raw != "" {
		if err := json.Unmarshal([]byte(raw), &keys); err != nil {
			return pillars{}, fmt.Errorf("budget: %s: pillar_keys metadata is not a JSON object of keys: %w", describe(f), err)
		}
	}
	p.key = make([]any, len(p.no))
	for i, n := range p.no {
		if k, ok := keys[strconv.FormatInt(n, 10)]; ok && p.valid[i] {
			p.key[i] = k
		}
	}
	return p, nil
}

func (p pillars) noValue(i int) any {
	if !p.valid[i] {
		return nil
	}
	return p.no[i]
}

// describe names a Frame in messages: its dataset id, or "the frame".
func describe(f *frame.Frame) string {
	if id := f.Meta(frame.MetaDataset); id != "" {
		return id
	}
	return "the frame"
}

// num is a float cell: nil (null) for NaN or an infinity.
func num(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

// ratio is a / b, NaN when b is 0 or either is NaN.
func ratio(a, b float64) float64 {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return math.NaN()
	}
	return a / b
}

// sum adds the values at idx; NaN if any is NaN (an unknown part makes the
// sum unknown).
func sum(v []float64, idx []int) float64 {
	s := 0.0
	for _, i := range idx {
		s += v[i]
	}
	return s
}

func errNoSources(f *frame.Frame, phase string) error {
	return fmt.Errorf("budget: %s has no %s source columns (%s<source>_mvnd): %v", describe(f), phaseName(phase), phasePrefix(phase), f.Names())
}

func phasePrefix(phase string) string {
	if phase == NoPhase {
		return ""
	}
	return phase + "_"
}
