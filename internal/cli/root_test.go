package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// run executes the CLI in-process and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(append([]string{"--data-dir", t.TempDir()}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersionJSON(t *testing.T) {
	code, out, _ := run(t, "version", "-o", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var v versionInfo
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("version -o json is not JSON: %v\n%s", err, out)
	}
	if v.Version == "" || v.GoVersion == "" || v.Commit == "" {
		t.Fatalf("incomplete version info: %+v", v)
	}
}

func TestBadGlobalInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "unknown flag: --bogus"},
		{[]string{"-o", "xml", "version"}, `unknown output format "xml"`},
		{[]string{"--log-level", "loud", "version"}, `unknown log level "loud"`},
		{[]string{"nosuchcommand"}, `unknown command "nosuchcommand"`},
		{[]string{"version", "extra"}, "unknown command"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want failure mentioning %q", code, stderr, tc.want)
			}
		})
	}
}

func TestCheckToken(t *testing.T) {
	for _, tc := range []struct{ network, token, want string }{
		{"devnet", "USDC", ""},
		{"devnet", "OBOL", ""},
		{"base", "USDC", ""},
		{"devnet", "DOGE", `--token "DOGE" is not a token on devnet; use one of`},
		{"moon", "USDC", `--chain "moon"`},
	} {
		err := checkToken(tc.network, tc.token)
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("checkToken(%s, %s) = %v, want %q", tc.network, tc.token, err, tc.want)
		}
	}
}
