// Command argmap maps a debate, weighs it against the user's values, and says where the verdict
// flips. See internal/cli for the commands.
package main

import (
	"os"

	"github.com/argmap/argmap/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
