package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// defaultCountry returns the saved default country (the ISO code
// applied to numbers typed or imported without a country code), "US"
// when unset.
func (a *App) defaultCountry() string {
	v, err := a.store.Setting(context.Background(), settingDefaultCountry)
	if err != nil {
		a.log.Warn("settings: read default country", "err", err)
	}
	if v == "" {
		return "US"
	}
	return v
}

// countryOptions lists every country the numbering plan knows, as
// "Germany (DE)  +49", sorted by name so a country is where people
// look for it.
func countryOptions() []string {
	var out []string
	for region := range phonenumbers.GetSupportedRegions() {
		out = append(out, countryOption(region))
	}
	sort.Strings(out)
	return out
}

func countryOption(region string) string {
	name := region
	if r, err := language.ParseRegion(region); err == nil {
		if n := display.English.Regions().Name(r); n != "" {
			name = n
		}
	}
	return fmt.Sprintf("%s (%s)  +%d", name, region,
		phonenumbers.GetCountryCodeForRegion(region))
}

// countryOf reads the ISO code back from a countryOptions entry.
func countryOf(option string) string {
	open := strings.LastIndex(option, "(")
	end := strings.LastIndex(option, ")")
	if open < 0 || end < open {
		return option
	}
	return option[open+1 : end]
}

// newCountrySelect is a picker of countries showing country.
func newCountrySelect(country string, changed func(string)) *widget.Select {
	sel := widget.NewSelect(countryOptions(), func(o string) {
		if changed != nil {
			changed(countryOf(o))
		}
	})
	sel.Selected = countryOption(country)
	return sel
}

// newContactsSection is the Settings section for contact defaults.
func newContactsSection(a *App) fyne.CanvasObject {
	saved := widget.NewLabel("")
	sel := newCountrySelect(a.defaultCountry(), func(code string) {
		err := a.store.SetSetting(context.Background(),
			settingDefaultCountry, code)
		if err != nil {
			a.log.Error("settings: save default country", "err", err)
			saved.SetText("The default country was not saved. Try " +
				"again; the details are in the log file.")
			return
		}
		saved.SetText("Saved.")
	})
	help := widget.NewLabel("Numbers typed or imported without a " +
		"country code are read as numbers of this country.")
	help.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Default country", sel))
	return widget.NewCard("Contacts", "", container.NewVBox(form, help, saved))
}
