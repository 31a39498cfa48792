package display

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// The MIME types Show sends to the notebook.
const (
	MIMEHTML     = "text/html"
	MIMEPNG      = "image/png"
	MIMESVG      = "image/svg+xml"
	MIMEMarkdown = "text/markdown"
	MIMEText     = "text/plain"
)

// The methods Show looks for, richest first. A chart offers PNG and SVG, a
// Frame HTML; both forms of each method (with and without an error) are
// accepted.
type (
	pngErr   interface{ PNG() ([]byte, error) }
	pngPlain interface{ PNG() []byte }
	svgErr   interface{ SVG() (string, error) }
	svgPlain interface{ SVG() string }
	htmlErr  interface{ HTML() (string, error) }
	htmlOnly interface{ HTML() string }
)

// output is one rendered value: a MIME type and its content (string or
// []byte), with a one-line text summary for use outside a notebook.
type output struct {
	mime    string
	content any
	summary string
}

// render picks the form in which v is shown, in this order:
//
//  1. PNG() → image/png (a chart: renders everywhere, also on exported pages);
//  2. SVG() → image/svg+xml;
//  3. HTML() → text/html (a Frame's table);
//  4. image.Image → image/png, encoded here;
//  5. anything else → text/plain, fmt.Sprint(v).
//
// An error returned by PNG, SVG or HTML is returned as is; a nil v, or a PNG
// or SVG method that returns no content, is an error (an empty output would
// hide a failure).
func render(v any) (output, error) {
	switch x := v.(type) {
	case nil:
		return output{}, fmt.Errorf("display: nothing to show (nil)")
	case pngErr:
		b, err := x.PNG()
		if err != nil {
			return output{}, fmt.Errorf("display: %T.PNG: %w", v, err)
		}
		return pngOutput(v, b)
	case pngPlain:
		return pngOutput(v, x.PNG())
	case svgErr:
		s, err := x.SVG()
		if err != nil {
			return output{}, fmt.Errorf("display: %T.SVG: %w", v, err)
		}
		return svgOutput(v, s)
	case svgPlain:
		return svgOutput(v, x.SVG())
	case htmlErr:
		s, err := x.HTML()
		if err != nil {
			return output{}, fmt.Errorf("display: %T.HTML: %w", v, err)
		}
		return htmlOutput(v, s), nil
	case htmlOnly:
		return htmlOutput(v, x.HTML()), nil
	case image.Image:
		var buf bytes.Buffer
		if err := png.Encode(&buf, x); err != nil {
			return output{}, fmt.Errorf("display: encoding %T as PNG: %w", v, err)
		}
		return pngOutput(v, buf.Bytes())
	default:
		s := fmt.Sprint(v)
		return output{mime: MIMEText, content: s, summary: s}, nil
	}
}

func pngOutput(v any, b []byte) (output, error) {
	if len(b) == 0 {
		return output{}, fmt.Errorf("display: %T.PNG returned no bytes", v)
	}
	return output{mime: MIMEPNG, content: b, summary: fmt.Sprintf("[%s: %T, %d bytes]", MIMEPNG, v, len(b))}, nil
}

func svgOutput(v any, s string) (output, error) {
	if strings.TrimSpace(s) == "" {
		return output{}, fmt.Errorf("display: %T.SVG returned no text", v)
	}
	return output{mime: MIMESVG, content: s, summary: fmt.Sprintf("[%s: %T, %d bytes]", MIMESVG, v, len(s))}, nil
}

// htmlOutput keeps v's String form, when it has one, as the text summary (a
// Frame prints as an aligned table).
func htmlOutput(v any, s string) output {
	summary := fmt.Sprintf("[%s: %T, %d bytes]", MIMEHTML, v, len(s))
	if st, ok := v.(fmt.Stringer); ok {
		summary = st.String()
	}
	return output{mime: MIMEHTML, content: s, summary: summary}
}

// stdout, when set (in tests), replaces os.Stdout as the place where Show
// writes outside a notebook.
var stdout io.Writer

// Show displays v in the current GoNB cell: a chart (PNG or SVG method) as
// an image, a Frame (HTML method) as a table, an image.Image as a PNG, and
// anything else as text. See render for the order in which the methods are
// tried.
//
// When v is nil or its method fails or returns nothing, Show returns an
// error and, in a notebook, shows it as Fail does (without ending the cell),
// so a cell may ignore the result and no failure goes unseen. Outside a
// notebook it writes a one-line summary (or, for a value with a String
// method, that text) to standard output.
func Show(v any) error {
	out, err := render(v)
	if err != nil {
		if gonbui.IsNotebook {
			showError(err)
		}
		return err
	}
	send(out)
	return nil
}

// HTML displays an HTML fragment in the current cell.
func HTML(html string) {
	send(output{mime: MIMEHTML, content: html, summary: html})
}

// Markdown displays Markdown text in the current cell.
func Markdown(md string) {
	send(output{mime: MIMEMarkdown, content: md, summary: md})
}

// PNG displays PNG bytes (for instance a gonum/plot drawn with
// vgimg.PngCanvas) as an image in the current cell. Empty bytes are an error.
func PNG(b []byte) error {
	out, err := pngOutput(b, b)
	if err != nil {
		return err
	}
	send(out)
	return nil
}

// SVG displays an SVG document as an image in the current cell. Empty text
// is an error.
func SVG(svg string) error {
	out, err := svgOutput(svg, svg)
	if err != nil {
		return err
	}
	send(out)
	return nil
}

// send hands one output to GoNB, with a text/plain alternative, and waits
// until GoNB has received it (gonbui.Sync); outside a notebook it prints
// its summary. gonbui.DisplaySVG would wrap an
// SVG in HTML; it is sent here with its own MIME type so that the notebook
// records an image.
func send(out output) {
	if !gonbui.IsNotebook {
		w := stdout
		if w == nil {
			w = os.Stdout
		}
		fmt.Fprintln(w, out.summary)
		return
	}
	data := map[protocol.MIMEType]any{protocol.MIMEType(out.mime): out.content}
	if out.mime != MIMEText {
		data[protocol.MIMETextPlain] = out.summary
	}
	gonbui.SendData(&protocol.DisplayData{Data: data})
	// wait until GoNB has the output: a cell's program may end right after
	// Show, and a large table still in the pipe was then sometimes lost
	gonbui.Sync()
}
