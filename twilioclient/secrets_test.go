package twilioclient

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// TestSecrets_NeverInErrorsLogsOrAnswers runs every failure and checks
// that no Auth Token shows in error text, log lines or the simulator's
// answers.
func TestSecrets_NeverInErrorsLogsOrAnswers(t *testing.T) {
	tokens := []string{twiliotest.DefaultAuthToken, goodToken,
		rotatedToken}

	for _, tt := range classCases {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.run(t)

			var seen strings.Builder
			for e := err; e != nil; e = errors.Unwrap(e) {
				fmt.Fprintf(&seen, "%v\n%+v\n%#v\n", e, e, e)
			}
			seen.WriteString(b.log.String())
			for _, r := range b.sim.Requests() {
				seen.Write(r.Body)
				fmt.Fprint(&seen, r.Params)
			}
			fmt.Fprint(&seen, b.client.Credentials())

			for _, tok := range tokens {
				if strings.Contains(seen.String(), tok) {
					t.Fatalf("an Auth Token appears in:\n%s", seen.String())
				}
			}
		})
	}
}
