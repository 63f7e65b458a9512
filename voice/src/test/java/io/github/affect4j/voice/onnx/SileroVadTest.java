package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.voice.features.AcousticFeatureExtractor;
import io.github.affect4j.voice.features.ClipFeatures;
import io.github.affect4j.voice.features.SpeechFeatures;
import io.github.affect4j.voice.fixtures.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Silero VAD as the speech detector: the mechanics with a tiny model of Silero v5's signature
 * (its probability is a function of the window's level), and, when the system property
 * {@code affect4j.test.sileroModel} names a real Silero v5/v6 file, a comparison with the energy
 * detector printed for the README (the model is not bundled, so CI skips that part).
 */
class SileroVadTest {

    private static final Path FAKE = WaveformModelTest.resource("silero_v5_like.onnx");

    /** Silence, then noise at {@code db} dBFS, in equal parts. */
    private static float[] silenceThenNoise(int seconds, double db) {
        float[] x = new float[seconds * 16000];
        Random random = new Random(7);
        double amplitude = Math.pow(10, db / 20);
        for (int i = x.length / 2; i < x.length; i++) {
            x[i] = (float) (amplitude * random.nextGaussian());
        }
        return x;
    }

    @Test
    void scoresEachWindowWithItsContextAndState() throws Exception {
        try (SileroVad vad = SileroVad.load(FAKE)) {
            float[] p = vad.probabilities(silenceThenNoise(2, -20));
            assertEquals(62, p.length);
            assertTrue(p[10] < 1e-6, "silence: " + p[10]);
            assertTrue(p[40] > 0.999, "-20 dBFS noise: " + p[40]);
            // -40 dBFS is the fake's midpoint: 0.5 within the noise's own spread
            float[] mid = vad.probabilities(silenceThenNoise(2, -40));
            assertEquals(0.5, mid[50], 0.2);
            assertTrue(vad.describe().startsWith("silero silero_v5_like.onnx (sha256 "),
                    vad.describe());
        }
    }

    @Test
    void aModelWithoutSileroV5sInputsIsRefused() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> SileroVad.load(WaveformModelTest.resource("categorical_dynamic.onnx")));
        assertEquals("categorical_dynamic.onnx: not a Silero VAD v5/v6 model: inputs "
                + "[input_values] and outputs [logits], expected inputs [input, state, sr] and "
                + "outputs [output, stateN] (the legacy v4 model with h and c is not supported)",
                e.getMessage());
    }

    @Test
    void theDetectorFindsSpeechWithItWhenAsked() {
        try (VoiceEmotionDetector d = EmotionDetectors.voiceBuilder()
                .option("model", FixtureModels.syntheticModel().toString())
                .option("vadModel", FAKE.toString()).build()) {
            assertTrue(d.info().description().endsWith(", speech found by Silero VAD"),
                    d.info().description());
            assertTrue(d.info().model().contains("; silero silero_v5_like.onnx"),
                    d.info().model());
            VoiceAnalysis a = d.analyze(TestClips.speech());
            assertTrue(a.affect().isPresent());
            assertTrue(!a.segments().isEmpty());
            // the stream, 20 ms chunks, finds the same segments
            try (VoiceEmotionStream stream = d.openStream(16000)) {
                float[] s = TestClips.speech().samples();
                List<VoiceResult> results = new ArrayList<>();
                for (int from = 0; from < s.length; from += 320) {
                    results.addAll(stream.accept(Arrays.copyOfRange(s, from,
                            Math.min(s.length, from + 320))));
                }
                results.addAll(stream.flush());
                assertEquals(a.segments().size(), results.size());
                assertEquals(a.segments().get(0).startSeconds(), results.get(0).startSeconds(),
                        1e-9);
            }
        }
    }

    @Test
    void sileroWithoutAModelIsAConfigurationError() {
        OnnxVoiceDetectorProvider provider = new OnnxVoiceDetectorProvider();
        DetectorConfig config = DetectorConfig.of(OnnxVoiceDetectorProvider.OPTIONS, Map.of("model",
                FixtureModels.syntheticModel().toString(), "vad", "silero"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.create(config));
        assertTrue(e.getMessage().startsWith("option vad=silero needs the Silero VAD model"),
                e.getMessage());
        // Through discovery it is an option error, not a reason to fall back.
        InvalidOptionException viaBuilder = assertThrows(InvalidOptionException.class,
                () -> EmotionDetectors.voiceBuilder().option("model",
                        FixtureModels.syntheticModel().toString()).option("vad", "silero").build());
        assertTrue(viaBuilder.getMessage().startsWith("voice provider 'onnx': option vad=silero"
                + " needs the Silero VAD model"), viaBuilder.getMessage());
        InvalidOptionException bad = assertThrows(InvalidOptionException.class,
                () -> DetectorConfig.of(OnnxVoiceDetectorProvider.OPTIONS, Map.of("model",
                        FixtureModels.syntheticModel().toString(), "vad", "webrtc")));
        assertEquals("option vad must be one of energy, silero, got 'webrtc'", bad.getMessage());
    }

    /** Energy against Silero on speech and non-speech; prints a table, asserts little. */
    @Test
    void comparisonWithTheEnergyDetector() throws Exception {
        String property = System.getProperty("affect4j.test.sileroModel");
        assumeTrue(property != null && Files.isRegularFile(Path.of(property)),
                "set affect4j.test.sileroModel to a Silero VAD v5/v6 .onnx to compare");
        try (SileroVad vad = SileroVad.load(Path.of(property))) {
            AcousticFeatureExtractor energy = new AcousticFeatureExtractor();
            AcousticFeatureExtractor silero = energy.withVoiceActivity(vad);
            StringBuilder table = new StringBuilder(
                    "| input | seconds | energy: segments / speech s | silero: segments / speech s |\n");
            AudioClip speech = TestClips.speech();
            row(table, "speech.wav (LibriVox, 16 kHz)", speech, energy, silero);
            row(table, "speech.wav + white noise, SNR 10 dB", mix(speech, 10), energy, silero);
            row(table, "speech.wav + white noise, SNR 0 dB", mix(speech, 0), energy, silero);
            double[] sums = new double[4];
            List<Path> clips;
            try (var files = Files.list(TestClips.syntheticDir())) {
                clips = files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
            }
            double seconds = 0;
            for (Path clip : clips) {
                AudioClip c = AudioClip.readWav(clip);
                seconds += c.durationSeconds();
                ClipFeatures e = energy.extract(c);
                ClipFeatures s = silero.extract(c);
                sums[0] += e.segments().size();
                sums[1] += speechSeconds(e);
                sums[2] += s.segments().size();
                sums[3] += speechSeconds(s);
            }
            table.append(String.format(Locale.ROOT, "| %d espeak-ng clips (synthetic corpus) | %.1f "
                    + "| %.0f / %.2f | %.0f / %.2f |%n", clips.size(), seconds, sums[0], sums[1],
                    sums[2], sums[3]));
            row(table, "white noise -30 dBFS", AudioClip.of(noise(10, -30), 16000), energy, silero);
            row(table, "noise bursts (0.5 s on, 0.5 s off)", AudioClip.of(bursts(10), 16000),
                    energy, silero);
            row(table, "music-like: chords, 4 notes/s", AudioClip.of(music(10), 16000), energy,
                    silero);
            row(table, "hum 100 Hz + harmonics", AudioClip.of(hum(10), 16000), energy, silero);
            long start = System.nanoTime();
            int runs = 20;
            for (int i = 0; i < runs; i++) {
                vad.probabilities(speech.samples());
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs / speech.durationSeconds();
            table.append(String.format(Locale.ROOT, "%nSilero alone: %.2f ms per second of audio "
                    + "(one thread, after warm-up in this loop)%n", ms));
            System.out.println(table);
        }
    }

    private static void row(StringBuilder table, String name, AudioClip clip,
                            AcousticFeatureExtractor energy, AcousticFeatureExtractor silero) {
        ClipFeatures e = energy.extract(clip);
        ClipFeatures s = silero.extract(clip);
        table.append(String.format(Locale.ROOT, "| %s | %.1f | %d / %.2f | %d / %.2f |%n", name,
                clip.durationSeconds(), e.segments().size(), speechSeconds(e),
                s.segments().size(), speechSeconds(s)));
    }

    private static double speechSeconds(ClipFeatures f) {
        return f.segments().stream().mapToDouble(SpeechFeatures::speechSeconds).sum();
    }

    private static AudioClip mix(AudioClip clip, double snrDb) {
        float[] s = clip.samples();
        double power = 0;
        for (float v : s) {
            power += v * v;
        }
        power /= s.length;
        double sigma = Math.sqrt(power / Math.pow(10, snrDb / 10));
        Random random = new Random(3);
        for (int i = 0; i < s.length; i++) {
            s[i] += (float) (sigma * random.nextGaussian());
        }
        return AudioClip.of(s, clip.sampleRate());
    }

    private static float[] noise(int seconds, double db) {
        float[] x = new float[seconds * 16000];
        Random random = new Random(11);
        double a = Math.pow(10, db / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (a * random.nextGaussian());
        }
        return x;
    }

    private static float[] bursts(int seconds) {
        float[] x = noise(seconds, -20);
        for (int i = 0; i < x.length; i++) {
            if ((i / 8000) % 2 == 1) {
                x[i] *= 0.001f;
            }
        }
        return x;
    }

    /** Four-note chords of harmonic tones, a new chord every 0.25 s with a decaying envelope. */
    private static float[] music(int seconds) {
        float[] x = new float[seconds * 16000];
        double[] roots = {220, 196, 262, 247, 175, 294};
        for (int i = 0; i < x.length; i++) {
            int note = i / 4000;
            double t = (i % 4000) / 16000.0;
            double root = roots[note % roots.length];
            double v = 0;
            for (double ratio : new double[] {1, 1.26, 1.5, 2}) {
                for (int h = 1; h <= 5; h++) {
                    v += Math.sin(2 * Math.PI * root * ratio * h * i / 16000.0) / (h * h);
                }
            }
            x[i] = (float) (0.05 * v * Math.exp(-4 * t));
        }
        return x;
    }

    private static float[] hum(int seconds) {
        float[] x = new float[seconds * 16000];
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int h = 1; h <= 8; h++) {
                v += Math.sin(2 * Math.PI * 100 * h * i / 16000.0) / h;
            }
            x[i] = (float) (0.05 * v);
        }
        return x;
    }
}
