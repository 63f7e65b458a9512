package io.github.affect4j;

/**
 * An axis-aligned rectangle in source-image pixels; {@code (x, y)} is the top-left corner.
 *
 * @param x left edge, may be negative when a detector extends a box past the image border
 * @param y top edge, may be negative likewise
 * @param width width in pixels, positive
 * @param height height in pixels, positive
 */
public record BoundingBox(int x, int y, int width, int height) {

    /**
     * @param x the left edge
     * @param y the top edge
     * @param width the width in pixels
     * @param height the height in pixels
     * @throws IllegalArgumentException if width or height is not positive
     */
    public BoundingBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box size must be positive, got "
                    + width + "x" + height);
        }
    }

    /** {@return the area in square pixels} */
    public long area() {
        return (long) width * height;
    }

    /** {@return the horizontal centre} */
    public double centerX() {
        return x + width / 2.0;
    }

    /** {@return the vertical centre} */
    public double centerY() {
        return y + height / 2.0;
    }

    /**
     * Whether the point lies inside this box (edges included).
     *
     * @param px the point's x
     * @param py the point's y
     * @return whether the point lies inside
     */
    public boolean contains(double px, double py) {
        return px >= x && px <= (long) x + width && py >= y && py <= (long) y + height;
    }

    /**
     * Intersection over union with another box, in [0, 1].
     *
     * @param other the other box
     * @return the area both share divided by the area either covers
     */
    public double iou(BoundingBox other) {
        // In long: x + width overflows int for boxes far out on the axis.
        long ix = Math.max(0, Math.min((long) x + width, (long) other.x + other.width)
                - Math.max(x, other.x));
        long iy = Math.max(0, Math.min((long) y + height, (long) other.y + other.height)
                - Math.max(y, other.y));
        long intersection = ix * iy;
        return intersection / (double) (area() + other.area() - intersection);
    }
}
