#!/usr/bin/python3
"""Builds the .docx test documents of package docxinput from the golden
datasets of Sóc Trăng's 2010 plan (Kế hoạch 21/KH-UBND):

  Phụ lục 2 (datasets/testdata/soctrang-2010-computers-provincial.csv) and
  Phụ lục 5 (datasets/testdata/soctrang-2011-2015-projects.csv), each under
  a heading paragraph "PHỤ LỤC n", with the two-row header of the source
  (cells merged across columns and down), the total row of the source
  (line 1887: TỔNG/BÌNH QUÂN 1215 1001 830 816 0.82387 0.81518 0.82917;
  line 2762: TỔNG CỘNG 109,045 39,120 23,925 20,500 25,500) and every
  number written in the Vietnamese convention (1.215, 0,89308).

  plan-python-docx.docx   written by python-docx 0.8.11
                          (apt-get install python3-docx)
  plan-libreoffice.docx   an HTML page converted by LibreOffice 7.4 Writer
                          (apt-get install libreoffice-writer-nogui;
                          soffice --headless --infilter="HTML (StarWriter)"
                          --convert-to docx; without the filter the page
                          opens in Writer/Web, which cannot save .docx)

The python-docx file writes a long text as two paragraphs, a long name with
a line break (w:br) for its first space, "Sở" and the rest of a
department's name with a tab, and short texts in two runs; the HTML page
has <p> paragraphs and <br> breaks in its cells: each reads back as the
dataset's text.

Run from this directory: /usr/bin/python3 make.py. The files are committed
so that the tests need neither tool.
"""

import csv
import html
import os
import shutil
import subprocess
import tempfile
import zipfile

import docx
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "datasets", "testdata")


