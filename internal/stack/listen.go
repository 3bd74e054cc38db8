package stack

import (
	"errors"
	"fmt"
	"net"
	"syscall"
)

// listenerSpec names a listener the way a person would change it.
type listenerSpec struct {
	name string // "public", "local", …
	addr string
	flag string // the flag that changes it
	env  string // the environment variable that changes it
}

// listenAll binds every listener with a non-empty address, or none: on the
// first failure it closes what it opened and says how to fix the address.
func listenAll(specs []listenerSpec) (map[string]net.Listener, error) {
	out := make(map[string]net.Listener, len(specs))
	for _, s := range specs {
		if s.addr == "" {
			continue
		}
		ln, err := net.Listen("tcp", s.addr)
		if err != nil {
			for _, l := range out {
				l.Close()
			}
			return nil, listenError(s, err)
		}
		out[s.name] = ln
	}
	return out, nil
}

func listenError(s listenerSpec, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("the %s listener cannot bind %s: the port is in use by another process; choose another address with %s or %s",
			s.name, s.addr, s.flag, s.env)
	}
	return fmt.Errorf("the %s listener cannot bind %s: %w; choose another address with %s or %s", s.name, s.addr, err, s.flag, s.env)
}
