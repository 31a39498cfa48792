package display

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"os"
	"strings"
	"testing"
)

type table struct{}

func (table) HTML() string   { return "<table><tr><td>1</td></tr></table>" }
func (table) String() string { return "a table" }

type chart struct{ png []byte }

func (c chart) PNG() []byte { return c.png }
func (chart) SVG() string   { return "<svg/>" }
func (chart) HTML() string  { return "<p>not this</p>" }

type svgOnly struct{}

func (svgOnly) SVG() (string, error) { return "<svg></svg>", nil }

type failing struct{}

func (failing) PNG() ([]byte, error) { return nil, errors.New("no font") }

type emptySVG struct{}

func (emptySVG) SVG() string { return " " }

func TestRender(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.Black)
	cases := []struct {
		name    string
		in      any
		mime    string
		summary string
		err     string
	}{
		{"frame-like value shows its HTML, String as text", table{}, MIMEHTML, "a table", ""},
		{"chart prefers PNG over SVG and HTML", chart{png: []byte{0x89, 'P', 'N', 'G'}}, MIMEPNG, "[image/png: display.chart, 4 bytes]", ""},
		{"SVG with error form", svgOnly{}, MIMESVG, "[image/svg+xml: display.svgOnly, 11 bytes]", ""},
		{"image.Image is encoded as PNG", img, MIMEPNG, "[image/png: *image.RGBA", ""},
		{"other values as text", 42, MIMEText, "42", ""},
		{"nil is an error", nil, "", "", "nothing to show"},
		{"PNG error is returned", failing{}, "", "", "display.failing.PNG: no font"},
		{"empty PNG is an error", chart{}, "", "", "returned no bytes"},
		{"blank SVG is an error", emptySVG{}, "", "", "returned no text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := render(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("render error = %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.mime != tc.mime || !strings.HasPrefix(out.summary, tc.summary) {
				t.Errorf("render = %s %q, want %s %q", out.mime, out.summary, tc.mime, tc.summary)
			}
		})
	}
}

func TestShowOutsideNotebook(t *testing.T) {
	var buf bytes.Buffer
	stdout = &buf
	defer func() { stdout = nil }()
	if err := Show(table{}); err != nil {
		t.Fatal(err)
	}
	if err := Show(nil); err == nil {
		t.Error("Show(nil) returned no error")
	}
	if err := PNG(nil); err == nil {
		t.Error("PNG(nil) returned no error")
	}
	if got, want := buf.String(), "a table\n"; got != want {
		t.Errorf("Show wrote %q, want %q", got, want)
	}
}

func TestFailOutsideNotebook(t *testing.T) {
	var errBuf bytes.Buffer
	stderr = &errBuf
	code := -1
	exit = func(c int) { code = c }
	defer func() { stderr, exit = nil, os.Exit }()

	Fail(errors.New("bench: geometric aggregation needs scores > 0\n(min-max gives 0)"))
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if got, want := errBuf.String(), "error: bench: geometric aggregation needs scores > 0\n(min-max gives 0)\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}

	errBuf.Reset()
	code = -1
	if got := Must(42, nil); got != 42 || code != -1 {
		t.Errorf("Must(42, nil) = %d (exit %d), want 42 and no exit", got, code)
	}
	Check(nil)
	if code != -1 || errBuf.Len() != 0 {
		t.Errorf("Check(nil) exited (%d) or wrote %q", code, errBuf.String())
	}
	Must("", errors.New("no such dataset"))
	if code != 1 || !strings.Contains(errBuf.String(), "no such dataset") {
		t.Errorf("Must with an error: exit %d, stderr %q", code, errBuf.String())
	}
	errBuf.Reset()
	Fail(nil)
	if !strings.Contains(errBuf.String(), "without an error") {
		t.Errorf("Fail(nil) wrote %q", errBuf.String())
	}
}

func TestErrorHTML(t *testing.T) {
	got := errorHTML(`bad <ul style="x"> & "quoted"`)
	for _, want := range []string{`class="ictplan-error"`, "Lỗi · Error", `bad &lt;ul style=&#34;x&#34;&gt; &amp; &#34;quoted&#34;`, "run again"} {
		if !strings.Contains(got, want) {
			t.Errorf("errorHTML lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "\x1b[") {
		t.Errorf("errorHTML has a colour code: %q", got)
	}
}

func TestSayOutsideNotebook(t *testing.T) {
	var buf bytes.Buffer
	stdout = &buf
	defer func() { stdout = nil }()
	Say("%d of %d units are below the target", 19, 27)
	if got, want := buf.String(), "19 of 27 units are below the target\n"; got != want {
		t.Errorf("Say wrote %q, want %q", got, want)
	}
}
