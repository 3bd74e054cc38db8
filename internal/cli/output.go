package cli

import (
	"encoding/json"
	"fmt"
)

// emit writes v as indented JSON when -o json was given, else the human text.
func (g *Globals) emit(human string, v any) error {
	if g.JSON() {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	_, err := fmt.Fprintln(g.Stdout, human)
	return err
}

// progress prints a plain progress line on stderr; silent in JSON mode so
// stdout stays machine-readable and stderr stays quiet for scripts.
func (g *Globals) progress(format string, args ...any) {
	if g.JSON() {
		return
	}
	fmt.Fprintf(g.Stderr, format+"\n", args...)
}
