package io.github.affect4j.heuristics.face;

/**
 * A face the cascade found, before cues are measured: a box in the pixels of the image the
 * cascade ran on, and how many raw detection windows were grouped into it.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, positive
 * @param height height, positive
 * @param neighbours the number of raw windows OpenCV grouped into this detection
 */
record FaceCandidate(int x, int y, int width, int height, int neighbours) {

    long area() {
        return (long) width * height;
    }

    /** The area both boxes cover. */
    long intersection(FaceCandidate other) {
        long ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        long iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        return ix * iy;
    }
}
