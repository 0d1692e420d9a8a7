package campaign

import (
	"context"
	"errors"
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
	// At is when consent was given or withdrawn: for an import, the
	// consent date the file gives.
	At time.Time
	// RecordedAt is when Nurture wrote the event down.
	RecordedAt time.Time
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
	// CanMessage returns nil when the contact may be enrolled or sent
	// to, and an error matching ErrOptedOut when the contact opted out.
	// Call it right before enrolling and right before every Send.
	CanMessage(ctx context.Context, contactID int64) error
}

// ErrOptedOut marks the refusal to enroll or message a contact whose
// latest consent event is an opt-out. Only a recorded opt-in lifts it.
var ErrOptedOut = errors.New("contact opted out")

// ContactImport is one row of an import, ready to store. Empty fields
// of Contact leave stored values alone; Tags and Fields are added to
// the stored ones.
type ContactImport struct {
	Contact Contact
	// Consent, when set, is recorded for a contact that has no consent
	// history yet. An import never lifts an opt-out.
	Consent *ConsentEvent
	// Line is the row's line in the file, for messages.
	Line int
}

// ImportCounts says what one batch of an import did.
type ImportCounts struct {
	Inserted int
	Updated  int
	// StillOptedOut counts updated contacts that stay opted out even
	// though the file carried consent for them.
	StillOptedOut int
}

// ContactImporter stores a batch of imported contacts in one
// transaction: the whole batch is saved, or none of it. Contacts are
// matched on their E.164 phone number.
type ContactImporter interface {
	ImportContacts(ctx context.Context, batch []ContactImport) (
		ImportCounts, error)
}
