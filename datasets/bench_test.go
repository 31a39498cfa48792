package datasets

import "testing"

// BenchmarkParseAll parses every dataset of the catalogue from its embedded
// source, bypassing the cache: the cold cost of datasets.Load for all.
func BenchmarkParseAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		splitSources.Clear()
		for _, e := range catalogue {
			data, claims, err := parse(e)
			if err != nil {
				b.Fatal(err)
			}
			data.Release()
			claims.Release()
		}
	}
}
