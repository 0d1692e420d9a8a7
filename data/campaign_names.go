package data

import (
	"context"
	"fmt"
	"strings"

	"github.com/nurturesms/nurture/campaign"
)

// cleanCampaignName trims a campaign name and checks it.
func cleanCampaignName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case name == "":
		return "", campaign.Errorf(campaign.EINVALID, "The campaign needs "+
			"a name. Type one, such as \"Spring welcome\".")
	case len([]rune(name)) > maxCampaignName:
		return "", campaign.Errorf(campaign.EINVALID, "The campaign name "+
			"is over %d characters. Shorten it.", maxCampaignName)
	}
	return name, nil
}

// campaignNameError turns a clash on the unique name into a message for
// the user, and wraps anything else.
func campaignNameError(err error, name string) error {
	if isUnique(err) {
		return campaign.Errorf(campaign.ECONFLICT, "A campaign called %q "+
			"already exists. Choose another name.", name)
	}
	return fmt.Errorf("save campaign: %w", err)
}

// nameSet is a set of names compared without regard to case.
type nameSet map[string]bool

func (n nameSet) taken(name string) bool { return n[strings.ToLower(name)] }

func (n nameSet) add(name string) { n[strings.ToLower(name)] = true }

// campaignNames returns the names of all campaigns.
func (s *Store) campaignNames(ctx context.Context) (nameSet, error) {
	return readNames(ctx, s.db, "SELECT name FROM campaigns")
}

// readNames reads a one-column query of names into a set.
func readNames(ctx context.Context, q querier, query string) (nameSet,
	error) {

	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("read names: %w", err)
	}
	defer rows.Close()

	names := nameSet{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("read names: %w", err)
		}
		names.add(n)
	}
	return names, rows.Err()
}