def rows(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def vn(number):
    """A number of the CSV (decimal point, no grouping) in the Vietnamese
    convention: dot thousands, decimal comma."""
    neg = number.startswith("-")
    if neg:
        number = number[1:]
    whole, _, frac = number.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return ("-" if neg else "") + out


def period(r):
    if r["period_start"] == r["period_end"]:
        return r["period_start"]
    return r["period_start"] + "-" + r["period_end"]


P2_HEAD1 = ["Mã số", "Tên đơn vị", "Tổng số cán bộ, công chức đang làm việc",
            "Số lượng máy vi tính đang sử dụng", "Trong đó", "",
            "Tỷ lệ máy tính/ CBCC", "Tỷ lệ máy tính có kết nối mạng nội bộ (LAN)",
            "Tỷ lệ máy tính có kết nối mạng Internet"]
P2_HEAD2 = ["", "", "", "", "Số lượng máy nối mạng Internet",
            "Số lượng máy nối mạng nội bộ (LAN)", "", "", ""]
P2_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H", "E"]  # as in the source
P2_TOTAL = ["TỔNG/BÌNH QUÂN", "", "1.215", "1.001", "830", "816",
            "0,82387", "0,81518", "0,82917"]
P2_TITLE = ("SỐ LIỆU THỐNG KÊ HIỆN TRẠNG SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC VÀ SỐ MÁY "
            "TÍNH Ở CÁC SỞ, BAN NGÀNH TỈNH")
P5_HEAD1 = ["STT", "Tên Dự án", "Mục tiêu", "Thời gian thực hiện",
            "Tổng mức Đầu tư", "Nguồn Phát triển", "", "Nguồn Sự nghiệp", "",
            "Ghi chú"]
P5_HEAD2 = ["", "", "", "", "", "TƯ", "ĐP", "TƯ", "ĐP", ""]
P5_TOTAL = ["TỔNG CỘNG", "", "", "", "109.045", "39.120", "23.925",
            "20.500", "25.500", ""]
P5_TITLE = "BẢNG TỔNG HỢP DANH MỤC CÁC DỰ ÁN TRIỂN KHAI GIAI ĐOẠN 2011-2015"
ANNEX = ("(Ban hành kèm theo Kế hoạch số 21/KH-UBND ngày 02/11/2010 của Ủy "
         "ban nhân dân tỉnh Sóc Trăng)")


def p2_data():
    out = []
    for r in rows("soctrang-2010-computers-provincial.csv"):
        out.append([r["code"], r["unit"], r["staff"], r["computers"],
                    r["internet_computers"], r["lan_computers"]] +
                   [vn(r[k]) for k in ("computers_per_staff_reported",
                                       "lan_share_reported",
                                       "internet_share_reported")])
    return out


def p5_data():
    out = []
    for r in rows("soctrang-2011-2015-projects.csv"):
        out.append([r["no"], r["project"], r["objective"], period(r)] +
                   [vn(r[k]) for k in ("total_mvnd", "invest_central_mvnd",
                                       "invest_local_mvnd",
                                       "recurrent_central_mvnd",
                                       "recurrent_local_mvnd")] +
                   [r["note"]])
    return out


# ---------------------------------------------------------------- python-docx

def put(cell, text, bold=False):
    """Writes text in a cell of python-docx, in the ways a typist does:
    a sentence per paragraph ("…. Đảm bảo" starts a new paragraph), a line
    break for the first space of a long name, a word typed in two runs,
    and a tab between "Sở" and the rest of a department's name."""
    cell.text = ""
    par = cell.paragraphs[0]
    sentences = [text]
    if ". " in text and len(text) > 100:
        i = text.index(". ") + 1
        sentences = [text[:i], text[i + 1:]]
    for k, s in enumerate(sentences):
        if k > 0:
            par = cell.add_paragraph()
        if s.startswith("Sở ") and len(s) > 10:
            r = par.add_run("Sở")
            r.bold = bold
            r.add_tab()
            par.add_run(s[3:]).bold = bold
        elif len(s) > 40 and " " in s:
            i = s.index(" ")
            r = par.add_run(s[:i])
            r.bold = bold
            r.add_break()
            par.add_run(s[i + 1:]).bold = bold
        elif len(s) > 4 and not s[0].isdigit():
            par.add_run(s[:3]).bold = bold
            par.add_run(s[3:]).bold = bold
        else:
            par.add_run(s).bold = bold


def docx_table(d, head1, head2, data, total, merges, letters=None):
    n = len(head1)
    nrows = 2 + (1 if letters else 0) + len(data) + 1
    t = d.add_table(rows=nrows, cols=n)
    t.style = "Table Grid"
    for j in range(n):
        put(t.cell(0, j), head1[j], bold=True)
        put(t.cell(1, j), head2[j], bold=True)
    r = 2
    if letters:
        for j, v in enumerate(letters):
            put(t.cell(r, j), v)
        r += 1
    for row in data:
        for j, v in enumerate(row):
            put(t.cell(r, j), v)
        r += 1
    for j, v in enumerate(total):
        put(t.cell(r, j), v, bold=True)
    for (r0, c0), (r1, c1) in merges(r):
        text = t.cell(r0, c0).text
        m = t.cell(r0, c0).merge(t.cell(r1, c1))
        put(m, text, bold=r0 < 2 or r0 == r)
    return t


def with_python_docx(path):
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    d.add_paragraph("ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG")
    d.add_paragraph("Kế hoạch ứng dụng công nghệ thông tin trong hoạt động "
                    "của cơ quan nhà nước tỉnh Sóc Trăng giai đoạn 2011-2015")

    d.add_paragraph("PHỤ LỤC 2")
    d.add_paragraph(P2_TITLE)
    d.add_paragraph(ANNEX)

    def p2_merges(total_row):
        down = [((0, j), (1, j)) for j in (0, 1, 2, 3, 6, 7, 8)]
        return down + [((0, 4), (0, 5)), ((total_row, 0), (total_row, 1))]
    docx_table(d, P2_HEAD1, P2_HEAD2, p2_data(), P2_TOTAL, p2_merges,
               letters=P2_LETTERS)

    d.add_paragraph("")
    d.add_paragraph("PHỤ LỤC 5")
    d.add_paragraph(P5_TITLE)
    d.add_paragraph(ANNEX)
    d.add_paragraph("Đơn vị tính: triệu đồng")

    def p5_merges(total_row):
        down = [((0, j), (1, j)) for j in (0, 1, 2, 3, 4, 9)]
        return down + [((0, 5), (0, 6)), ((0, 7), (0, 8)),
                       ((total_row, 0), (total_row, 3))]
    docx_table(d, P5_HEAD1, P5_HEAD2, p5_data(), P5_TOTAL, p5_merges)
    d.save(path)


# ------------------------------------------------------ LibreOffice from HTML

def html_cell(tag, text, attrs=""):
    """A cell of the HTML page: long texts as two paragraphs (<p>), the
    first space of a name over 40 characters a <br>."""
    text = text or ""
    if ". " in text and len(text) > 100:
        i = text.index(". ") + 1
        body = "<p>%s</p><p>%s</p>" % (html.escape(text[:i]), html.escape(text[i + 1:]))
    elif len(text) > 40 and " " in text:
        i = text.index(" ")
        body = "%s<br>%s" % (html.escape(text[:i]), html.escape(text[i + 1:]))
    else:
        body = html.escape(text)
    return "<%s%s>%s</%s>" % (tag, attrs, body, tag)


def html_page():
    out = ['<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
           '<title>Kế hoạch 21/KH-UBND</title></head><body>']
    out.append("<p>ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG</p>")
    out.append("<h2>PHỤ LỤC 2</h2><p><b>%s</b></p><p><i>%s</i></p>" %
               (html.escape(P2_TITLE), html.escape(ANNEX)))
    out.append('<table border="1" cellspacing="0">')
    h = ['<tr>']
    for j, v in enumerate(P2_HEAD1):
        if j == 5:
            continue
        h.append(html_cell("th", v, ' colspan="2"' if j == 4 else ' rowspan="2"'))
    h.append("</tr><tr>%s%s</tr>" % (html_cell("th", P2_HEAD2[4]), html_cell("th", P2_HEAD2[5])))
    out.append("".join(h))
    out.append("<tr>%s</tr>" % "".join(html_cell("td", v) for v in P2_LETTERS))
    for row in p2_data():
        out.append("<tr>%s</tr>" % "".join(html_cell("td", v) for v in row))
    out.append("<tr>%s%s</tr>" % (html_cell("td", P2_TOTAL[0], ' colspan="2"'),
                                  "".join(html_cell("td", v) for v in P2_TOTAL[2:])))
    out.append("</table>")

    out.append("<h2>PHỤ LỤC 5</h2><p><b>%s</b></p><p><i>%s</i></p>"
               "<p>Đơn vị tính: triệu đồng</p>" % (html.escape(P5_TITLE), html.escape(ANNEX)))
    out.append('<table border="1" cellspacing="0">')
    h = ['<tr>']
    for j, v in enumerate(P5_HEAD1):
        if j in (6, 8):
            continue
        h.append(html_cell("th", v, ' colspan="2"' if j in (5, 7) else ' rowspan="2"'))
    h.append("</tr><tr>%s</tr>" % "".join(html_cell("th", v) for v in P5_HEAD2[5:9]))
    out.append("".join(h))
    for row in p5_data():
        out.append("<tr>%s</tr>" % "".join(html_cell("td", v) for v in row))
    out.append("<tr>%s%s</tr>" % (html_cell("td", P5_TOTAL[0], ' colspan="4"'),
                                  "".join(html_cell("td", v) for v in P5_TOTAL[4:])))
    out.append("</table></body></html>\n")
    return "\n".join(out)


def with_libreoffice(path):
    tmp = tempfile.mkdtemp()
    try:
        src = os.path.join(tmp, "plan-libreoffice.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_page())
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "plan-libreoffice.docx"), path)
    finally:
        shutil.rmtree(tmp)


