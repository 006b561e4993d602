package issue

import (
	"crypto/sha1"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/qikan-dev/qikan/lang"
)

// parseDate parses a publication date written YYYY-MM-DD. The error says
// what is wrong in words a user can act on.
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err == nil {
		return t, nil
	}
	if isoDate.MatchString(s) {
		return time.Time{}, fmt.Errorf("date %q does not exist", s)
	}
	return time.Time{}, fmt.Errorf("date %q is not written YYYY-MM-DD", s)
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// parseLanguage checks a BCP 47 tag and returns its canonical form.
func parseLanguage(s string) (string, error) {
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return "", fmt.Errorf("%q is not a BCP 47 language tag", s)
	}
	return tag.String(), nil
}

var issnPattern = regexp.MustCompile(`^\d{4}-\d{3}[\dXx]$`)

// checkISSN verifies the form NNNN-NNNC and the check digit C (mod 11,
// weights 8…2, 10 written X). It returns the ISSN with an upper-case X.
func checkISSN(s string) (string, error) {
	if !issnPattern.MatchString(s) {
		return "", fmt.Errorf("ISSN %q is not written NNNN-NNNC", s)
	}
	digits := strings.ReplaceAll(strings.ToUpper(s), "-", "")
	sum := 0
	for i := range 7 {
		sum += int(digits[i]-'0') * (8 - i)
	}
	check := (11 - sum%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	if digits[7] != want {
		return "", fmt.Errorf("ISSN %q has a wrong check digit (expected %c)", s, want)
	}
	return strings.ToUpper(s), nil
}

// cnPattern is a China Standard Serial Number (国内统一连续出版物号,
// GB/T 9999.1): CN, two digits of the region, a hyphen, four digits of the
// serial and, after a slash, its classification (Chinese Library
// Classification letters, e.g. D, TP, G2).
var cnPattern = regexp.MustCompile(`^(?:CN\s*)?([0-9]{2})-([0-9]{4})/([A-Z][A-Z0-9.]{0,7})$`)

// checkCN checks a CN number and writes it the standard way, CN 65-1309/D.
func checkCN(s string) (string, error) {
	m := cnPattern.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return "", fmt.Errorf("CN number %q is not written CN NN-NNNN/X", s)
	}
	return "CN " + m[1] + "-" + m[2] + "/" + m[3], nil
}

