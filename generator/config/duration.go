package config

import (
	"fmt"
	"strconv"
	"time"
)

// Interval is a review interval in calendar units: days, weeks, months or years.
type Interval struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

// ParseDuration parses "90d", "12w", "6m" or "1y".
func ParseDuration(s string) (Interval, error) {
	if len(s) < 2 {
		return Interval{}, fmt.Errorf("%q is not an interval: write a number and a unit, like \"90d\", \"12w\", \"6m\" or \"1y\"", s)
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') {
		return Interval{}, fmt.Errorf("%q is not an interval: write a number and a unit, like \"90d\", \"12w\", \"6m\" or \"1y\"", s)
	}
	return Interval{N: n, Unit: unit}, nil
}

// After returns t moved forward by the interval.
func (i Interval) After(t time.Time) time.Time {
	switch i.Unit {
	case 'd':
		return t.AddDate(0, 0, i.N)
	case 'w':
		return t.AddDate(0, 0, 7*i.N)
	case 'm':
		return t.AddDate(0, i.N, 0)
	default:
		return t.AddDate(i.N, 0, 0)
	}
}
