// Package layers holds the test that keeps the library's packages in their
// layers: what may import what, written once (see layers_test.go).
package layers