def check(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    for want in ("gridSpan", "vMerge", "PHỤ LỤC 2", "PHỤ LỤC 5"):
        assert want in xml, (path, want)


def with_hue_components(path):
    """Thừa Thiên Huế's programme (Nghị quyết of 14/10/2021) as a Word
    table a province would send: its nine component projects (dataset
    vn-dx-investment-components, lines 86–831 of the source) with their
    owners and costs in đồng, numbered 2.1 … 2.9 as the resolution numbers
    them, a header of two rows (a merged "Kinh phí dự kiến"), and the total
    the resolution states, 100.000.000.000 đồng (line 892) — 277.000 đồng
    less than its components."""
    comps = [r for r in rows("vn-dx-investment-components.csv") if "Huế" in r["province"]]
    assert len(comps) == 9, len(comps)
    d = docx.Document()
    d.add_paragraph("PHỤ LỤC")
    d.add_paragraph("DANH MỤC DỰ ÁN THÀNH PHẦN CỦA CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TỈNH THỪA THIÊN HUẾ")
    d.add_paragraph("Đơn vị tính: đồng")
    t = d.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(["STT", "Tên dự án thành phần", "Chủ đầu tư", "Kinh phí dự kiến"]):
        put(t.cell(0, i), h, bold=True)
    for i in range(3):
        t.cell(0, i).merge(t.cell(1, i))
    put(t.cell(1, 3), "Tổng mức đầu tư (đồng)", bold=True)
    for r in comps:
        c = t.add_row().cells
        million = float(r["amount_mvnd"])
        dong = round(million * 1_000_000)
        put(c[0], r["component_no"])
        put(c[1], r["component"])
        put(c[2], r["owner"])
        put(c[3], f"{dong:,}".replace(",", "."))
    c = t.add_row().cells
    put(c[1], "Tổng cộng", bold=True)
    put(c[3], "100.000.000.000", bold=True)
    d.save(path)


if __name__ == "__main__":
    for name, make in (("plan-python-docx.docx", with_python_docx),
                       ("plan-libreoffice.docx", with_libreoffice),
                       ("hue-components.docx", with_hue_components)):
        path = os.path.join(HERE, name)
        make(path)
        if name.startswith("plan-"):
            check(path)
        print(name, os.path.getsize(path), "bytes")
