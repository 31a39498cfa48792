// Package notebookapi checks the library's API as the notebooks use it.
//
// Two Jupyter kernels run the notebooks: GoNB compiles each cell with the Go
// toolchain, gophernotes interprets it with gomacro, which skips generic
// functions and types when it imports a package (and cannot instantiate
// them). So every entry point a notebook calls must exist in a non-generic
// form. The test reads the Go code of every notebook (notebooks/*.ipynb for
// GoNB and notebooks/gophernotes/*.ipynb for gophernotes), collects the
// package-qualified identifiers it uses from the library's own packages
// (pkg.Name after an import of github.com/ictplan/ictplan/... or, in
// gophernotes, of a directory path inside the checkout), and fails naming any
// that is a generic function, a generic type, or a function whose results are
// of a generic type of the library. It also lists the exported generic API of
// the notebook-facing packages (frame, datasets, analysis/..., reporting and
// whatever the notebooks import), which is fine to have as long as no
// notebook needs it.
//
// Only the standard library is used (go/scanner, go/parser, go/doc): the
// library's source is read, not type-checked, which is enough to see type
// parameters.
package notebookapi

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const modulePath = "github.com/ictplan/ictplan"

// facingRoots are the directories (relative to the module root) whose
// packages, with their subpackages, are notebook-facing.
var facingRoots = []string{"frame", "datasets", "analysis", "reporting", "vntext"}

// notebook is one notebook file and the kernel its cells are written for.
type notebook struct {
	path   string // relative to the module root, slash-separated
	kernel string // "gonb" or "gophernotes"
	cells  []string
}

// use is one package-qualified identifier in a notebook cell.
type use struct {
	pkg  string // import path inside the module
	name string
	at   string // notebook:cell
}

// apiPackage is what the test knows of one library package.
type apiPackage struct {
	importPath string
	name       string
	generic    map[string]string // exported name -> why it is generic
	plain      map[string]bool   // exported names that are not generic
	methods    map[string]map[string]string
}

// moduleRoot returns the module's root directory (two levels above this
// package), checking its go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(mod), "module "+modulePath+"\n") {
		t.Fatalf("%s/go.mod is not module %s", root, modulePath)
	}
	return root
}

// readNotebooks reads the code cells of notebooks/*.ipynb (GoNB) and
// notebooks/gophernotes/*.ipynb (gophernotes).
func readNotebooks(t *testing.T, root string) []notebook {
	t.Helper()
	var out []notebook
	for _, g := range []struct{ dir, kernel string }{
		{"notebooks", "gonb"},
		{"notebooks/gophernotes", "gophernotes"},
	} {
		paths, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(g.dir), "*.ipynb"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(paths)
		for _, p := range paths {
			cells, err := codeCells(p)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			rel, _ := filepath.Rel(root, p)
			out = append(out, notebook{path: filepath.ToSlash(rel), kernel: g.kernel, cells: cells})
		}
	}
	return out
}

// codeCells returns the source of each code cell of an .ipynb file ("" for
// the cells of other types, so that cell numbers count every cell from 1).
func codeCells(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, err
	}
	cells := make([]string, len(nb.Cells))
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		var s string
		if err := json.Unmarshal(c.Source, &s); err != nil {
			var lines []string
			if err := json.Unmarshal(c.Source, &lines); err != nil {
				return nil, fmt.Errorf("cell %d: source is neither a string nor a list of lines", i+1)
			}
			s = strings.Join(lines, "")
		}
		cells[i] = s
	}
	return cells, nil
}

