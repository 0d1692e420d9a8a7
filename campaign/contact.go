package campaign

import (
	"context"
	"time"
)

// Contact is a person who may receive messages. Phone is in E.164 form
// (+14155550100) and unique across all contacts.
type Contact struct {
	ID        int64
	Phone     string
	FirstName string
	LastName  string
	Email     string
	// Fields holds custom fields by name, e.g. "city" -> "Austin".
	Fields map[string]string
	// Tags are free labels, kept sorted and without duplicates.
	Tags []string
	// NotMobile is set when the number is valid but known not to be a
	// mobile (a landline, say): such a contact is kept and flagged.
	NotMobile bool
	// OptedOut is derived from the consent log: true when the latest
	// consent event is an opt-out.
	OptedOut  bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Name returns the contact's full name, or "" when none is known.
func (c Contact) Name() string {
	switch {
	case c.FirstName == "":
		return c.LastName
	case c.LastName == "":
		return c.FirstName
	}
	return c.FirstName + " " + c.LastName
}

// ConsentKind says whether a consent event grants or withdraws consent.
type ConsentKind string

// The two kinds of consent event.
const (
	OptIn  ConsentKind = "opt_in"
	OptOut ConsentKind = "opt_out"
)

// ConsentSource says where a consent event came from.
type ConsentSource string

// The sources of consent events.
const (
	SourceImport      ConsentSource = "import"
	SourceManual      ConsentSource = "manual"
	SourceKeyword     ConsentSource = "keyword"      // STOP, START and the like
	SourceTwilio21610 ConsentSource = "twilio_21610" // Twilio refused: opted out
)

// ConsentEvent is one entry in a contact's append-only consent log.
type ConsentEvent struct {
	ID        int64
	ContactID int64
	Kind      ConsentKind
	Source    ConsentSource
	Details   string
	At        time.Time
}

// ContactStore keeps contacts and their consent log.
type ContactStore interface {
	Contact(ctx context.Context, id int64) (Contact, error)
	// SaveContact inserts c when c.ID is 0 and updates it otherwise,
	// returning the stored contact.
	SaveContact(ctx context.Context, c Contact) (Contact, error)
	DeleteContact(ctx context.Context, id int64) error
	// RecordConsent appends an event to the contact's consent log.
	RecordConsent(ctx context.Context, e ConsentEvent) error
	ConsentHistory(ctx context.Context, contactID int64) ([]ConsentEvent, error)
}
