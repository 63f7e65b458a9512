package io.github.affect4j.server.classrooms;

import java.time.OffsetDateTime;

/**
 * A classroom: a teacher's group whose sessions are analysed.
 *
 * @param id the classroom id
 * @param name its name
 * @param ownerId the teacher who owns it
 * @param createdAt when it was created
 */
public record Classroom(long id, String name, long ownerId, OffsetDateTime createdAt) {
}
