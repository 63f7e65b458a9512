package io.github.affect4j.heuristics.voice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Energy-based voice activity detection with an adaptive noise floor.
 *
 * <p>The noise floor is the minimum frame energy over the last 3 seconds (minimum statistics,
 * kept as twelve 250 ms block minima), never below {@value #FLOOR_MIN_DB} dBFS, about the
 * quantisation noise of 16-bit audio, so that digital silence does not make every faint rounding
 * error speech while quiet recordings are still analysed relative to their own level. A frame
 * must also lie within {@value #DYNAMIC_RANGE_DB} dB of the loudest frame of the last 3 seconds:
 * where the floor is that of digital silence, this keeps the decision relative to the speech
 * level, so that a clip scaled down is segmented as before. Speech starts when {@value #ONSET_FRAMES}
 * consecutive frames rise {@code vadThresholdDb} above the floor; it continues through frames
 * within {@value #HYSTERESIS_DB} dB less than that, and ends after {@code pauseSeconds} without
 * such a frame. The segment runs from its first to its last speech frame; speech longer than
 * {@code maxSegmentSeconds} is cut there. A segment is kept only if it lasts
 * {@code minSegmentSeconds} and has at least {@value #MIN_VOICED_FRAMES} frames with a pitch:
 * clicks, bumps and noise bursts without voicing are not speech.
 *
 * <p>Memory: at most {@code maxSegmentSeconds} of frames.
 * Not thread-safe.
 */
final class SpeechSegmenter {

    static final double FLOOR_MIN_DB = -100;
    static final double DYNAMIC_RANGE_DB = 50;
    static final int ONSET_FRAMES = 3;
    static final double HYSTERESIS_DB = 4;
    static final int MIN_VOICED_FRAMES = 5;
    private static final int BLOCK_FRAMES = 25;
    private static final int BLOCKS = 12;

    /** Receives each finished segment. */
    interface Sink {
        void accept(SpeechSpan span);
    }

    private final double startDb;
    private final double continueDb;
    private final int pauseFrames;
    private final int minFrames;
    private final int maxFrames;

    private final double[] blockMinima = new double[BLOCKS];
    private final double[] blockMaxima = new double[BLOCKS];
    private int blocksFilled;
    private int blockPosition;
    private double currentMinimum = Double.POSITIVE_INFINITY;
    private double currentMaximum = Double.NEGATIVE_INFINITY;
    private int framesInBlock;

    private final ArrayDeque<Frame> onset = new ArrayDeque<>(ONSET_FRAMES);
    private final List<Frame> frames = new ArrayList<>();
    private boolean[] active = new boolean[256];
    private boolean speaking;
    private int lastActive;

    SpeechSegmenter(VoiceSettings settings) {
        this.startDb = settings.vadThresholdDb();
        this.continueDb = settings.vadThresholdDb() - HYSTERESIS_DB;
        this.pauseFrames = frames(settings.pauseSeconds());
        this.minFrames = Math.max(1, frames(settings.minSegmentSeconds()));
        this.maxFrames = frames(settings.maxSegmentSeconds());
    }

    void accept(Frame frame, Sink sink) {
        double floor = updateFloor(frame.energyDb());
        double lowest = peakDb() - DYNAMIC_RANGE_DB;
        if (!speaking) {
            if (frame.energyDb() > Math.max(floor + startDb, lowest)) {
                onset.addLast(frame);
                if (onset.size() == ONSET_FRAMES) {
                    speaking = true;
                    for (Frame f : onset) {
                        add(f, true);
                    }
                    onset.clear();
                }
            } else {
                onset.clear();
            }
            return;
        }
        add(frame, frame.energyDb() > Math.max(floor + continueDb, lowest));
        int last = frames.size() - 1;
        if (last - lastActive >= pauseFrames || frames.size() >= maxFrames) {
            end(sink);
        }
    }

    /** Ends the segment in progress, if any. */
    void flush(Sink sink) {
        if (speaking) {
            end(sink);
        }
        onset.clear();
    }

    /** Frames held: the segment in progress plus a possible onset. */
    int retainedFrames() {
        return frames.size() + onset.size();
    }

    /** Capacity of the activity flags, to check they stay bounded. */
    int flagCapacity() {
        return active.length;
    }

    /** The noise floor now, in dBFS. */
    double noiseFloorDb() {
        double floor = currentMinimum;
        for (int i = 0; i < blocksFilled; i++) {
            floor = Math.min(floor, blockMinima[i]);
        }
        return Math.max(FLOOR_MIN_DB, floor);
    }

    /** The loudest frame energy of the last 3 seconds, in dBFS. */
    double peakDb() {
        double peak = currentMaximum;
        for (int i = 0; i < blocksFilled; i++) {
            peak = Math.max(peak, blockMaxima[i]);
        }
        return peak;
    }

    /** Adds a frame's energy to the minimum and maximum statistics; returns the floor. */
    private double updateFloor(double energyDb) {
        currentMinimum = Math.min(currentMinimum, energyDb);
        currentMaximum = Math.max(currentMaximum, energyDb);
        double floor = noiseFloorDb();
        if (++framesInBlock == BLOCK_FRAMES) {
            blockMinima[blockPosition] = currentMinimum;
            blockMaxima[blockPosition] = currentMaximum;
            blockPosition = (blockPosition + 1) % BLOCKS;
            blocksFilled = Math.min(BLOCKS, blocksFilled + 1);
            currentMinimum = Double.POSITIVE_INFINITY;
            currentMaximum = Double.NEGATIVE_INFINITY;
            framesInBlock = 0;
        }
        return floor;
    }

    private void add(Frame frame, boolean isActive) {
        int i = frames.size();
        if (i == active.length) {
            active = Arrays.copyOf(active, 2 * active.length);
        }
        frames.add(frame);
        active[i] = isActive;
        if (isActive) {
            lastActive = i;
        }
    }

    private void end(Sink sink) {
        int length = lastActive + 1;
        int voiced = 0;
        for (int i = 0; i < length; i++) {
            if (active[i] && frames.get(i).voiced()) {
                voiced++;
            }
        }
        SpeechSpan span = length >= minFrames && voiced >= MIN_VOICED_FRAMES
                ? new SpeechSpan(frames.subList(0, length), Arrays.copyOf(active, length))
                : null;
        frames.clear();
        speaking = false;
        lastActive = 0;
        if (span != null) {
            sink.accept(span);
        }
    }

    private static int frames(double seconds) {
        return (int) Math.round(seconds / Frame.HOP_SECONDS);
    }
}
