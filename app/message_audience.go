package app

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign/sms"
)

// audienceDelay is how long typing must pause before the audience is
// scanned again: a scan reads every contact.
const audienceDelay = 400 * time.Millisecond

// allContacts is the scope choice for the whole audience.
const allContacts = "All contacts"

// messageAudience shows the worst case of a message across all contacts
// or a tag, and what sending it to them costs. The scan runs off the UI
// goroutine, after typing pauses, and hands its result back with
// fyne.Do; a newer scan makes an older one's result stale.
type messageAudience struct {
	a     *App
	p     *messagePreview
	scope *widget.Select
	info  *widget.Label
	worst *widget.Label
	// showWorst puts the worst-case contact in the preview.
	showWorst *widget.Button
	worstID   int64
	delay     time.Duration

	// Touched only on the UI goroutine.
	gen    int
	timer  *time.Timer
	cancel context.CancelFunc
	tpl    *sms.Template
	opt    sms.Options
	// shown identifies what the figures on screen are for: the body, the
	// scope and the options.
	shown string
	// scanned, when set, hears of every result shown (for tests).
	scanned func(sms.Summary)
	// do hands work to the UI goroutine: fyne.Do, or a test's queue.
	do func(func())
}

func newMessageAudience(a *App, p *messagePreview) *messageAudience {
	m := &messageAudience{a: a, p: p, delay: audienceDelay, do: a.do}
	m.scope = widget.NewSelect(nil, func(string) {
		m.schedule(m.tpl, m.opt)
	})
	m.scope.Selected = allContacts
	m.loadTags()
	m.info = wrapLabel(widget.MediumImportance)
	m.worst = wrapLabel(widget.LowImportance)
	m.showWorst = widget.NewButton("Preview this contact", m.previewWorst)
	m.showWorst.Hide()
	return m
}

// loadTags offers all contacts and each tag, and keeps the choice made
// when it is still there.
func (m *messageAudience) loadTags() {
	tags, err := m.a.store.ContactTags(m.a.ctx)
	if err != nil {
		m.a.log.Warn("messages: list tags", "err", err)
	}
	choices := []string{allContacts}
	for _, t := range tags {
		choices = append(choices, "Tag: "+t)
	}
	m.scope.Options = choices
	if !slices.Contains(choices, m.scope.Selected) {
		m.scope.Selected = allContacts
	}
	m.scope.Refresh()
}

// reload reads the tags again and makes the next update scan the
// contacts again, which may have changed.
func (m *messageAudience) reload() {
	m.loadTags()
	m.shown = ""
}

// previewWorst renders the preview for the worst-case contact.
func (m *messageAudience) previewWorst() {
	r, ok, err := m.a.store.RecipientByID(m.a.ctx, m.worstID)
	if err != nil {
		showMessageError(m.a, err)
		return
	}
	if ok {
		m.p.sample.show(r)
	}
}

func (m *messageAudience) view() fyne.CanvasObject {
	return widget.NewCard("Across the audience", "", container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Send to"), nil,
			m.scope),
		m.info, m.worst, m.showWorst))
}

// schedule starts a scan once typing pauses. A nil template (one with
// merge field mistakes) cannot be scanned.
func (m *messageAudience) schedule(tpl *sms.Template, opt sms.Options) {
	m.stop()
	m.tpl, m.opt = tpl, opt
	switch {
	case tpl == nil:
		m.showNoScan("Fix the merge fields to see the cost across " +
			"your contacts.")
		return
	case strings.TrimSpace(tpl.Body()) == "":
		m.showNoScan("Write the message to see what it costs across " +
			"your contacts.")
		return
	}

	tag := strings.TrimPrefix(m.scope.Selected, "Tag: ")
	if m.scope.Selected == allContacts {
		tag = ""
	}
	key := fmt.Sprintf("%s\x00%s\x00%v", tpl.Body(), tag, opt)
	if key == m.shown {
		return // choosing another sample contact changes nothing here
	}

	gen := m.gen
	ctx, cancel := context.WithCancel(m.a.ctx)
	m.cancel = cancel
	m.timer = time.AfterFunc(m.delay, func() {
		m.a.goSafe("the audience scan", func() {
			m.scan(ctx, gen, key, tpl, opt, tag)
		})
	})
}

