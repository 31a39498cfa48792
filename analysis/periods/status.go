package periods

// Status is what a row of Compare, Outlook or Attainment says of a target
// and the results set against it: the column "status" of their Frames holds
// its text. One family for the three, each status meaning the same
// wherever it appears.
type Status string

// The statuses, and which function gives each.
const (
	// StatusMet: the result meets the target (Compare: the result of the
	// target's year).
	StatusMet Status = "met"
	// StatusMetOnTime: the result of the target year itself meets the
	// target (Attainment).
	StatusMetOnTime Status = "met_on_time"
	// StatusMetLater: a result of a later year meets the target
	// (Attainment).
	StatusMetLater Status = "met_later"
	// StatusNotMet: the result falls short of (or outside) the target
	// (Compare; Attainment: the latest result still does).
	StatusNotMet Status = "not_met"
	// StatusReached: the latest result of an earlier year already meets the
	// target (Outlook).
	StatusReached Status = "reached"
	// StatusToGo: the latest result of an earlier year falls short of the
	// target (Outlook).
	StatusToGo Status = "to_go"
	// StatusUndetermined: the figures are there but allow either answer
	// (bounds, ranges, null values) — in all three.
	StatusUndetermined Status = "undetermined"
	// StatusTargetOnly: a target with no result of its year (Compare).
	StatusTargetOnly Status = "target_only"
	// StatusActualOnly: a result with no target of its year (Compare).
	StatusActualOnly Status = "actual_only"
	// StatusBaselineOnly: a baseline that no target or result of a later
	// (or the same) year uses (Compare).
	StatusBaselineOnly Status = "baseline_only"
	// StatusNoResult: no result to set against the target (Outlook: of an
	// earlier year; Attainment: of the target year or later).
	StatusNoResult Status = "no_result"
)

// String returns the status as written in a Frame.
func (s Status) String() string { return string(s) }
