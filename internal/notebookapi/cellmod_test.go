package notebookapi

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCellModuleImportsEveryPackage checks notebooks/cellmod/imports.go, the
// list from which the notebooks' module gets its requirements: it must
// import every package of the library that a notebook may import (all but
// cmd/, bench/, internal packages and the other nested modules) and the
// display package, and nothing that does not exist. A package missing from
// it would build in a notebook only with `go get`, which the notebooks turn
// off (and which needs the network).
func TestCellModuleImportsEveryPackage(t *testing.T) {
	root := moduleRoot(t)
	want := map[string]bool{modulePath + "/notebooks/display": true}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			name := d.Name()
			if rel != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "internal" ||
				rel == "cmd" || rel == "bench" || rel == "notebooks") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			dir := path.Dir(rel)
			if dir == "." {
				want[modulePath] = true
			} else {
				want[modulePath+"/"+dir] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "notebooks", "cellmod", "imports.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		got[p] = true
	}
	var missing, extra []string
	for p := range want {
		if !got[p] {
			missing = append(missing, p)
		}
	}
	for p := range got {
		if !want[p] {
			extra = append(extra, p)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	for _, p := range missing {
		t.Errorf("notebooks/cellmod/imports.go does not import %s (add it, then go mod tidy in notebooks/cellmod)", p)
	}
	for _, p := range extra {
		t.Errorf("notebooks/cellmod/imports.go imports %s, which is not a notebook-facing package of the library", p)
	}
	if len(want) < 10 {
		t.Fatalf("found only %d packages under %s", len(want), root)
	}
	if _, err := os.Stat(filepath.Join(root, "notebooks", "cellmod", "go.sum")); err != nil {
		t.Error(err)
	}
}
