package sections_test

import (
	"fmt"

	"github.com/ictplan/ictplan/reporting/sections"
)

// The budget section: its charts (PNG and SVG through PNG() and SVG()) and
// its tables, ready for reporting.Write or a notebook.
func ExampleBudget() {
	s, err := sections.Budget(sections.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.TitleVI)
	for _, c := range s.Charts {
		fmt.Println("chart:", c.Name)
	}
	for _, t := range s.Tables {
		fmt.Printf("table: %s (%d rows)\n", t.Name, t.Frame.NumRows())
	}
	// Output:
	// Kinh phí chuyển đổi số theo trụ cột và nguồn vốn, 2023–2024
	// chart: budget-2024-by-pillar-source
	// chart: budget-2023-planned-spent
	// chart: budget-2023-2024-by-pillar
	// chart: budget-per-plan-year-real
	// table: budget-2023-execution-by-pillar (10 rows)
	// table: budget-2023-execution-by-source (4 rows)
	// table: budget-change-2023-2024 (10 rows)
	// table: budget-2024-shares-by-pillar (10 rows)
	// table: budget-2024-shares-by-source (4 rows)
	// table: budget-per-plan-year (4 rows)
}
