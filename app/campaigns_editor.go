package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
)

// openSelected opens the selected campaign in the editor.
func (s *campaignsScreen) openSelected() {
	c, ok := s.selectedRow()
	if !ok {
		return
	}
	// Load it afresh: the runner may have changed its state.
	fresh, err := s.a.store.Campaign(context.Background(), c.ID)
	if err != nil {
		s.showError(fmt.Errorf("open campaign: %w", err))
		s.refresh()
		return
	}
	s.openEditor(fresh)
}

// openEditor shows the editor for c in place of the list.
func (s *campaignsScreen) openEditor(c campaign.Campaign) {
	if s.editor != nil {
		s.editor.hidden()
	}
	s.selected = c.ID
	s.editor = newCampaignEditor(s.a, c, s.closeEditor)
	s.root.Objects = []fyne.CanvasObject{s.editor.view()}
	s.root.Refresh()
	s.a.win.SetTitle("Nurture - " + c.Name)
}

// closeEditor goes back from the editor to the list.
func (s *campaignsScreen) closeEditor() {
	s.editor = nil
	s.root.Objects = []fyne.CanvasObject{s.listView}
	s.root.Refresh()
	s.a.win.SetTitle("Nurture - Campaigns")
	s.refresh()
}

// confirmLeave lets the open editor save or ask before the window
// moves to another screen.
func (s *campaignsScreen) confirmLeave(proceed func()) {
	if s.editor == nil {
		proceed()
		return
	}
	s.editor.confirmLeave(proceed)
}

// shown reloads the list, whose states and audiences may have changed
// while another screen was up, and gives the editor its shortcuts back.
func (s *campaignsScreen) shown() {
	if s.editor != nil {
		s.editor.shown()
		return
	}
	if s.root != nil {
		s.refresh()
	}
}

// hidden takes the open editor's shortcuts off the window.
func (s *campaignsScreen) hidden() {
	if s.editor != nil {
		s.editor.hidden()
	}
}
