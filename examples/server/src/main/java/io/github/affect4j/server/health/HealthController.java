package io.github.affect4j.server.health;

import io.github.affect4j.server.detectors.Detectors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: is the database reachable, which detectors run. No authentication. */
@RestController
@Tag(name = "health")
class HealthController {

    private final DataSource dataSource;
    private final Detectors detectors;

    HealthController(DataSource dataSource, Detectors detectors) {
        this.dataSource = dataSource;
        this.detectors = detectors;
    }

    /**
     * The overall status is {@code UP} when the database answers and both detectors run,
     * {@code DEGRADED} when a detector is missing (its uploads are refused), and {@code DOWN}
     * (with 503) when the database does not answer.
     */
    @GetMapping("/health")
    @Operation(summary = "Status of the database and the detectors in use")
    ResponseEntity<Health> health() {
        Database database = database();
        Detectors.Status face = detectors.faceStatus();
        Detectors.Status voice = detectors.voiceStatus();
        String status = !database.status().equals("UP") ? "DOWN"
                : face.available() && voice.available() ? "UP" : "DEGRADED";
        return ResponseEntity.status(status.equals("DOWN") ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.OK).body(new Health(status, database, Map.of("face", face,
                "voice", voice)));
    }

    private Database database() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return new Database("DOWN", null, "connection is not valid");
            }
            DatabaseMetaData meta = connection.getMetaData();
            return new Database("UP", meta.getDatabaseProductName() + " "
                    + meta.getDatabaseProductVersion(), null);
        } catch (Exception e) {
            return new Database("DOWN", null, e.getMessage());
        }
    }

    /**
     * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}
     * @param database the database check
     * @param detectors {@code face} and {@code voice}
     */
    record Health(String status, Database database, Map<String, Detectors.Status> detectors) {
    }

    /**
     * @param status {@code UP} or {@code DOWN}
     * @param product database product and version, when up
     * @param problem why it is down
     */
    record Database(String status, String product, String problem) {
    }
}
