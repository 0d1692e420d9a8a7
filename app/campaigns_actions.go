package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// askName shows a form with one name field and calls done with what the
// user typed when they confirm.
func (s *campaignsScreen) askName(title, confirm, value string,
	done func(name string)) {

	entry := widget.NewEntry()
	entry.SetText(value)
	entry.SetPlaceHolder("Spring welcome")
	entry.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("type a name")
		}
		return nil
	}
	form := dialog.NewForm(title, confirm, "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Name", entry)},
		func(ok bool) {
			if ok {
				done(entry.Text)
			}
		}, s.a.win)
	// Enter confirms, as the button does, once the name is valid.
	entry.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(420, form.MinSize().Height))
	form.Show()
	s.a.win.Canvas().Focus(entry)
}

// askCreate asks for a name and makes a new draft campaign.
func (s *campaignsScreen) askCreate() {
	s.askName("New campaign", "Create", "", s.create)
}

// create saves a new draft campaign holding only its Start node, and
// opens it in the editor.
func (s *campaignsScreen) create(name string) {
	c, err := s.a.store.SaveCampaign(context.Background(),
		campaign.Campaign{Name: name, State: campaign.Draft,
			Graph: campaign.NewGraph()})
	if err != nil {
		s.showError(fmt.Errorf("create campaign: %w", err))
		return
	}
	s.a.log.Info("campaigns: created", "campaign", c.ID)
	s.openEditor(c)
	s.refresh()
}

// askRename asks for the selected campaign's new name.
func (s *campaignsScreen) askRename() {
	c, ok := s.selectedRow()
	if !ok {
		return
	}
	s.askName("Rename campaign", "Rename", c.Name, func(name string) {
		s.renameTo(c.ID, name)
	})
}

func (s *campaignsScreen) renameTo(id int64, name string) {
	_, err := s.a.store.RenameCampaign(context.Background(), id, name)
	if err != nil {
		s.showError(fmt.Errorf("rename campaign %d: %w", id, err))
	}
	s.refresh()
}

// duplicateSelected saves a draft copy of the selected campaign and
// selects it.
func (s *campaignsScreen) duplicateSelected() {
	c, ok := s.selectedRow()
	if !ok {
		return
	}
	dup, err := s.a.store.DuplicateCampaign(context.Background(), c.ID)
	if err != nil {
		s.showError(fmt.Errorf("duplicate campaign %d: %w", c.ID, err))
		return
	}
	s.selected = dup.ID
	s.refresh()
}

// askDelete asks before deleting the selected campaign.
func (s *campaignsScreen) askDelete() {
	c, ok := s.selectedRow()
	if !ok {
		return
	}
	dialog.ShowConfirm("Delete campaign?", fmt.Sprintf("Delete %q? "+
		"Its contacts leave it, and its record of sent messages goes "+
		"with it. This cannot be undone.", c.Name), func(yes bool) {
		if yes {
			s.deleteCampaign(c.ID)
		}
	}, s.a.win)
}

func (s *campaignsScreen) deleteCampaign(id int64) {
	if err := s.a.store.DeleteCampaign(context.Background(), id); err != nil {
		s.showError(fmt.Errorf("delete campaign %d: %w", id, err))
	} else {
		s.a.log.Info("campaigns: deleted", "campaign", id)
	}
	s.refresh()
}

// askExport asks where to save the selected campaign as JSON.
func (s *campaignsScreen) askExport() {
	c, ok := s.selectedRow()
	if !ok {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showError(fmt.Errorf("choose export file: %w", err))
			return
		}
		if w == nil {
			return // cancelled
		}
		if err := s.exportTo(c.ID, w); err != nil {
			s.showError(err)
		}
	}, s.a.win)
	d.SetFileName(fileSafe(c.Name) + ".json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// exportTo writes campaign id's document to w and closes it.
func (s *campaignsScreen) exportTo(id int64, w io.WriteCloser) error {
	doc, err := s.a.store.ExportCampaign(context.Background(), id)
	if err != nil {
		w.Close()
		return fmt.Errorf("export campaign %d: %w", id, err)
	}
	_, err = w.Write(doc)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return campaign.Errorf(campaign.EINVALID, "The campaign could not "+
			"be written to that file (%v). Choose another place.", err)
	}
	return nil
}

// fileSafe turns a campaign name into a file name without the
// characters that some systems refuse.
func fileSafe(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, name)
	if strings.Trim(name, ". -") == "" {
		return "campaign"
	}
	return name
}

// askImport asks for a campaign file and imports it.
func (s *campaignsScreen) askImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(fmt.Errorf("choose import file: %w", err))
			return
		}
		if r == nil {
			return // cancelled
		}
		c, err := s.importFrom(r)
		if err != nil {
			s.showError(err)
			return
		}
		dialog.ShowInformation("Campaign imported", fmt.Sprintf("%q is "+
			"in your campaigns as a draft, with its messages.", c.Name),
			s.a.win)
	}, s.a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// importFrom reads a campaign document from r, closes r, saves the
// campaign and selects it in the list.
func (s *campaignsScreen) importFrom(r io.ReadCloser) (campaign.Campaign,
	error) {

	defer r.Close()
	doc, err := io.ReadAll(io.LimitReader(r, campaign.MaxDocumentBytes+1))
	if err != nil {
		return campaign.Campaign{}, campaign.Errorf(campaign.EINVALID,
			"The file could not be read (%v). Check it and try again.", err)
	}
	c, err := s.a.store.ImportCampaign(context.Background(), doc)
	if err != nil {
		return c, fmt.Errorf("import campaign: %w", err)
	}
	s.a.log.Info("campaigns: imported", "campaign", c.ID)
	s.selected = c.ID
	s.refresh()
	return c, nil
}
