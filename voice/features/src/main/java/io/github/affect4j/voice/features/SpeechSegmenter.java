package io.github.affect4j.voice.features;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Energy-based voice activity detection with an adaptive noise floor, independent of the
 * recording level.
 *
 * <p>The noise floor is the lowest frame energy of the last 3 s (twelve 250 ms block minima),
 * never below {@value #FLOOR_MIN_DB} dBFS (about the quantisation noise of 16-bit audio). A
 * frame must also lie within {@value #DYNAMIC_RANGE_DB} dB of the loudest frame of the last 3 s,
 * so that over digital silence the decision stays relative to the speech level and a clip
 * scaled down is segmented as before. Speech starts when {@value #ONSET_FRAMES} consecutive
 * frames rise {@link SegmenterSettings#startDb()} above the floor, continues through frames
 * {@link SegmenterSettings#continueDb()} above it, and ends after
 * {@link SegmenterSettings#pauseSeconds()} without such a frame; longer speech is cut every
 * {@link SegmenterSettings#maxSegmentSeconds()}. A segment is kept if it lasts
 * {@link SegmenterSettings#minSegmentSeconds()} and has {@value #MIN_VOICED_FRAMES} voiced
 * frames: clicks and noise bursts are not speech.
 *
 * <p>With a {@link VoiceActivityModel}, a frame starts speech when the model's latest speech
 * probability reaches its onset threshold and continues it at or above its offset threshold;
 * the energy floor is not used, the other rules (onset frames, pause, lengths, voiced frames)
 * stay.
 *
 * <p>Memory: at most one segment of frames. Not thread-safe.
 */
public final class SpeechSegmenter {

    /** The lowest noise floor, in dBFS. */
    public static final double FLOOR_MIN_DB = -100;
    /** Speech lies within this many dB of the loudest frame of the last 3 s. */
    public static final double DYNAMIC_RANGE_DB = 50;
    /** Consecutive speech frames that start a segment. */
    public static final int ONSET_FRAMES = 3;
    /** Voiced speech frames a segment needs to be kept. */
    public static final int MIN_VOICED_FRAMES = 5;
    private static final int BLOCK_FRAMES = 25;
    private static final int BLOCKS = 12;

    /** Receives each finished segment. */
    public interface Sink {
        /** @param span the next segment, in order */
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
    private final VoiceActivityModel model;
    private final VoiceActivityModel.Tracker tracker;

    /**
     * A segmenter judging frames by a model's tracker, or by energy when both are null.
     *
     * @param settings thresholds and timing
     * @param model the speech detector model, or null for the energy detector
     * @param tracker the model's tracker for this clip or stream, null exactly when the model is
     * @throws IllegalArgumentException if only one of model and tracker is null
     */
    public SpeechSegmenter(SegmenterSettings settings, VoiceActivityModel model,
                           VoiceActivityModel.Tracker tracker) {
        if ((model == null) != (tracker == null)) {
            throw new IllegalArgumentException("a model needs its tracker and a tracker its model");
        }
        this.startDb = settings.startDb();
        this.continueDb = settings.continueDb();
        this.pauseFrames = frames(settings.pauseSeconds());
        this.minFrames = Math.max(1, frames(settings.minSegmentSeconds()));
        this.maxFrames = frames(settings.maxSegmentSeconds());
        this.model = model;
        this.tracker = tracker;
    }

    /**
     * Takes the next frame; a segment it ends goes to the sink.
     *
     * @param frame the next frame, in order
     * @param sink receives a finished segment
     */
    public void accept(Frame frame, Sink sink) {
        double floor = updateStatistics(frame.energyDb());
        double lowest = peakDb() - DYNAMIC_RANGE_DB;
        double p = tracker != null ? tracker.speechProbability(frame.endSample()) : Double.NaN;
        if (!speaking) {
            boolean starts = tracker != null ? p >= model.onsetThreshold()
                    : frame.energyDb() > Math.max(floor + startDb, lowest);
            if (starts) {
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
        add(frame, tracker != null ? p >= model.offsetThreshold()
                : frame.energyDb() > Math.max(floor + continueDb, lowest));
        if (frames.size() - 1 - lastActive >= pauseFrames || frames.size() >= maxFrames) {
            end(sink);
        }
    }

    /**
     * Ends the segment in progress, if any.
     *
     * @param sink receives it
     */
    public void flush(Sink sink) {
        if (speaking) {
            end(sink);
        }
        onset.clear();
    }

    /** @return frames held: the segment in progress plus a possible onset */
    public int retainedFrames() {
        return frames.size() + onset.size();
    }

    /** @return the capacity of the speech flags, to check they stay bounded */
    public int flagCapacity() {
        return active.length;
    }

    private double peakDb() {
        double peak = currentMaximum;
        for (int i = 0; i < blocksFilled; i++) {
            peak = Math.max(peak, blockMaxima[i]);
        }
        return peak;
    }

    /** Adds a frame's energy to the minimum and maximum statistics; returns the floor. */
    private double updateStatistics(double energyDb) {
        currentMinimum = Math.min(currentMinimum, energyDb);
        currentMaximum = Math.max(currentMaximum, energyDb);
        double floor = currentMinimum;
        for (int i = 0; i < blocksFilled; i++) {
            floor = Math.min(floor, blockMinima[i]);
        }
        if (++framesInBlock == BLOCK_FRAMES) {
            blockMinima[blockPosition] = currentMinimum;
            blockMaxima[blockPosition] = currentMaximum;
            blockPosition = (blockPosition + 1) % BLOCKS;
            blocksFilled = Math.min(BLOCKS, blocksFilled + 1);
            currentMinimum = Double.POSITIVE_INFINITY;
            currentMaximum = Double.NEGATIVE_INFINITY;
            framesInBlock = 0;
        }
        return Math.max(FLOOR_MIN_DB, floor);
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
        return (int) Math.round(seconds / FrameSpec.HOP_SECONDS);
    }
}
