package pdf

// imageMatrix returns the transformation (a b c d e f) that draws an
// image XObject, whose unit square holds the stored pixels (first row at
// the top), turned by EXIF orientation o into the box of width w and
// height h whose lower left corner is (x, y): the image is shown as its
// orientation says, and its JPEG or PNG data goes into the PDF unchanged.
// Orientations: 2 mirrored, 3 turned half round, 4 mirrored upside down,
// 5 mirrored across the main diagonal, 6 turned a quarter clockwise, 7
// mirrored across the other diagonal, 8 turned a quarter anticlockwise.
func imageMatrix(o int, w, h, x, y float64) (a, b, c, d, e, f float64) {
	// The shown image's coordinates (p, q) in [0, 1], left to right and
	// bottom to top, as p = A·u + B·v + C and q = D·u + E·v + F of the
	// stored image's (u, v).
	m := map[int][6]float64{
		2: {-1, 0, 1, 0, 1, 0},
		3: {-1, 0, 1, 0, -1, 1},
		4: {1, 0, 0, 0, -1, 1},
		5: {0, -1, 1, -1, 0, 1},
		6: {0, 1, 0, -1, 0, 1},
		7: {0, 1, 0, 1, 0, 0},
		8: {0, -1, 1, 1, 0, 0},
	}[o]
	if o < 2 || o > 8 {
		m = [6]float64{1, 0, 0, 0, 1, 0}
	}
	return w * m[0], h * m[3], w * m[1], h * m[4], x + w*m[2], y + h*m[5]
}
