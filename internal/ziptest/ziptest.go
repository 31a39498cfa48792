// Package ziptest reads and edits the parts of a zip in tests: the
// workbooks and Word documents the readers' tests take apart and change.
package ziptest

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// Part returns the named part of a zip.
func Part(t testing.TB, archive []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// SetPart returns the zip with the named part replaced by data, every part
// written with method (zip.Store or zip.Deflate).
func SetPart(t testing.TB, archive []byte, name string, data []byte, method uint16) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		content := data
		if f.Name != name {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			content, err = io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
