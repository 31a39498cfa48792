#!/bin/sh
# make.sh regenerates the PDFs the tests of package pdfinput read: the
# appendix tables laid out as HTML documents from the datasets' golden
# CSVs (makehtml.go), printed to PDF by LibreOffice and by Chromium, and a
# scanned (image-only) copy. Run it from this folder; it needs go, soffice
# (LibreOffice), chromium, pdftoppm (poppler-utils).
# The PDFs are committed: the tests need none of these.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go run makehtml.go ../../../datasets/testdata "$work"

for doc in plan2010 dx2023 nfd2010; do
	# LibreOffice: the HTML opened as a Writer document (not Writer/Web,
	# whose import loses the first paragraph) and exported to PDF.
	soffice --headless --norestore -env:UserInstallation=file://"$work"/lo --infilter="HTML (StarWriter)" \
		--convert-to pdf:writer_pdf_Export --outdir "$work" "$work/$doc.html" >/dev/null
	cp "$work/$doc.pdf" "$doc-libreoffice.pdf"
	# Chromium: its own header (date, title) and footer (file, page n/N)
	# on every page, the kind of running lines a reader must drop.
	chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --user-data-dir="$work/chrome" \
		--print-to-pdf="$doc-chromium.pdf" "file://$work/$doc.html" 2>/dev/null
done

# The 2024 draft plan as a document of about a hundred pages, its
# appendices as tables (LibreOffice), and the page of amounts in words,
# composed and decomposed (both; Chromium's with its header and footer).
soffice --headless --norestore -env:UserInstallation=file://"$work"/lo --infilter="HTML (StarWriter)" \
	--convert-to pdf:writer_pdf_Export --outdir "$work" "$work/draft2024.html" >/dev/null
cp "$work/draft2024.pdf" draft2024-libreoffice.pdf
for doc in words wordsnfd; do
	chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --user-data-dir="$work/chrome" \
		--print-to-pdf="$doc-chromium.pdf" "file://$work/$doc.html" 2>/dev/null
	soffice --headless --norestore -env:UserInstallation=file://"$work"/lo --infilter="HTML (StarWriter)" \
		--convert-to pdf:writer_pdf_Export --outdir "$work" "$work/$doc.html" >/dev/null
	cp "$work/$doc.pdf" "$doc-libreoffice.pdf"
done

# A scanned document: the picture of page 1 (75 dpi, grey) printed by
# Chromium without its header and footer: a PDF with no text at all.
pdftoppm -r 75 -gray -singlefile -f 1 -l 1 -png plan2010-libreoffice.pdf "$work/scanned"
printf '<!DOCTYPE html><html><head><style>@page{size:A4;margin:0}body{margin:0}img{width:100%%}</style></head><body><img src="scanned.png"></body></html>' >"$work/scanned.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --user-data-dir="$work/chrome" \
	--no-pdf-header-footer --print-to-pdf=scanned.pdf "file://$work/scanned.html" 2>/dev/null
