package contactcsv

import (
	"strings"
	"unicode"
)

// Field is what a column of the file holds.
type Field int

// The fields a column can map to.
const (
	Ignore Field = iota
	PhoneField
	FirstName
	LastName
	FullName
	Email
	Tags
	ConsentDate
	ConsentSource
	OptedOut
	Custom
)

// Fields lists every field in the order a picker shows them.
var Fields = []Field{PhoneField, FirstName, LastName, FullName, Email,
	Tags, ConsentDate, ConsentSource, OptedOut, Custom, Ignore}

var fieldNames = map[Field]string{
	Ignore:        "Skip this column",
	PhoneField:    "Phone",
	FirstName:     "First name",
	LastName:      "Last name",
	FullName:      "Full name",
	Email:         "Email",
	Tags:          "Tags",
	ConsentDate:   "Consent date",
	ConsentSource: "Consent source",
	OptedOut:      "Opted out",
	Custom:        "Custom field",
}

// String returns the field's name as the import dialog shows it.
func (f Field) String() string { return fieldNames[f] }

// ParseField returns the field with the given display name.
func ParseField(name string) (Field, bool) {
	for f, n := range fieldNames {
		if n == name {
			return f, true
		}
	}
	return Ignore, false
}

// Mapping says, for each column of the file, which field it holds.
// Custom columns keep the column's name as the custom field's name.
type Mapping []Field

// aliases maps squashed header names (lower case, letters and digits
// only) to fields.
var aliases = map[string]Field{
	"phone": PhoneField, "phonenumber": PhoneField, "mobile": PhoneField,
	"mobilephone": PhoneField, "mobilenumber": PhoneField,
	"cell": PhoneField, "cellphone": PhoneField, "tel": PhoneField,
	"telephone": PhoneField, "number": PhoneField, "msisdn": PhoneField,
	"sms": PhoneField, "e164": PhoneField, "handy": PhoneField,

	"first": FirstName, "firstname": FirstName, "givenname": FirstName,
	"fname": FirstName, "forename": FirstName, "prenom": FirstName,

	"last": LastName, "lastname": LastName, "surname": LastName,
	"familyname": LastName, "lname": LastName, "nom": LastName,

	"name": FullName, "fullname": FullName, "contact": FullName,
	"contactname": FullName, "displayname": FullName,

	"email": Email, "emailaddress": Email, "mail": Email,

	"tags": Tags, "tag": Tags, "labels": Tags, "label": Tags,
	"groups": Tags, "group": Tags, "lists": Tags,

	"consentdate": ConsentDate, "optindate": ConsentDate,
	"optedinat": ConsentDate, "consentedat": ConsentDate,
	"subscribedat": ConsentDate, "subscribed": ConsentDate,
	"consentat": ConsentDate, "optedin": ConsentDate,

	"consentsource": ConsentSource, "optinsource": ConsentSource,
	"source": ConsentSource, "consentmethod": ConsentSource,

	"optedout": OptedOut, "optout": OptedOut, "unsubscribed": OptedOut,
	"donotcontact": OptedOut, "stop": OptedOut,

	// Spreadsheets from other languages: German, French, Spanish,
	// Italian, Portuguese and Dutch.
	"telefon": PhoneField, "telefonnummer": PhoneField,
	"handynummer": PhoneField, "mobil": PhoneField,
	"mobilnummer": PhoneField, "téléphone": PhoneField, "tél": PhoneField,
	"portable": PhoneField, "teléfono": PhoneField, "telefono": PhoneField,
	"móvil": PhoneField, "movil": PhoneField, "celular": PhoneField,
	"cellulare": PhoneField, "telefone": PhoneField,
	"telefoonnummer": PhoneField, "mobiel": PhoneField,
	"vorname": FirstName, "prénom": FirstName, "nombre": FirstName,
	"nome": FirstName, "voornaam": FirstName,
	"nachname": LastName, "familienname": LastName, "apellido": LastName,
	"apellidos": LastName, "cognome": LastName, "sobrenome": LastName,
	"achternaam":   LastName,
	"emailadresse": Email, "correo": Email, "correoelectrónico": Email,

	// A reason column is what Nurture adds to a file of rejected rows;
	// the others are what Nurture's own export adds.
	"reason": Ignore, "notmobile": Ignore, "createdat": Ignore,
	"updatedat": Ignore,
}

// GuessMapping guesses each column's field from its header. Each field
// but Custom goes to the first column that names it; columns nobody
// recognises become custom fields.
func GuessMapping(header []string) Mapping {
	m := make(Mapping, len(header))
	taken := map[Field]bool{}
	for i, h := range header {
		f, ok := aliases[squash(h)]
		if !ok {
			f = Custom
			if strings.TrimSpace(h) == "" {
				f = Ignore
			}
		}
		if f != Custom && f != Ignore && taken[f] {
			f = Custom
		}
		taken[f] = true
		m[i] = f
	}

	// No exact name for the phone: take a column that mentions one.
	if !taken[PhoneField] {
		for i, h := range header {
			s := squash(h)
			if m[i] == Custom && (strings.Contains(s, "phone") ||
				strings.Contains(s, "mobile") || strings.Contains(s, "cell")) {
				m[i] = PhoneField
				break
			}
		}
	}
	return m
}

// squash lower-cases s and keeps only its letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Check reports a mapping that cannot import anything: one without a
// phone column, or with two.
func (m Mapping) Check() error {
	n := 0
	for _, f := range m {
		if f == PhoneField {
			n++
		}
	}
	switch {
	case n == 0:
		return ErrNoPhone
	case n > 1:
		return errTwoPhones
	}
	return nil
}
