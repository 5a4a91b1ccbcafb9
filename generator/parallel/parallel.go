// Package parallel runs independent work items on all cores.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for every i in [0, n) on GOMAXPROCS workers and returns
// when all calls have. fn must only write to state owned by item i.
func Each(n int, fn func(i int)) {
	EachN(n, runtime.GOMAXPROCS(0), fn)
}

// IOWorkers is a worker count for file-system work: threads blocked in
// system calls leave the CPU free, so more of them than cores finish sooner.
const IOWorkers = 16

// EachN is Each with an explicit number of workers.
func EachN(n, workers int, fn func(i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