// showNoScan says why there are no figures for the audience.
func (m *messageAudience) showNoScan(why string) {
	m.shown = ""
	m.info.SetText(why)
	m.worst.SetText("")
	m.showWorst.Hide()
}

// scan sums up the audience and hands the result to the UI goroutine.
func (m *messageAudience) scan(ctx context.Context, gen int, key string,
	tpl *sms.Template, opt sms.Options, tag string) {

	start := time.Now()
	sum, err := m.a.store.MessageAudience(ctx, tpl, opt, tag)
	if ctx.Err() != nil {
		return // a newer scan replaced this one
	}
	if err != nil {
		m.a.log.Error("messages: audience scan", "err", err)
	}
	worstName := ""
	if err == nil && sum.Contacts > 0 {
		if c, err := m.a.store.Contact(ctx, sum.WorstID); err == nil {
			worstName = c.Name()
			if worstName == "" {
				worstName = c.Phone
			}
		}
	}
	m.a.log.Debug("messages: audience scanned", "contacts", sum.Contacts,
		"took", time.Since(start))

	m.do(func() {
		if gen != m.gen {
			return
		}
		if err != nil {
			m.info.SetText("Nurture could not read your contacts to " +
				"work out the cost. The details are in the log file.")
			return
		}
		m.show(sum, worstName)
		m.shown = key
		if m.scanned != nil {
			m.scanned(sum)
		}
	})
}

// show writes the summary out.
func (m *messageAudience) show(s sms.Summary, worstName string) {
	m.showWorst.Hidden = s.Contacts == 0
	m.showWorst.Refresh()
	m.worstID = s.WorstID
	if s.Contacts == 0 {
		m.info.SetText("No contacts to send to yet.")
		m.worst.SetText("")
		return
	}

	lines := []string{fmt.Sprintf("%s, %s in all.",
		plural(s.Contacts, "contact"), plural(s.Segments, "Segment"))}
	if price := m.p.price; price.known {
		lines[0] += fmt.Sprintf(" Estimated cost: %s.",
			price.money(float64(s.Segments)*price.amount))
	}

	var spread []string
	for n, count := range s.Spread {
		if count > 0 {
			spread = append(spread, fmt.Sprintf("%s: %s",
				plural(n, "Segment"), plural(count, "contact")))
		}
	}
	lines = append(lines, "Spread: "+strings.Join(spread, " · "))

	names := make([]string, 0, len(s.Missing))
	for name := range s.Missing {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if n := s.Missing[name]; n > 0 {
			lines = append(lines, fmt.Sprintf("%s no %s and will get a "+
				"blank there. Add a fallback: {{%s|...}}.",
				haveCount(n), name, name))
		}
	}
	if s.Refused > 0 {
		lines = append(lines, fmt.Sprintf("%s a message Twilio "+
			"would refuse (empty or over 1,600 characters).",
			haveCount(s.Refused)))
	}
	m.info.SetText(strings.Join(lines, "\n"))

	w := s.Worst
	why := ""
	if w.Encoding == sms.UCS2 {
		why = " Outside GSM-7: " + listChars(w.UnicodeChars()) + "."
	}
	m.worst.SetText(fmt.Sprintf("Worst case: %s (%s) for %s.%s\n%s",
		plural(len(w.Segments), "Segment"), w.Encoding, worstName, why,
		w.Text))
}

// haveCount writes "1 contact has" or "3 contacts have".
func haveCount(n int) string {
	if n == 1 {
		return "1 contact has"
	}
	return fmt.Sprintf("%d contacts have", n)
}

// stop cancels any scan waiting or running.
func (m *messageAudience) stop() {
	m.gen++
	if m.timer != nil {
		m.timer.Stop()
	}
	if m.cancel != nil {
		m.cancel()
	}
}
