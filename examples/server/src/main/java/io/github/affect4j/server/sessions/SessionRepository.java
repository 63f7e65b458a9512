package io.github.affect4j.server.sessions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code sessions} table. */
@Repository
class SessionRepository {

    private static final RowMapper<Session> ROW = (rs, row) -> new Session(rs.getLong("id"),
            rs.getLong("classroom_id"), rs.getString("title"), rs.getBoolean("consent"),
            rs.getObject("started_at", OffsetDateTime.class),
            rs.getObject("ended_at", OffsetDateTime.class), rs.getInt("frame_count"),
            rs.getInt("face_count"), rs.getInt("audio_count"));

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long classroomId, String title, boolean consent, Long consentBy,
                OffsetDateTime startedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into sessions (classroom_id, title, consent, consent_by, started_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(classroomId, title, consent, consentBy, startedAt).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Session> find(long id) {
        return jdbc.sql("select * from sessions where id = ?").param(id).query(ROW).optional();
    }

    List<Session> inClassroom(long classroomId) {
        return jdbc.sql("select * from sessions where classroom_id = ? order by id")
                .param(classroomId).query(ROW).list();
    }

    /** Ends an active session; false if it had already ended. */
    boolean end(long id, OffsetDateTime endedAt) {
        return jdbc.sql("update sessions set ended_at = ? where id = ? and ended_at is null")
                .params(endedAt, id).update() == 1;
    }
}
