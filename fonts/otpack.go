package fonts

import (
	"encoding/binary"
	"errors"
)

// OpenType layout tables (GSUB, GPOS, GDEF) are graphs of small tables
// that point to each other by offsets relative to their own start, most
// of them 16-bit. Web subsets write them as such a graph of otObj values
// and pack it here: breadth first from the root, identical leaf tables
// (coverages, class definitions, anchors) stored once, each offset filled
// in when every position is known. A target of a 32-bit offset (the
// subtable of an Extension lookup) is packed as a separate block after
// the rest, with its own descendants right behind it, so that no 16-bit
// offset ever has to span another subtable's data.

// otObj is one table of a layout graph: its bytes, with the offset fields
// zero, and the links that fill them.
type otObj struct {
	data  []byte
	links []otLink
}

// otLink is an offset field of an otObj.
type otLink struct {
	at   int    // position of the field in data
	wide bool   // Offset32 (else Offset16)
	to   *otObj // the table pointed to, relative to the start of the owner
}

// errOffsetOverflow reports a layout graph whose 16-bit offsets cannot
// reach their targets.
var errOffsetOverflow = errors.New("layout table too large for 16-bit offsets")

// newObj returns an object of size zero bytes.
func newObj(size int) *otObj { return &otObj{data: make([]byte, size)} }

func (o *otObj) u16(v int) { o.data = binary.BigEndian.AppendUint16(o.data, uint16(v)) }

// link16 appends a 16-bit offset to to (none when to is nil: NULL).
func (o *otObj) link16(to *otObj) {
	if to != nil {
		o.links = append(o.links, otLink{at: len(o.data), to: to})
	}
	o.data = append(o.data, 0, 0)
}

// link32 appends a 32-bit offset to to.
func (o *otObj) link32(to *otObj) {
	if to != nil {
		o.links = append(o.links, otLink{at: len(o.data), wide: true, to: to})
	}
	o.data = append(o.data, 0, 0, 0, 0)
}

// linkAt sets the 16-bit offset field at position at to point to to.
func (o *otObj) linkAt(at int, to *otObj) {
	if to != nil {
		o.links = append(o.links, otLink{at: at, to: to})
	}
}

// packLayout writes the graph under root as one table.
func packLayout(root *otObj) ([]byte, error) {
	var out []byte
	type wideField struct {
		field, base int
		to          *otObj
	}
	var wides []wideField
	blockPos := map[*otObj]int{}
	blocks := []*otObj{root}
	for len(blocks) > 0 {
		block := blocks[0]
		blocks = blocks[1:]
		if _, done := blockPos[block]; done {
			continue
		}
		// One block: breadth first through 16-bit offsets. A leaf table
		// is shared with an identical one placed after the table that
		// points to it (offsets are unsigned); other tables are placed
		// once per link (the writers never share them).
		type placed struct {
			obj *otObj
			at  int
		}
		leafPos := map[string]int{}
		blockPos[block] = len(out)
		queue := []placed{{block, len(out)}}
		out = append(out, block.data...)
		for i := 0; i < len(queue); i++ {
			o, base := queue[i].obj, queue[i].at
			for _, l := range o.links {
				if l.wide {
					wides = append(wides, wideField{base + l.at, base, l.to})
					blocks = append(blocks, l.to)
					continue
				}
				at, ok := -1, false
				if len(l.to.links) == 0 {
					at, ok = leafPos[string(l.to.data)]
				}
				if !ok || at <= base {
					at = len(out)
					out = append(out, l.to.data...)
					if len(l.to.links) == 0 {
						leafPos[string(l.to.data)] = at
					} else {
						queue = append(queue, placed{l.to, at})
					}
				}
				d := at - base
				if d > 0xFFFF {
					return nil, errOffsetOverflow
				}
				binary.BigEndian.PutUint16(out[base+l.at:], uint16(d))
			}
		}
	}
	for _, w := range wides {
		binary.BigEndian.PutUint32(out[w.field:], uint32(blockPos[w.to]-w.base))
	}
	return out, nil
}
