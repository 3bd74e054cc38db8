// Command obol sells and buys access to models and HTTP services for x402
// micropayments. Everything lives in internal/cli; this file only hands over.
package main

import (
	"os"

	"github.com/obol-dev/obol/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
