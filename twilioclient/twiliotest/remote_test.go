package twiliotest

import (
	"net/http"
	"net/url"
	"testing"
)

func TestRemote_DrivesTheStandaloneSimulator(t *testing.T) {
	s := startServer(t, Options{Balance: "0.005"})
	send := "/2010-04-01/Accounts/" + DefaultAccountSID + "/Messages.json"
	msg := url.Values{"To": {"+15551230001"}, "Body": {"Hi"},
		"MessagingServiceSid": {DefaultServiceSID}}

	steps := []struct {
		name, path string
		token      string
		form       url.Values
		wantStatus int
		wantCode   float64 // Twilio error code, 0 for none
	}{
		{"wrong token", "/simulator/TopUp", "0123456789abcdef0123456789abcdef",
			url.Values{"Amount": {"5"}}, 401, 20003},
		{"spend the balance", send, DefaultAuthToken, msg, 201, 0},
		{"suspended", send, DefaultAuthToken, msg, 401, 20003},
		{"bad amount", "/simulator/TopUp", DefaultAuthToken,
			url.Values{"Amount": {"lots"}}, 400, 20001},
		{"top up", "/simulator/TopUp", DefaultAuthToken,
			url.Values{"Amount": {"5.00"}}, 200, 0},
		{"sends again", send, DefaultAuthToken, msg, 201, 0},
		{"unknown fault", "/simulator/Faults", DefaultAuthToken,
			url.Values{"Fault": {"fire"}}, 400, 20001},
		{"inject a 429", "/simulator/Faults", DefaultAuthToken,
			url.Values{"Fault": {"rate_limit"}, "Count": {"1"}}, 200, 0},
		{"rate limited", send, DefaultAuthToken, msg, 429, 20429},
		{"inbound STOP", "/simulator/Inbound", DefaultAuthToken,
			url.Values{"From": {" 15551230001"}, "To": {"+15550100001"},
				"Body": {"STOP"}}, 201, 0}, // as curl -d sends a +
		{"opted out", send, DefaultAuthToken, msg, 400, 21610},
	}
	for _, st := range steps {
		status, body := post(t, s, st.path, st.token, st.form)
		if status != st.wantStatus {
			t.Errorf("%s: got status %d, want %d (%v)", st.name, status,
				st.wantStatus, body)
		}
		if st.wantCode != 0 && body["code"] != st.wantCode {
			t.Errorf("%s: got %v, want code %v", st.name, body, st.wantCode)
		}
	}

	req, err := http.NewRequest(http.MethodGet, s.URL()+"/simulator/Messages", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(DefaultAccountSID, DefaultAuthToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("listing: got status %d, want 200", resp.StatusCode)
	}
	// Two sends and one reply; the control requests used no fault.
	if got := len(s.Messages()); got != 3 {
		t.Errorf("got %d Messages, want 3", got)
	}
}
