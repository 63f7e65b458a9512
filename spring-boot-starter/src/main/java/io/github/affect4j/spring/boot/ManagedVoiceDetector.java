package io.github.affect4j.spring.boot;

import io.github.affect4j.DetectorInfo;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import java.util.List;

/**
 * The voice detector bean the starter makes: the detector built from {@code affect4j.voice.*},
 * measured (its streams too), or a stand-in whose calls throw
 * {@link io.github.affect4j.DetectorUnavailableException} when none could be built. Thread-safe,
 * like the detector it wraps; its streams are as thread-safe as the wrapped ones.
 */
final class ManagedVoiceDetector extends ManagedDetector<VoiceEmotionDetector>
        implements VoiceEmotionDetector {

    ManagedVoiceDetector(DetectorSlot<VoiceEmotionDetector> slot) {
        super(slot);
    }

    @Override
    public VoiceAnalysis analyze(AudioClip clip) {
        return slot.call("analyze", detector -> detector.analyze(clip),
                analysis -> analysis.segments().size());
    }

    @Override
    public VoiceEmotionStream openStream(int sampleRate) {
        VoiceEmotionStream stream = slot.call("openStream",
                detector -> detector.openStream(sampleRate), opened -> 0);
        return new MeteredStream(stream, slot.meter());
    }

    @Override
    public DetectorInfo info() {
        return slot.info(VoiceEmotionDetector::info);
    }

    @Override
    public void close() {
        slot.close(VoiceEmotionDetector::close);
    }

    /** A stream whose calls are measured like the detector's; otherwise the wrapped stream. */
    private record MeteredStream(VoiceEmotionStream stream, DetectorMeter meter)
            implements VoiceEmotionStream {

        @Override
        public List<VoiceResult> accept(float[] samples) {
            return meter.call("streamAccept", () -> stream.accept(samples), List::size);
        }

        @Override
        public List<VoiceResult> flush() {
            return meter.call("streamFlush", stream::flush, List::size);
        }

        @Override
        public int sampleRate() {
            return stream.sampleRate();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
