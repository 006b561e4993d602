// Package pdfw writes PDF files (ISO 32000-1): the layer under qikan's
// PDF backend that turns drawn pages into objects, so that the backend
// can write what archives and printers check — marked content, structure
// trees, output intents — without parsing anything back.
//
// A Writer writes indirect objects in any order (numbers come from
// Alloc, so objects can refer ahead), optionally packing the objects that
// are not streams into compressed object streams, and ends the file with a
// cross-reference table or stream whose file identifier is the MD5 of the
// body: the same objects always give the same bytes. Values are Go values
// (int, float64 with at most four decimals, bool, nil) and the PDF types
// Name, Ref, Text (a text string: ASCII literal or UTF-16BE), Bytes, Array
// and Dict (ordered, so output is deterministic).
//
// Content builds a content stream: graphics state, paths, colours in
// DeviceGray, DeviceRGB, DeviceCMYK or a named colour space (Separation,
// ICCBased), text shown by two-byte glyph codes with TJ adjustments the
// caller chooses, and marked content (BDC with an MCID or a property
// list, EMC) for tagged PDF.
//
// WriteFont embeds a TrueType program as a Type 0 font with a
// CIDFontType2 descendant (CIDs are glyph IDs, Identity CIDToGIDMap), its
// widths (W) and a ToUnicode CMap; it refuses to show glyph 0 (.notdef,
// which PDF/A forbids). ReadImage reads JPEG (kept as it is, with its ICC
// profile and the Adobe CMYK inversion), PNG (8-bit opaque grey and RGB
// keep their compressed data with PNG predictors; others are decoded,
// alpha becomes a soft mask) and GIF. WriteStructTree writes a structure
// tree of StructElems with marked-content and annotation kids, and the
// parent tree that maps them back.
//
// The package knows nothing of magazines; the PDF backend (export/pdf)
// decides what to draw and which standard to meet.
package pdfw
