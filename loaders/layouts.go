package loaders

import (
	"bytes"
	"embed"
	"sync"
)

var layoutsMu sync.RWMutex

// layoutFiles are the built-in layouts in the form of a layout file
// (ReadLayout): one mechanism for the built-in layouts and a user's.
//
//go:embed layouts/*.toml
var layoutFiles embed.FS

// builtin reads an embedded layout; a mistake in one is a bug of the
// library, caught by every test.
func builtin(name string) Layout {
	file := "layouts/" + name + ".toml"
	data, err := layoutFiles.ReadFile(file)
	if err != nil {
		panic(err)
	}
	l, err := ReadLayout(bytes.NewReader(data), file)
	if err != nil {
		panic(err)
	}
	return l
}

// The built-in layouts, for the appendix tables of provincial IT plans
// (layouts/*.toml).
var (
	// ITStaff is the IT staff table by unit (Phụ lục 1 of Sóc Trăng's 2010
	// plan): staff, IT graduates by level, IT certificates, e-mail users,
	// with section headings.
	ITStaff = builtin("it-staff")
	// Computers is the staff and computers table by unit (Phụ lục 2 and 3):
	// computers, of which on the Internet and on a LAN, and the reported
	// ratios.
	Computers = builtin("computers")
	// Projects2009 is the list of projects of a past plan period with their
	// planned cost, implementation status and funding status (Phụ lục 4).
	Projects2009 = builtin("projects-2009")
	// ProjectsPlan is the list of planned projects with their cost by
	// funding source: development investment (central, local) and recurrent
	// spending (central, local) (Phụ lục 5).
	ProjectsPlan = builtin("projects-plan")
)

func init() {
	for _, l := range []Layout{ITStaff, Computers, Projects2009, ProjectsPlan} {
		if err := RegisterLayout(l); err != nil {
			panic(err)
		}
	}
}
