// Package ipcio writes and reads frame.Frames in the Arrow IPC format
// (.arrow files, also called Feather v2; and IPC streams), keeping what a
// Frame holds: the five column kinds with their nulls, the labels and units
// of the fields, and the provenance metadata.
//
//	err := ipcio.Write(w, f, ipcio.Options{})
//	f, err := ipcio.Read(r, ipcio.Options{})
//
// It lives apart from frame, as parquetio and xlsxio do, so that a program
// that only reads datasets and computes with them (a notebook cell, for
// one) does not link Arrow's IPC reader and its compression codecs.
//
// Read never panics on corrupt data: the counts and lengths in it are
// checked before arrow-go allocates by them.
package ipcio
