package pdf

// Where the filler of a region (region.go) puts floats: left over from the
// region before, across the text block at the top or foot of the region,
// or at the top or foot of a column, and when a float across the text
// block may go one column wide instead.

// placePending places the floats left over from before at the top of the
// region, in order, as long as they fit.
func (f *filler) placePending() {
	minCol := 0
	for len(f.st.pending) > 0 {
		fl := f.st.pending[0]
		ok := false
		if fl.span {
			ok = f.spanTop(fl) || f.spanFootPending(fl) || f.mayNarrow(fl) && f.columnTop(fl.narrow, &minCol)
		} else {
			ok = f.columnTop(fl, &minCol)
		}
		if !ok {
			return
		}
		f.st.pending = f.st.pending[1:]
	}
}

// spanTop places a float across the text block at the top of the region.
func (f *filler) spanTop(fl *float) bool {
	for _, p := range f.reg.floats {
		if p.col >= 0 && p.y < f.reg.top+eps {
			return false // the top holds column floats: the foot then
		}
	}
	for size, s := range fl.sizes {
		y := f.reg.top
		for _, col := range f.reg.cols {
			y = max(y, col.top)
		}
		if f.roomLeft(f.minBottom()-y-s.slot) && y+s.slot <= f.minBottom()+eps {
			f.placeSpan(fl, size, false)
			return true
		}
	}
	return false
}

// spanFootPending places a pending float across the text block at the
// foot of the region, when the top is taken by column floats.
func (f *filler) spanFootPending(fl *float) bool {
	if f.final {
		return false
	}
	for _, col := range f.reg.cols {
		if col.footFloat {
			return false
		}
	}
	for size, s := range fl.sizes {
		y := f.minBottom() - s.slot
		ok := true
		for _, col := range f.reg.cols {
			ok = ok && f.roomLeft(y-col.top)
		}
		if ok {
			f.placeSpan(fl, size, true)
			return true
		}
	}
	return false
}

// minBottom is the highest foot of the columns.
func (f *filler) minBottom() float64 {
	y := f.reg.bottom
	for _, col := range f.reg.cols {
		y = min(y, col.bottom)
	}
	return y
}

// placeSpan places a float across the text block at the top or the foot
// of the region.
func (f *filler) placeSpan(fl *float, size int, foot bool) {
	s := fl.sizes[size]
	if foot {
		y := f.minBottom() - s.slot
		for i := range f.reg.cols {
			f.reg.cols[i].bottom = y
		}
		f.reg.floats = append(f.reg.floats, placedFloat{f: fl, size: size, col: -1, y: y + s.slot - s.b.h})
		f.closeNarrow()
		return
	}
	y := f.reg.top
	for _, col := range f.reg.cols {
		y = max(y, col.top)
	}
	for i := range f.reg.cols {
		f.reg.cols[i].top, f.reg.cols[i].y = y+s.slot, y+s.slot
	}
	f.reg.floats = append(f.reg.floats, placedFloat{f: fl, size: size, col: -1, y: y})
	f.closeNarrow()
}

// columnTop places a column float at the top of the first column from
// *minCol on that has room for it.
func (f *filler) columnTop(fl *float, minCol *int) bool {
	topTaken := func(k int) bool {
		for _, p := range f.reg.floats {
			if p.col == k {
				return true
			}
		}
		return false
	}
	// A column whose top is free first, then one to stack in.
	for _, stacked := range []bool{false, true} {
		for size, s := range fl.sizes {
			for k := *minCol; k < len(f.reg.cols); k++ {
				col := &f.reg.cols[k]
				if col.n > 0 || topTaken(k) != stacked || !f.roomLeft(col.bottom-col.top-s.slot) {
					continue
				}
				f.reg.floats = append(f.reg.floats, placedFloat{f: fl, size: size, col: k, y: col.top})
				col.top += s.slot
				col.y = col.top
				col.other = true
				*minCol = k
				f.closeNarrow()
				return true
			}
		}
	}
	return false
}

// roomLeft reports whether a float fits a column whose room for text is
// left after it.
func (f *filler) roomLeft(left float64) bool { return left >= -eps }

// closeNarrow closes the empty columns whose room for text, between
// floats, is less than two lines: a lone line of text beside floats
// reads badly.
func (f *filler) closeNarrow() {
	for i := range f.reg.cols {
		col := &f.reg.cols[i]
		if room := col.bottom - col.top; col.n == 0 && room > eps && room < 2*f.g.pitch-eps {
			col.top, col.y = col.bottom, col.bottom
		}
	}
}

