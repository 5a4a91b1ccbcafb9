package parallel

import (
	"sync/atomic"
	"testing"
)

func TestEachVisitsEveryItemOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		counts := make([]int32, n)
		var calls atomic.Int32
		EachN(n, 5, func(i int) {
			atomic.AddInt32(&counts[i], 1)
			calls.Add(1)
		})
		if int(calls.Load()) != n {
			t.Errorf("n=%d: %d calls", n, calls.Load())
		}
		for i, c := range counts {
			if c != 1 {
				t.Errorf("n=%d: item %d visited %d times", n, i, c)
			}
		}
	}
}
