package twilioclient

import (
	"context"
	"log/slog"
	"testing"

	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// BenchmarkClient_Send measures one Send through twilio-go to the
// loopback simulator: the client's own cost per Message. Sending at a
// short code's 100 Segments per second needs it well under 10 ms.
func BenchmarkClient_Send(b *testing.B) {
	sim, err := twiliotest.New(twiliotest.Options{Balance: "1000000"})
	if err != nil {
		b.Fatal(err)
	}
	if err := sim.Start(); err != nil {
		b.Fatal(err)
	}
	defer sim.Close()

	o := sim.Options()
	c, err := New(Credentials{AccountSID: o.AccountSID,
		AuthToken: o.AuthToken, ServiceSID: o.ServiceSID},
		Options{BaseURL: sim.URL(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()

	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Send(ctx, "+15551230001", "Hello from Nurture"); err != nil {
			b.Fatal(err)
		}
	}
}
