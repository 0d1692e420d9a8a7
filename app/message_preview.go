package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign/sms"
)

// settingSmartEncoding is "off" when the user's Messaging Service has
// Smart Encoding turned off; it is on by default, as Twilio sets it.
const settingSmartEncoding = "smart_encoding"

// messagePreview shows, as the user types, what a body will cost: its
// encoding, characters and Segments, the characters that make it
// expensive, the text a sample contact gets, and the cost.
type messagePreview struct {
	a *App
	e *messageEditor

	price segmentPrice
	known []string
	smart *widget.Check
	// smartHint says what the Smart Encoding box does.
	smartHint *widget.Label
	sample    *samplePicker

	encoding *widget.Label
	counts   *widget.Label
	bars     *fyne.Container
	problems *widget.Label
	fieldErr *widget.Label
	// fromFields names the characters a sample contact's values bring
	// in that make their text UCS-2.
	fromFields *widget.Label
	html       *fyne.Container
	links      *widget.Label
	smartNote  *widget.Label
	rendered   *widget.Label
	cost       *widget.Label
	unicode    *unicodePanel
	audience   *messageAudience
}

func newMessagePreview(a *App, e *messageEditor) *messagePreview {
	p := &messagePreview{a: a, e: e}
	p.price = loadSegmentPrice(a.ctx, a.store)
	p.known = loadMergeFields(a)
	p.sample = newSamplePicker(a, p.refresh)

	mode, _ := a.store.Setting(a.ctx, settingSmartEncoding)
	p.smart = widget.NewCheck("Smart Encoding", func(on bool) {
		v := "off"
		if on {
			v = ""
		}
		if err := a.store.SetSetting(a.ctx, settingSmartEncoding,
			v); err != nil {
			a.log.Warn("messages: save smart encoding", "err", err)
		}
		p.refresh()
	})
	p.smart.Checked = mode != "off"
	// The explanation wraps; the box's own text would not.
	p.smartHint = wrapLabel(widget.LowImportance)
	p.smartHint.SetText("Replaces look-alike characters with GSM-7 ones, " +
		"as your Messaging Service does when its Smart Encoding is on. " +
		"Match its setting.")

	p.encoding = widget.NewLabelWithStyle("", fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	p.counts = widget.NewLabel("")
	p.bars = container.NewVBox()
	p.problems = wrapLabel(widget.DangerImportance)
	p.fieldErr = wrapLabel(widget.DangerImportance)
	p.fromFields = wrapLabel(widget.WarningImportance)
	p.html = container.NewVBox()
	p.links = wrapLabel(widget.LowImportance)
	p.smartNote = wrapLabel(widget.LowImportance)
	p.rendered = wrapLabel(widget.MediumImportance)
	p.cost = wrapLabel(widget.MediumImportance)
	p.unicode = newUnicodePanel(p)
	p.audience = newMessageAudience(a, p)
	return p
}

// loadMergeFields reads the merge field names contacts have, or only
// the built-in ones when that fails.
func loadMergeFields(a *App) []string {
	known, err := a.store.MergeFieldNames(a.ctx)
	if err != nil {
		a.log.Warn("messages: list merge fields", "err", err)
		return sms.BuiltinFields
	}
	return known
}

// reload reads again what other screens may have changed while the
// editor was out of sight: the price per Segment, the merge fields and
// tags contacts have, and the sample contacts. Then it shows the body
// again with them.
func (p *messagePreview) reload() {
	p.price = loadSegmentPrice(p.a.ctx, p.a.store)
	p.known = loadMergeFields(p.a)
	p.sample.reload()
	p.audience.reload()
	p.refresh()
}

// wrapLabel is an empty word-wrapped label of the given importance.
func wrapLabel(imp widget.Importance) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// setOrHide shows text in the label, or hides the label when text is
// empty, so that it takes no room.
func setOrHide(l *widget.Label, text string) {
	l.Hidden = text == ""
	l.SetText(text)
}

func (p *messagePreview) view() fyne.CanvasObject {
	summary := widget.NewCard("What Twilio will bill", "", container.NewVBox(
		container.NewHBox(p.encoding, p.counts), p.bars, p.fromFields,
		p.problems,
		p.fieldErr, p.html, p.links, p.cost, p.smart, p.smartHint,
		p.smartNote))
	sample := widget.NewCard("Preview", "", container.NewVBox(
		p.sample.view(), p.rendered))
	return container.NewVScroll(container.NewVBox(summary,
		p.unicode.view(), sample, p.audience.view()))
}

// options returns the analysis options the user chose.
func (p *messagePreview) options() sms.Options {
	return sms.Options{SmartEncoding: p.smart.Checked}
}

// refresh analyses the current body again.
func (p *messagePreview) refresh() {
	if p.e.body != nil && p.encoding != nil {
		p.update(p.e.body.Text)
	}
}

// update shows the analysis of body. It runs on every keystroke, so it
// only does what is cheap and leaves the audience to a background scan.
func (p *messagePreview) update(body string) {
	opt := p.options()
	tpl, err := sms.Parse(body)
	if err == nil {
		err = tpl.Check(func(name string) bool {
			return slices.Contains(p.known, name)
		})
	}

	text := body
	if tpl != nil {
		text = tpl.Render(p.sample.fields())
	}
	an := sms.Analyze(text, opt)
	typed := an
	if text != body {
		typed = sms.Analyze(body, opt)
	}

	p.showCounts(an)
	setOrHide(p.fromFields, fieldCharsNote(p.sample.name(), typed, an))
	p.showProblems(an, err, body)
	p.showHTML(body)
	p.showLinks(body)
	p.showSmart(typed)
	p.rendered.SetText(an.Text)
	p.unicode.show(body, typed)
	if err != nil {
		tpl = nil
	}
	p.audience.schedule(tpl, opt)
}

// showCounts shows the encoding, the counts and one bar per Segment.
func (p *messagePreview) showCounts(an sms.Analysis) {
	p.encoding.SetText(an.Encoding.String())
	p.counts.SetText(fmt.Sprintf("%s · %s", plural(an.Chars, "character"),
		plural(len(an.Segments), "Segment")))

	bars := make([]fyne.CanvasObject, 0, len(an.Segments))
	for i, s := range an.Segments {
		bar := widget.NewProgressBar()
		bar.Max, bar.Value = float64(s.Capacity), float64(s.Units)
		units, capacity := s.Units, s.Capacity
		bar.TextFormatter = func() string {
			return fmt.Sprintf("%d of %d", units, capacity)
		}
		bars = append(bars, container.NewBorder(nil, nil,
			widget.NewLabel(fmt.Sprintf("Segment %d", i+1)), nil, bar))
	}
	p.bars.Objects = bars
	p.bars.Refresh()

	if !p.price.known {
		p.cost.SetText(p.price.source())
		return
	}
	n := len(an.Segments)
	// The text, and so the cost, is the sample contact's.
	who := "Per recipient"
	if name := p.sample.name(); name != "" {
		who += " (" + name + ")"
	}
	p.cost.SetText(fmt.Sprintf("%s: %s × %s = %s. %s", who,
		plural(n, "Segment"), p.price.money(p.price.amount),
		p.price.money(float64(n)*p.price.amount), p.price.source()))
}

// showProblems shows why Twilio would refuse the body, and merge field
// mistakes.
func (p *messagePreview) showProblems(an sms.Analysis, fieldErr error,
	body string) {

	var lines []string
	for _, pr := range an.Problems {
		lines = append(lines, pr.String())
	}
	setOrHide(p.problems, strings.Join(lines, "\n"))
	setOrHide(p.fieldErr, "")
	if fieldErr != nil {
		text := fieldErr.Error()
		if hint := fieldHint(body, fieldErr, p.known); hint != "" {
			text += " " + hint
		}
		setOrHide(p.fieldErr, text)
	}
}

// showHTML warns about HTML tags and offers to strip them.
func (p *messagePreview) showHTML(body string) {
	tags := sms.HTMLTags(body)
	p.html.Objects = nil
	if len(tags) > 0 {
		warn := wrapLabel(widget.WarningImportance)
		warn.SetText(fmt.Sprintf("The body has %s, such as %s. Phones "+
			"show SMS as plain text, tags and all.",
			plural(len(tags), "HTML tag"), body[tags[0].Start:tags[0].End]))
		strip := widget.NewButton("Strip HTML tags", func() {
			p.e.replaceBody(sms.StripHTML(p.e.body.Text))
		})
		p.html.Objects = []fyne.CanvasObject{warn, strip}
	}
	p.html.Refresh()
}

// showLinks says that links are counted in full.
func (p *messagePreview) showLinks(body string) {
	links := sms.Links(body)
	if len(links) == 0 {
		setOrHide(p.links, "")
		return
	}
	chars := 0
	for _, l := range links {
		chars += len([]rune(body[l.Start:l.End]))
	}
	setOrHide(p.links, fmt.Sprintf("%s, %s in all, counted in full: "+
		"nothing shortens them.", plural(len(links), "link"),
		plural(chars, "character")))
}

// showSmart lists what Smart Encoding replaces in the body, so that the
// user knows why the text sent differs from the text typed.
func (p *messagePreview) showSmart(an sms.Analysis) {
	seen := map[string]bool{}
	var swaps []string
	for _, c := range an.ReplacedChars() {
		if seen[c.Text] {
			continue
		}
		seen[c.Text] = true
		fix := c.Fix
		if fix == "" {
			fix = "nothing"
		}
		swaps = append(swaps, describeChar(c.Text)+" becomes "+fix)
	}
	if len(swaps) == 0 {
		setOrHide(p.smartNote, "")
		return
	}
	setOrHide(p.smartNote, "Smart Encoding keeps this message in GSM-7: "+
		strings.Join(swaps, "; ")+".")
}

// plural writes a count with its noun: "1 Segment", "3 Segments".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
