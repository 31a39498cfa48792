package layers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/ictplan/ictplan"

// The direction of the imports, written once. Data flows one way:
//
//	source text → loaders → frame ← analysis ← reporting ← cmd
//
// with datasets on loaders and frame only, checks (the rules of each
// dataset) on datasets and analysis, reporting and cmd on checks, and leaf
// packages every layer may use: vntext (Vietnamese text), numtext (numbers
// as written) and internal/approx (equal up to rounding). A package may import the packages of its own tree (frame/xlsxio
// imports frame) and those its rule lists, each with its subpackages. Test
// files are not checked: an example of analysis may load a dataset.
var rules = []struct {
	tree  string   // a package and its subpackages
	may   []string // what they may import besides their own tree
	notes string
}{
	{"vntext", nil, "a leaf"},
	{"numtext", nil, "a leaf"},
	{"internal/approx", nil, "a leaf"},
	{"frame", []string{"numtext", "vntext", "internal/approx"}, "the core depends on nothing of ours but the leaves"},
	{"loaders", []string{"frame", "numtext", "vntext", "internal/approx"}, ""},
	{"datasets", []string{"loaders", "frame", "numtext", "vntext", "internal/approx"}, "datasets uses loaders and frame only"},
	{"analysis", []string{"frame", "numtext", "vntext", "internal/approx"}, "analysis works on Frames, never on datasets or loaders"},
	{"checks", []string{"analysis", "datasets", "loaders", "frame", "numtext", "vntext", "internal/approx"}, "the rules of each dataset: above both the data and the rules"},
	{"reporting", []string{"checks", "analysis", "datasets", "frame", "loaders", "numtext", "vntext", "internal/approx"}, "the report and its sections: output, above analysis"},
	{"cmd", []string{"reporting", "checks", "analysis", "datasets", "loaders", "frame", "numtext", "vntext", "internal"}, "the top"},
	{"internal/frametest", []string{"frame"}, "test helpers"},
	{"internal/ziptest", nil, "test helpers: the parts of a zip"},
	{"internal/panel", []string{"frame"}, "the benchmark's synthetic panel"},
	{"internal/notebookapi", nil, "reads the notebooks' code"},
	{"internal/layers", nil, "this test"},
	{"bench", []string{"frame", "internal/panel"}, "the benchmark harness"},
}

// known are imports against the direction that are known, each with the
// reason it is still there; the test fails when one of them goes away
// without being removed from here, and for any other.
var known = map[string]string{}

// within reports whether import path p (relative to the module) is tree or
// below it.
func within(p, tree string) bool { return p == tree || strings.HasPrefix(p, tree+"/") }

func TestImportDirection(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	imports := map[string]map[string]bool{} // package -> library packages it imports
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || rel == "notebooks") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := path.Dir(rel)
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			if ip == module {
				imports[pkg]["."] = true
			} else if strings.HasPrefix(ip, module+"/") {
				imports[pkg][strings.TrimPrefix(ip, module+"/")] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 15 {
		t.Fatalf("found only %d packages under %s", len(imports), root)
	}
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	seenKnown := map[string]bool{}
	for _, p := range pkgs {
		var rule = -1
		for i, r := range rules { // the most specific tree decides
			if within(p, r.tree) && (rule < 0 || len(r.tree) > len(rules[rule].tree)) {
				rule = i
			}
		}
		if rule < 0 {
			t.Errorf("package %s is in no layer: add its tree to the rules of %s", p, "internal/layers")
			continue
		}
		r := rules[rule]
		deps := make([]string, 0, len(imports[p]))
		for d := range imports[p] {
			deps = append(deps, d)
		}
		sort.Strings(deps)
	next:
		for _, d := range deps {
			if within(d, r.tree) {
				continue
			}
			for _, m := range r.may {
				if within(d, m) {
					continue next
				}
			}
			edge := p + " -> " + d
			if _, ok := known[edge]; ok {
				seenKnown[edge] = true
				continue
			}
			t.Errorf("%s imports %s, against the direction: %s may import only its own tree and %v (%s)",
				p, d, r.tree, r.may, r.notes)
		}
	}
	for edge, why := range known {
		if !seenKnown[edge] {
			t.Errorf("the known exception %q (%s) is gone: remove it from known", edge, why)
		}
	}
}
