package contactcsv

import (
	"errors"
	"testing"
	"time"
)

func TestGuessMapping(t *testing.T) {
	header := []string{"First Name", "Surname", "Mobile Phone", "E-mail",
		"Tags", "Opt-in date", "Source", "City", "Home phone", "reason", ""}
	want := Mapping{FirstName, LastName, PhoneField, Email, Tags,
		ConsentDate, ConsentSource, Custom, Custom, Ignore, Ignore}
	got := GuessMapping(header)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %q: got %v, want %v", header[i], got[i], want[i])
		}
	}
	if err := got.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// Headers written in other languages map as their English names do.
func TestGuessMapping_otherLanguages(t *testing.T) {
	tests := []struct {
		header []string
		want   Mapping
	}{
		{[]string{"Vorname", "Nachname", "Telefon"},
			Mapping{FirstName, LastName, PhoneField}},
		{[]string{"Prénom", "Nom", "Téléphone portable", "Tél."},
			Mapping{FirstName, LastName, Custom, PhoneField}},
		{[]string{"Nombre", "Apellidos", "Móvil", "Correo"},
			Mapping{FirstName, LastName, PhoneField, Email}},
		{[]string{"Nome", "Cognome", "Cellulare"},
			Mapping{FirstName, LastName, PhoneField}},
	}
	for _, tt := range tests {
		got := GuessMapping(tt.header)
		for i := range tt.want {
			if got[i] != tt.want[i] {
				t.Errorf("%q: column %q got %v, want %v", tt.header,
					tt.header[i], got[i], tt.want[i])
			}
		}
	}
}

func TestGuessMapping_phoneByWord(t *testing.T) {
	got := GuessMapping([]string{"Customer", "Work Cell #"})
	if got[1] != PhoneField {
		t.Errorf("got %v, want the phone column found", got)
	}
	if err := (Mapping{Custom, FirstName}).Check(); !errors.Is(err,
		ErrNoPhone) {
		t.Errorf("a mapping without a phone column: Check = %v, want "+
			"ErrNoPhone", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, country string
		want        string
	}{
		{"2024-03-31", "US", "2024-03-31"},
		{"03/04/2024", "US", "2024-03-04"},
		{"03/04/2024", "GB", "2024-04-03"},
		{"2024-03-31T10:00:00+02:00", "GB", "2024-03-31"},
		{"31 Mar 2024", "GB", "2024-03-31"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.country)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got.Format(time.DateOnly) != tt.want {
			t.Errorf("ParseDate(%q, %s) = %s, want %s", tt.in, tt.country,
				got.Format(time.DateOnly), tt.want)
		}
	}
	if _, err := ParseDate("last spring", "US"); err == nil {
		t.Error("ParseDate accepted \"last spring\"")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000",
		9870: "9,870", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