// namespaceURL is the RFC 9562 name space for URLs; qikan names an issue
// by "title\nlabel" within it.
var namespaceURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// DerivedIdentifier returns "urn:uuid:" and the name-based (version 5,
// SHA-1) UUID of title+"\n"+label: stable across runs and machines. It is
// the identifier of an issue whose issue.yaml gives none, for the loader
// and for a backend given an issue made in code.
func DerivedIdentifier(title, label string) string {
	h := sha1.New()
	h.Write(namespaceURL[:])
	h.Write([]byte(title + "\n" + label))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// Print defaults (mm) and sane ranges.
const (
	defaultTrimWidth  = 210
	defaultTrimHeight = 285
	defaultBleed      = 3
	defaultColumns    = 2
	minTrim, maxTrim  = 50, 1200 // mm
	maxBleed          = 20       // mm
	maxColumns        = 4
)

// trimPresets are the named trim sizes (ISO 216/269; B5 is ISO B5).
var trimPresets = map[string][2]float64{
	"A3": {297, 420},
	"A4": {210, 297},
	"A5": {148, 210},
	"B4": {250, 353},
	"B5": {176, 250},
	"B6": {125, 176},
}

var unitMM = map[string]float64{"mm": 1, "cm": 10, "in": 25.4, "pt": 25.4 / 72}

var lengthPattern = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|pt)?$`)

// ParseLength parses a length such as "3mm", "0.5cm", "0.125in" or "9pt"
// and returns it in millimetres. A unit is required.
func ParseLength(s string) (float64, error) {
	m := lengthPattern.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, fmt.Errorf("%q is not a length like 3mm, 0.3cm, 0.125in or 9pt", s)
	}
	if m[2] == "" {
		return 0, fmt.Errorf("%q has no unit (write mm, cm, in or pt)", s)
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v * unitMM[m[2]], nil
}

// ParseTrim parses a trim size: a preset (A4, B5, A5, …) or WIDTHxHEIGHT
// with a unit, such as 210x285mm, 21x28.5cm, 8.5x11in or 210mm x 285mm.
// It returns width and height in millimetres, checked against sane ranges.
func ParseTrim(s string) (w, h float64, err error) {
	t := strings.TrimSpace(s)
	if p, ok := trimPresets[strings.ToUpper(t)]; ok {
		return p[0], p[1], nil
	}
	parts := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return r == 'x' || r == '×' || r == '*' })
	if len(parts) != 2 {
		return 0, 0, fmt.Errorf("trim %q is not WIDTHxHEIGHT with a unit (e.g. 210x285mm) or a preset (A4, B5)", s)
	}
	a, b := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	// "210x285mm": the unit of the height applies to the width too.
	if m := lengthPattern.FindStringSubmatch(a); m != nil && m[2] == "" {
		if mb := lengthPattern.FindStringSubmatch(b); mb != nil {
			a += mb[2]
		}
	}
	if w, err = ParseLength(a); err == nil {
		h, err = ParseLength(b)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("trim %q: %v", s, err)
	}
	for _, v := range []float64{w, h} {
		if v < minTrim || v > maxTrim {
			return 0, 0, fmt.Errorf("trim %q is out of range (each side %d–%d mm)", s, minTrim, maxTrim)
		}
	}
	return w, h, nil
}

// ParseBleed parses a bleed length and checks it is between 0 and 20 mm.
func ParseBleed(s string) (float64, error) {
	v, err := ParseLength(s)
	if err != nil {
		return 0, fmt.Errorf("bleed: %v", err)
	}
	if v > maxBleed {
		return 0, fmt.Errorf("bleed %q is out of range (0–%d mm)", s, maxBleed)
	}
	return v, nil
}

// ParseColumns parses a column count between 1 and 4.
func ParseColumns(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > maxColumns {
		return 0, fmt.Errorf("columns %q must be a whole number from 1 to %d", s, maxColumns)
	}
	return n, nil
}

// parseIndent reads the first-line indent of body paragraphs: a number of
// em from 0 to 4, "2", "2em", "1.5 em".
func parseIndent(s string) (float64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.ToLower(s)), "em"))
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || !(v >= 0 && v <= 4) {
		return 0, fmt.Errorf("indent %q is not a number of em from 0 to 4", s)
	}
	return v, nil
}

// ColophonRows are the rows of the colophon (版权页): the issue's own, then
// the ISSN, the CN number and, with number, the running number (written
// the language's way: 总第344期, 通巻344号 …), each under l's label and
// only where no row of the issue shows it already. Both backends print
// these.
func (iss *Issue) ColophonRows(l *lang.Lang, number bool) []ColophonRow {
	rows := append([]ColophonRow(nil), iss.Colophon...)
	shown := func(s string) bool {
		s = strings.ReplaceAll(s, " ", "")
		for _, r := range iss.Colophon {
			if strings.Contains(strings.ReplaceAll(r.Value, " ", ""), s) {
				return true
			}
		}
		return false
	}
	add := func(label, value, key string) {
		if key != "" && !shown(key) {
			rows = append(rows, ColophonRow{Label: label, Value: value})
		}
	}
	add(l.Labels.ISSN, "ISSN "+iss.ISSN, iss.ISSN)
	add(l.Labels.CN, iss.CN, strings.TrimPrefix(iss.CN, "CN "))
	if number {
		n := l.Number(iss.Number)
		add(l.Labels.RunningNumber, n, n)
	}
	return rows
}
