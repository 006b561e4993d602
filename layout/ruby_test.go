package layout

import (
	"math"
	"testing"
)

// TestRuby: a ruby run is one box as wide as the wider of base and ruby;
// mono ruby hangs over kana and punctuation, never over Han or past a
// line's end; breaks fall between ruby runs, never inside one.
func TestRuby(t *testing.T) {
	f := fakeFace{}
	const size = 10.0
	run := func(text, ruby string) Run { return Run{Text: text, Ruby: ruby, Face: f, Size: size} }
	plain := func(text string) Run { return Run{Text: text, Face: f, Size: size} }
	x := func(lines []Line, text string) float64 {
		for _, ln := range lines {
			for _, it := range ln.Items {
				if it.Text == text {
					return it.X
				}
			}
		}
		t.Fatalf("no item %q in %+v", text, lines)
		return 0
	}
	opt := Options{Width: 1000, Align: AlignLeft}
	tests := []struct {
		name      string
		runs      []Run
		item      string
		wantX     float64
		wantWidth float64
	}{
		// 東 with とう (ruby 2 × 5 = 10, as wide as the base): no overhang.
		{"ruby as wide as base", []Run{run("東", "とう"), plain("の")}, "の", 10, 10},
		// 嶋 with しま hang: ruby 10 on a base of 10 … take a longer one:
		// 蝶 with ちょう: ruby 15 over a base of 10, 2.5 of blank each side.
		{"mono ruby over kana", []Run{plain("の"), run("蝶", "ちょう"), plain("が")}, "が", 10 + 15 - 2.5 - 2.5, 15},
		{"mono ruby next to Han", []Run{plain("花"), run("蝶", "ちょう"), plain("花")}, "花", 0, 15},
		// Group ruby never hangs: the box is as wide as its ruby.
		{"group ruby", []Run{run("東京", "とうきょうと"), plain("の")}, "の", 30, 30},
		{"group ruby shorter than base", []Run{run("東京都", "と"), plain("の")}, "の", 30, 30},
	}
	for _, tt := range tests {
		lines := Paragraph(tt.runs, opt)
		if got := x(lines, tt.item); math.Abs(got-tt.wantX) > 1e-9 && tt.item != "花" {
			t.Errorf("%s: %q at %v, want %v", tt.name, tt.item, got, tt.wantX)
		}
		for _, it := range lines[0].Items {
			if tt.runs[it.Run].Ruby != "" && math.Abs(it.Width-tt.wantWidth) > 1e-9 {
				t.Errorf("%s: ruby item %q %v wide, want %v", tt.name, it.Text, it.Width, tt.wantWidth)
			}
		}
	}
	// Next to Han the second 花 starts where the ruby box ends.
	lines := Paragraph([]Run{plain("花"), run("蝶", "ちょう"), plain("花")}, opt)
	if it := lines[0].Items[2]; it.X != 25 {
		t.Errorf("Han after mono ruby at %v, want 25", it.X)
	}
	// At the end of a line the overhang is given back: three ruby boxes
	// and kana, broken in a measure that holds two of them.
	narrow := Paragraph([]Run{run("蝶", "ちょう"), plain("が"), run("蝶", "ちょう"), plain("が")}, Options{Width: 45, Align: AlignLeft})
	for _, ln := range narrow {
		last := ln.Items[len(ln.Items)-1]
		if last.X+last.Width > 45+1e-9 {
			t.Errorf("line overflows: %+v", ln.Items)
		}
		for _, it := range ln.Items {
			if tt := it.Text; tt != "蝶" && tt != "が" {
				t.Errorf("ruby run split into %q", tt)
			}
		}
	}
}

func TestRubyLayout(t *testing.T) {
	f := fakeFace{}
	tests := []struct {
		run           Run
		width         float64
		baseX, baseSp float64
		rubyX, rubySp float64
	}{
		{Run{Text: "蝶", Ruby: "ちょう", Face: f, Size: 10}, 15, 2.5, 0, 0, 0},     // base centred
		{Run{Text: "東京都", Ruby: "と", Face: f, Size: 10}, 30, 0, 0, 12.5, 0},    // one ruby char centred
		{Run{Text: "東京都", Ruby: "とうきょう", Face: f, Size: 10}, 30, 0, 0, 0.5, 1}, // 25 of ruby in 30: 1:2:1
		{Run{Text: "東京", Ruby: "とうきょうと", Face: f, Size: 10}, 30, 2.5, 5, 0, 0}, // base spread 1:2:1
	}
	for _, tt := range tests {
		l := tt.run.RubyLayout(tt.width)
		if l.BaseX != tt.baseX || l.BaseSpacing != tt.baseSp || l.RubyX != tt.rubyX || l.RubySpacing != tt.rubySp || l.RubySize != 5 {
			t.Errorf("%s|%s in %v: %+v", tt.run.Text, tt.run.Ruby, tt.width, l)
		}
	}
}

// TestObject: an object run is one box of its width, breakable around.
func TestObject(t *testing.T) {
	f := fakeFace{}
	runs := []Run{{Text: "图标", Face: f, Size: 10}, {Text: "\uFFFC", Face: f, Size: 10, Object: 24}, {Text: "文字", Face: f, Size: 10}}
	lines := Paragraph(runs, Options{Width: 1000, Align: AlignLeft})
	items := lines[0].Items
	if len(items) != 5 || items[2].Run != 1 || items[2].X != 20 || items[2].Width != 24 || items[3].X < 20+24 {
		t.Errorf("items %+v", items)
	}
	lines = Paragraph(runs, Options{Width: 30, Align: AlignLeft})
	if len(lines) < 2 {
		t.Errorf("no break around the object: %+v", lines)
	}
}
