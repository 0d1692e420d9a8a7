package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// messagesScreen is the message library.
type messagesScreen struct{ a *App }

func newMessagesScreen(a *App) *messagesScreen {
	return &messagesScreen{a: a}
}

func (s *messagesScreen) view() fyne.CanvasObject {
	return emptyState(theme.DocumentIcon(), "No messages yet",
		"Write an SMS message to use in your campaigns.", nil)
}
