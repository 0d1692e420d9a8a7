package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/twilioclient"
)

// twilioSection is the Settings section that connects Twilio.
type twilioSection struct {
	a    *App
	card *widget.Card

	account, token, service, tenDLC             *widget.Entry
	accountMsg, tokenMsg, serviceMsg, tenDLCMsg *widget.Label

	save, disconnect, test, demo, leaveDemo *widget.Button
	result                                  *widget.Label
}

// newTwilioSection is the Settings section for the Twilio account.
func newTwilioSection(a *App) fyne.CanvasObject {
	return newTwilioSectionState(a).view()
}

func newTwilioSectionState(a *App) *twilioSection {
	s := &twilioSection{a: a}

	s.account = widget.NewEntry()
	s.account.SetPlaceHolder("AC…")
	// Masked, with Fyne's eye button to show it.
	s.token = widget.NewPasswordEntry()
	s.token.SetPlaceHolder("32 characters")
	s.service = widget.NewEntry()
	s.service.SetPlaceHolder("MG…")
	s.tenDLC = widget.NewEntry()
	s.tenDLC.SetPlaceHolder("leave empty unless you have a 10DLC campaign")

	s.accountMsg = widget.NewLabel("")
	s.tokenMsg = widget.NewLabel("")
	s.serviceMsg = widget.NewLabel("")
	s.tenDLCMsg = widget.NewLabel("")
	for _, l := range []*widget.Label{s.accountMsg, s.tokenMsg, s.serviceMsg,
		s.tenDLCMsg} {
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
	}

	// Check each value as it is typed.
	s.account.OnChanged = s.validator(s.accountMsg, twilioclient.ValidateAccountSID)
	s.token.OnChanged = s.validator(s.tokenMsg, twilioclient.ValidateAuthToken)
	s.service.OnChanged = s.validator(s.serviceMsg, twilioclient.ValidateServiceSID)
	s.tenDLC.OnChanged = s.validator(s.tenDLCMsg, checkTenDLC)

	s.save = widget.NewButton("Save", s.onSave)
	s.save.Importance = widget.HighImportance
	s.disconnect = widget.NewButton("Disconnect", s.onDisconnect)
	s.test = widget.NewButton("Test connection", s.onTest)
	s.demo = widget.NewButton("Explore with the built-in simulator", s.onDemo)
	s.leaveDemo = widget.NewButton("Leave demo mode", s.onLeaveDemo)

	s.result = widget.NewLabel("")
	s.result.Wrapping = fyne.TextWrapWord

	s.card = widget.NewCard("Twilio", "", nil)
	s.load()
	return s
}

func (s *twilioSection) view() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Account SID", container.NewVBox(s.account, s.accountMsg)),
		widget.NewFormItem("Auth Token",
			container.NewVBox(s.token, s.tokenMsg)),
		widget.NewFormItem("Messaging Service SID",
			container.NewVBox(s.service, s.serviceMsg)),
		widget.NewFormItem("10DLC throughput (segments/s)",
			container.NewVBox(s.tenDLC, s.tenDLCMsg)),
	)
	buttons := container.NewHBox(s.save, s.test, s.disconnect)
	s.card.SetContent(container.NewVBox(form, buttons,
		container.NewHBox(s.demo, s.leaveDemo), s.result))
	return s.card
}

// validator returns an OnChanged that shows check's message under the
// field; an empty field shows nothing until Save.
func (s *twilioSection) validator(msg *widget.Label,
	check func(string) error) func(string) {
	return func(v string) {
		if v == "" {
			setMessage(msg, nil)
			return
		}
		setMessage(msg, check(v))
	}
}

// setMessage shows err under a field, or hides the line when nil.
func setMessage(msg *widget.Label, err error) {
	msg.SetText(fieldError(err))
	setShown(msg, err != nil)
}

