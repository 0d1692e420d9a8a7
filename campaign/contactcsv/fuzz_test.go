package contactcsv

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader and the whole import:
// neither may panic or loop, and every row problem must carry a line.
func FuzzReader(f *testing.F) {
	f.Add([]byte(messy))
	f.Add([]byte("phone\n+1 415 555 0100\n"))
	f.Add([]byte("a;b\n\"x;y\n"))
	f.Add(utf16Bytes("phone\tname\n07700 900123\tZoë\n", false))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'p', ',', 0xff, '\n', '1', '\n'})

	f.Fuzz(func(t *testing.T, in []byte) {
		rd, err := NewReader(bytes.NewReader(in))
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			if i > len(in)+2 {
				t.Fatalf("more rows than bytes: the reader loops")
			}
			_, err := rd.Read()
			var re *RowError
			if errors.As(err, &re) {
				if re.Line < 1 || re.Reason == "" {
					t.Fatalf("row error without line or reason: %+v", re)
				}
				continue
			}
			if err != nil {
				break
			}
		}

		sink := &memSink{}
		_, err = Import(context.Background(), bytes.NewReader(in), sink,
			Options{Country: "US", Rejects: io.Discard})
		var se *StoppedError
		if err != nil && errors.As(err, &se) && se.SavedLine < 0 {
			t.Fatalf("negative saved line: %v", err)
		}
	})
}
