package app

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign/sms"
)

// maxHighlights caps the runs of characters the highlight marks, and
// maxUnicodeRows the characters listed. Past maxHighlightChars the
// message is plainly written in a script outside GSM-7 (Greek, Chinese)
// and marking every letter would only slow typing down.
const (
	maxHighlights     = 60
	maxHighlightChars = 200
	maxUnicodeRows    = 12
)

// unicodePanel lists the characters that force UCS-2, marks them in a
// copy of the body, and offers to replace them with GSM-7 equivalents.
type unicodePanel struct {
	p          *messagePreview
	intro      *widget.Label
	highlight  *widget.RichText
	rows       *fyne.Container
	replaceAll *widget.Button
	card       *widget.Card
}

func newUnicodePanel(p *messagePreview) *unicodePanel {
	u := &unicodePanel{p: p}
	u.intro = wrapLabel(widget.MediumImportance)
	u.highlight = widget.NewRichText()
	u.highlight.Wrapping = fyne.TextWrapWord
	u.rows = container.NewVBox()
	u.replaceAll = widget.NewButton("Replace all", func() {
		u.replace(func(sms.Char) bool { return true })
	})
	return u
}

func (u *unicodePanel) view() fyne.CanvasObject {
	u.card = widget.NewCard("Characters that cost more", "",
		container.NewVBox(u.intro, u.highlight, u.rows, u.replaceAll))
	u.card.Hide()
	return u.card
}

// maxPositions is how many places of one character a row lists.
const maxPositions = 3

// charGroup is one distinct character and where it appears.
type charGroup struct {
	first sms.Char
	count int
	// at holds the first few positions, counted in characters from 1.
	at []int
}

// show lists the UCS-2 characters of the analysis of body.
func (u *unicodePanel) show(body string, an sms.Analysis) {
	chars := an.UnicodeChars()
	if u.card != nil {
		u.card.Hidden = len(chars) == 0
		u.card.Refresh()
	}

	var groups []*charGroup
	byText := map[string]*charGroup{}
	fixable, pos, last := 0, 1, 0
	for _, c := range chars {
		if c.HasFix {
			fixable++
		}
		pos += utf8.RuneCountInString(body[last:c.Start])
		last = c.Start
		g, ok := byText[c.Text]
		if !ok {
			g = &charGroup{first: c}
			byText[c.Text] = g
			groups = append(groups, g)
		}
		g.count++
		if len(g.at) < maxPositions {
			g.at = append(g.at, pos)
		}
	}

	verb := "make"
	if len(chars) == 1 {
		verb = "makes"
	}
	u.intro.SetText(fmt.Sprintf("%s outside GSM-7 %s the whole message "+
		"UCS-2, with 70 characters per Segment instead of 160.",
		plural(len(chars), "character"), verb))
	u.showHighlight(body, chars)

	rows := make([]fyne.CanvasObject, 0, maxUnicodeRows+1)
	for i, g := range groups {
		if i == maxUnicodeRows {
			rows = append(rows, widget.NewLabel(fmt.Sprintf(
				"... and %d more.", len(groups)-i)))
			break
		}
		rows = append(rows, u.row(g))
	}
	u.rows.Objects = rows
	u.rows.Refresh()
	if fixable == 0 {
		u.replaceAll.Disable()
	} else {
		u.replaceAll.Enable()
	}
}

// row is one distinct character with its count and its fix.
func (u *unicodePanel) row(g *charGroup) fyne.CanvasObject {
	c := g.first
	at := make([]string, len(g.at))
	for i, p := range g.at {
		at[i] = fmt.Sprint(p)
	}
	more := ""
	if g.count > len(g.at) {
		more = "..."
	}
	desc := fmt.Sprintf("%s ×%d at %s%s", describeChar(c.Text), g.count,
		strings.Join(at, ", "), more)
	if !c.HasFix {
		l := wrapLabel(widget.MediumImportance)
		l.SetText(desc + ": no GSM-7 equivalent")
		return l
	}
	// Wrapped, so that a long description never widens the preview.
	label := wrapLabel(widget.MediumImportance)
	label.SetText(desc + ": " + fixText(c.Fix))
	btn := widget.NewButtonWithIcon("Replace with GSM-7 equivalent",
		theme.ContentRedoIcon(), func() {
			u.replace(func(o sms.Char) bool { return o.Text == c.Text })
		})
	return container.NewBorder(nil, nil, nil, btn, label)
}

