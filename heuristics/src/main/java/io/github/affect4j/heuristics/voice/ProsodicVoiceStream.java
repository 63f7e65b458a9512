package io.github.affect4j.heuristics.voice;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.spi.StreamLifetime;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stream over the same pipeline as whole-clip analysis, so a clip fed in chunks yields the
 * segments {@link ProsodicVoiceDetector#analyze} finds. Each segment is read against the
 * speaker's running baseline ({@link SpeakerBaseline}) built from the stream's earlier
 * segments.
 *
 * <p>Latency: a segment is reported {@code pauseSeconds} (default 0.3 s) after its last speech
 * frame, plus 40 ms of framing. Up to 40 ms of samples that do not yet fill an analysis frame,
 * and a few resampler look-ahead samples at rates other than 16 kHz, stay buffered across
 * {@link #flush()}; they are analysed with the next chunk.
 *
 * <p>Memory is bounded: fixed DSP buffers, at most one segment of frames
 * ({@code maxSegmentSeconds}), the constant-size baseline. Not thread-safe: a call made while
 * another is running fails ({@link StreamLifetime}).
 */
final class ProsodicVoiceStream implements VoiceEmotionStream {

    private final ProsodicVoiceDetector detector;
    private final int sampleRate;
    private final SpeechPipeline pipeline;
    private final SpeechReader reader;
    private final StreamLifetime lifetime = new StreamLifetime("voice emotion stream");

    ProsodicVoiceStream(ProsodicVoiceDetector detector, VoiceSettings settings, int sampleRate) {
        this.detector = detector;
        this.sampleRate = sampleRate;
        this.pipeline = ProsodyAnalysis.pipeline(settings, sampleRate);
        this.reader = new SpeechReader(settings);
    }

    @Override
    public List<VoiceResult> accept(float[] samples) {
        Objects.requireNonNull(samples, "samples");
        return lifetime.call(() -> {
            // Validate the whole chunk first so a bad chunk leaves the stream as it was.
            for (int i = 0; i < samples.length; i++) {
                if (!Float.isFinite(samples[i])) {
                    throw new IllegalArgumentException("sample " + i + " of the chunk is "
                            + samples[i]);
                }
            }
            return detector.guarded(() -> run(() -> {
                List<VoiceResult> results = new ArrayList<>();
                pipeline.accept(samples, 0, samples.length, span -> results.add(reader.read(span)));
                return results;
            }));
        });
    }

    @Override
    public List<VoiceResult> flush() {
        return lifetime.call(() -> detector.guarded(() -> run(() -> {
            List<VoiceResult> results = new ArrayList<>();
            pipeline.flush(span -> results.add(reader.read(span)));
            return results;
        })));
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    SpeechPipeline pipeline() {
        return pipeline;
    }

    SpeakerBaseline baseline() {
        return reader.baseline();
    }

    @Override
    public void close() {
        lifetime.close();
    }

    private static List<VoiceResult> run(java.util.function.Supplier<List<VoiceResult>> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AnalysisException("heuristic voice stream analysis failed: " + e, e);
        }
    }
}
