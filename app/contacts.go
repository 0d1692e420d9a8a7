package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contactsScreen lists the contacts.
type contactsScreen struct{ a *App }

func newContactsScreen(a *App) *contactsScreen {
	return &contactsScreen{a: a}
}

func (s *contactsScreen) view() fyne.CanvasObject {
	return emptyState(theme.AccountIcon(), "No contacts yet",
		"Import a CSV file of names and phone numbers to get started.", nil)
}
