package issue

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/lang"
)

func TestParseTrim(t *testing.T) {
	tests := []struct {
		in     string
		w, h   float64
		errMsg string
	}{
		{"210x285mm", 210, 285, ""},
		{"210 x 285 mm", 210, 285, ""},
		{"210mm×285mm", 210, 285, ""},
		{"21x28.5cm", 210, 285, ""},
		{"8.5x11in", 215.9, 279.4, ""},
		{"A4", 210, 297, ""},
		{"b5", 176, 250, ""},
		{"595.276x841.89pt", 210, 297, ""},
		{"210x285", 0, 0, "no unit"},
		{"10x10mm", 0, 0, "out of range"},
		{"2000x285mm", 0, 0, "out of range"},
		{"210mm", 0, 0, "WIDTHxHEIGHT"},
		{"ax285mm", 0, 0, "not a length"},
		{"", 0, 0, "WIDTHxHEIGHT"},
	}
	for _, tt := range tests {
		w, h, err := ParseTrim(tt.in)
		if tt.errMsg != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errMsg) {
				t.Errorf("ParseTrim(%q) error = %v, want %q", tt.in, err, tt.errMsg)
			}
			continue
		}
		if err != nil || math.Abs(w-tt.w) > 0.01 || math.Abs(h-tt.h) > 0.01 {
			t.Errorf("ParseTrim(%q) = %v, %v, %v; want %v, %v", tt.in, w, h, err, tt.w, tt.h)
		}
	}
}