// meet handles the anchor of fl. It reports false when the region must be
// filled again with a decision about fl (see filler.replan).
func (f *filler) meet(fl *float, i int) bool {
	f.met[fl] = true
	for _, p := range f.plan {
		if p.f == fl {
			f.disorder = f.disorder || len(f.st.pending) > 0
			return true
		}
	}
	kept := f.keptAfter(i)
	if f.deferred[fl] && len(f.st.pending) == 0 && f.mayNarrow(fl) && f.columnFloat(fl.narrow, kept) {
		return true // it fits nowhere across the text block: one column wide
	}
	if f.deferred[fl] || len(f.st.pending) > 0 {
		f.st.pending = append(f.st.pending, fl)
		return true
	}
	if fl.span {
		if f.spanFoot(fl, kept) {
			return true
		}
		f.replan = fl
		return false
	}
	if !f.columnFloat(fl, kept) {
		f.st.pending = append(f.st.pending, fl)
	}
	return true
}

// mayNarrow reports whether fl, across the text block, may go one column
// wide in the region.
func (f *filler) mayNarrow(fl *float) bool {
	return fl.narrow != nil && (f.narrow == nil || f.narrow[fl])
}

// keptAfter is the height that the blocks after the anchor at i need in
// the current column because the block before the anchor keeps with them.
func (f *filler) keptAfter(i int) float64 {
	col := &f.reg.cols[f.cur]
	k := i - 1
	for k >= 0 && f.blocks[k].float != nil {
		k--
	}
	if k < 0 || col.n == 0 || !f.blocks[k].keep {
		return 0
	}
	j := i
	for j < len(f.blocks) && f.blocks[j].float != nil {
		j++
	}
	if j >= len(f.blocks) {
		return 0
	}
	nb := &f.blocks[j]
	y := col.y + nb.before
	if nb.grid {
		y = f.g.snap(y)
	}
	return f.chainEnd(j, y+nb.h) - col.y
}

// spanFoot places a float across the text block at the foot of the
// region while the flow is still in the first column.
func (f *filler) spanFoot(fl *float, kept float64) bool {
	if f.final || f.cur != 0 {
		return false
	}
	for _, col := range f.reg.cols[1:] {
		if col.n > 0 {
			return false
		}
	}
	for _, col := range f.reg.cols {
		if col.footFloat {
			return false
		}
	}
	for size, s := range fl.sizes {
		y := f.minBottom() - s.slot
		ok := y >= f.reg.cols[0].y+kept-eps
		for _, col := range f.reg.cols[1:] {
			ok = ok && f.roomLeft(y-col.top)
		}
		if ok {
			f.placeSpan(fl, size, true)
			return true
		}
	}
	return false
}

// columnFloat places a float one column wide met in the current column:
// where the text is (tables), at the foot of this column or at the top of
// the next one; at its natural size first, then smaller.
func (f *filler) columnFloat(fl *float, kept float64) bool {
	cols := f.reg.cols
	for size, s := range fl.sizes {
		col := &cols[f.cur]
		if fl.here {
			y := col.y
			if col.n > 0 {
				y = f.g.snap(y)
			}
			if y+s.slot <= col.bottom+eps {
				f.reg.floats = append(f.reg.floats, placedFloat{f: fl, size: size, col: f.cur, y: y + (s.slot-s.b.h)/2})
				col.y = y + s.slot
				col.n++
				col.other = true
				return true
			}
		}
		if y := col.bottom - s.slot; y >= col.y+kept-eps && !(f.final && f.cur == len(cols)-1) {
			f.reg.floats = append(f.reg.floats, placedFloat{f: fl, size: size, col: f.cur, y: y + s.slot - s.b.h})
			col.bottom = y
			col.other, col.footFloat = true, true
			return true
		}
		if f.cur+1 < len(cols) {
			next := &cols[f.cur+1]
			if next.n == 0 && f.roomLeft(next.bottom-next.top-s.slot) {
				f.reg.floats = append(f.reg.floats, placedFloat{f: fl, size: size, col: f.cur + 1, y: next.top})
				next.top += s.slot
				next.y = next.top
				next.other = true
				f.closeNarrow()
				return true
			}
		}
	}
	return false
}
