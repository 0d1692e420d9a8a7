package twiliotest

import "unicode/utf16"

// gsm7 holds the characters of the GSM 03.38 basic set; gsm7Ext holds
// those that take an escape and so count twice.
const (
	gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./" +
		"0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿" +
		"abcdefghijklmnopqrstuvwxyzäöñüà"
	gsm7Ext = "^{}\\[~]|€\f"
)

var gsm7Set, gsm7ExtSet = runeSet(gsm7), runeSet(gsm7Ext)

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// segments counts the SMS Segments body needs: GSM-7 when every
// character allows it (160 alone, 153 per part), UCS-2 otherwise (70
// alone, 67 per part). It is deliberately simple.
func segments(body string) int {
	units, gsm := 0, true
	for _, r := range body {
		switch {
		case gsm7Set[r]:
			units++
		case gsm7ExtSet[r]:
			units += 2
		default:
			gsm = false
		}
	}

	single, part := 160, 153
	if !gsm {
		units = len(utf16.Encode([]rune(body)))
		single, part = 70, 67
	}
	if units <= single {
		return 1
	}
	return (units + part - 1) / part
}
