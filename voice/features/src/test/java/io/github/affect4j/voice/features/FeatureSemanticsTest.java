package io.github.affect4j.voice.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.fixtures.TestClips;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each named feature holds the measure its name says: recomputed here, straight from the frames
 * of the same speech spans, for every feature that is a plain statistic of frame measures; the
 * contour slopes are checked on glides and ramps whose direction is known. A vector whose values
 * were swapped between two names, or shifted by one, fails here.
 */
class FeatureSemanticsTest {

    private static final int RATE = 16_000;

    @Test
    void vectorOfRealSpeechMatchesEachFeatureRecomputedFromItsFrames() {
        AudioClip clip = TestClips.speech();
        double[] v = new AcousticFeatureExtractor().extract(clip).speech().orElseThrow().values();
        Map<String, Double> expected = recompute(spans(clip));
        FeatureSet set = FeatureSet.current();
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            double value = v[set.indexOf(e.getKey())];
            assertEquals(e.getValue(), value, 1e-9 * Math.max(1, Math.abs(e.getValue())),
                    e.getKey());
        }
        // Every feature but the four contour slopes, checked below, is recomputed.
        assertEquals(set.size() - 4, expected.size());
        // And the units are those of the names: F0 of a male reader, centroid within the band.
        double medianHz = Functionals.REFERENCE_HZ
                * Math.pow(2, v[set.indexOf("f0.p50")] / 12);
        assertTrue(medianHz > 70 && medianHz < 200, "median F0 " + medianHz + " Hz");
    }

    @Test
    void pitchSlopesFollowTheDirectionOfAGlide() {
        Map<String, Double> rising = features(glide(110, 220, 1.0, 0.3, 0.3));
        Map<String, Double> falling = features(glide(220, 110, 1.0, 0.3, 0.3));
        // 12 semitones in a second.
        assertTrue(rising.get("f0.rising.slope") > 6, rising.toString());
        assertTrue(rising.get("f0.rising.slope") > 3 * rising.get("f0.falling.slope"),
                rising.toString());
        assertTrue(falling.get("f0.falling.slope") > 6, falling.toString());
        assertTrue(falling.get("f0.falling.slope") > 3 * falling.get("f0.rising.slope"),
                falling.toString());
        assertTrue(rising.get("f0.p80") > rising.get("f0.p20") + 6, rising.toString());
    }

    @Test
    void loudnessSlopesTellSlowRisesFromFastFallsWhilePitchStaysFlat() {
        // Eight cycles of a 30 dB sawtooth at 150 Hz: rising for 0.3 s (100 dB/s), falling in
        // 0.05 s; and the same clip played backwards.
        float[] saw = sawtooth();
        float[] reversed = new float[saw.length];
        for (int i = 0; i < saw.length; i++) {
            reversed[i] = saw[saw.length - 1 - i];
        }
        Map<String, Double> slowRise = features(AudioClip.of(saw, RATE));
        Map<String, Double> slowFall = features(AudioClip.of(reversed, RATE));
        double rise = slowRise.get("loudness.rising.slope");
        assertTrue(rise > 50 && rise < 200, slowRise.toString());
        assertTrue(slowRise.get("loudness.falling.slope") > 1.5 * rise, slowRise.toString());
        double fall = slowFall.get("loudness.falling.slope");
        assertTrue(fall > 50 && fall < 200, slowFall.toString());
        assertTrue(slowFall.get("loudness.rising.slope") > 1.5 * fall, slowFall.toString());
        // Level is not pitch.
        assertTrue(slowRise.get("f0.rising.slope") < 3, slowRise.toString());
        assertTrue(slowRise.get("f0.range") < 0.5, slowRise.toString());
    }

    @Test
    void voiceQualityAndBandsFollowTheHarmonicsOfAVowelLikeTone() {
        // Harmonics of 150 Hz with amplitudes 1/h: H2 is 6 dB below H1; a harmonic spectrum is
        // far from flat; 1/h puts more power in 300-800 Hz than in 2500-3500 Hz.
        Map<String, Double> tone = features(glide(150, 150, 1.0, 0.3, 0.3));
        assertEquals(6.0, tone.get("spectrum.h1h2.mean"), 1.5, tone.toString());
        assertTrue(tone.get("spectrum.flatness.mean") < -10, tone.toString());
        assertTrue(tone.get("spectrum.band300to800.mean")
                > tone.get("spectrum.band2500to3500.mean") + 10, tone.toString());
        assertTrue(tone.get("spectrum.band300to800.mean") < 0, tone.toString());
        assertTrue(Math.abs(tone.get("f0.contour.slope")) < 0.5, tone.toString());
        // A rising glide has a rising contour: 12 semitones in a second.
        Map<String, Double> rising = features(glide(110, 220, 1.0, 0.3, 0.3));
        assertEquals(12, rising.get("f0.contour.slope"), 3, rising.toString());
    }

    @Test
    void vectorBuilderRejectsUnknownRepeatedAndMissingFeatures() {
        FeatureVector vector = new FeatureVector(FeatureSet.current());
        assertThrows(IllegalArgumentException.class, () -> vector.put("f0.maen", 1));
        vector.put("f0.mean", 1);
        assertThrows(IllegalStateException.class, () -> vector.put("f0.mean", 2));
        IllegalStateException missing = assertThrows(IllegalStateException.class, vector::values);
        assertTrue(missing.getMessage().contains("f0.stddev"), missing.getMessage());
        for (String name : FeatureSet.current().names()) {
            if (!name.equals("f0.mean")) {
                vector.put(name, FeatureSet.current().indexOf(name));
            }
        }
        double[] values = vector.values();
        for (int i = 1; i < values.length; i++) {
            assertEquals(i, values[i], "the value of a name lands at its index");
        }
    }

    private static Map<String, Double> features(AudioClip clip) {
        double[] v = new AcousticFeatureExtractor().extract(clip).speech().orElseThrow().values();
        Map<String, Double> named = new HashMap<>();
        for (String name : FeatureSet.current().names()) {
            named.put(name, v[FeatureSet.current().indexOf(name)]);
        }
        return named;
    }

    /**
     * A vowel-like harmonic tone between 0.3 s of silence: pitch moves geometrically from
     * {@code fromHz} to {@code toHz}, amplitude from {@code fromGain} to {@code toGain}
     * (exponentially, so in dB linearly).
     */
    private static AudioClip glide(double fromHz, double toHz, double seconds, double fromGain,
                                   double toGain) {
        int pad = (int) (0.3 * RATE);
        int n = (int) (seconds * RATE);
        float[] s = new float[n + 2 * pad];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double x = i / (double) n;
            double hz = fromHz * Math.pow(toHz / fromHz, x);
            double gain = fromGain * Math.pow(toGain / fromGain, x);
            phase += 2 * Math.PI * hz / RATE;
            double y = 0;
            for (int h = 1; h * hz < 3500; h++) {
                y += Math.sin(h * phase) / h;
            }
            s[pad + i] = (float) (gain * 0.5 * y);
        }
        return AudioClip.of(s, RATE);
    }

    private static float[] sawtooth() {
        int pad = (int) (0.3 * RATE);
        int cycle = (int) (0.35 * RATE);
        int rise = (int) (0.3 * RATE);
        int n = 8 * cycle;
        float[] s = new float[n + 2 * pad];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            int t = i % cycle;
            double db = t < rise ? -30 + 30.0 * t / rise : -30.0 * (t - rise) / (cycle - rise);
            phase += 2 * Math.PI * 150 / RATE;
            double y = 0;
            for (int h = 1; h * 150 < 3500; h++) {
                y += Math.sin(h * phase) / h;
            }
            s[pad + i] = (float) (0.3 * Math.pow(10, db / 20) * y);
        }
        return s;
    }

    private static List<SpeechSpan> spans(AudioClip clip) {
        SpeechPipeline pipeline = new SpeechPipeline(clip.sampleRate(), FrameSpec.FEATURES,
                SegmenterSettings.DEFAULTS, null, null);
        List<SpeechSpan> spans = new ArrayList<>();
        float[] s = clip.samples();
        pipeline.accept(s, 0, s.length, spans::add);
        pipeline.finish(spans::add);
        assertTrue(!spans.isEmpty());
        return spans;
    }

    /** The features that are plain statistics of frame measures, computed without Functionals.of. */
    private static Map<String, Double> recompute(List<SpeechSpan> spans) {
        Values f0 = new Values();
        Values jitter = new Values();
        Values hnr = new Values();
        Values shimmer = new Values();
        Values loud = new Values();
        Values alpha = new Values();
        Values hammarberg = new Values();
        Values slopeLow = new Values();
        Values slopeMid = new Values();
        Values centroid = new Values();
        Values flux = new Values();
        Values zcr = new Values();
        Values voicedRuns = new Values();
        Values unvoicedRuns = new Values();
        Values[] mfcc = new Values[FrameAnalyzer.MFCC_COUNT];
        Values[] delta = new Values[FrameAnalyzer.MFCC_COUNT];
        Values[] voicedMfcc = new Values[FrameAnalyzer.MFCC_COUNT];
        for (int c = 0; c < mfcc.length; c++) {
            mfcc[c] = new Values();
            delta[c] = new Values();
            voicedMfcc[c] = new Values();
        }
        Values[] bands = new Values[FrameAnalyzer.BANDS];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = new Values();
        }
        Values flatness = new Values();
        Values rolloff = new Values();
        Values voicedCentroid = new Values();
        Values h1h2 = new Values();
        Values voicedLoud = new Values();
        List<double[]> f0Track = new ArrayList<>();
        int activeFrames = 0;
        int allFrames = 0;
        int peaks = 0;
        DoubleUnaryOperator hz = st -> Functionals.REFERENCE_HZ * Math.pow(2, st / 12);
        for (SpeechSpan span : spans) {
            List<Frame> frames = span.frames();
            boolean[] active = span.active();
            double[] st = Functionals.cleanPitch(frames, active, Functionals.REFERENCE_HZ);
            int n = frames.size();
            allFrames += n;
            for (int i = 0; i < n; i++) {
                if (!active[i]) {
                    continue;
                }
                Frame f = frames.get(i);
                activeFrames++;
                loud.add(f.loudnessDb());
                centroid.add(f.centroidHz());
                zcr.add(f.zeroCrossingRate());
                if (i > 0 && active[i - 1]) {
                    flux.add(f.flux());
                }
                for (int c = 0; c < mfcc.length; c++) {
                    mfcc[c].add(f.mfcc()[c]);
                    if (i > 0 && i < n - 1 && active[i - 1] && active[i + 1]) {
                        delta[c].add((frames.get(i + 1).mfcc()[c]
                                - frames.get(i - 1).mfcc()[c]) / 2);
                    }
                }
                if (Double.isNaN(st[i])) {
                    continue;
                }
                f0.add(st[i]);
                double p = Math.min(1 - 1e-3, Math.max(1e-3, f.periodicity()));
                hnr.add(Math.max(-10, Math.min(30, 10 * Math.log10(p / (1 - p)))));
                alpha.add(f.alphaRatioDb());
                hammarberg.add(f.hammarbergDb());
                slopeLow.add(f.slopeLowDbPerKHz());
                slopeMid.add(f.slopeMidDbPerKHz());
                for (int c = 1; c < mfcc.length; c++) {
                    voicedMfcc[c].add(f.mfcc()[c]);
                }
                for (int b = 0; b < bands.length; b++) {
                    bands[b].add(f.bandLevelsDb()[b]);
                }
                flatness.add(f.flatnessDb());
                rolloff.add(f.rolloffHz());
                voicedCentroid.add(f.centroidHz());
                h1h2.add(f.h1h2Db());
                voicedLoud.add(f.loudnessDb());
                f0Track.add(new double[] {f.index() * 0.01, st[i]});
                if (i > 0 && !Double.isNaN(st[i - 1])) {
                    double now = hz.applyAsDouble(st[i]);
                    jitter.add(Math.abs(now - hz.applyAsDouble(st[i - 1])) / now);
                    shimmer.add(Math.abs(f.energyDb() - frames.get(i - 1).energyDb()));
                }
            }
            // Voiced runs, and the active unvoiced stretches between two of them.
            boolean seenVoiced = false;
            for (int i = 0; i < n; ) {
                boolean voiced = !Double.isNaN(st[i]);
                int end = i;
                int activeCount = 0;
                while (end < n && !Double.isNaN(st[end]) == voiced) {
                    activeCount += active[end] ? 1 : 0;
                    end++;
                }
                if (voiced) {
                    voicedRuns.add((end - i) * 0.01);
                    seenVoiced = true;
                } else if (seenVoiced && end < n && activeCount > 0) {
                    unvoicedRuns.add(activeCount * 0.01);
                }
                i = end;
            }
            peaks += Functionals.syllablePeaks(Functionals.envelope(frames), active, st);
        }
        double speech = activeFrames * 0.01;
        Map<String, Double> m = new HashMap<>();
        m.put("f0.mean", f0.mean());
        m.put("f0.stddev", f0.stddev());
        m.put("f0.p20", f0.percentile(0.2));
        m.put("f0.p50", f0.percentile(0.5));
        m.put("f0.p80", f0.percentile(0.8));
        m.put("f0.range", f0.percentile(0.8) - f0.percentile(0.2));
        m.put("f0.jitterLike", jitter.mean());
        m.put("voicing.ratio", f0.count() / (double) activeFrames);
        m.put("voicing.runsPerSecond", voicedRuns.count() / speech);
        m.put("voicing.runSeconds", voicedRuns.mean());
        m.put("voicing.unvoicedRunSeconds", unvoicedRuns.count() == 0 ? 0 : unvoicedRuns.mean());
        m.put("hnr.mean", hnr.mean());
        m.put("hnr.stddev", hnr.stddev());
        m.put("shimmerLike", shimmer.mean());
        m.put("loudness.stddev", loud.stddev());
        m.put("loudness.range", loud.percentile(0.8) - loud.percentile(0.2));
        m.put("loudness.peakToMedian", loud.percentile(0.95) - loud.percentile(0.5));
        m.put("rhythm.speakingRate", peaks / speech);
        m.put("rhythm.pauseRatio", 1 - activeFrames / (double) allFrames);
        m.put("spectrum.alphaRatio.mean", alpha.mean());
        m.put("spectrum.alphaRatio.stddev", alpha.stddev());
        m.put("spectrum.hammarberg.mean", hammarberg.mean());
        m.put("spectrum.slope0to500.mean", slopeLow.mean());
        m.put("spectrum.slope500to1500.mean", slopeMid.mean());
        m.put("spectrum.centroid.mean", centroid.mean());
        m.put("spectrum.centroid.stddev", centroid.stddev());
        m.put("spectrum.flux.mean", flux.mean());
        m.put("spectrum.flux.stddev", flux.stddev());
        m.put("zcr.mean", zcr.mean());
        for (int c = 0; c < mfcc.length; c++) {
            if (c > 0) {
                m.put("mfcc" + c + ".mean", mfcc[c].mean());
            }
            m.put("mfcc" + c + ".stddev", mfcc[c].stddev());
            m.put("mfcc" + c + ".delta.stddev", delta[c].stddev());
            if (c > 0) {
                m.put("mfcc" + c + ".voiced.mean", voicedMfcc[c].mean());
                m.put("mfcc" + c + ".voiced.stddev", voicedMfcc[c].stddev());
            }
        }
        m.put("f0.p10", f0.percentile(0.1));
        m.put("f0.p90", f0.percentile(0.9));
        m.put("f0.contour.slope", lineSlope(f0Track));
        m.put("loudness.voicedToMedian", voicedLoud.mean() - loud.percentile(0.5));
        String[] bandNames = {"spectrum.band300to800.mean", "spectrum.band800to1500.mean",
            "spectrum.band1500to2500.mean", "spectrum.band2500to3500.mean"};
        for (int b = 0; b < bands.length; b++) {
            m.put(bandNames[b], bands[b].mean());
        }
        m.put("spectrum.flatness.mean", flatness.mean());
        m.put("spectrum.rolloff.mean", rolloff.mean());
        m.put("spectrum.centroid.voiced.mean", voicedCentroid.mean());
        m.put("spectrum.h1h2.mean", h1h2.mean());
        return m;
    }

    /** Least-squares slope of y against x, by the centred formula (not the sums Functionals uses). */
    private static double lineSlope(List<double[]> points) {
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }

    /** Values of one measure, NaN skipped. */
    private static final class Values {
        private final List<Double> values = new ArrayList<>();

        void add(double value) {
            if (!Double.isNaN(value)) {
                values.add(value);
            }
        }

        int count() {
            return values.size();
        }

        double mean() {
            return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        }

        double stddev() {
            double mean = mean();
            double s = 0;
            for (double x : values) {
                s += (x - mean) * (x - mean);
            }
            return Math.sqrt(s / (values.size() - 1));
        }

        double percentile(double q) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            return Functionals.percentile(sorted, q);
        }
    }
}
