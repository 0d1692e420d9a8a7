package twiliotest

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestCommand_RefusesOtherAddresses(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"--addr", "0.0.0.0:8089"}, "loopback"},
		{[]string{"--addr", "example.com:80"}, "loopback"},
		{[]string{"--addr", "8089"}, "must look like"},
		{[]string{"--port", "1"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		err := Command(context.Background(), tt.args, &out)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%v: got %v, want an error containing %q",
				tt.args, err, tt.wantErr)
		}
	}
}

func TestCommand_PrintsHowToConnect(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // stop at once, once listening
	var out bytes.Buffer
	if err := Command(ctx, []string{"--addr", "127.0.0.1:0"}, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "127.0.0.1:0\n") {
		t.Errorf("got %q, want the port actually chosen", out.String())
	}
	for _, want := range []string{"NURTURE_TWILIO_URL=http://127.0.0.1:",
		"TWILIO_ACCOUNT_SID=" + DefaultAccountSID,
		"TWILIO_MESSAGING_SERVICE_SID=" + DefaultServiceSID} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("got %q, want it to contain %q", out.String(), want)
		}
	}
}