func fieldError(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// load fills the fields and buttons from the connection's state.
func (s *twilioSection) load() {
	c := s.a.conn
	src := c.Source()
	creds := c.Credentials()

	if src == sourceKeychain || src == sourceEnvironment {
		s.account.SetText(creds.AccountSID)
		s.token.SetText(creds.AuthToken)
		s.service.SetText(creds.ServiceSID)
	}
	if v, _ := s.a.store.Setting(s.a.ctx, settingTenDLC); v != "" {
		s.tenDLC.SetText(v)
	}

	s.card.SetSubTitle(map[credSource]string{
		sourceNone:        "Not connected",
		sourceKeychain:    "Connected; credentials are in the system keychain",
		sourceEnvironment: "Using credentials from environment variables; they are not saved",
		sourceDemo:        "Demo mode: the built-in simulator stands in for Twilio",
	}[src])

	fromEnv := src == sourceEnvironment
	for _, w := range []fyne.Disableable{s.account, s.token, s.service} {
		setEnabled(w, !fromEnv)
	}
	// Disconnect also clears an entry the keychain holds but could not
	// read; with nothing saved it has nothing to do.
	setEnabled(s.disconnect, !fromEnv &&
		(src != sourceNone || c.Problem() != nil))
	setEnabled(s.test, src != sourceNone)
	setShown(s.demo, src == sourceNone)
	setShown(s.leaveDemo, src == sourceDemo)

	if p := c.Problem(); p != nil && src == sourceNone {
		s.result.SetText(twilioMessage(p))
	}
	if r, when := c.LastTest(); r != nil {
		country := c.setting(s.a.ctx, settingDefaultCountry, "US")
		s.result.SetText("Last test, " + when.Format("Jan 2 15:04") +
			":\n" + reportText(*r, country))
	}
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func setShown(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

func (s *twilioSection) onSave() {
	if s.a.conn.Source() == sourceEnvironment {
		// Only the 10DLC figure is Nurture's to save.
		if s.saveTenDLC() {
			s.result.SetText("Saved the 10DLC throughput. The " +
				"credentials come from environment variables and are " +
				"not saved.")
		}
		return
	}
	creds := twilioclient.Credentials{AccountSID: s.account.Text,
		AuthToken: s.token.Text, ServiceSID: s.service.Text}.Trimmed()

	// Show every problem at once, empty fields included.
	setMessage(s.accountMsg, twilioclient.ValidateAccountSID(creds.AccountSID))
	setMessage(s.tokenMsg, twilioclient.ValidateAuthToken(creds.AuthToken))
	setMessage(s.serviceMsg, twilioclient.ValidateServiceSID(creds.ServiceSID))
	if creds.Validate() != nil {
		s.result.SetText("Fix the fields marked above, then save again.")
		return
	}

	if !s.saveTenDLC() {
		return
	}
	if err := s.a.conn.save(creds); err != nil {
		s.fail(err)
		return
	}
	s.load()
	s.result.SetText("Saved in the system keychain. Use Test connection " +
		"to check them with Twilio.")
}

// saveTenDLC checks and stores the 10DLC throughput, and reports
// whether it could.
func (s *twilioSection) saveTenDLC() bool {
	tenDLC := strings.TrimSpace(s.tenDLC.Text)
	if err := checkTenDLC(tenDLC); err != nil {
		setMessage(s.tenDLCMsg, err)
		s.result.SetText(err.Error())
		return false
	}
	if err := s.a.store.SetSetting(s.a.ctx, settingTenDLC, tenDLC); err != nil {
		s.fail(err)
		return false
	}
	return true
}

// checkTenDLC checks a 10DLC throughput figure; empty means none.
func checkTenDLC(v string) error {
	v = strings.TrimSpace(v)
	f, err := strconv.ParseFloat(v, 64)
	if v != "" && (err != nil || !(f >= 0) || math.IsInf(f, 1)) {
		return errors.New("The 10DLC throughput must be a number of " +
			"segments per second, such as 15, or empty.")
	}
	return nil
}

func (s *twilioSection) onDisconnect() {
	dialog.ShowConfirm("Disconnect Twilio?",
		"Nurture will remove your Twilio credentials from the system "+
			"keychain and stop sending until you connect again.",
		func(ok bool) {
			if ok {
				s.doDisconnect()
			}
		}, s.a.win)
}

func (s *twilioSection) doDisconnect() {
	if err := s.a.conn.disconnect(); err != nil {
		s.fail(err)
		return
	}
	for _, e := range []*widget.Entry{s.account, s.token, s.service} {
		e.SetText("")
	}
	s.load()
	s.result.SetText("Disconnected. Your credentials were removed from " +
		"the system keychain.")
}

func (s *twilioSection) onDemo() {
	if err := s.a.conn.startDemo(); err != nil {
		s.fail(err)
		return
	}
	s.load()
	s.result.SetText("Demo mode is on. Test connection shows the " +
		"simulated account.")
}

func (s *twilioSection) onLeaveDemo() {
	_ = s.a.conn.stopDemo()
	s.load()
	s.result.SetText("Demo mode is off.")
}

// onTest runs the connection test in the background and shows the
// result when it comes.
func (s *twilioSection) onTest() {
	typed := twilioclient.Credentials{AccountSID: s.account.Text,
		AuthToken: s.token.Text, ServiceSID: s.service.Text}.Trimmed()
	if s.a.conn.Source() == sourceKeychain && typed != s.a.conn.Credentials() {
		s.result.SetText("Save the changed credentials first: Test " +
			"connection checks the saved ones.")
		return
	}
	s.test.Disable()
	s.result.SetText("Asking Twilio…")
	s.a.goSafe("the Twilio connection test", func() {
		ctx, cancel := context.WithTimeout(s.a.ctx, 45*time.Second)
		defer cancel()
		text := ""
		if r, err := s.a.conn.test(ctx); err != nil {
			text = twilioMessage(err)
		} else {
			country := s.a.conn.setting(ctx, settingDefaultCountry, "US")
			text = reportText(r, country)
		}
		s.a.do(func() {
			s.test.Enable()
			s.result.SetText(text)
		})
	})
}

func (s *twilioSection) fail(err error) {
	s.result.SetText(twilioMessage(err))
	dialog.ShowInformation("Twilio", twilioMessage(err), s.a.win)
}

// reportText writes a connection test as lines for the user.
func reportText(r twilioclient.Report, country string) string {
	var b strings.Builder
	line := func(label, ok string, err error) {
		if err != nil {
			fmt.Fprintf(&b, "%s: %s\n", label, twilioMessage(err))
			return
		}
		fmt.Fprintf(&b, "%s: %s\n", label, ok)
	}

	account := fmt.Sprintf("%s, status %s", r.Account.FriendlyName,
		r.Account.Status)
	if st := r.Account.Status; st != "" && st != "active" {
		account += ". Twilio sends nothing from a " + st + " account: " +
			"top up or check it in the Twilio console."
	}
	line("Account", account, r.AccountErr)
	if r.AccountErr != nil && r.AccountErr == r.BalanceErr {
		return strings.TrimSpace(b.String())
	}
	line("Balance", r.Balance.Amount+" "+r.Balance.Currency, r.BalanceErr)

	var senders []string
	for _, sd := range r.Senders {
		senders = append(senders, fmt.Sprintf("%s (%s)", sd.Number, sd.Kind))
	}
	if len(senders) == 0 {
		senders = []string{"none: add a number to the Messaging Service"}
	}
	line("Senders", strings.Join(senders, ", "), r.SendersErr)
	if r.SendersErr == nil { // else the Senders line said why
		line("Throughput", strconv.FormatFloat(r.Throughput, 'f', -1, 64)+
			" segments per second", nil)
	}
	line("Price per segment ("+strings.ToUpper(country)+")",
		r.PricePerSegment+" "+r.Price.Currency, r.PriceErr)
	return strings.TrimSpace(b.String())
}
