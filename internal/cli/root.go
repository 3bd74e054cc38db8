// Package cli is the obol command tree. Each command group lives in its own
// file; this file holds the root command, the global flags and the output
// helpers every command shares.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

// Globals are the flags every command accepts, resolved once per run.
type Globals struct {
	DataDir  string
	Output   string
	LogLevel string

	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// JSON reports whether machine-readable output was asked for.
func (g *Globals) JSON() bool { return g.Output == "json" }

// Logger returns a text logger on stderr at the requested level.
func (g *Globals) Logger() *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(g.LogLevel)) // validated in PersistentPreRunE
	return slog.New(slog.NewTextHandler(g.Stderr, &slog.HandlerOptions{Level: lvl}))
}

// Main runs the obol command line and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	g := &Globals{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	root := newRoot(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintf(stderr, "error: %v\n", ee.Err)
		}
		return ee.Code
	}
	fmt.Fprintf(stderr, "error: %v\n", err)
	return 1
}

// ExitError carries a specific exit code (for example `obol smoke llm`
// exiting 1 with a reason) out of a command.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return fmt.Sprintf("exit %d: %v", e.Code, e.Err) }
func (e *ExitError) Unwrap() error { return e.Err }

func newRoot(g *Globals) *cobra.Command {
	root := &cobra.Command{
		Use:           "obol",
		Short:         "Sell and buy models and HTTP services for x402 micropayments",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return g.validate()
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.DataDir, "data-dir", defaultDataDir(), "directory holding the stack's database, keys and config")
	pf.StringVarP(&g.Output, "output", "o", "human", "output format: human or json")
	pf.StringVar(&g.LogLevel, "log-level", "info", "log level: debug, info, warn or error")
	for _, add := range commandGroups {
		root.AddCommand(add(g))
	}
	return root
}

// commandGroups lists the constructors of the top-level commands. Each group
// lives in its own file; add a line here when adding a group.
var commandGroups = []func(*Globals) *cobra.Command{
	newVersionCmd,
	newDemoCmd,
	newWalletCmd,
	newStackCmd,
	newSellCmd,
	newBuyCmd,
	newModelCmd,
	newGatewayCmd,
	newSmokeCmd,
	newFacilitatorCmd,
	newSellerCmd,
	newChainCmd,
}

func (g *Globals) validate() error {
	switch g.Output {
	case "human", "json":
	default:
		return fmt.Errorf("unknown output format %q: use -o human or -o json", g.Output)
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(g.LogLevel)); err != nil {
		return fmt.Errorf("unknown log level %q: use debug, info, warn or error", g.LogLevel)
	}
	if strings.TrimSpace(g.DataDir) == "" {
		return errors.New("--data-dir is empty: give a directory path")
	}
	return nil
}

// defaultDataDir is $XDG_DATA_HOME/obol, falling back to ~/.local/share/obol.
func defaultDataDir() string {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "obol")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "obol")
	}
	return "obol-data"
}
