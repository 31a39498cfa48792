package docxinput

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"testing"

	"github.com/ictplan/ictplan/internal/ziptest"
	"github.com/ictplan/ictplan/loaders"
)

// The test documents, made by testdata/make.py from the golden datasets.
var documents = []string{"plan-python-docx.docx", "plan-libreoffice.docx"}

const documentPart = "word/document.xml"

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// golden returns the records of a golden dataset, its header first.
func golden(t testing.TB, id string) [][]string {
	t.Helper()
	data, err := os.ReadFile("../../datasets/testdata/" + id + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// part returns a part of a zip.
func part(t testing.TB, doc []byte, name string) []byte { return ziptest.Part(t, doc, name) }

// setPart returns the zip with a part replaced, compressed.
func setPart(t testing.TB, doc []byte, name string, data []byte) []byte {
	return ziptest.SetPart(t, doc, name, data, zip.Deflate)
}

// zipOf returns a zip of the named parts.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// wordXML wraps body in a document element of WordprocessingML.
func wordXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
		body + `</w:body></w:document>`
}

// docxOf returns a minimal .docx whose body is body.
func docxOf(t testing.TB, body string) []byte {
	return zipOf(t, documentPart, wordXML(body))
}

func parseDoc(doc []byte, table int, appendix string, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	if o.File == "" {
		o.File = "plan.docx"
	}
	return Parse(bytes.NewReader(doc), int64(len(doc)), table, appendix, l, o)
}
