// Command playbook builds a sales and brand playbook website from a folder
// of markdown. Run `playbook help` for the commands.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
