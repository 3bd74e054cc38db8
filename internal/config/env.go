package config

import (
	"fmt"
	"strconv"
)

// envVar is one row of the environment table: the variable and the field it
// sets. This is the only place the stack reads its environment.
type envVar struct {
	name string
	doc  string
	set  func(*Config, string) error
}

func setString(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *field(c) = v; return nil }
}

// Env is the environment table, in the order it is applied.
var Env = []envVar{
	{"OBOL_PUBLIC_ADDR", "public listener address", setString(func(c *Config) *string { return &c.Listen.Public })},
	{"OBOL_LOCAL_ADDR", "local listener address (gateway, admin, metrics)", setString(func(c *Config) *string { return &c.Listen.Local })},
	{"OBOL_BUYER_ADDR", "buyer proxy address", setString(func(c *Config) *string { return &c.Listen.Buyer })},
	{"OBOL_FACILITATOR_ADDR", "embedded facilitator address", setString(func(c *Config) *string { return &c.Listen.Facilitator })},
	{"OBOL_CHAIN_ADDR", "dev chain JSON-RPC address", setString(func(c *Config) *string { return &c.Listen.Chain })},
	{"OBOL_FACILITATOR_URL", "remote facilitator URL (empty: embedded)", setString(func(c *Config) *string { return &c.Facilitator.URL })},
	{"OBOL_FACILITATOR_JOURNAL_RETENTION", "how long the facilitator keeps final settlement records (Go duration, 0 = forever)", func(c *Config, v string) error {
		d, err := ParseDuration(v)
		if err != nil {
			return err
		}
		c.Facilitator.JournalRetention = d
		return nil
	}},
	{"OBOL_PUBLIC_URL", "base URL buyers reach the public listener at", setString(func(c *Config) *string { return &c.Seller.PublicURL })},
	{"OBOL_BUYER_RETRIES", "buyer retries of transient failures", func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("not an integer")
		}
		c.Buyer.Retries = n
		return nil
	}},
}

// ApplyEnv overrides c from the environment (lookup is os.LookupEnv in
// production) and validates the result.
func ApplyEnv(c *Config, lookup func(string) (string, bool)) error {
	for _, e := range Env {
		if v, ok := lookup(e.name); ok {
			if err := e.set(c, v); err != nil {
				return fmt.Errorf("%s=%q: %w", e.name, v, err)
			}
		}
	}
	if err := c.Validate(); err != nil {
		return fmt.Errorf("environment: %w", err)
	}
	return nil
}
