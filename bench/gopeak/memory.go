package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
)

// memoryKB reads the process's resident set size and its high-water mark
// (VmRSS and VmHWM of /proc/self/status), in kB.
func memoryKB() (rss, hwm int64, err error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0, fmt.Errorf("memory: %w (Linux only)", err)
	}
	return parseStatus(b)
}

// parseStatus takes VmRSS and VmHWM ("VmRSS:\t  123456 kB") out of the text
// of /proc/<pid>/status.
func parseStatus(b []byte) (rss, hwm int64, err error) {
	found := 0
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) < 2 {
			continue
		}
		var dst *int64
		switch string(f[0]) {
		case "VmRSS:":
			dst = &rss
		case "VmHWM:":
			dst = &hwm
		default:
			continue
		}
		v, err := strconv.ParseInt(string(f[1]), 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("memory: %s %q: %w", f[0], f[1], err)
		}
		*dst = v
		found++
	}
	if found != 2 {
		return 0, 0, fmt.Errorf("memory: VmRSS or VmHWM missing from /proc/self/status")
	}
	return rss, hwm, nil
}

// resetPeak sets the process's VmHWM back to its current VmRSS (Linux ≥ 4.0,
// "5" written to /proc/self/clear_refs), so that the next VmHWM read is the
// peak of what ran in between.
func resetPeak() error {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}
