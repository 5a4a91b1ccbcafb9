package output

import (
	"context"
	"errors"
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
	// output folder to finish; 0 means DefaultLockWait.
	LockWait time.Duration
	// Waiting, when set, is called once when Begin has to wait: dest is
	// the output folder, pid the other build's process (0 if unknown).
	Waiting func(dest string, pid int)

	mu        sync.Mutex
	stopped   bool
	active    map[*Staging]struct{}
	beginning sync.WaitGroup // Begins under way
}

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
	if g == nil || g.LockWait <= 0 {
		return DefaultLockWait
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

// forget drops a committed or aborted staging.
func (g *Guard) forget(s *Staging) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.active, s)
}

// Stop aborts every staging begun under g and not yet finished (removing
// its temporary folder and releasing the output's lock), and makes any
// later Begin fail with ErrInterrupted. A Commit under way is let finish,
// so the new output is either wholly in place or not at all. Stop returns
// when all is done, with the output folders it aborted (as Begin was
// given them); it is safe to call
// from another goroutine than the build's, which is how a signal handler
// uses it. Cancel the context of the builds first, so that a Begin
// waiting for another build's lock gives up at once.
func (g *Guard) Stop() []string {
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
	var aborted []string
	for _, s := range active {
		if s.Abort() {
			aborted = append(aborted, s.name)
		}
	}
	return aborted
}