// goCode drops the lines of a cell that are not Go: GoNB's %-magics and
// !-shell lines, gophernotes' %-magics, $-shell lines and :-commands.
func goCode(cell string) string {
	lines := strings.Split(cell, "\n")
	for i, l := range lines {
		s := strings.TrimSpace(l)
		if strings.HasPrefix(s, "%") || strings.HasPrefix(s, "!") ||
			strings.HasPrefix(s, "$") || strings.HasPrefix(s, ":") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// tok is one token of a cell.
type tok struct {
	t   token.Token
	lit string
}

// tokens scans a cell's Go code; cells need not be whole Go files (GoNB and
// gophernotes both take top-level statements), so the scanner, not the
// parser, reads them.
func tokens(src string) []tok {
	fset := token.NewFileSet()
	file := fset.AddFile("cell.go", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var out []tok
	for {
		_, t, lit := s.Scan()
		if t == token.EOF {
			return out
		}
		if t == token.SEMICOLON && lit == "\n" {
			continue
		}
		out = append(out, tok{t, lit})
	}
}

// importSpec is one import of a cell: its local name ("" for the package's
// own name) and path.
type importSpec struct{ name, path string }

// imports returns the import specs of a cell's tokens.
func imports(ts []tok) []importSpec {
	var out []importSpec
	spec := func(i int) (importSpec, int) {
		var s importSpec
		if i < len(ts) && (ts[i].t == token.IDENT || ts[i].t == token.PERIOD) {
			s.name = ts[i].lit
			if ts[i].t == token.PERIOD {
				s.name = "."
			}
			i++
		}
		if i < len(ts) && ts[i].t == token.STRING {
			s.path, _ = strconv.Unquote(ts[i].lit)
			i++
		}
		return s, i
	}
	for i := 0; i < len(ts); i++ {
		if ts[i].t != token.IMPORT {
			continue
		}
		i++
		if i < len(ts) && ts[i].t == token.LPAREN {
			for i++; i < len(ts) && ts[i].t != token.RPAREN; {
				if ts[i].t == token.SEMICOLON {
					i++
					continue
				}
				s, j := spec(i)
				if j == i {
					i++
					continue
				}
				if s.path != "" {
					out = append(out, s)
				}
				i = j
			}
			continue
		}
		if s, j := spec(i); s.path != "" {
			out = append(out, s)
			i = j - 1
		}
	}
	return out
}

// libraryImportPath maps an import path of a notebook to the import path of
// a package of this module, or "" for any other package. Directory paths
// (gophernotes' `import "../../frame"`) resolve against the notebook's
// directory and must stay inside the checkout.
func libraryImportPath(root, nbDir, p string) string {
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || p == "." || p == ".." {
		dir := p
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(nbDir, filepath.FromSlash(p))
		}
		rel, err := filepath.Rel(root, filepath.Clean(dir))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return ""
		}
		p = path.Join(modulePath, filepath.ToSlash(rel))
	}
	if p != modulePath && !strings.HasPrefix(p, modulePath+"/") {
		return ""
	}
	// A package of a nested module (notebooks/display) is not the library.
	rel := strings.TrimPrefix(strings.TrimPrefix(p, modulePath), "/")
	for d := rel; d != "." && d != ""; d = path.Dir(d) {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(d), "go.mod")); err == nil {
			return ""
		}
	}
	return p
}

// loadPackage reads the non-test Go files of one package of the module and
// sorts its exported API into generic and plain names.
func loadPackage(t *testing.T, root, importPath string) *apiPackage {
	t.Helper()
	dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(importPath, modulePath), "/")))
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("package %s: %v", importPath, err)
	}
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("package %s: %v", importPath, err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatalf("package %s: no Go files in %s", importPath, dir)
	}
	d, err := doc.NewFromFiles(fset, files, importPath)
	if err != nil {
		t.Fatalf("package %s: %v", importPath, err)
	}
	p := &apiPackage{
		importPath: importPath,
		name:       d.Name,
		generic:    map[string]string{},
		plain:      map[string]bool{},
		methods:    map[string]map[string]string{},
	}
	genericTypes := map[string]bool{}
	for _, ty := range d.Types {
		for _, s := range ty.Decl.Specs {
			if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == ty.Name && ts.TypeParams != nil {
				genericTypes[ty.Name] = true
			}
		}
	}
	funcs := append([]*doc.Func(nil), d.Funcs...)
	for _, ty := range d.Types {
		if genericTypes[ty.Name] {
			p.generic[ty.Name] = "type " + ty.Name + fieldList(typeParamsOf(ty)) + " is generic"
		} else {
			p.plain[ty.Name] = true
		}
		funcs = append(funcs, ty.Funcs...)
		for _, m := range ty.Methods {
			if genericTypes[ty.Name] {
				if p.methods[ty.Name] == nil {
					p.methods[ty.Name] = map[string]string{}
				}
				p.methods[ty.Name][m.Name] = "method of the generic type " + ty.Name
			}
		}
		for _, c := range ty.Consts {
			addValueNames(p, c)
		}
		for _, v := range ty.Vars {
			addValueNames(p, v)
		}
	}
	for _, c := range d.Consts {
		addValueNames(p, c)
	}
	for _, v := range d.Vars {
		addValueNames(p, v)
	}
	for _, f := range funcs {
		ft := f.Decl.Type
		switch {
		case ft.TypeParams != nil:
			p.generic[f.Name] = "func " + f.Name + fieldList(ft.TypeParams) + " has type parameters"
		case resultsUseGeneric(ft.Results, genericTypes):
			p.generic[f.Name] = "func " + f.Name + " returns a generic type of package " + d.Name
		default:
			p.plain[f.Name] = true
		}
	}
	return p
}

