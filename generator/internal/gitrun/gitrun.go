// Package gitrun runs the git command line for the packages that read a
// repository (history, gitfs): in one folder, with git's messages in
// English so that callers can recognise them (output is not affected).
package gitrun

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Runner runs git in a folder.
type Runner struct {
	Exe    string   // the git executable
	Dir    string   // the folder git runs in (git -C)
	Env    []string // more environment, such as GIT_FLUSH=0
	Prefix string   // how errors begin, such as "reading git history of DIR"
}

// Command returns git with args, ready to run.
func (g Runner) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, g.Exe, append([]string{"-C", g.Dir}, args...)...)
	cmd.Env = append(append(os.Environ(), "LC_ALL=C"), g.Env...)
	cmd.WaitDelay = time.Second
	return cmd
}

// Output runs a small git command and returns its standard output and
// standard error.
func (g Runner) Output(ctx context.Context, args ...string) (stdout, stderr []byte, err error) {
	var out, errb bytes.Buffer
	cmd := g.Command(ctx, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.Bytes(), errb.Bytes(), err
}

// Error wraps the failure of git's what, with what git said.
func (g Runner) Error(what string, err error, stderr []byte) error {
	if msg := strings.TrimSpace(string(stderr)); msg != "" {
		return fmt.Errorf("%s: git %s: %w: %s", g.Prefix, what, err, msg)
	}
	return fmt.Errorf("%s: git %s: %w", g.Prefix, what, err)
}
