package layout

// Test helpers shared with the external test package layout_test.
var (
	CheckInvariants = checkInvariants
	LineTexts       = lineTexts
)
