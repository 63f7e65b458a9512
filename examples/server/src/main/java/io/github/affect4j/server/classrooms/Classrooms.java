package io.github.affect4j.server.classrooms;

import io.github.affect4j.server.ApiException;
import io.github.affect4j.server.users.UserAccount;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classrooms and who may touch them: a teacher only their own (403 otherwise), an administrator
 * all; unknown ids are 404 for everyone.
 */
@Service
public class Classrooms {

    private final ClassroomRepository repository;
    private final Clock clock;

    Classrooms(ClassroomRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The classroom, if this user may see and change it.
     *
     * @throws ApiException 404 if it does not exist, 403 if it is someone else's
     */
    public Classroom accessible(long id, UserAccount user) {
        Classroom classroom = repository.find(id).orElseThrow(() -> ApiException.notFound(
                "Classroom " + id + " does not exist"));
        if (!user.isAdmin() && classroom.ownerId() != user.id()) {
            throw ApiException.forbidden(
                    "Classroom " + id + " belongs to another teacher");
        }
        return classroom;
    }

    Classroom create(String name, UserAccount owner) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        return new Classroom(repository.insert(owner.id(), name, now), name, owner.id(), now);
    }

    List<Classroom> visibleTo(UserAccount user) {
        return user.isAdmin() ? repository.all() : repository.ownedBy(user.id());
    }

    @Transactional
    Classroom rename(long id, String name, UserAccount user) {
        Classroom classroom = accessible(id, user);
        repository.rename(id, name);
        return new Classroom(id, name, classroom.ownerId(), classroom.createdAt());
    }

    /** Deletes the classroom with its sessions and all their observations. */
    @Transactional
    void delete(long id, UserAccount user) {
        accessible(id, user);
        repository.delete(id);
    }
}
