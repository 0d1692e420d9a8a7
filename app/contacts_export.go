package app

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/data"
)

// consentLogChoice is the export choice for the whole consent log.
const consentLogChoice = "The consent log"

// exportChoices lists what can be exported, the contacts listed now
// first, and the filter each choice of contacts stands for.
func (s *contactsScreen) exportChoices() ([]string,
	map[string]data.ContactFilter) {

	all := "All " + countOf(s.total, "contact")
	choices := map[string]data.ContactFilter{all: {}}
	options := []string{all}
	if f := s.pager.filter; f != (data.ContactFilter{}) {
		match := "The " + countOf(s.pager.count, "contact") +
			" that match the search and filters"
		if s.pager.count == 1 {
			match = "The 1 contact that matches the search and filters"
		}
		choices[match] = f
		options = []string{match, all}
	}
	return append(options, consentLogChoice), choices
}

// chooseExport asks what to export: the contacts listed, all contacts,
// or the consent log.
func (s *contactsScreen) chooseExport() {
	options, filters := s.exportChoices()
	choice := widget.NewRadioGroup(options, nil)
	choice.SetSelected(options[0])
	choice.Required = true
	dialog.ShowCustomConfirm("Export to CSV", "Choose file…", "Cancel",
		choice, func(ok bool) {
			if !ok {
				return
			}
			if choice.Selected == consentLogChoice {
				s.saveAs("consent-log.csv", s.exportConsent)
				return
			}
			f := filters[choice.Selected]
			s.saveAs("contacts.csv", func(w io.Writer) (string, error) {
				return s.exportContacts(w, f)
			})
		}, s.a.win)
}

// exportContacts writes the contacts the filter matches.
func (s *contactsScreen) exportContacts(w io.Writer,
	f data.ContactFilter) (string, error) {

	n, err := s.a.store.ExportContacts(context.Background(), w, f)
	if err != nil {
		return "", fmt.Errorf("export contacts: %w", err)
	}
	return "Exported " + countOf(n, "contact") + ".", nil
}

// exportConsent writes the whole consent log.
func (s *contactsScreen) exportConsent(w io.Writer) (string, error) {
	n, err := s.a.store.ExportConsent(context.Background(), w)
	if err != nil {
		return "", fmt.Errorf("export consent log: %w", err)
	}
	return "Exported " + countOf(n, "consent event") + ".", nil
}

// saveAs asks for a file and writes it with write in the background,
// then says how it went.
func (s *contactsScreen) saveAs(name string,
	write func(io.Writer) (string, error)) {

	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showError(fmt.Errorf("choose file: %w", err))
			return
		}
		if uc == nil {
			return // cancelled
		}
		s.background("exporting", func() {
			msg, err := write(uc)
			if cerr := uc.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("save %s: %w", uc.URI().Name(), cerr)
			}
			s.do(func() {
				if err != nil {
					s.showError(err)
					return
				}
				dialog.ShowInformation("Export finished", msg, s.a.win)
			})
		})
	}, s.a.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}
