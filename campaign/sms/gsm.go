package sms

// asciiSeptets holds the GSM-7 cost of each ASCII byte: 1 for the basic
// table, 2 for the extension table (escape + character), 0 when the byte
// has no GSM-7 form (TAB, the backtick, most control codes).
var asciiSeptets = func() [128]uint8 {
	var t [128]uint8
	for b := 0x20; b < 0x7f; b++ {
		t[b] = 1
	}
	t['`'] = 0
	for _, b := range "^{}\\[~]|" {
		t[b] = 2
	}
	t['\n'] = 1
	t['\r'] = 1
	t['\f'] = 2
	return t
}()

// septets returns what r costs in GSM-7: 1 septet for a character of the
// 3GPP TS 23.038 basic table, 2 for one of its extension table, and 0 when
// r cannot be sent in GSM-7 at all.
func septets(r rune) int {
	if r < 0x80 {
		return int(asciiSeptets[r])
	}
	switch r {
	case '£', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', 'Ø', 'ø', 'Å', 'å',
		'Δ', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ',
		'Æ', 'æ', 'ß', 'É', '¤', '¡', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
		'¿', 'ä', 'ö', 'ñ', 'ü', 'à':
		return 1
	case '€':
		return 2
	}
	return 0
}

// gsmSeptets returns the septets s takes in GSM-7, and false when s has
// a character GSM-7 cannot carry.
func gsmSeptets(s string) (int, bool) {
	n := 0
	for _, r := range s {
		c := septets(r)
		if c == 0 {
			return n, false
		}
		n += c
	}
	return n, true
}
