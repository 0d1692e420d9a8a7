package campaign

import (
	"context"
	"time"
)

// EnrollmentState says where a contact is in a campaign.
type EnrollmentState string

// The enrollment states.
const (
	// Active enrollments are waiting for DueAt to move one step.
	Active EnrollmentState = "active"
	// Held enrollments wait for the user: a send's outcome is unclear.
	Held EnrollmentState = "held"
	// Finished enrollments reached an End node or left the campaign.
	Finished EnrollmentState = "finished"
)

// Enrollment is one contact's place in one campaign: the node it is at
// and when it is due to move on. The enrollment table is the runner's
// queue.
type Enrollment struct {
	ID         int64
	CampaignID int64
	ContactID  int64
	NodeID     string
	DueAt      time.Time
	State      EnrollmentState
	// Note explains a Held or Finished state in plain words.
	Note      string
	UpdatedAt time.Time
}

// SendState is where one send is in the ledger.
type SendState string

// The send states.
const (
	// Sending is written before Twilio is called.
	Sending SendState = "sending"
	// Accepted means Twilio took the message and gave it a SID.
	Accepted SendState = "accepted"
	// Failed means Twilio refused, with a reason and error code.
	Failed SendState = "failed"
	// Skipped means Nurture chose not to send (opted out, say).
	Skipped SendState = "skipped"
)

// Send is the ledger row for one (campaign, node, contact): there is at
// most one, so a step is never sent twice.
type Send struct {
	ID         int64
	CampaignID int64
	NodeID     string
	ContactID  int64
	MessageID  int64
	State      SendState
	Segments   int
	TwilioSID  string
	// Status is Twilio's delivery status (queued, sent, delivered, ...).
	Status    string
	ErrorCode int
	Reason    string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Ledger keeps enrollments and the send ledger: the runner's queue and
// its record of what went out.
type Ledger interface {
	// Enroll puts a contact at a campaign's Start node, due at once. A
	// contact is enrolled in a campaign at most once.
	Enroll(ctx context.Context, campaignID, contactID int64,
		startNode string, due time.Time) (Enrollment, error)
	// NextDue returns the active enrollment due soonest, or false.
	NextDue(ctx context.Context) (Enrollment, bool, error)
	UpdateEnrollment(ctx context.Context, e Enrollment) error
	// BeginSend writes the Sending row for (campaign, node, contact). It
	// fails with ECONFLICT when that row already exists.
	BeginSend(ctx context.Context, s Send) (Send, error)
	// FinishSend records Twilio's answer on a send row.
	FinishSend(ctx context.Context, s Send) error
	Sends(ctx context.Context, campaignID int64) ([]Send, error)
}

// Sender sends one SMS through the Messaging Service.
type Sender interface {
	Send(ctx context.Context, to, body string) (SendResult, error)
}

// SendResult is what Twilio said when it took a message.
type SendResult struct {
	SID      string
	Status   string
	Segments int
}
