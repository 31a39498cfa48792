//go:build !race

package parquetio_test

const race = false
