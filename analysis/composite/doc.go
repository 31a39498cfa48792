// Package composite compares provinces (or any units) on several indicators:
// it normalises a province × indicator Frame, weights and aggregates the
// indicators into a composite score, ranks the provinces, tests how much
// the ranking depends on the weights, divides by population or staff, and
// regroups the 63 provinces of 2010–2024 into the 34 units of the 2025
// reorganisation. It is for researchers with any such Frame — the three
// provinces of the sources, or their own CSV of all 63 — and is not a
// statistical-modelling package: no imputation, outlier treatment or
// weighting by PCA.
//
// Its name is what it builds, a composite indicator in the OECD/JRC
// Handbook's sense; it was called bench (for benchmarking), which clashed
// with the folder bench/ of the performance benchmarks.
//
// # Input
//
// A wide Frame: one row per province, one numeric column per indicator,
// a text column naming the province. A long Frame (province, indicator,
// value) becomes wide with Wide. Each indicator enters as an Indicator:
// column, Direction (HigherBetter or LowerBetter) and Weight.
//
// # Methods and formulas
//
// The methods and their names follow COINr, the R package of the European
// Commission's Joint Research Centre (JRC) for composite indicators
// (https://bluefoxr.github.io/COINr/; functions n_minmax, n_zscore,
// a_amean, a_gmean, get_noisy_weights), which implements the OECD/JRC
// Handbook on Constructing Composite Indicators: Methodology and User
// Guide (OECD Publishing, Paris, 2008, https://doi.org/10.1787/9789264043466-en):
// normalisation is its step 5, weighting and aggregation step 6,
// uncertainty and sensitivity analysis step 7.
//
// For indicator x over the n provinces with a value (nulls skipped):
//
//	MinMax       y = (x − min)/(max − min) × 100           in [0, 100]
//	MinMaxFrom1  y = 1 + (x − min)/(max − min) × 99        in [1, 100]
//	ZScore       y = (x − mean)/s,  s = √(Σ(x − mean)²/(n − 1))
//
// LowerBetter indicators are turned round (max − x in place of x − min,
// mean − x in place of x − mean), as COINr does by multiplying x by the
// direction −1 before normalising. Min-max goes to [0, 100], COINr's
// default; the z-score uses the sample standard deviation (n − 1), which
// is what n_zscore computes with R's sd. An indicator with no spread
// (all values equal, or fewer than two) is an error, ErrNoSpread.
//
// With weights w renormalised over the indicators a province has values
// for (COINr's a_amean and a_gmean drop missing values with their
// weights):
//
//	Arithmetic   score = Σ wᵢ yᵢ / Σ wᵢ
//	Geometric    score = exp(Σ wᵢ ln yᵢ / Σ wᵢ)
//
// The geometric mean needs positive values. As in COINr's a_gmean, a zero
// or negative value is an error (ErrNotPositive), not a silent shift:
// normalise with MinMaxFrom1, as the COINr documentation does before a
// geometric mean, or aggregate arithmetically. Ranks put the highest
// score first; ties share the smallest rank (1, 2, 2, 4), as R's rank
// with ties.method = "min" used by COINr.
//
// Sensitivity draws weight sets wⱼ(1 + uⱼ), uⱼ uniform on [−Spread,
// +Spread] (COINr's get_noisy_weights), re-ranks, and reports per province
// the nominal rank, the median and 5th–95th percentile ranks (R's
// quantile type 7) and the share of draws in which the rank changed; the
// draws come from math/rand/v2's PCG seeded by the caller, so a result is
// reproducible.
//
// PerCapita and PerStaff divide a column by population or staff (× per);
// a zero or null denominator gives null, never 0 or infinity. Attach brings
// a reference column (population from vn-provinces) into a Frame by
// province name, with the reference's source line.
//
// # The 2025 reorganisation
//
// Resolution 202/2025/QH15 of the National Assembly (12 June 2025) merged
// the 63 provinces into 34; the new provincial authorities began work on
// 1 July 2025. Reaggregate regroups a Frame of old
// provinces into the new units of a crosswalk (columns old_province,
// new_province; the catalogue's vn-provinces-2025): counts and money are
// summed, ratios are recomputed as the sum of numerators over the sum of
// denominators (never an average of ratios), each row says how many old
// provinces it holds and whether that is all of them, and provinces the
// crosswalk does not know are an error listing them. Names match by
// MatchKey (vntext.PlaceKey): by default case, the "Tỉnh"/"Thành phố"
// prefix, dashes and their spacing and the old or new placement of the
// tone mark (Hòa, Hoà) do not matter, and the usual other names are known
// (Thừa Thiên Huế is Huế, TP.HCM is Hồ Chí Minh, BR-VT is Bà Rịa - Vũng
// Tàu); MatchFolded also ignores every diacritic ("Hanoi", "Ho Chi Minh
// City").
//
// # Outputs
//
// Every function returns a new Frame (Release it when done, see package
// frame); the columns it adds carry a Vietnamese label and a unit, the
// schema metadata a title, the method and the dataset it was derived from
// (frame.MetaDerivedFrom, frame.MetaMethod). Rows keep the order of the input; the
// province column and source_line (or source_lines, the list of lines) go
// through, so every score can be traced to the source lines of its
// figures.
package composite
