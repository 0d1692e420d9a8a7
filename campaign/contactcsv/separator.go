package contactcsv

// separators are the candidates, in order of preference on a tie.
var separators = []rune{',', ';', '\t'}

// sniffLines is how many lines of the sample decide the separator.
const sniffLines = 20

// detectSeparator picks the separator that splits the sample's lines
// into the same number of columns most often. Quoted text is skipped,
// so a comma inside "Smith, Jo" does not count. A file with one column
// gets a comma.
func detectSeparator(sample []byte) rune {
	counts := countPerLine(sample)
	best, bestScore, bestWidth := ',', 0, 0
	for i, sep := range separators {
		width := counts[0][i]
		if width == 0 {
			continue
		}
		score := 0
		for _, c := range counts {
			if c[i] == width {
				score++
			}
		}
		if score > bestScore || (score == bestScore && width > bestWidth) {
			best, bestScore, bestWidth = sep, score, width
		}
	}
	return best
}

// countPerLine counts each candidate separator outside quotes on each
// of the sample's first lines. The last line is left out when the
// sample stops in the middle of it.
func countPerLine(sample []byte) [][3]int {
	var lines [][3]int
	var cur [3]int
	inQuote, blank := false, true
	for _, b := range sample {
		switch {
		case b == '"':
			inQuote = !inQuote
			blank = false
		case inQuote:
		case b == '\n':
			if !blank {
				lines = append(lines, cur)
			}
			if len(lines) == sniffLines {
				return lines
			}
			cur, blank = [3]int{}, true
		case b == '\r':
		default:
			blank = false
			for i, sep := range separators {
				if rune(b) == sep {
					cur[i]++
				}
			}
		}
	}
	if len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
