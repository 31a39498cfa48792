// Package ratios computes the ratios of a plan's tables unit by unit —
// computers per staff member, the shares of computers on a LAN and on the
// Internet, the share of staff with an IT degree, the share with an e-mail
// box — for any Frame that has the needed columns, and ranks, aggregates and
// compares them.
//
// A ratio is described by a Spec: a name, the numerator columns (added
// together) and the denominator columns. The presets (ComputersPerStaff,
// LANShare, InternetShare, ITQualifiedShare, EmailShare) use the column names
// of the datasets of package datasets; UseColumns renames the columns of a
// Frame with other names (a researcher's CSV) to those names.
//
// The functions:
//
//   - ByUnit: numerator, denominator, ratio and rank for every row;
//   - Aggregate: per group (or level), the sum of the parts over the sum of
//     the wholes — the weighted ratio of the group;
//   - MeanOfRatios: per group, the unweighted mean of the unit ratios, only
//     for when that is what is asked (it is not the group's ratio);
//   - GapToTarget, with LookupTarget: the gap of each ratio to a target such
//     as a plan's 90 % of computers per civil servant;
//   - Compare: recomputed and reported ratios side by side;
//   - Concat and ConcatLevels: one Frame from several with the same columns
//     (for example provincial and district units, with a level column).
//
// Nulls are never zeros. A ratio is null when any of its inputs is null or
// when its denominator is 0, and a null ratio has a null rank. A unit with a
// null input is left out of its group's sums, a unit without a ratio out of
// a mean of ratios; the units left out are counted and their source lines
// listed. Ratios are fractions (0.89308), not percentages: a target stated
// in per cent is divided by 100 by LookupTarget.
//
// Output Frames keep the provenance of their input (dataset id, source file,
// document) in their schema metadata, say how they were computed under the
// key "method", and carry the source line of every unit (source_line), or
// the lines of the units a group sum adds up (source_lines), so that every
// figure can be traced back to the text.
//
// The package computes; it does not judge. Whether a reported ratio agrees
// with its parts is also what package reconcile checks, as findings.
package ratios
