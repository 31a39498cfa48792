// Package frame is ictplan's table: an immutable, column-typed Frame backed
// by Apache Arrow arrays, with the provenance of its figures in the schema.
//
// A Frame has named columns of five kinds (string, int64, float64, bool,
// date), each of which may hold nulls. Field metadata carries the Vietnamese
// header of the source (label_vi) and the unit; schema metadata carries the
// dataset id, source file, document, appendix and province. The names of
// these conventions are constants here (the Meta… keys, ColSourceLine),
// and so is the form of the totals a document reports about its tables
// (ClaimFields), which loaders make and analysis/reconcile reads. Operations
// (Select, Filter, SortBy, Head, Rename, WithColumn...) return new Frames and
// never modify their receiver. Text renders with String (aligned, Vietnamese
// number format 1.234,5) and HTML (escaped), so a Frame displays itself in a
// notebook. Frames read and write CSV and JSON here; the other formats live
// in subpackages, so that importing frame compiles and links none of them:
// Arrow IPC in ipcio, Parquet in parquetio, XLSX in xlsxio, and the
// conversion to and from gota DataFrames in gotaconv.
//
// The package is not a query engine: GroupBy works on column slices in
// memory, and a Frame is a single record batch.
//
// # Operations
//
// frame holds the library's table operations, for the analysis packages to
// build on:
//
//   - columns and rows: Select, Drop, Rename, WithColumn, WithRatio, Head,
//     Slice, Take, Filter, SortBy (Vietnamese dictionary order for text);
//   - GroupBy with Sum, Mean, Min, Max, Count, CountRows, First and
//     MeanRatio, groups in order of first appearance. Aggregations skip
//     nulls (a group with no value gives null, never 0); Agg.Strict makes a
//     group with a null give null;
//   - Join: many-to-one, inner or left, on one or more string, int64, bool
//     or date keys, text keys optionally normalised (vntext.Fold); a key
//     twice on the right is a DuplicateKeyError, a null key never matches;
//   - Concat: Frames with the same columns, one after the other, provenance
//     merged;
//   - Pivot (long to wide) and Melt (wide to long); a pair given twice is an
//     error, never a silent choice;
//   - Ranks and WithRank: competition (1, 2, 2, 4) or dense (1, 2, 2, 3)
//     ranks, ties exact or within a relative tolerance.
//
// Their errors name the columns (and rows, 1-based) at fault; they keep the
// field metadata (labels, units) of the columns they carry.
//
// # CSV
//
// ReadCSV reads a researcher's file as well as one WriteCSV wrote. It
// infers column kinds unless CSVOptions.Fields gives them, and detects the
// number convention (CSVOptions.Numbers): 1.234,5 and 0,8002 are numbers
// in the Vietnamese convention, 1,234.5 and 0.89308 in the English one, a
// token such as 1.774 is read as the rest of the file decides, and a file
// that mixes the conventions or leaves a token undecided is an error at
// its line and column (numtext.ErrMixedConvention,
// numtext.ErrAmbiguousNumber). WriteCSV writes plain numbers that read one
// way only (1.774 as 1.7740); WriteCSVWith, for a file meant for a
// spreadsheet, puts a single quote before a text cell that would run as a
// formula (=, +, -, @). ReadCSV removes that quote, so that a Frame
// written either way and read back with its Fields is the same Frame.
//
// # Memory
//
// A Frame holds one reference to each of its Arrow arrays. The rule is the
// Arrow one: every function or method that returns a *Frame gives the caller a
// reference of its own, which the caller ends with Release (usually
// `defer f.Release()`); Retain takes another reference. Releasing the last
// reference returns the buffers to the allocator. With the default Go
// allocator a forgotten Release costs nothing but garbage-collector work, so
// notebook code may ignore it; code that passes a pooled or checked allocator
// (memory.NewCheckedAllocator in tests) must balance every reference. Slices
// returned by column accessors (Float64s, Strings...) are copies owned by the
// caller and stay valid after Release.
//
// # Nulls
//
// An empty source cell is null, never zero. Float64s reports a null as NaN,
// Int64s as 0 (check Valid or IsNull), Strings as "". Functions that take
// float slices treat NaN as null (WithFloat64s).
package frame
