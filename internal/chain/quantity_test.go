package chain

import (
	"encoding/json"
	"testing"
)

func TestQuantity(t *testing.T) {
	tests := []struct {
		in      string
		want    uint64
		wantErr bool
	}{
		{`3600`, 3600, false},
		{`"0xe10"`, 3600, false},
		{`"3600"`, 3600, false},
		{`"0x"`, 0, true},
		{`-1`, 0, true},
		{`"soon"`, 0, true},
		{`1.5`, 0, true},
		{`"0x10000000000000000"`, 0, true},
		{`null`, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var q quantity
			err := json.Unmarshal([]byte(tt.in), &q)
			if (err != nil) != tt.wantErr || uint64(q) != tt.want {
				t.Errorf("quantity(%s) = %d, %v; want %d, error %v", tt.in, q, err, tt.want, tt.wantErr)
			}
		})
	}
}

// FuzzQuantity: any input either decodes to a value that round-trips as a
// JSON number or is refused, never panics.
func FuzzQuantity(f *testing.F) {
	for _, s := range []string{`1`, `"0x1"`, `"12"`, `"0x"`, `-1`, `{}`, `"` + "\xff" + `"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var q quantity
		if err := q.UnmarshalJSON(b); err != nil {
			return
		}
		out, _ := json.Marshal(uint64(q))
		var back quantity
		if err := back.UnmarshalJSON(out); err != nil || back != q {
			t.Fatalf("%d does not round-trip: %v", q, err)
		}
	})
}
