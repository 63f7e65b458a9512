package io.github.affect4j.server.analysis;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceResult;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.server.sessions.Session;
import io.github.affect4j.server.sessions.Sessions;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores analysis results, each upload in one transaction: the session's counters, the
 * observation and its faces are all written, or none. Updating the session row first both
 * checks that it is still active and locks it, so an upload racing with {@code end} is either
 * stored before the end or refused with 409, and concurrent uploads never lose a count. Scores
 * are bound by column name ({@link EmotionColumns}), never by position.
 */
@Repository
class ObservationStore {

    private static final String INSERT_FACE = "insert into face_observations (frame_id,"
            + " session_id, observed_at, box_x, box_y, box_width, box_height, confidence,"
            + " assessable, dominant, " + EmotionColumns.list() + ", arousal, valence) values"
            + " (:frame_id, :session_id, :observed_at, :box_x, :box_y, :box_width, :box_height,"
            + " :confidence, :assessable, :dominant, " + EmotionColumns.each(c -> ":" + c)
            + ", :arousal, :valence)";

    private static final String INSERT_AUDIO = "insert into audio_observations (session_id,"
            + " observed_at, detector, duration_seconds, speech_ratio, speech, dominant, "
            + EmotionColumns.list() + ", arousal, valence) values (:session_id, :observed_at,"
            + " :detector, :duration_seconds, :speech_ratio, :speech, :dominant, "
            + EmotionColumns.each(c -> ":" + c) + ", :arousal, :valence)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ObservationStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * @return the new frame observation's id
     * @throws io.github.affect4j.server.ApiException 409 if the session ended
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
        MapSqlParameterSource[] rows = analysis.faces().stream()
                .map(face -> faceRow(frameId, session.id(), at, face))
                .toArray(MapSqlParameterSource[]::new);
        if (rows.length > 0) {
            named.batchUpdate(INSERT_FACE, rows);
        }
        return frameId;
    }

    /**
     * @return the new audio observation's id
     * @throws io.github.affect4j.server.ApiException 409 if the session ended
     */
    @Transactional
    long saveAudio(Session session, OffsetDateTime at, VoiceAnalysis analysis) {
        if (jdbc.sql("update sessions set audio_count = audio_count + 1"
                        + " where id = ? and ended_at is null")
                .param(session.id()).update() != 1) {
            throw Sessions.ended(session);
        }
        VoiceAffect affect = analysis.affect().orElse(null);
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("session_id", session.id())
                .addValue("observed_at", at)
                .addValue("detector", analysis.detector().providerId())
                .addValue("duration_seconds", analysis.durationSeconds())
                .addValue("speech_ratio", analysis.summary().speechRatio())
                .addValue("speech", affect != null);
        if (affect != null) {
            row.addValue("dominant", affect.scores().dominant().label());
            addScores(row, affect.scores());
            row.addValue("arousal", affect.arousal()).addValue("valence", affect.valence());
        } else {
            // No speech: the library does not guess, and neither does the table.
            row.addValue("dominant", null, Types.VARCHAR);
            for (Emotion emotion : EmotionColumns.emotions()) {
                row.addValue(EmotionColumns.column(emotion), null, Types.DOUBLE);
            }
            row.addValue("arousal", null, Types.DOUBLE).addValue("valence", null, Types.DOUBLE);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update(INSERT_AUDIO, row, key, new String[] {"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    private static MapSqlParameterSource faceRow(long frameId, long sessionId,
                                                 OffsetDateTime at, FaceResult face) {
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("frame_id", frameId)
                .addValue("session_id", sessionId)
                .addValue("observed_at", at)
                .addValue("box_x", face.box().x())
                .addValue("box_y", face.box().y())
                .addValue("box_width", face.box().width())
                .addValue("box_height", face.box().height())
                .addValue("confidence", face.confidence())
                .addValue("assessable", face.assessable())
                .addValue("dominant", face.dominant().label())
                .addValue("arousal", face.scores().arousal())
                .addValue("valence", face.scores().valence());
        addScores(row, face.scores());
        return row;
    }

    private static void addScores(MapSqlParameterSource row, EmotionScores scores) {
        for (Emotion emotion : EmotionColumns.emotions()) {
            row.addValue(EmotionColumns.column(emotion), scores.probability(emotion));
        }
    }
}
