package sms

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fill repeats s until the result has n characters.
func fill(s string, n int) string {
	out := strings.Repeat(s, n/utf8.RuneCountInString(s)+1)
	return string([]rune(out)[:n])
}

// BenchmarkAnalyze1600 analyses 1600-character bodies, the longest Twilio
// takes, as the editor does on every keystroke.
func BenchmarkAnalyze1600(b *testing.B) {
	bodies := []struct {
		name  string
		body  string
		smart bool
	}{
		{"gsm7", fill("Hi there, our sale starts {today}! ", 1600), false},
		{"smart", fill("Don’t miss it — 20% off… ", 1600), true},
		{"ucs2-emoji", fill("See you soon 👋🏽 bring a friend! ", 1600),
			false},
		{"ucs2-cyrillic", fill("Скидка двадцать процентов сегодня! ", 1600),
			false},
		{"ucs2-cjk", fill("春季促销今天开始，欢迎光临！", 1600), false},
	}
	for _, bb := range bodies {
		b.Run(bb.name, func(b *testing.B) {
			opt := Options{SmartEncoding: bb.smart}
			b.ReportAllocs()
			for b.Loop() {
				Analyze(bb.body, opt)
			}
		})
	}
}
