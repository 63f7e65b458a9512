package io.github.affect4j.server.reports;

import io.github.affect4j.Emotion;
import io.github.affect4j.server.analysis.EmotionColumns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums behind every report, computed by the database in one query per report: frames, faces
 * and clips are each grouped by a key (the session, or the time bucket) and the three results
 * joined with {@code union all}. The SQL is plain enough for H2 and PostgreSQL alike. Score sums
 * are read by column name.
 */
@Repository
class Aggregates {

    private static final String DOUBLE = "double precision";

    private final JdbcClient jdbc;

    Aggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session's tally (absent from the map when nothing was observed). */
    Map<Long, Tally> ofSession(long sessionId) {
        return query("o.session_id", "o.session_id = :id", Map.of("id", sessionId));
    }

    /** One tally per session of the classroom that has observations, by session id. */
    Map<Long, Tally> ofClassroom(long classroomId) {
        return query("o.session_id",
                "o.session_id in (select s.id from sessions s where s.classroom_id = :id)",
                Map.of("id", classroomId));
    }

    /**
     * One tally per time bucket of the session that has observations, by bucket index from
     * {@code start} (observations before {@code start} count in bucket 0).
     */
    Map<Long, Tally> ofBuckets(long sessionId, OffsetDateTime start, Duration bucket) {
        // Exact decimals (epoch seconds with microseconds), so bucket edges do not drift.
        BigDecimal startSeconds = BigDecimal.valueOf(start.toEpochSecond())
                .add(BigDecimal.valueOf(start.getNano(), 9));
        BigDecimal bucketSeconds = BigDecimal.valueOf(bucket.getSeconds())
                .add(BigDecimal.valueOf(bucket.getNano(), 9));
        return query("cast(floor((extract(epoch from o.observed_at) - :start) / :bucket)"
                        + " as bigint)", "o.session_id = :id",
                Map.of("id", sessionId, "start", startSeconds, "bucket", bucketSeconds));
    }

    private Map<Long, Tally> query(String key, String where, Map<String, ?> params) {
        // The key is computed in a derived table so that GROUP BY names a column: PostgreSQL
        // would not match a repeated expression holding parameters.
        String frames = "select 'frame' as kind, k, detector, count(*) as n,"
                + " cast(max(face_count) as " + DOUBLE + ") as a, " + nulls("b", "c")
                + ", " + EmotionColumns.each(c -> "cast(null as " + DOUBLE + ") as " + c)
                + ", " + nulls("arousal", "valence")
                + " from (select " + key + " as k, o.* from frame_observations o where " + where
                + ") t group by k, detector";
        String faces = "select 'face' as kind, k, cast(null as varchar(100)) as detector,"
                + " count(*) as n, cast(sum(case when assessable then 1 else 0 end) as " + DOUBLE
                + ") as a, " + nulls("b", "c") + ", " + sums()
                + " from (select " + key + " as k, o.* from face_observations o where " + where
                + ") t group by k";
        String clips = "select 'audio' as kind, k, detector, count(*) as n,"
                + " cast(sum(duration_seconds) as " + DOUBLE + ") as a,"
                + " cast(sum(duration_seconds * speech_ratio) as " + DOUBLE + ") as b,"
                + " cast(sum(case when speech then 1 else 0 end) as " + DOUBLE + ") as c, "
                + sums()
                + " from (select " + key + " as k, o.* from audio_observations o where " + where
                + ") t group by k, detector";
        Map<Long, Tally> tallies = new TreeMap<>();
        jdbc.sql(frames + " union all " + faces + " union all " + clips)
                .params(params)
                .query((RowCallbackHandler) rs -> {
                    Tally tally = tallies.computeIfAbsent(rs.getLong("k"), k -> new Tally());
                    switch (rs.getString("kind")) {
                        case "frame" -> tally.addFrames(rs.getInt("n"), (int) rs.getDouble("a"),
                                rs.getString("detector"));
                        case "face" -> tally.addFaces(rs.getInt("n"), (int) rs.getDouble("a"),
                                scores(rs), rs.getDouble("arousal"), rs.getDouble("valence"));
                        case "audio" -> tally.addClips(rs.getInt("n"), rs.getDouble("a"),
                                rs.getDouble("b"), (int) rs.getDouble("c"), scores(rs),
                                rs.getDouble("arousal"), rs.getDouble("valence"),
                                rs.getString("detector"));
                        default -> throw new IllegalStateException("unexpected row kind "
                                + rs.getString("kind"));
                    }
                });
        return tallies;
    }

    private static String nulls(String... names) {
        StringBuilder sql = new StringBuilder();
        for (String name : names) {
            sql.append(sql.isEmpty() ? "" : ", ").append("cast(null as " + DOUBLE + ") as ")
                    .append(name);
        }
        return sql.toString();
    }

    private static String sums() {
        return EmotionColumns.each(c -> "cast(sum(" + c + ") as " + DOUBLE + ") as " + c)
                + ", cast(sum(arousal) as " + DOUBLE + ") as arousal,"
                + " cast(sum(valence) as " + DOUBLE + ") as valence";
    }

    private static Map<Emotion, Double> scores(ResultSet rs) throws SQLException {
        Map<Emotion, Double> sums = new java.util.EnumMap<>(Emotion.class);
        for (Emotion emotion : EmotionColumns.emotions()) {
            sums.put(emotion, rs.getDouble(EmotionColumns.column(emotion)));
        }
        return sums;
    }
}
