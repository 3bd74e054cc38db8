package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/config"
	"github.com/obol-dev/obol/internal/stack"
)

func newStackCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stack",
		Short: "Initialise, run and inspect the local stack",
	}
	cmd.AddCommand(newStackInitCmd(g), newStackUpCmd(g), newStackDownCmd(g), newStackStatusCmd(g), newStackLogsCmd(g))
	return cmd
}

func newStackInitCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create the data dir, default config, master key and wallet (keeps what exists)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			res, err := stack.Init(g.DataDir)
			if err != nil {
				return err
			}
			created := "nothing new (already initialised)"
			if len(res.Created) > 0 {
				created = "created " + strings.Join(res.Created, ", ")
			}
			return g.emit(fmt.Sprintf("data dir %s: %s\nwallet %s\nnext: obol stack up", res.DataDir, created, res.WalletAddress), res)
		},
	}
}

// listenFlags are the per-listener overrides of `stack up`.
type listenFlags struct{ public, local, buyer, facilitator, chain string }

func (f *listenFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.public, "public-addr", "", "public listener (paid services and catalog), default 127.0.0.1:8080")
	fl.StringVar(&f.local, "local-addr", "", "local listener (LLM gateway, admin API, metrics), default 127.0.0.1:4000")
	fl.StringVar(&f.buyer, "buyer-addr", "", "buyer proxy listener, default 127.0.0.1:8402")
	fl.StringVar(&f.facilitator, "facilitator-addr", "", "embedded facilitator listener, default 127.0.0.1:8403")
	fl.StringVar(&f.chain, "chain-addr", "", "dev chain JSON-RPC listener, default 127.0.0.1:8545")
}

// args repeats the flags that were set, for a detached child.
func (f *listenFlags) args() []string {
	var out []string
	for _, o := range []struct{ name, val string }{{"public", f.public}, {"local", f.local}, {"buyer", f.buyer}, {"facilitator", f.facilitator}, {"chain", f.chain}} {
		if o.val != "" {
			out = append(out, "--"+o.name+"-addr="+o.val)
		}
	}
	return out
}

func (f *listenFlags) apply(c *config.Config) {
	for _, o := range []struct {
		flag string
		dst  *string
	}{{f.public, &c.Listen.Public}, {f.local, &c.Listen.Local}, {f.buyer, &c.Listen.Buyer}, {f.facilitator, &c.Listen.Facilitator}, {f.chain, &c.Listen.Chain}} {
		if o.flag != "" {
			*o.dst = o.flag
		}
	}
}

// loadConfig reads the data dir's config, then the environment, then flags.
func (g *Globals) loadConfig(flags *listenFlags) (config.Config, error) {
	c, err := config.Load(stack.Layout{Dir: g.DataDir}.Config())
	if err != nil {
		return c, err
	}
	if err := config.ApplyEnv(&c, os.LookupEnv); err != nil {
		return c, err
	}
	if flags != nil {
		flags.apply(&c)
	}
	return c, c.Validate()
}

func newStackUpCmd(g *Globals) *cobra.Command {
	var flags listenFlags
	var detach bool
	cmd := &cobra.Command{
		Use:   "up",
		Short: "Run every component in this process (or in the background with --detach)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(&flags)
			if err != nil {
				return err
			}
			if detach {
				return g.detach(cmd.Context(), flags)
			}
			return g.runStack(cmd.Context(), cfg)
		},
	}
	flags.register(cmd)
	cmd.Flags().BoolVar(&detach, "detach", false, "run in the background (pid file and logs in the data dir)")
	return cmd
}

func (g *Globals) runStack(ctx context.Context, cfg config.Config) error {
	if _, err := stack.Init(g.DataDir); err != nil {
		return err
	}
	s, err := stack.New(stack.Options{DataDir: g.DataDir, Config: cfg, Logger: g.Logger()})
	if err != nil {
		return err
	}
	if err := s.Start(ctx); err != nil {
		s.Close()
		return err
	}
	g.progress("obol stack running (pid %d); stop with Ctrl-C or `obol stack down`", os.Getpid())
	for _, name := range []string{"public", "local", "buyer", "facilitator", "chain"} {
		if u := s.URL(name); u != "" {
			g.progress("  %-12s %s", name, u)
		}
	}
	var runErr error
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	live := isTerminal(g.stderrFile())
wait:
	for {
		select {
		case <-ctx.Done():
			break wait
		case runErr = <-s.Err():
			break wait
		case <-tick.C:
			if live {
				fmt.Fprintf(g.Stderr, "\r\033[K%s", s.StatusLine(ctx))
			}
		}
	}
	if live {
		fmt.Fprintln(g.Stderr)
	}
	g.progress("stopping: in-flight requests finish first")
	return errors.Join(runErr, s.Close())
}