// addValueNames records the exported names of a const or var group.
func addValueNames(p *apiPackage, v *doc.Value) {
	for _, n := range v.Names {
		if token.IsExported(n) {
			p.plain[n] = true
		}
	}
}

// typeParamsOf returns the type parameter list of a documented type.
func typeParamsOf(ty *doc.Type) *ast.FieldList {
	for _, s := range ty.Decl.Specs {
		if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == ty.Name {
			return ts.TypeParams
		}
	}
	return nil
}

// fieldList prints a type parameter list as [T any, ...].
func fieldList(fl *ast.FieldList) string {
	if fl == nil {
		return ""
	}
	var parts []string
	for _, f := range fl.List {
		var names []string
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
		parts = append(parts, strings.Join(names, ", ")+" "+types.ExprString(f.Type))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// resultsUseGeneric reports whether a result list names one of the
// package's generic types (instantiated or not).
func resultsUseGeneric(results *ast.FieldList, genericTypes map[string]bool) bool {
	if results == nil {
		return false
	}
	found := false
	for _, f := range results.List {
		ast.Inspect(f.Type, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && genericTypes[id.Name] {
				found = true
			}
			return !found
		})
	}
	return found
}

// facingPackages returns the import paths of the packages under
// facingRoots (internal and testdata directories left out).
func facingPackages(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	for _, r := range facingRoots {
		err := filepath.WalkDir(filepath.Join(root, r), func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				return nil
			}
			if n := d.Name(); n == "internal" || n == "testdata" {
				return filepath.SkipDir
			}
			gos, _ := filepath.Glob(filepath.Join(p, "*.go"))
			for _, g := range gos {
				if !strings.HasSuffix(g, "_test.go") {
					rel, _ := filepath.Rel(root, p)
					out = append(out, path.Join(modulePath, filepath.ToSlash(rel)))
					break
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// collectUses returns the library identifiers used by every notebook, and
// the library packages they import (import path -> true).
func collectUses(t *testing.T, root string, nbs []notebook) ([]use, map[string]bool) {
	t.Helper()
	var uses []use
	imported := map[string]bool{}
	names := map[string]string{} // import path -> package name, read once
	pkgName := func(importPath string) string {
		if n, ok := names[importPath]; ok {
			return n
		}
		n := path.Base(importPath)
		dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(importPath, modulePath), "/")))
		if pkgs, err := parser.ParseDir(token.NewFileSet(), dir, func(fi os.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, parser.PackageClauseOnly); err == nil {
			for pn := range pkgs {
				n = pn
			}
		}
		names[importPath] = n
		return n
	}
	for _, nb := range nbs {
		nbDir := filepath.Join(root, filepath.FromSlash(path.Dir(nb.path)))
		// Imports hold for the cells after them: GoNB and gophernotes both
		// keep a notebook's imports for the rest of the session.
		local := map[string]string{} // local name -> import path
		for i, cell := range nb.cells {
			if cell == "" {
				continue
			}
			ts := tokens(goCode(cell))
			for _, s := range imports(ts) {
				lp := libraryImportPath(root, nbDir, s.path)
				if lp == "" {
					continue
				}
				imported[lp] = true
				switch s.name {
				case ".":
					t.Errorf("%s cell %d: dot-import of %s: notebooks name the package of every identifier they use", nb.path, i+1, s.path)
				case "_":
				case "":
					local[pkgName(lp)] = lp
				default:
					local[s.name] = lp
				}
			}
			for j := 0; j+2 < len(ts); j++ {
				if ts[j].t != token.IDENT || ts[j+1].t != token.PERIOD || ts[j+2].t != token.IDENT {
					continue
				}
				if j > 0 && ts[j-1].t == token.PERIOD {
					continue // x.pkg.Name is a field chain, not a package
				}
				lp, ok := local[ts[j].lit]
				if !ok || !token.IsExported(ts[j+2].lit) {
					continue
				}
				uses = append(uses, use{pkg: lp, name: ts[j+2].lit, at: fmt.Sprintf("%s cell %d", nb.path, i+1)})
			}
		}
	}
	return uses, imported
}

// TestNotebookEntryPointsAreNotGeneric fails when a notebook uses an
// identifier of the library that exists only in generic form, or one that
// does not exist at all; it logs the identifiers each package gives the
// notebooks and the exported generic API of the notebook-facing packages.
func TestNotebookEntryPointsAreNotGeneric(t *testing.T) {
	root := moduleRoot(t)
	nbs := readNotebooks(t, root)
	kernels := map[string]int{}
	for _, nb := range nbs {
		kernels[nb.kernel]++
	}
	if kernels["gonb"] == 0 || kernels["gophernotes"] == 0 {
		t.Fatalf("notebooks found: %v; want GoNB notebooks in notebooks/ and gophernotes ones in notebooks/gophernotes/", kernels)
	}
	uses, imported := collectUses(t, root, nbs)
	if len(uses) == 0 {
		t.Fatal("no library identifier found in the notebooks")
	}

	pkgs := map[string]*apiPackage{}
	paths := facingPackages(t, root)
	for p := range imported {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	paths = slices.Compact(paths)
	for _, p := range paths {
		pkgs[p] = loadPackage(t, root, p)
	}

	usedBy := map[string]map[string][]string{} // pkg -> name -> where
	seen := map[use]bool{}
	for _, u := range uses {
		if seen[u] {
			continue // the same name twice in one cell
		}
		seen[u] = true
		p := pkgs[u.pkg]
		if why, ok := p.generic[u.name]; ok {
			t.Errorf("%s uses %s.%s, which exists only in generic form (%s): gophernotes cannot import it; add a non-generic entry point",
				u.at, p.name, u.name, why)
		} else if !p.plain[u.name] {
			t.Errorf("%s uses %s.%s, which package %s does not export", u.at, p.name, u.name, u.pkg)
		}
		if usedBy[u.pkg] == nil {
			usedBy[u.pkg] = map[string][]string{}
		}
		usedBy[u.pkg][u.name] = append(usedBy[u.pkg][u.name], u.at)
	}

	var used []string
	for p := range usedBy {
		used = append(used, p)
	}
	sort.Strings(used)
	for _, p := range used {
		var ns []string
		for n := range usedBy[p] {
			ns = append(ns, n)
		}
		sort.Strings(ns)
		t.Logf("notebooks use %d identifiers of %s: %s", len(ns), p, strings.Join(ns, " "))
	}

	var generic []string
	for _, p := range paths {
		ap := pkgs[p]
		for n, why := range ap.generic {
			generic = append(generic, fmt.Sprintf("%s.%s: %s", ap.importPath, n, why))
		}
		for ty, ms := range ap.methods {
			for m, why := range ms {
				generic = append(generic, fmt.Sprintf("%s.%s.%s: %s", ap.importPath, ty, m, why))
			}
		}
	}
	sort.Strings(generic)
	if len(generic) == 0 {
		t.Logf("exported generic API of the %d notebook-facing packages: none", len(paths))
	} else {
		t.Logf("exported generic API of the %d notebook-facing packages (not usable from gophernotes):\n\t%s",
			len(paths), strings.Join(generic, "\n\t"))
	}
}

// TestDisplayMethods checks the methods by which gophernotes displays a
// value by itself: Frame.HTML() string, Chart.PNG() []byte and
// Chart.SVG() string (GoNB's display helper calls the same methods).
func TestDisplayMethods(t *testing.T) {
	root := moduleRoot(t)
	want := []struct{ pkg, typ, method, sig string }{
		{"frame", "Frame", "HTML", "func() string"},
		{"analysis/chart", "Chart", "PNG", "func() []byte"},
		{"analysis/chart", "Chart", "SVG", "func() string"},
	}
	for _, w := range want {
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, filepath.Join(root, filepath.FromSlash(w.pkg)), func(fi os.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		found := ""
		for _, p := range pkgs {
			for _, f := range p.Files {
				for _, decl := range f.Decls {
					fd, ok := decl.(*ast.FuncDecl)
					if !ok || fd.Recv == nil || fd.Name.Name != w.method || len(fd.Recv.List) != 1 {
						continue
					}
					if recvName(fd.Recv.List[0].Type) != w.typ {
						continue
					}
					found = signature(fd.Type)
				}
			}
		}
		if found != w.sig {
			t.Errorf("%s: (*%s).%s is %q, want %q", w.pkg, w.typ, w.method, found, w.sig)
		}
	}
}

// recvName returns the type name of a method receiver (T or *T).
func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// signature prints a parameterless method type as func() RESULT.
func signature(ft *ast.FuncType) string {
	if ft.Params != nil && len(ft.Params.List) > 0 {
		return "func(...)"
	}
	var res []string
	if ft.Results != nil {
		for _, f := range ft.Results.List {
			switch x := f.Type.(type) {
			case *ast.Ident:
				res = append(res, x.Name)
			case *ast.ArrayType:
				if id, ok := x.Elt.(*ast.Ident); ok && x.Len == nil {
					res = append(res, "[]"+id.Name)
				}
			}
		}
	}
	return strings.TrimSpace("func() " + strings.Join(res, ", "))
}
