package app

// connection is the app's link to Twilio.
type connection struct{ a *App }

func newConnection(a *App) *connection { return &connection{a: a} }
