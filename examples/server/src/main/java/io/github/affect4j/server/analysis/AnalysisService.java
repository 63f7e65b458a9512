package io.github.affect4j.server.analysis;

import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.InvalidMediaException;
import io.github.affect4j.media.MediaFormat;
import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.ApiException;
import io.github.affect4j.server.sessions.Session;
import io.github.affect4j.server.sessions.Sessions;
import io.github.affect4j.server.users.UserAccount;
import io.github.affect4j.spring.boot.DetectorStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The upload workflow, written once for frames and audio: check access (the session must be the
 * caller's and active), recognise the media from its bytes, decode and analyse it on the
 * {@link AnalysisPool}, store the result in one transaction, then publish
 * {@link ObservationStored}. The media never leave memory. Whether the answer may carry
 * per-person results is decided by {@link Stored#disclosed()}, from the session's consent.
 *
 * <p>The detectors are the beans of the affect4j Spring Boot starter ({@code affect4j.face.*},
 * {@code affect4j.voice.*}). When one kind could not be built the server still runs: uploads of
 * that kind are refused with 503 before they are decoded, and {@code /health} says why.
 */
@Service
public class AnalysisService {

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);

    private final Sessions sessions;
    private final FaceEmotionDetector faces;
    private final VoiceEmotionDetector voices;
    private final ObservationStore store;
    private final AnalysisPool pool;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxImagePixels;
    private final double maxAudioSeconds;

    AnalysisService(Sessions sessions, FaceEmotionDetector faces, VoiceEmotionDetector voices,
                    ObservationStore store, AnalysisPool pool, ApplicationEventPublisher events,
                    Affect4jProperties properties, Clock clock) {
        this.sessions = sessions;
        this.faces = faces;
        this.voices = voices;
        this.store = store;
        this.pool = pool;
        this.events = events;
        this.clock = clock;
        this.maxImagePixels = Math.min(properties.limits().maxImagePixels(),
                properties.analysis().budgetPixels());
        this.maxAudioSeconds = properties.limits().maxAudioSeconds();
        log.info("Largest image accepted: {} pixels (affect4j.limits.max-image-pixels {},"
                        + " memory budget {} over {} thread(s) at {} bytes per pixel: {})",
                maxImagePixels, properties.limits().maxImagePixels(),
                properties.analysis().memoryBudget(), pool.threads(),
                Affect4jProperties.Analysis.BYTES_PER_PIXEL,
                properties.analysis().budgetPixels());
    }

    /** The largest image accepted: the configured limit or the memory budget's, the smaller. */
    public long maxImagePixels() {
        return maxImagePixels;
    }

    /**
     * Analyses and stores one frame.
     *
     * @param data the uploaded bytes, JPEG or PNG
     * @throws io.github.affect4j.server.ApiException 404, 403, 409 (see {@link Sessions#active});
     *     503 when no face detector runs or the analysis queue is full
     * @throws InvalidMediaException when the bytes are empty, not JPEG/PNG, too large or broken
     */
    public Stored<FaceAnalysis> frame(long sessionId, UserAccount user, byte[] data)
            throws IOException {
        return analyse(sessionId, user, data, FRAMES);
    }

    /**
     * Analyses and stores one audio clip.
     *
     * @param data the uploaded bytes, WAV
     * @throws io.github.affect4j.server.ApiException as {@link #frame}, for voices
     * @throws InvalidMediaException when the bytes are empty, not WAV, too long or broken
     */
    public Stored<VoiceAnalysis> audio(long sessionId, UserAccount user, byte[] data)
            throws IOException {
        return analyse(sessionId, user, data, AUDIO);
    }

    /**
     * One kind of upload: what it must be, how it is analysed, stored and announced.
     */
    private interface Kind<A> {
        Set<MediaFormat> accepted();

        String expected();

        A analyse(AnalysisService service, byte[] data) throws IOException;

        long store(ObservationStore store, Session session, OffsetDateTime at, A analysis);

        ObservationStored event(Session session, long id, OffsetDateTime at, A analysis);
    }

    private static final Kind<FaceAnalysis> FRAMES = new Kind<>() {
        @Override
        public Set<MediaFormat> accepted() {
            return Set.of(MediaFormat.JPEG, MediaFormat.PNG);
        }

        @Override
        public String expected() {
            return "Frames must be JPEG or PNG images";
        }

        @Override
        public FaceAnalysis analyse(AnalysisService service, byte[] data) throws IOException {
            // Check the detector before decoding: without one, decoding is wasted.
            requireAvailable(DetectorStatus.of(service.faces));
            return service.faces.analyze(ImageFrame.decode(data, service.maxImagePixels));
        }

        @Override
        public long store(ObservationStore store, Session session, OffsetDateTime at,
                          FaceAnalysis analysis) {
            return store.saveFrame(session, at, analysis);
        }

        @Override
        public ObservationStored event(Session session, long id, OffsetDateTime at,
                                       FaceAnalysis analysis) {
            return new ObservationStored.Frame(session, id, at, analysis);
        }
    };

    private static final Kind<VoiceAnalysis> AUDIO = new Kind<>() {
        @Override
        public Set<MediaFormat> accepted() {
            return Set.of(MediaFormat.WAV);
        }

        @Override
        public String expected() {
            return "Audio must be a WAV file";
        }

        @Override
        public VoiceAnalysis analyse(AnalysisService service, byte[] data) throws IOException {
            requireAvailable(DetectorStatus.of(service.voices));
            return service.voices.analyze(AudioClip.readWav(new ByteArrayInputStream(data),
                    service.maxAudioSeconds));
        }

        @Override
        public long store(ObservationStore store, Session session, OffsetDateTime at,
                          VoiceAnalysis analysis) {
            return store.saveAudio(session, at, analysis);
        }

        @Override
        public ObservationStored event(Session session, long id, OffsetDateTime at,
                                       VoiceAnalysis analysis) {
            return new ObservationStored.Audio(session, id, at, analysis);
        }
    };

    /**
     * Refuses an upload whose kind of detector could not be built at start-up.
     *
     * @throws ApiException 503 naming the reason
     */
    static void requireAvailable(DetectorStatus status) {
        if (!status.available()) {
            throw ApiException.unavailable("No " + status.kind() + " emotion detector is"
                    + " available on this server: " + status.problem(), null);
        }
    }

    private <A> Stored<A> analyse(long sessionId, UserAccount user, byte[] data, Kind<A> kind)
            throws IOException {
        Session session = sessions.active(sessionId, user);
        if (data.length == 0) {
            throw new InvalidMediaException(InvalidMediaException.Problem.EMPTY,
                    "The uploaded file is empty (0 bytes)");
        }
        MediaFormat format = MediaFormat.of(data);
        if (!kind.accepted().contains(format)) {
            throw new InvalidMediaException(InvalidMediaException.Problem.UNSUPPORTED_FORMAT,
                    kind.expected() + "; the uploaded file is " + format.description());
        }
        A analysis = pool.run(() -> kind.analyse(this, data));
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        long id = kind.store(store, session, at, analysis); // commits
        try {
            events.publishEvent(kind.event(session, id, at, analysis));
        } catch (RuntimeException e) {
            // The observation is stored; a listener's failure must not turn that into an error.
            log.warn("A listener of stored observations failed for session {}", session.id(), e);
        }
        return new Stored<>(session, id, at, analysis);
    }

    /**
     * A stored upload.
     *
     * @param session the session it went to
     * @param id the observation id
     * @param observedAt when it was analysed
     * @param analysis what the library found
     * @param <A> {@link FaceAnalysis} or {@link VoiceAnalysis}
     */
    public record Stored<A>(Session session, long id, OffsetDateTime observedAt, A analysis) {

        /** Whether per-person results may be answered: only when the session recorded consent. */
        public boolean disclosed() {
            return session.consent();
        }
    }
}
