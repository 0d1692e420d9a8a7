package campaign

import (
	"context"
	"time"
)

// Message is a named SMS text in the library. Its Body may hold merge
// fields such as {{first_name|there}}.
type Message struct {
	ID        int64
	Name      string
	Body      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// MessageStore keeps the message library.
type MessageStore interface {
	Message(ctx context.Context, id int64) (Message, error)
	Messages(ctx context.Context) ([]Message, error)
	// SaveMessage inserts m when m.ID is 0 and updates it otherwise.
	SaveMessage(ctx context.Context, m Message) (Message, error)
	DeleteMessage(ctx context.Context, id int64) error
}
