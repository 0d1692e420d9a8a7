package twiliotest

import (
	"net/url"
	"reflect"
	"testing"
	"time"
)

func TestSnapshot_RestoreCarriesTheAccountOver(t *testing.T) {
	clock := NewManualClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	first := startServer(t, Options{Clock: clock, Balance: "1.00"})
	path := "/2010-04-01/Accounts/" + DefaultAccountSID + "/Messages.json"
	for _, to := range []string{"+15551230001", "+15005550005"} {
		post(t, first, path, DefaultAuthToken, url.Values{"To": {to},
			"Body": {"Hi"}, "MessagingServiceSid": {DefaultServiceSID}})
	}
	first.InjectInbound("+15551230002", "+15550100001", "STOP")
	snap, err := first.Snapshot()
	if err != nil {
		t.Fatal(err)
	}

	second := startServer(t, Options{Clock: clock, Balance: "1.00"})
	if err := second.Restore(snap); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	if got, want := second.Messages(), first.Messages(); !reflect.DeepEqual(got, want) {
		t.Errorf("got Messages %+v, want %+v", got, want)
	}
	if got, want := second.Balance(), first.Balance(); got != want {
		t.Errorf("got balance %s, want %s", got, want)
	}
	status, body := post(t, second, path, DefaultAuthToken, url.Values{
		"To": {"+15551230002"}, "Body": {"Hi"},
		"MessagingServiceSid": {DefaultServiceSID}})
	if status != 400 || body["code"] != float64(21610) {
		t.Errorf("got %d %v, want the opt-out kept", status, body)
	}

	for _, bad := range []string{"", "{", `{"balance":"x","status":"active"}`,
		`{"balance":"1","status":"gone"}`} {
		if err := second.Restore([]byte(bad)); err == nil {
			t.Errorf("Restore(%q): got no error, want one", bad)
		}
	}
	if got := len(second.Messages()); got != 3 {
		t.Errorf("got %d Messages after bad restores, want 3 kept", got)
	}
}
