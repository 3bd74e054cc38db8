// Package config is the stack's boot configuration: where each listener
// binds, which chain and facilitator to use, and how the seller presents
// itself. It is read once at start from <data-dir>/config.yaml (written by
// `obol stack init`), then overridden by the environment table below, then by
// flags. Loading is strict: an unknown key is an error naming the file and
// line, never silently ignored.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/obol-dev/obol/internal/atomicfile"
)

// FileName is the config file inside a data dir.
const FileName = "config.yaml"

// Config is the boot configuration of one stack.
type Config struct {
	Listen      Listen      `yaml:"listen"`
	Chain       Chain       `yaml:"chain"`
	Facilitator Facilitator `yaml:"facilitator"`
	Seller      Seller      `yaml:"seller"`
	Buyer       Buyer       `yaml:"buyer"`
}

// Listen holds the address of every listener (SPEC §2). An empty address
// turns that listener off.
type Listen struct {
	Public      string `yaml:"public"`
	Local       string `yaml:"local"`
	Buyer       string `yaml:"buyer"`
	Facilitator string `yaml:"facilitator"`
	Chain       string `yaml:"chain"`
}

// Chain chooses the default network and where each network's RPC is.
type Chain struct {
	// Network is the default network for new offers (alias or CAIP-2).
	Network string `yaml:"network"`
	// Embedded runs the dev chain in-process (devnet, chain id ChainID).
	Embedded bool   `yaml:"embedded"`
	ChainID  uint64 `yaml:"chainId"`
	// RPC maps a network alias or CAIP-2 id to its JSON-RPC URL.
	RPC map[string]string `yaml:"rpc,omitempty"`
}

// Facilitator chooses who verifies and settles payments.
type Facilitator struct {
	// URL of a remote facilitator; empty means the embedded one.
	URL string `yaml:"url,omitempty"`
	// JournalRetention is how long the embedded facilitator keeps a final
	// settlement record (mined or failed) after its outcome; 0 keeps every
	// record forever. Records still in state sent are never pruned.
	JournalRetention Duration `yaml:"journalRetention"`
}

// DefaultJournalRetention is the default of facilitator.journalRetention.
const DefaultJournalRetention = Duration(30 * 24 * time.Hour)

// Seller is how this stack presents itself in its catalogs.
type Seller struct {
	DisplayName string `yaml:"displayName"`
	Tagline     string `yaml:"tagline"`
	// PublicURL is the base URL buyers reach the public listener at (a
	// tunnel or reverse proxy); empty means http://<listen.public>.
	PublicURL string `yaml:"publicURL,omitempty"`
}

// Buyer tunes the buyer proxy.
type Buyer struct {
	// Retries is how many times a transient failure is retried (default 1).
	Retries int `yaml:"retries"`
}

// Default returns the configuration of a fresh stack.
func Default() Config {
	return Config{
		Listen: Listen{
			Public:      "127.0.0.1:8080",
			Local:       "127.0.0.1:4000",
			Buyer:       "127.0.0.1:8402",
			Facilitator: "127.0.0.1:8403",
			Chain:       "127.0.0.1:8545",
		},
		Chain:       Chain{Network: "devnet", Embedded: true, ChainID: 1337},
		Facilitator: Facilitator{JournalRetention: DefaultJournalRetention},
		Seller:      Seller{DisplayName: "obol seller", Tagline: "Models and services for x402 micropayments"},
		Buyer:       Buyer{Retries: 1},
	}
}

// Load reads path over Default(). A missing file yields Default(); a file
// with unknown keys or bad values is an error naming the file and line.
func Load(path string) (Config, error) {
	c := Default()
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("read config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		var de *durationError
		if errors.As(err, &de) {
			var doc yaml.Node
			if yaml.Unmarshal(raw, &doc) == nil {
				if field := fieldAt(&doc, de.line, de.column); field != "" {
					return Default(), fmt.Errorf("%s: line %d: %s: %w", path, de.line, field, de.err)
				}
			}
		}
		return Default(), fmt.Errorf("%s: %w", path, err)
	}
	if err := c.Validate(); err != nil {
		return Default(), fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// Save writes c to path atomically (temp file + rename), mode 0600.
func Save(path string, c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	raw, err := yaml.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode config: %w", err)
	}
	return atomicfile.Write(path, raw, 0o600)
}

// Validate checks every field a person could get wrong and says which.
func (c Config) Validate() error {
	for _, l := range []struct{ name, addr string }{
		{"listen.public", c.Listen.Public}, {"listen.local", c.Listen.Local}, {"listen.buyer", c.Listen.Buyer},
		{"listen.facilitator", c.Listen.Facilitator}, {"listen.chain", c.Listen.Chain},
	} {
		if l.addr == "" {
			continue
		}
		if _, port, err := net.SplitHostPort(l.addr); err != nil {
			return fmt.Errorf("%s: %q is not host:port", l.name, l.addr)
		} else if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
			return fmt.Errorf("%s: %q has no valid port", l.name, l.addr)
		}
	}
	if c.Chain.Network == "" {
		return errors.New("chain.network: empty; use devnet, base-sepolia, base, ethereum or a CAIP-2 id")
	}
	if c.Chain.Embedded && c.Chain.ChainID == 0 {
		return errors.New("chain.chainId: must be set for the embedded dev chain (default 1337)")
	}
	for name, u := range c.Chain.RPC {
		if err := checkURL(u); err != nil {
			return fmt.Errorf("chain.rpc.%s: %w", name, err)
		}
	}
	if c.Facilitator.URL != "" {
		if err := checkURL(c.Facilitator.URL); err != nil {
			return fmt.Errorf("facilitator.url: %w", err)
		}
	}
	if c.Facilitator.JournalRetention < 0 {
		return fmt.Errorf("facilitator.journalRetention: %s is negative: use a positive duration such as 720h, or 0 to keep every record", c.Facilitator.JournalRetention)
	}
	if c.Seller.PublicURL != "" {
		if err := checkURL(c.Seller.PublicURL); err != nil {
			return fmt.Errorf("seller.publicURL: %w", err)
		}
	}
	if c.Buyer.Retries < 0 || c.Buyer.Retries > 10 {
		return fmt.Errorf("buyer.retries: %d is out of range 0..10", c.Buyer.Retries)
	}
	return nil
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", s)
	}
	return nil
}