// detach starts `obol stack up` in a new session with its output in the
// data dir's log file and returns once it serves, or with its last log
// lines when it fails to start.
func (g *Globals) detach(ctx context.Context, flags listenFlags) error {
	l := stack.Layout{Dir: g.DataDir}
	if pid, _ := stack.RunningPID(l.PIDFile()); pid != 0 {
		return fmt.Errorf("%w (pid %d)", stack.ErrRunning, pid)
	}
	if _, err := stack.Init(g.DataDir); err != nil { // says what to do about an unwritable dir
		return err
	}
	if err := os.MkdirAll(filepath.Dir(l.LogFile()), 0o700); err != nil {
		return fmt.Errorf("create log dir: %w", err)
	}
	logf, err := os.OpenFile(l.LogFile(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("open log file: %w", err)
	}
	defer logf.Close()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	args := []string{"--data-dir", g.DataDir, "--log-level", g.LogLevel, "stack", "up"}
	args = append(args, flags.args()...)
	child := exec.Command(self, args...)
	child.Stdout, child.Stderr = logf, logf
	child.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := child.Start(); err != nil {
		return fmt.Errorf("start background stack: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- child.Wait() }()
	deadline := time.After(60 * time.Second)
	for {
		if e, err := stack.ReadEndpoints(g.DataDir); err == nil {
			return g.emit(fmt.Sprintf("obol stack running in the background (pid %d)\n  local  %s\n  public %s\nlogs: %s",
				child.Process.Pid, e["local"], e["public"], l.LogFile()), map[string]any{"pid": child.Process.Pid, "endpoints": e, "log": l.LogFile()})
		}
		select {
		case <-exited:
			return fmt.Errorf("the background stack exited during start; its log says:\n%s", tail(l.LogFile(), 10))
		case <-deadline:
			return fmt.Errorf("the background stack did not become ready in 60s; see %s", l.LogFile())
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// stderrFile is stderr as a file, when it is one (for the terminal check).
func (g *Globals) stderrFile() *os.File {
	f, _ := g.Stderr.(*os.File)
	return f
}

func tail(path string, n int) string {
	raw, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func newStackDownCmd(g *Globals) *cobra.Command {
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "down",
		Short: "Stop the running stack gracefully (in-flight paid requests finish and settle)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := stack.Layout{Dir: g.DataDir}
			pid, err := stack.RunningPID(l.PIDFile())
			if err != nil {
				return err
			}
			if pid == 0 {
				return g.emit("no stack is running on "+g.DataDir, map[string]any{"stopped": false})
			}
			if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
				return fmt.Errorf("signal pid %d: %w", pid, err)
			}
			deadline := time.Now().Add(timeout)
			for time.Now().Before(deadline) {
				if p, _ := stack.RunningPID(l.PIDFile()); p == 0 {
					return g.emit(fmt.Sprintf("stopped the stack (pid %d)", pid), map[string]any{"stopped": true, "pid": pid})
				}
				time.Sleep(50 * time.Millisecond)
			}
			return fmt.Errorf("the stack (pid %d) is still stopping after %s; it finishes in-flight requests first, see `obol stack logs`", pid, timeout)
		},
	}
	cmd.Flags().DurationVar(&timeout, "timeout", 60*time.Second, "how long to wait for the stack to stop")
	return cmd
}

// stackClient returns a client for the stack running on the data dir.
func (g *Globals) stackClient() (*client.Client, stack.Endpoints, error) {
	e, err := stack.ReadEndpoints(g.DataDir)
	if err != nil {
		return nil, nil, err
	}
	key, err := stack.ReadMasterKey(g.DataDir)
	if err != nil {
		return nil, nil, err
	}
	return client.New(e["local"], key), e, nil
}

func newStackStatusCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show component health, listeners, chain and counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, _, err := g.stackClient()
			if err != nil {
				return err
			}
			var st stack.Status
			if err := c.Status(cmd.Context(), &st); err != nil {
				return err
			}
			var b strings.Builder
			fmt.Fprintf(&b, "obol stack (pid %d) on %s\n", st.PID, st.DataDir)
			for _, name := range []string{"public", "local", "buyer", "facilitator", "chain"} {
				if u := st.Listeners[name]; u != "" {
					fmt.Fprintf(&b, "  %-12s %s\n", name, u)
				}
			}
			fmt.Fprintf(&b, "chain %d, block %d\nwallet %s\noffers %d, purchases %d, models %d (%s)",
				st.Chain.ChainID, st.Chain.Block, st.Wallet, st.Offers, st.Purchases, len(st.Models), strings.Join(st.Models, ", "))
			names := make([]string, 0, len(st.Components))
			for n := range st.Components {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				fmt.Fprintf(&b, "\n  %-12s %s", n, st.Components[n])
			}
			return g.emit(b.String(), st)
		},
	}
}

func newStackLogsCmd(g *Globals) *cobra.Command {
	var lines int
	cmd := &cobra.Command{
		Use:   "logs",
		Short: "Print the logs of a detached stack",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := stack.Layout{Dir: g.DataDir}.LogFile()
			f, err := os.Open(path)
			if errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("no log file at %s: logs are kept only for `obol stack up --detach`", path)
			}
			if err != nil {
				return err
			}
			defer f.Close()
			if lines > 0 {
				_, err = io.WriteString(g.Stdout, tail(path, lines)+"\n")
				return err
			}
			_, err = io.Copy(g.Stdout, f)
			return err
		},
	}
	cmd.Flags().IntVarP(&lines, "tail", "n", 0, "print only the last N lines")
	return cmd
}
