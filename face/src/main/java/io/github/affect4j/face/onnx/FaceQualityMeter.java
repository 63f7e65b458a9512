package io.github.affect4j.face.onnx;

import io.github.affect4j.FaceQuality;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Measures how fit a face is for emotion analysis and turns the measures into
 * {@link FaceQuality} flags. A face with any flag is not assessable.
 *
 * <table>
 *   <caption>Measures and thresholds</caption>
 *   <tr><th>measure</th><th>what</th><th>flag when</th></tr>
 *   <tr><td>faceSize</td><td>shorter side of the face box, source pixels</td>
 *       <td>SMALL: below {@code minFaceSize} (option, default 40)</td></tr>
 *   <tr><td>sharpness</td><td>variance of the 4-neighbour Laplacian of the face box resampled to
 *       64x64 gray (0..255)</td><td>BLURRY: below {@value #MIN_SHARPNESS}</td></tr>
 *   <tr><td>brightness</td><td>mean luminance of the face box, 0..1</td>
 *       <td>UNDEREXPOSED: below {@value #MIN_BRIGHTNESS}; OVEREXPOSED: above
 *       {@value #MAX_BRIGHTNESS}</td></tr>
 *   <tr><td>outsideFraction</td><td>share of the face box outside the image</td>
 *       <td>CUT_OFF: above {@value #MAX_OUTSIDE}</td></tr>
 *   <tr><td>yawDegrees</td><td>from the nose between the ear keypoints: 0 frontal, positive
 *       when the nose is towards the image's right</td><td>NON_FRONTAL: beyond
 *       &plusmn;{@value #MAX_YAW}</td></tr>
 *   <tr><td>rollDegrees</td><td>angle of the line through the eyes, positive clockwise on
 *       screen</td><td>NON_FRONTAL: beyond &plusmn;{@value #MAX_ROLL_ALIGNED} with alignment,
 *       &plusmn;{@value #MAX_ROLL_UNALIGNED} without</td></tr>
 *   <tr><td>confidence</td><td>the detector's score</td>
 *       <td>LOW_CONFIDENCE: below {@value #MIN_CONFIDENCE}; for an image read whole, below
 *       {@value #MIN_CONFIDENCE_WHOLE_IMAGE} (front detector: {@value
 *       #MIN_CONFIDENCE_WHOLE_IMAGE_FRONT})</td></tr>
 *   <tr><td>topProbability</td><td>the calibrated probability of the dominant emotion</td>
 *       <td>UNCERTAIN: below {@value #MIN_TOP_PROBABILITY}</td></tr>
 * </table>
 *
 * <p>NON_FRONTAL is raised for detected faces only. The UNCERTAIN and whole-image thresholds
 * were chosen on FER val (MODELS.md, "Calibration and the quality flag") so that a minority of
 * faces, markedly less often right than the rest, is flagged; the others are reasoned limits.
 */
final class FaceQualityMeter {

    static final int PATCH = 64;
    static final double MIN_SHARPNESS = 60;
    static final double MIN_BRIGHTNESS = 0.15;
    static final double MAX_BRIGHTNESS = 0.90;
    static final double MAX_OUTSIDE = 0.10;
    static final double MAX_YAW = 40;
    static final double MAX_ROLL_ALIGNED = 45;
    static final double MAX_ROLL_UNALIGNED = 25;
    static final double MIN_CONFIDENCE = 0.75;
    /**
     * LOW_CONFIDENCE threshold for an image read whole (a face crop), back (256) detector:
     * chosen on FER val, where crops the detector scored below it (3%) were right 34% of the
     * time against 61% above 0.75, while those between 0.6 and 0.75 (13%) were right 55% of
     * the time.
     */
    static final double MIN_CONFIDENCE_WHOLE_IMAGE = 0.6;
    /**
     * The same for the front (128) detector of {@code mode=fast}, which sees crops unpadded and
     * scores small ones low whatever they show: on FER val its crops below 0.6 (20%) were right
     * 45-49% of the time against 59-62% above, not markedly worse, so only a crop in which it
     * found no face at all (below the default {@code minConfidence}, 0.5) is flagged.
     */
    static final double MIN_CONFIDENCE_WHOLE_IMAGE_FRONT = 0.5;
    /**
     * UNCERTAIN threshold on the calibrated probability of the dominant emotion: chosen on FER
     * val with the face-api net alone (the classifier FER val is honest for), where the 16.5% of
     * faces below it were right 31% of the time against 65% for the rest (MODELS.md).
     */
    static final double MIN_TOP_PROBABILITY = 0.30;

    private final int minFaceSize;
    private final boolean aligned;
    private final double minConfidenceWholeImage;

    /**
     * @param minFaceSize the option {@code minFaceSize}
     * @param aligned whether crops are levelled by the eyes (option {@code align})
     * @param detectorSize the BlazeFace input size, 256 (back) or 128 (front)
     */
    FaceQualityMeter(int minFaceSize, boolean aligned, int detectorSize) {
        this.minFaceSize = minFaceSize;
        this.aligned = aligned;
        this.minConfidenceWholeImage = detectorSize == 128
                ? MIN_CONFIDENCE_WHOLE_IMAGE_FRONT : MIN_CONFIDENCE_WHOLE_IMAGE;
    }

    /**
     * @param patch the face box as {@value #PATCH}x{@value #PATCH} HWC RGB, NaN outside the image
     * @param box x1, y1, x2, y2 in source pixels
     * @param keypoints BlazeFace keypoints in source pixels, or null for a caller's crop
     * @param confidence the detector score, or 1 for a caller's crop
     * @param wholeImage whether the whole image was read as the face (a crop): the detection
     *     only confirms it, so its keypoints raise no NON_FRONTAL and LOW_CONFIDENCE takes the
     *     lower {@link #MIN_CONFIDENCE_WHOLE_IMAGE} (or {@link #MIN_CONFIDENCE_WHOLE_IMAGE_FRONT})
     * @param topProbability the calibrated probability of the dominant emotion
     */
    FaceQuality assess(float[] patch, float[] box, int imageWidth, int imageHeight,
                       float[] keypoints, double confidence, boolean wholeImage,
                       double topProbability) {
        Map<String, Double> measures = new LinkedHashMap<>();
        Set<FaceQuality.Flag> flags = EnumSet.noneOf(FaceQuality.Flag.class);

        double bw = box[2] - box[0];
        double bh = box[3] - box[1];
        double size = Math.min(bw, bh);
        measures.put("faceSize", round(size, 1));
        if (size < minFaceSize) {
            flags.add(FaceQuality.Flag.SMALL);
        }

        float[] gray = new float[PATCH * PATCH];
        double sum = 0;
        int valid = 0;
        for (int i = 0, p = 0; i < gray.length; i++, p += 3) {
            gray[i] = 0.299f * patch[p] + 0.587f * patch[p + 1] + 0.114f * patch[p + 2];
            if (!Float.isNaN(gray[i])) {
                sum += gray[i];
                valid++;
            }
        }
        double brightness = valid == 0 ? 0 : sum / valid / 255.0;
        measures.put("brightness", round(brightness, 3));
        double squares = 0;
        for (float g : gray) {
            if (!Float.isNaN(g)) {
                double d = g / 255.0 - brightness;
                squares += d * d;
            }
        }
        measures.put("contrast", round(valid == 0 ? 0 : Math.sqrt(squares / valid), 3));
        if (brightness < MIN_BRIGHTNESS) {
            flags.add(FaceQuality.Flag.UNDEREXPOSED);
        } else if (brightness > MAX_BRIGHTNESS) {
            flags.add(FaceQuality.Flag.OVEREXPOSED);
        }

        double sharpness = laplacianVariance(gray);
        measures.put("sharpness", round(sharpness, 1));
        if (sharpness < MIN_SHARPNESS) {
            flags.add(FaceQuality.Flag.BLURRY);
        }

        double inside = Math.max(0, Math.min(box[2], imageWidth) - Math.max(box[0], 0))
                * Math.max(0, Math.min(box[3], imageHeight) - Math.max(box[1], 0));
        double outside = bw * bh > 0 ? 1 - inside / (bw * bh) : 1;
        measures.put("outsideFraction", round(outside, 3));
        if (outside > MAX_OUTSIDE) {
            flags.add(FaceQuality.Flag.CUT_OFF);
        }

        if (keypoints != null) {
            double roll = Math.toDegrees(rollRadians(keypoints));
            double yaw = yawDegrees(keypoints);
            measures.put("rollDegrees", round(roll, 1));
            measures.put("yawDegrees", round(yaw, 1));
            double maxRoll = aligned ? MAX_ROLL_ALIGNED : MAX_ROLL_UNALIGNED;
            // On a crop read whole (48 px FER faces, say) the keypoints are too rough to judge
            // the pose: there, faces past these limits were right 48% of the time against 60%.
            if (!wholeImage && (Math.abs(yaw) > MAX_YAW || Math.abs(roll) > maxRoll)) {
                flags.add(FaceQuality.Flag.NON_FRONTAL);
            }
        }

        measures.put("confidence", round(confidence, 4));
        if (confidence < (wholeImage ? minConfidenceWholeImage : MIN_CONFIDENCE)) {
            flags.add(FaceQuality.Flag.LOW_CONFIDENCE);
        }

        measures.put("topProbability", round(topProbability, 4));
        if (topProbability < MIN_TOP_PROBABILITY) {
            flags.add(FaceQuality.Flag.UNCERTAIN);
        }
        return new FaceQuality(flags.isEmpty(), flags, measures);
    }

    /** Angle of the line from the image-left eye to the image-right eye, radians. */
    static double rollRadians(float[] k) {
        return Math.atan2(k[2 * BlazeFace.EYE_IMAGE_RIGHT + 1] - k[2 * BlazeFace.EYE_IMAGE_LEFT + 1],
                k[2 * BlazeFace.EYE_IMAGE_RIGHT] - k[2 * BlazeFace.EYE_IMAGE_LEFT]);
    }

    /**
     * Yaw from where the nose lies between the two ear keypoints, measured along the eye line:
     * halfway is frontal, at an ear is 90 degrees. A rough estimate (BlazeFace's ear points
     * are regions, not landmarks); good enough to flag heads turned far away.
     */
    static double yawDegrees(float[] k) {
        double angle = rollRadians(k);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double left = k[2 * BlazeFace.EAR_IMAGE_LEFT] * cos + k[2 * BlazeFace.EAR_IMAGE_LEFT + 1] * sin;
        double right = k[2 * BlazeFace.EAR_IMAGE_RIGHT] * cos
                + k[2 * BlazeFace.EAR_IMAGE_RIGHT + 1] * sin;
        double nose = k[2 * BlazeFace.NOSE] * cos + k[2 * BlazeFace.NOSE + 1] * sin;
        double span = right - left;
        if (span < 1e-3) {
            return nose > (left + right) / 2 ? 90 : -90;
        }
        double r = (nose - left) / span;
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, 2 * r - 1))));
    }

    /** Variance of the 4-neighbour Laplacian over the pixels whose neighbours are all valid. */
    static double laplacianVariance(float[] gray) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < PATCH - 1; y++) {
            for (int x = 1; x < PATCH - 1; x++) {
                int i = y * PATCH + x;
                double lap = gray[i - PATCH] + gray[i + PATCH] + gray[i - 1] + gray[i + 1]
                        - 4.0 * gray[i];
                if (Double.isNaN(lap)) {
                    continue;
                }
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        if (n < 16) {
            return 0;
        }
        double mean = sum / n;
        return Math.max(0, sumSq / n - mean * mean);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
