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
 * frames rise {@value #START_DB} dB above the floor, continues through frames
 * {@value #CONTINUE_DB} dB above it, and ends after {@value #PAUSE_SECONDS} s without such a
 * frame; longer speech is cut every {@value #MAX_SEGMENT_SECONDS} s. A segment is kept if it lasts
 * {@value #MIN_SEGMENT_SECONDS} s and has {@value #MIN_VOICED_FRAMES} voiced frames: clicks and
 * noise bursts are not speech.
 *
 * <p>With a {@link VoiceActivityModel}, a frame starts speech when the model's latest speech
 * probability reaches its onset threshold and continues it at or above its offset threshold;
 * the energy floor is not used, the other rules (onset frames, pause, lengths, voiced frames)
 * stay.
 *
 * <p>Memory: at most one segment of frames. Not thread-safe.
 */
final class SpeechSegmenter {

    static final double FLOOR_MIN_DB = -100;
    static final double DYNAMIC_RANGE_DB = 50;
    static final double START_DB = 10;
    static final double CONTINUE_DB = 6;
    static final int ONSET_FRAMES = 3;
    static final double PAUSE_SECONDS = 0.3;
    static final double MIN_SEGMENT_SECONDS = 0.2;
    static final double MAX_SEGMENT_SECONDS = 10;
    static final int MIN_VOICED_FRAMES = 5;
    private static final int BLOCK_FRAMES = 25;
    private static final int BLOCKS = 12;

    /** Receives each finished segment. */
    interface Sink {
        void accept(SpeechSpan span);
    }

    private final int pauseFrames = frames(PAUSE_SECONDS);
    private final int minFrames = frames(MIN_SEGMENT_SECONDS);
    private final int maxFrames = frames(MAX_SEGMENT_SECONDS);

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

    /** An energy segmenter. */
    SpeechSegmenter() {
        this(null, null);
    }

    /** A segmenter judging frames by a model's tracker, or by energy when both are null. */
    SpeechSegmenter(VoiceActivityModel model, VoiceActivityModel.Tracker tracker) {
        this.model = model;
        this.tracker = tracker;
    }

    void accept(Frame frame, Sink sink) {
        double floor = updateStatistics(frame.energyDb());
        double lowest = peakDb() - DYNAMIC_RANGE_DB;
        double p = tracker != null
                ? tracker.speechProbability(frame.index() * FrameAnalyzer.HOP + FrameAnalyzer.FRAME)
                : Double.NaN;
        if (!speaking) {
            boolean starts = tracker != null ? p >= model.onsetThreshold()
                    : frame.energyDb() > Math.max(floor + START_DB, lowest);
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
                : frame.energyDb() > Math.max(floor + CONTINUE_DB, lowest));
        if (frames.size() - 1 - lastActive >= pauseFrames || frames.size() >= maxFrames) {
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
        return (int) Math.round(seconds / Frame.HOP_SECONDS);
    }
}
