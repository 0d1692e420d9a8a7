package twiliotest

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
)

// DefaultAddr is where the standalone simulator listens unless told.
const DefaultAddr = "127.0.0.1:8089"

// Command runs the standalone simulator for `nurture simulator [--addr
// HOST:PORT]` until ctx ends. It prints how to point Nurture at it, and
// one log line per request, to out.
func Command(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("simulator", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", DefaultAddr, "the loopback address to listen on")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("simulator: %w", err)
	}
	if err := checkLoopback(*addr); err != nil {
		return err
	}

	s, err := New(Options{Logger: slog.New(slog.NewTextHandler(out,
		&slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		return err
	}
	if err := s.Listen(*addr); err != nil {
		return err
	}

	o := s.Options()
	fmt.Fprintf(out, "Twilio simulator on %s. Nothing is really sent. "+
		"Point Nurture at it with:\n"+
		"  NURTURE_TWILIO_URL=%s\n"+
		"  TWILIO_ACCOUNT_SID=%s\n"+
		"  TWILIO_AUTH_TOKEN=%s\n"+
		"  TWILIO_MESSAGING_SERVICE_SID=%s\n"+
		"Drive it with the same credentials, under %s/simulator/:\n"+
		"  POST Inbound (From, To, Body), TopUp (Amount),\n"+
		"  POST Faults (Fault, Count, LatencyMs), GET Messages\n",
		s.URL(), s.URL(), o.AccountSID, o.AuthToken, o.ServiceSID, s.URL())
	return s.serve(ctx)
}

// checkLoopback refuses addresses other machines could reach: the
// simulator accepts a well-known token.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("simulator: --addr must look like "+
			"127.0.0.1:8089: %w", err)
	}
	ip := net.ParseIP(host)
	if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return errors.New("simulator: --addr must be a loopback " +
			"address such as 127.0.0.1:8089")
	}
	return nil
}
