package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
)

// contactForm is the add and edit form of one contact.
type contactForm struct {
	phone, first, last, email, tags, fields *widget.Entry
	country                                 string
}

func newContactForm(c campaign.Contact, country string) *contactForm {
	f := &contactForm{country: country}
	f.phone = widget.NewEntry()
	f.phone.SetPlaceHolder("+1 415 555 0100")
	f.phone.SetText(c.Phone)
	f.phone.Validator = func(v string) error {
		_, err := contactcsv.NormalizePhone(v, f.country)
		return err
	}
	f.first, f.last = widget.NewEntry(), widget.NewEntry()
	f.first.SetText(c.FirstName)
	f.last.SetText(c.LastName)
	f.email = widget.NewEntry()
	f.email.SetText(c.Email)
	f.tags = widget.NewEntry()
	f.tags.SetPlaceHolder("vip, spring-sale")
	f.tags.SetText(strings.Join(c.Tags, ", "))
	f.fields = widget.NewMultiLineEntry()
	f.fields.SetPlaceHolder("city: Austin")
	f.fields.SetText(formatFields(c.Fields))
	return f
}

func (f *contactForm) items() []*widget.FormItem {
	phone := widget.NewFormItem("Phone", f.phone)
	phone.HintText = "Numbers without a country code are read as " +
		f.country + " numbers."
	return []*widget.FormItem{phone,
		widget.NewFormItem("First name", f.first),
		widget.NewFormItem("Last name", f.last),
		widget.NewFormItem("Email", f.email),
		widget.NewFormItem("Tags", f.tags),
		widget.NewFormItem("Custom fields", f.fields),
	}
}

// contact applies the form to c, normalising the number to E.164.
func (f *contactForm) contact(c campaign.Contact) (campaign.Contact, error) {
	p, err := contactcsv.NormalizePhone(f.phone.Text, f.country)
	if err != nil {
		return c, campaign.Errorf(campaign.EINVALID,
			"The phone number cannot be used: %v.", err)
	}
	fields, err := parseFields(f.fields.Text)
	if err != nil {
		return c, err
	}
	c.Phone, c.NotMobile = p.E164, p.NotMobile
	c.FirstName = strings.TrimSpace(f.first.Text)
	c.LastName = strings.TrimSpace(f.last.Text)
	c.Email = strings.TrimSpace(f.email.Text)
	c.Tags = contactcsv.CleanTags(contactcsv.SplitTags(f.tags.Text))
	c.Fields = fields
	return c, nil
}

// formatFields writes custom fields one "name: value" per line.
func formatFields(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, m[k])
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// parseFields reads the lines formatFields writes.
func parseFields(text string) (map[string]string, error) {
	m := map[string]string{}
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, campaign.Errorf(campaign.EINVALID,
				"Custom fields, line %d: write each field as \"name: "+
					"value\".", i+1)
		}
		m[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return m, nil
}

// editContact opens the form for c; a zero c adds a new contact.
func (s *contactsScreen) editContact(c campaign.Contact) {
	s.showForm(newContactForm(c, s.a.defaultCountry()), c)
}

// showForm shows the form f for c, with whatever f holds.
func (s *contactsScreen) showForm(f *contactForm, c campaign.Contact) {
	title := "Edit contact"
	if c.ID == 0 {
		title = "Add contact"
	}
	d := dialog.NewForm(title, "Save", "Cancel", f.items(), func(ok bool) {
		if ok {
			s.saveContact(f, c)
		}
	}, s.a.win)
	d.Resize(d.MinSize().AddWidthHeight(240, 0))
	d.Show()
	s.a.win.Canvas().Focus(f.phone)
}

// saveContact stores the form and shows the result. When the contact
// cannot be saved, the form opens again as the user left it, under
// the message saying what to fix.
func (s *contactsScreen) saveContact(f *contactForm, orig campaign.Contact) {
	c, err := f.contact(orig)
	if err == nil {
		c, err = s.a.store.SaveContact(context.Background(), c)
	}
	if err != nil {
		s.showForm(f, orig)
		s.showError(err)
		return
	}
	s.a.log.Info("contacts: saved", "contact", c.ID)
	s.reload()
	s.showContact(c.ID)
}
