// Package analysis holds ictplan's analysis subpackages. Each takes Frames
// and returns Frames (or charts): reconcile compares the figures a document
// reports with the figures its own tables add up to.
package analysis
