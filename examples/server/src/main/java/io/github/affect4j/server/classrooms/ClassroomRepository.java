package io.github.affect4j.server.classrooms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code classrooms} table. */
@Repository
class ClassroomRepository {

    private static final RowMapper<Classroom> ROW = (rs, row) -> new Classroom(rs.getLong("id"),
            rs.getString("name"), rs.getLong("owner_id"),
            rs.getObject("created_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    ClassroomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long ownerId, String name, OffsetDateTime createdAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into classrooms (owner_id, name, created_at) values (?, ?, ?)")
                .params(ownerId, name, createdAt).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Classroom> find(long id) {
        return jdbc.sql("select * from classrooms where id = ?").param(id).query(ROW).optional();
    }

    List<Classroom> all() {
        return jdbc.sql("select * from classrooms order by id").query(ROW).list();
    }

    List<Classroom> ownedBy(long ownerId) {
        return jdbc.sql("select * from classrooms where owner_id = ? order by id").param(ownerId)
                .query(ROW).list();
    }

    void rename(long id, String name) {
        jdbc.sql("update classrooms set name = ? where id = ?").params(name, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from classrooms where id = ?").param(id).update();
    }
}