func TestParseBleedColumns(t *testing.T) {
	for in, want := range map[string]float64{"3mm": 3, "0mm": 0, "0.5cm": 5, "0.125in": 3.175, "9pt": 3.175} {
		if got, err := ParseBleed(in); err != nil || math.Abs(got-want) > 0.001 {
			t.Errorf("ParseBleed(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"3", "-1mm", "25mm", "3 px", ""} {
		if _, err := ParseBleed(in); err == nil {
			t.Errorf("ParseBleed(%q) succeeded", in)
		}
	}
	for in, want := range map[string]int{"1": 1, "4": 4, " 2 ": 2} {
		if got, err := ParseColumns(in); err != nil || got != want {
			t.Errorf("ParseColumns(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"0", "5", "two", "1.5"} {
		if _, err := ParseColumns(in); err == nil {
			t.Errorf("ParseColumns(%q) succeeded", in)
		}
	}
}

func TestCheckISSN(t *testing.T) {
	good := map[string]string{"2096-7462": "2096-7462", "0317-8471": "0317-8471", "2434-561x": "2434-561X", "0000-0000": "0000-0000"}
	for in, want := range good {
		if got, err := checkISSN(in); err != nil || got != want {
			t.Errorf("checkISSN(%q) = %q, %v", in, got, err)
		}
	}
	bad := map[string]string{"2096-7463": "check digit", "20967462": "NNNN-NNNC", "ISSN 2096-7462": "NNNN-NNNC", "2096-746X": "check digit", "2096-74622": "NNNN-NNNC"}
	for in, msg := range bad {
		if _, err := checkISSN(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("checkISSN(%q) error = %v, want %q", in, err, msg)
		}
	}
}

func TestCheckCN(t *testing.T) {
	good := map[string]string{"CN 65-1309/D": "CN 65-1309/D", "65-1309/D": "CN 65-1309/D", "cn11-1234/tp": "CN 11-1234/TP", " CN 31-1234/G2 ": "CN 31-1234/G2"}
	for in, want := range good {
		if got, err := checkCN(in); err != nil || got != want {
			t.Errorf("checkCN(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"65-1309", "CN 651309/D", "CN 6-1309/D", "ISSN 2096-7462", "CN 65-1309/", "CN 65-1309/中"} {
		if _, err := checkCN(in); err == nil || !strings.Contains(err.Error(), "CN NN-NNNN/X") {
			t.Errorf("checkCN(%q) error = %v", in, err)
		}
	}
}

func TestParseDate(t *testing.T) {
	if d, err := parseDate("2024-02-29"); err != nil || d.Format("2006-01-02") != "2024-02-29" {
		t.Errorf("leap day: %v %v", d, err)
	}
	for in, msg := range map[string]string{"2025-02-29": "does not exist", "2025-02-30": "does not exist", "2025/3/1": "YYYY-MM-DD", "2025-3-1": "YYYY-MM-DD", "March 2025": "YYYY-MM-DD", "2025-03-28T00:00:00Z": "YYYY-MM-DD"} {
		if _, err := parseDate(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("parseDate(%q) error = %v, want %q", in, err, msg)
		}
	}
}

func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]string{"zh-CN": "zh-CN", "zh-hant-tw": "zh-Hant-TW", "ja": "ja", "ko-KR": "ko-KR", "en": "en"} {
		if got, err := parseLanguage(in); err != nil || got != want {
			t.Errorf("parseLanguage(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"chinese", "zh_CN!", "und", "x"} {
		if _, err := parseLanguage(in); err == nil {
			t.Errorf("parseLanguage(%q) succeeded", in)
		}
	}
}

func TestDerivedIdentifier(t *testing.T) {
	// Expected values from Python: uuid.uuid5(uuid.NAMESPACE_URL, title+"\n"+label).
	tests := []struct{ title, label, want string }{
		{"示例期刊", "2025年第1期", "urn:uuid:9d3b6f16-ddac-55ad-bafe-146073d9737c"},
		{"党员之友", "2025年第3期", "urn:uuid:48dabbb9-2a26-5044-9004-cc6347b9276c"},
	}
	for _, tt := range tests {
		if got := DerivedIdentifier(tt.title, tt.label); got != tt.want {
			t.Errorf("DerivedIdentifier(%q, %q) = %s, want %s", tt.title, tt.label, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ key, want string }{
		{"titel", "title"}, {"Title", "title"}, {"isssn", "issn"}, {"author", "authors"},
		{"colophone", "colophon"}, {"sectoins", "sections"}, {"foo", ""}, {"x", ""}, {"highlight", "highlights"},
	}
	for _, tt := range tests {
		if got := suggest(tt.key, issueKeys); tt.key == "author" {
			if got := suggest(tt.key, articleKeys); got != tt.want {
				t.Errorf("suggest(%q) = %q, want %q", tt.key, got, tt.want)
			}
		} else if got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestLooksGBK(t *testing.T) {
	if !looksGBK([]byte("\xd5\xe2\xca\xc7\xd6\xd0\xce\xc4")) { // 这是中文 in GBK
		t.Error("GBK Chinese not recognised")
	}
	if looksGBK([]byte("caf\xe9 d\xe9j\xe0")) { // Latin-1
		t.Error("Latin-1 taken for GBK")
	}
}

func TestParseIndent(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
		ok   bool
	}{{"2em", 2, true}, {"1", 1, true}, {" 1.5 em", 1.5, true}, {"0", 0, true}, {"5em", 0, false}, {"-1", 0, false}, {"two", 0, false}, {"NaN", 0, false}} {
		got, err := parseIndent(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseIndent(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestColophonRows(t *testing.T) {
	iss := &Issue{ISSN: "2096-7462", CN: "CN 65-1309/D", Number: "344",
		Colophon: []ColophonRow{{Label: "主办", Value: "某社"}, {Label: "刊号", Value: "CN 65 - 1309/D"}}}
	got := iss.ColophonRows(lang.For("zh-CN"), true)
	want := []ColophonRow{{"主办", "某社"}, {"刊号", "CN 65 - 1309/D"}, {"国际标准连续出版物号", "ISSN 2096-7462"}, {"总期号", "总第344期"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q\nwant %q", got, want)
	}
	if got := iss.ColophonRows(lang.For("ja"), false); len(got) != 3 || got[2] != (ColophonRow{"国際標準逐次刊行物番号", "ISSN 2096-7462"}) {
		t.Errorf("ja without the number: %q", got)
	}
	if got := (&Issue{}).ColophonRows(lang.For("en"), true); len(got) != 0 {
		t.Errorf("an issue without numbers: %q", got)
	}
}
