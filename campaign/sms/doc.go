// Package sms works out what an SMS body costs to send through Twilio:
// its encoding, its segments, the characters that make it expensive, and
// the text each contact gets once merge fields are filled in. It is pure
// text analysis, with no UI, storage or network code.
//
// # Encodings and segments
//
// A body that only uses the GSM-7 alphabet of 3GPP TS 23.038 (the basic
// table plus the extension table: ^ { } \ [ ~ ] | € and form feed) is
// sent in GSM-7. A basic character costs one septet and an extension
// character two. One segment holds 160 septets; a longer message is split
// into segments of 153, and an extension character is never cut in two.
//
// One character outside GSM-7 makes the whole message UCS-2, which counts
// UTF-16 code units: 70 in one segment, 67 per segment otherwise. A
// surrogate pair is never split, and neither is a grapheme cluster (an
// emoji ZWJ sequence, a flag, a skin tone, a keycap, a letter with
// combining accents) unless the cluster alone is longer than a segment.
// GSM-7 segments are cut between characters, as Twilio cuts them; CR LF
// is two septets and may be cut.
//
// Common traps: a lowercase ç, the backtick, °, TAB and a decomposed é
// (e followed by a combining accent) are all outside GSM-7.
//
// # Smart Encoding
//
// A Messaging Service with Smart Encoding on replaces Unicode look-alikes
// with GSM-7 characters, but only when that leaves a message that is all
// GSM-7; otherwise the original text goes out in UCS-2. Options mirrors
// that. The replacements follow Twilio's published list:
//
//   - double quotes: « » “ ” „ ‟ ʺ ˮ ❝ ❞ 〝 〞 ＂ become ";
//   - single quotes and accents: ‘ ’ ‚ ‛ ʹ ʻ ʼ ʽ ˈ ˊ ˋ ´ ` ❛ ❜, the
//     combining commas above (U+0313, U+0314), ︐ ︑ ＇ become ';
//   - dashes and bullets: ‐ ‑ ‒ – — ― ⁃ • ⎼ ⎽ ﹣ － become -;
//   - the ellipsis … becomes ...;
//   - Unicode spaces (no-break, en, em, thin, hair, narrow no-break,
//     ideographic, line and paragraph separators), TAB and the C1
//     controls U+0080, U+008D, U+0090, U+009B, U+009F become one space;
//   - invisible characters (zero-width space, word joiner, byte-order
//     mark, and the C0 controls NUL, ETX, EOT, DLE, DC1-DC4, ETB, EM)
//     are removed;
//   - fractions ¼ ½ ¾ become 1/4 1/2 3/4, ÷ and the slashes ⧸ ⁄ ∕ ／
//     become /, and ‼ becomes !!;
//   - the fullwidth and small forms of punctuation, digits and Latin
//     letters, and the Latin small capitals (ᴀ ʙ ᴄ ...), become their
//     ASCII letters and signs;
//   - look-alikes of brackets, asterisks, colons, semicolons, signs and
//     ‹ › (which become < and >).
//
// Nurture departs from that list in a few places. A no-break space and
// TAB become one space (the list gives two and seven); ‹ and › become <
// and > the right way round; ‗ becomes _; and the non-breaking hyphen ‑
// and figure dash ‒ are replaced like the other dashes.
//
// # Merge fields
//
// A body may hold merge fields: {{first_name}}, {{first_name|there}} with
// a fallback for contacts without a value, and any custom contact field
// by name. Parse finds them, Template.Check rejects names no contact has,
// Template.Render fills them in for one contact, and Audience sums up a
// whole audience: the worst-case contact's text and segments, the spread
// of segments, and how many contacts would get a blank.
//
// # Limits
//
// Twilio refuses an empty body and one over 1,600 characters (counted
// here as Unicode code points); Analyze reports both as Problems.
package sms
