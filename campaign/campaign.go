package campaign

import (
	"context"
	"time"
)

// State is where a campaign is in its life.
type State string

// The states of a campaign.
const (
	Draft   State = "draft"
	Running State = "running"
	Paused  State = "paused"
	Done    State = "done"
)

// Campaign is a named graph that contacts walk through, one step at a
// time, from its Start node.
type Campaign struct {
	ID        int64
	Name      string
	State     State
	Graph     Graph
	CreatedAt time.Time
	UpdatedAt time.Time
}

// CampaignStore keeps campaigns and their graphs.
type CampaignStore interface {
	Campaign(ctx context.Context, id int64) (Campaign, error)
	Campaigns(ctx context.Context) ([]Campaign, error)
	// SaveCampaign inserts c when c.ID is 0 and updates it otherwise.
	SaveCampaign(ctx context.Context, c Campaign) (Campaign, error)
	DeleteCampaign(ctx context.Context, id int64) error
}
