package app

import (
	"context"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// pageSize is how many contacts one query loads for the list.
const pageSize = 200

// maxPages is how many pages the list keeps; older ones are dropped.
const maxPages = 8

// contactPager serves the contact list one row at a time from pages
// loaded on demand, so the list never holds more than a few pages of a
// large contact book.
type contactPager struct {
	store  *data.Store
	filter data.ContactFilter
	count  int
	pages  map[int][]campaign.Contact
	order  []int // page numbers, oldest first
	err    error
}

func newContactPager(store *data.Store) *contactPager {
	return &contactPager{store: store, pages: map[int][]campaign.Contact{}}
}

// reset applies a filter: it counts the matches and forgets the pages.
func (p *contactPager) reset(ctx context.Context,
	f data.ContactFilter) error {

	n, err := p.store.CountContacts(ctx, f)
	if err != nil {
		return err
	}
	p.set(f, n, nil)
	return nil
}

// set installs a filter with its count and, when known, its first page.
func (p *contactPager) set(f data.ContactFilter, count int,
	first []campaign.Contact) {

	p.filter, p.count = f, count
	p.pages, p.order, p.err = map[int][]campaign.Contact{}, nil, nil
	if first != nil {
		p.keep(0, first)
	}
}

// at returns the contact at list position i, loading its page when
// needed. A load that fails yields an empty contact and keeps the error.
func (p *contactPager) at(i int) campaign.Contact {
	n := i / pageSize
	page, ok := p.pages[n]
	if !ok {
		var err error
		page, err = p.load(n)
		if err != nil {
			p.err = err
			return campaign.Contact{}
		}
		p.keep(n, page)
	}
	if j := i % pageSize; j < len(page) {
		return page[j]
	}
	return campaign.Contact{}
}

// load reads page n. Scrolling down, the page before is usually held:
// reading on from its last contact costs the same at any depth, where
// an offset gets slower the further down it is.
func (p *contactPager) load(n int) ([]campaign.Contact, error) {
	ctx := context.Background()
	if prev := p.pages[n-1]; len(prev) == pageSize {
		return p.store.ListContactsAfter(ctx, p.filter,
			prev[pageSize-1].ID, pageSize)
	}
	return p.store.ListContacts(ctx, p.filter, n*pageSize, pageSize)
}

// keep stores a page, dropping the oldest beyond maxPages.
func (p *contactPager) keep(n int, page []campaign.Contact) {
	p.pages[n] = page
	p.order = append(p.order, n)
	if len(p.order) > maxPages {
		delete(p.pages, p.order[0])
		p.order = p.order[1:]
	}
}
