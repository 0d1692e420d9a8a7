package app

import (
	"errors"
	"strings"

	"github.com/nurturesms/nurture/campaign/sms"
)

// fieldHint returns "Did you mean {{first_name}}?" when the merge field
// that err points at in body is close to a known name, and "" otherwise.
func fieldHint(body string, err error, known []string) string {
	var fe *sms.FieldError
	if !errors.As(err, &fe) || fe.End-fe.Start < 4 || fe.End > len(body) {
		return ""
	}
	field := body[fe.Start:fe.End]
	if !strings.HasPrefix(field, "{{") || !strings.HasSuffix(field, "}}") {
		return "" // not closed: nothing to compare
	}
	inner := field[2 : len(field)-2]
	name, _, _ := strings.Cut(inner, "|")
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return ""
	}

	// Allow about one slip in three letters, at most two.
	best, bestD := "", min(2, max(1, len(name)/3))+1
	for _, k := range known {
		if d := editDistance(name, k); d < bestD && k != name {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return "Did you mean {{" + best + "}}?"
}

// editDistance counts the single-character insertions, deletions,
// substitutions and swaps of neighbours that turn a into b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] &&
				ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
