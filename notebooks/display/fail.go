package display

import (
	"fmt"
	"html"
	"io"
	"os"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// ErrorClass is the class of the HTML element in which Fail shows an error.
// notebooks/check_outputs.py looks for it: an executed notebook that shows
// an error this way has failed, although the cell itself ended normally.
const ErrorClass = "ictplan-error"

// exit ends the program; tests replace it.
var exit = os.Exit

// stderr, when set (in tests), replaces os.Stderr outside a notebook.
var stderr io.Writer

// Fail shows err as one readable message and ends the cell.
//
// In a notebook the message is a box with the error's text (no stack trace,
// no colour codes) and what to do next; then the cell's program ends with
// exit status 0, so that the notebook goes on: the cells after it that use
// the failed result show the same message, the others run. (A panic would
// print a stack trace, and Jupyter's "Run All" would stop at the cell.)
// Outside a notebook, Fail writes "error: " and the text to standard error
// and exits with status 1.
//
// A nil err is a mistake of the caller, shown as such.
func Fail(err error) {
	if err == nil {
		err = fmt.Errorf("display.Fail called without an error")
	}
	if !gonbui.IsNotebook {
		msg := strings.TrimSpace(err.Error())
		w := stderr
		if w == nil {
			w = os.Stderr
		}
		fmt.Fprintf(w, "error: %s\n", msg)
		exit(1)
		return
	}
	showError(err)
	exit(0)
}

// showError shows err in the notebook's cell as Fail does, and returns.
func showError(err error) {
	msg := strings.TrimSpace(err.Error())
	gonbui.SendData(&protocol.DisplayData{Data: map[protocol.MIMEType]any{
		protocol.MIMETextHTML:  errorHTML(msg),
		protocol.MIMETextPlain: "Lỗi · Error: " + msg + "\n" + whatToDo,
	}})
	gonbui.Sync()
}

// whatToDo follows every error shown in a notebook.
const whatToDo = "Ô này dừng tại đây; các ô dùng kết quả này sẽ báo cùng lỗi, các ô khác vẫn chạy. " +
	"Sửa ô tham số ở đầu sổ tay (hoặc dữ liệu vào) rồi chạy lại. · " +
	"This cell stops here; the cells that use its result show the same error, the others still run. " +
	"Change the parameter cell at the top of the notebook (or the input) and run again."

// errorHTML is the box in which Fail shows msg: the text escaped, its lines
// kept (a library error may list several problems, one per line).
func errorHTML(msg string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div class=%q style="border-left:4px solid #b3261e;background:#fdecea;color:#410e0b;padding:.5em .8em;margin:.3em 0;font-family:sans-serif">`, ErrorClass)
	b.WriteString(`<strong>Lỗi · Error</strong><pre style="white-space:pre-wrap;margin:.3em 0;font-size:95%;background:none">`)
	b.WriteString(html.EscapeString(msg))
	b.WriteString(`</pre><small>`)
	b.WriteString(html.EscapeString(whatToDo))
	b.WriteString(`</small></div>`)
	return b.String()
}

// Must returns v when err is nil, and otherwise shows err and ends the cell
// (see Fail). It wraps any call that returns a value and an error:
//
//	f := display.Must(datasets.Load("vn-cpi"))
//	c := display.Must(chart.NewRankedBars(spec))
func Must[T any](v T, err error) T {
	if err != nil {
		Fail(err)
	}
	return v
}

// Check shows err and ends the cell when err is not nil (see Fail).
func Check(err error) {
	if err != nil {
		Fail(err)
	}
}

// Say shows a short text in the cell, formatted with fmt.Sprintf and read as
// Markdown (**bold**, *italic*): the sentence that says what a table or a
// chart shows, written from the figures the cell computed. Outside a
// notebook it prints the text.
func Say(format string, args ...any) {
	Markdown(fmt.Sprintf(format, args...))
}
