package io.github.affect4j.server.analysis;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceResult;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.server.live.ObservationStored;
import io.github.affect4j.server.sessions.Session;
import io.github.affect4j.server.sessions.Sessions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores analysis results, each upload in one transaction: the session's counters, the
 * observation and its faces are all written, or none. Updating the session row first both
 * checks that it is still active and locks it, so an upload racing with {@code end} is either
 * stored before the end or refused with 409, and concurrent uploads never lose a count.
 * Each stored observation is announced, inside its transaction, as an {@link ObservationStored}
 * event (for the live streams, which act on it once the transaction commits).
 */
@Repository
class ObservationStore {

    private static final Emotion[] EMOTIONS = Emotion.values();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;

    ObservationStore(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
    }

    /**
     * @return the new frame observation's id
     * @throws org.springframework.web.server.ResponseStatusException 409 if the session ended
     */
    @Transactional
    long saveFrame(Session session, OffsetDateTime at, FaceAnalysis analysis) {
        int faces = analysis.faces().size();
        if (jdbc.sql("update sessions set frame_count = frame_count + 1,"
                        + " face_count = face_count + ? where id = ? and ended_at is null")
                .params(faces, session.id()).update() != 1) {
            throw Sessions.ended(session);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into frame_observations (session_id, observed_at, detector, image_width,"
                        + " image_height, face_count) values (?, ?, ?, ?, ?, ?)")
                .params(session.id(), at, analysis.detector().providerId(),
                        analysis.imageWidth(), analysis.imageHeight(), faces)
                .update(key, "id");
        long frameId = key.getKeyAs(Number.class).longValue();
        List<FaceResult> list = analysis.faces();
        template.batchUpdate("insert into face_observations (frame_id, session_id, observed_at,"
                        + " box_x, box_y, box_width, box_height, confidence, assessable, dominant,"
                        + " p_neutral, p_happiness, p_surprise, p_sadness, p_anger, p_disgust,"
                        + " p_fear, p_contempt, arousal, valence)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                list, list.size(), (PreparedStatement ps, FaceResult face) -> {
                    ps.setLong(1, frameId);
                    ps.setLong(2, session.id());
                    ps.setObject(3, at);
                    ps.setInt(4, face.box().x());
                    ps.setInt(5, face.box().y());
                    ps.setInt(6, face.box().width());
                    ps.setInt(7, face.box().height());
                    ps.setDouble(8, face.confidence());
                    ps.setBoolean(9, face.assessable());
                    ps.setString(10, face.dominant().label());
                    setScores(ps, 11, face.scores());
                    ps.setDouble(19, face.scores().arousal());
                    ps.setDouble(20, face.scores().valence());
                });
        return announced(session, ObservationStored.Kind.FRAME, frameId);
    }

    /**
     * @return the new audio observation's id
     * @throws org.springframework.web.server.ResponseStatusException 409 if the session ended
     */
    @Transactional
    long saveAudio(Session session, OffsetDateTime at, VoiceAnalysis analysis) {
        if (jdbc.sql("update sessions set audio_count = audio_count + 1"
                        + " where id = ? and ended_at is null")
                .param(session.id()).update() != 1) {
            throw Sessions.ended(session);
        }
        VoiceAffect affect = analysis.affect().orElse(null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        List<Object> values = new ArrayList<>(List.of(session.id(), at,
                analysis.detector().providerId(), analysis.durationSeconds(),
                analysis.summary().speechRatio(), affect != null));
        template.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into audio_observations"
                    + " (session_id, observed_at, detector, duration_seconds, speech_ratio,"
                    + " speech, dominant, p_neutral, p_happiness, p_surprise, p_sadness, p_anger,"
                    + " p_disgust, p_fear, p_contempt, arousal, valence)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            if (affect != null) {
                ps.setString(7, affect.scores().dominant().label());
                setScores(ps, 8, affect.scores());
                ps.setDouble(16, affect.arousal());
                ps.setDouble(17, affect.valence());
            } else {
                for (int i = 7; i <= 17; i++) {
                    ps.setNull(i, i == 7 ? Types.VARCHAR : Types.DOUBLE);
                }
            }
            return ps;
        }, key);
        return announced(session, ObservationStored.Kind.AUDIO,
                key.getKeyAs(Number.class).longValue());
    }

    /** Publishes the stored observation's ids; returns its id. */
    private long announced(Session session, ObservationStored.Kind kind, long observationId) {
        events.publishEvent(new ObservationStored(session.id(), kind, observationId));
        return observationId;
    }

    private static void setScores(PreparedStatement ps, int first, EmotionScores scores)
            throws SQLException {
        for (int i = 0; i < EMOTIONS.length; i++) {
            ps.setDouble(first + i, scores.probability(EMOTIONS[i]));
        }
    }
}
