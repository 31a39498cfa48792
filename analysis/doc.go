// Package analysis holds ictplan's analysis subpackages. Each takes Frames
// and returns Frames or charts:
//
//   - reconcile compares the figures a document reports with the figures its
//     own tables add up to;
//   - ratios computes ratios by unit (computers per staff, LAN and Internet
//     shares, IT-qualified and e-mail shares), ranks them and aggregates them
//     as sums of parts over sums of wholes;
//   - budget computes shares, execution rates, changes and plan-period
//     comparisons of budgets, nominal and in real terms;
//   - periods links baselines, targets and results of indicators across years;
//   - bench normalises, weights and aggregates province indicators into
//     composite indices, tests their sensitivity, and regroups provinces into
//     the units of 2025;
//   - chart draws the charts (PNG and SVG);
//   - report writes the HTML report with its charts and tables.
package analysis