// fixText says what a character is replaced with, in words when the
// replacement would not show.
func fixText(fix string) string {
	switch {
	case fix == "":
		return "remove it"
	case strings.TrimSpace(fix) == "":
		return "use a plain space"
	}
	return "use " + fix
}

// describeChar shows a character with its code points, so that an
// invisible one can still be seen: “ (U+201C).
func describeChar(s string) string {
	var cps []string
	for _, r := range s {
		cps = append(cps, fmt.Sprintf("U+%04X", r))
	}
	shown := s
	visible := func(r rune) bool {
		return unicode.IsGraphic(r) && !unicode.IsSpace(r)
	}
	if strings.IndexFunc(s, visible) < 0 {
		shown = "(blank)"
	}
	return fmt.Sprintf("%s (%s)", shown, strings.Join(cps, " "))
}

// maxListedChars is how many characters listChars names.
const maxListedChars = 5

// listChars names the distinct characters, with their code points:
// "ë (U+00EB), ã (U+00E3)".
func listChars(chars []sms.Char) string {
	var names []string
	seen := map[string]bool{}
	for _, c := range chars {
		if seen[c.Text] {
			continue
		}
		seen[c.Text] = true
		if len(names) == maxListedChars {
			names = append(names, "...")
			break
		}
		names = append(names, describeChar(c.Text))
	}
	return strings.Join(names, ", ")
}

// fieldCharsNote says which characters of a contact's merge field
// values make their text UCS-2 when the body as typed is GSM-7: the
// list of characters above cannot show those. typed is the analysis of
// the body and sent that of the contact's text.
func fieldCharsNote(who string, typed, sent sms.Analysis) string {
	if typed.Encoding == sms.UCS2 || sent.Encoding != sms.UCS2 {
		return ""
	}
	if who == "" {
		who = "This contact"
	}
	return fmt.Sprintf("%s's merge fields hold %s, outside GSM-7, so "+
		"their text goes in UCS-2 with 70 characters per Segment.",
		who, listChars(sent.UnicodeChars()))
}

// showHighlight copies the body with each UCS-2 run marked in red.
func (u *unicodePanel) showHighlight(body string, chars []sms.Char) {
	if len(chars) > maxHighlightChars {
		u.highlight.Hide()
		return
	}
	u.highlight.Show()

	var segs []widget.RichTextSegment
	plain := func(s string) {
		if s != "" {
			segs = append(segs, &widget.TextSegment{Text: s,
				Style: widget.RichTextStyleInline})
		}
	}
	last, runs := 0, 0
	for i := 0; i < len(chars) && runs < maxHighlights; runs++ {
		start, end := chars[i].Start, chars[i].End
		for i++; i < len(chars) && chars[i].Start == end; i++ {
			end = chars[i].End
		}
		plain(body[last:start])
		style := widget.RichTextStyleStrong
		style.ColorName = theme.ColorNameError
		segs = append(segs, &widget.TextSegment{Text: body[start:end],
			Style: style})
		last = end
	}
	plain(body[last:])
	u.highlight.Segments = segs
	u.highlight.Refresh()
}

// replace swaps the UCS-2 characters that match, and have a GSM-7
// equivalent, in the editor's body.
func (u *unicodePanel) replace(match func(sms.Char) bool) {
	body := u.p.e.body.Text
	an := sms.Analyze(body, u.p.options())
	var b strings.Builder
	last := 0
	for _, c := range an.UnicodeChars() {
		if !c.HasFix || !match(c) {
			continue
		}
		b.WriteString(body[last:c.Start])
		b.WriteString(c.Fix)
		last = c.End
	}
	b.WriteString(body[last:])
	u.p.e.replaceBody(b.String())
}
