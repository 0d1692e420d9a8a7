// Package campaign is Nurture's domain: contacts, messages, campaign
// graphs, enrollments and sends, and the rules that hold between them.
//
// It imports no UI toolkit, no SQL driver and no Twilio code. It declares
// the small interfaces it needs (stores, a sender, a clock) and main.go
// hands it the real implementations from the data and twilioclient
// packages.
package campaign
