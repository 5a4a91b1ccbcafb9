package output

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"
)

// Guard is how a command looks after the outputs it stages: how long to
// wait for another build of the same folder, whom to tell, and, when the
// command is interrupted, removing every unfinished output before it
// exits. A command attaches it to the context its builds run with
// (WithGuard); Begin picks it up there, since the stagings are made deep
// inside the builds.
type Guard struct {
	// LockWait is how long Begin waits for another build of the same
	// output folder to finish; 0 means DefaultLockWait, and NoLockWait
	// (any negative value) not at all.
	LockWait time.Duration
	// Waiting, when set, is called once when Begin has to wait: dest is
	// the output folder, pid the other build's process (0 if unknown).
	Waiting func(dest string, pid int)

	mu        sync.Mutex
	stopped   bool
	active    map[*Staging]struct{}
	committed []string       // outputs swapped in, as Begin was given them
	beginning sync.WaitGroup // Begins under way
}

// NoLockWait as Guard.LockWait makes Begin fail at once with a BusyError
// when another build holds the output folder.
const NoLockWait time.Duration = -1

// ErrInterrupted is returned by Begin, and by writes into a staging, once
// the command's Guard stopped.
var ErrInterrupted = errors.New("interrupted")

type guardKey struct{}

// WithGuard returns ctx carrying g, for Begin.
func WithGuard(ctx context.Context, g *Guard) context.Context {
	return context.WithValue(ctx, guardKey{}, g)
}

func guardFrom(ctx context.Context) *Guard {
	g, _ := ctx.Value(guardKey{}).(*Guard)
	return g
}

func (g *Guard) lockWait() time.Duration {
	switch {
	case g == nil || g.LockWait == 0:
		return DefaultLockWait
	case g.LockWait < 0:
		return 0
	}
	return g.LockWait
}

// enter tells g a Begin starts, refusing it once g stopped; leave that
// it ended.
func (g *Guard) enter() bool {
	if g == nil {
		return true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return false
	}
	g.beginning.Add(1)
	return true
}

func (g *Guard) leave() {
	if g != nil {
		g.beginning.Done()
	}
}

// add registers a staging begun under g. (Stop waits for Begins under
// way before it looks at the active stagings, so none is missed.)
func (g *Guard) add(s *Staging) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.active == nil {
		g.active = map[*Staging]struct{}{}
	}
	g.active[s] = struct{}{}
}

// swapped records that the new output of s is in place. The caller
// holds s.mu, so Stop, whose Abort waits for it, sees it.
func (g *Guard) swapped(s *Staging) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.committed = append(g.committed, s.name)
}

// forget drops a committed or aborted staging.
func (g *Guard) forget(s *Staging) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.active, s)
}

// Stopped is what Guard.Stop found: the outputs it aborted, and those
// already swapped in, each as Begin was given it.
type Stopped struct {
	Aborted   []string // their previous output is as it was
	Committed []string // the new output is in place
}

// Stop aborts every staging begun under g and not yet finished (removing
// its temporary folder and releasing the output's lock), and makes any
// later Begin fail with ErrInterrupted. A swap under way in Commit is let
// finish, so the new output is either wholly in place or not at all; the
// deletion of the previous output that follows is not waited for (a
// process that exits now leaves it, marked, for the next build to
// remove). Stop is safe to call from another goroutine than the build's,
// which is how a signal handler uses it. Cancel the context of the builds
// first, so that a Begin waiting for another build's lock gives up at
// once.
func (g *Guard) Stop() Stopped {
	g.mu.Lock()
	g.stopped = true
	g.mu.Unlock()
	g.beginning.Wait()
	g.mu.Lock()
	active := make([]*Staging, 0, len(g.active))
	for s := range g.active {
		active = append(active, s)
	}
	g.mu.Unlock()
	var res Stopped
	for _, s := range active {
		if s.Abort() {
			res.Aborted = append(res.Aborted, s.name)
		}
	}
	g.mu.Lock()
	res.Committed = slices.Clone(g.committed)
	g.mu.Unlock()
	return res
}
