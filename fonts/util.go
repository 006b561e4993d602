package fonts

import "slices"

func sortRunes(rs []rune) { slices.Sort(rs) }
