// Package parquetio writes and reads frame.Frames as Apache Parquet files,
// the columnar format that pandas, polars, DuckDB and Spark read directly.
//
// A file written by Write keeps everything a Frame holds: the five column
// kinds, nulls, the field metadata (label_vi, unit, source_unit ...) and the
// schema metadata (the provenance), so Read gives back a Frame equal to the
// one written (frame.Equal). The Arrow schema is stored in the file's
// key-value metadata under "ARROW:schema", as pyarrow does; other tools see
// ordinary Parquet columns.
//
// The package lives apart from frame because the Parquet code takes minutes
// to compile the first time: import it only where Parquet is needed. It is
// not a general Parquet reader: columns must be of the five frame kinds
// (string, int64, float64, bool, date32), and a file is read whole into
// memory.
package parquetio
