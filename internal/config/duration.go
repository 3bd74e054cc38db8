package config

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Duration is a time.Duration written as a Go duration string in the
// config file and the environment ("720h", "90m"; "0" is zero).
type Duration time.Duration

// ParseDuration reads a Go duration string; negative values are refused.
func ParseDuration(s string) (Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration: use Go's form, e.g. 720h (30 days) or 90m, or 0", s)
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is negative: use a positive duration such as 720h, or 0", s)
	}
	return Duration(d), nil
}

// String is the shortest Go form: 720h, 1h30m, 0.
func (d Duration) String() string {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	if s == "0s" {
		s = "0"
	}
	return s
}

// durationError is a bad duration at a line of the file; Load names the
// field it belongs to.
type durationError struct {
	line, column int
	err          error
}

func (e *durationError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &durationError{n.Line, n.Column, errors.New("not a duration: use Go's form, e.g. 720h (30 days) or 90m, or 0")}
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		return &durationError{n.Line, n.Column, err}
	}
	*d = v
	return nil
}

// MarshalYAML implements yaml.Marshaler.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// fieldAt returns the dotted path of the mapping value at line:column in
// the document, or "".
func fieldAt(doc *yaml.Node, line, column int) string {
	var walk func(n *yaml.Node, path string) string
	walk = func(n *yaml.Node, path string) string {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				if p := walk(c, path); p != "" {
					return p
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				if v.Line == line && v.Column == column {
					return p
				}
				if found := walk(v, p); found != "" {
					return found
				}
			}
		}
		return ""
	}
	return walk(doc, "")
}
