package io.github.affect4j.server;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and shown at {@code /docs}, with the
 * problems each operation can answer: {@link #ERRORS} lists them per operation id, so the
 * controllers carry no response annotations, and every problem refers to one shared
 * {@code Problem} schema (RFC 9457).
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "affect4j example server", version = "0.1.0",
        description = "Classrooms, sessions and emotion analysis of uploaded frames and audio "
                + "clips, reported as aggregates unless consent was recorded. Images and audio "
                + "are analysed in memory and never stored. Errors are RFC 9457 problem "
                + "details. Note the EU AI Act, Art. 5(1)(f): emotion recognition in "
                + "education and workplaces is prohibited except for medical or safety reasons."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenApiConfiguration.class);

    /** The name of the shared problem schema under {@code components.schemas}. */
    static final String PROBLEM = "Problem";

    /** Problems every operation under {@code /api} can answer. */
    static final List<Integer> COMMON = List.of(401, 429, 500, 503);

    /** The problems particular to each operation, by operation id. */
    static final Map<String, List<Integer>> ERRORS = Map.ofEntries(
            Map.entry("createUser", List.of(400, 403)),
            Map.entry("reissueToken", List.of(400, 403, 404)),
            Map.entry("revokeTokens", List.of(400, 403, 404)),
            Map.entry("createClassroom", List.of(400)),
            Map.entry("listClassrooms", List.of()),
            Map.entry("getClassroom", List.of(400, 403, 404)),
            Map.entry("renameClassroom", List.of(400, 403, 404)),
            Map.entry("deleteClassroom", List.of(400, 403, 404)),
            Map.entry("startSession", List.of(400, 403, 404)),
            Map.entry("listSessions", List.of(400, 403, 404)),
            Map.entry("getSession", List.of(400, 403, 404)),
            Map.entry("endSession", List.of(400, 403, 404, 409)),
            Map.entry("analyseFrame", List.of(400, 403, 404, 409, 413, 415, 422)),
            Map.entry("analyseAudio", List.of(400, 403, 404, 409, 413, 415, 422)),
            Map.entry("sessionTimeline", List.of(400, 403, 404)),
            Map.entry("sessionSummary", List.of(400, 403, 404)),
            Map.entry("sessionEvents", List.of(400, 403, 404)),
            Map.entry("classroomEvents", List.of(400, 403, 404)),
            Map.entry("classroomSummary", List.of(400, 403, 404)));

    /** What each status means here. */
    static final Map<Integer, String> MEANING = Map.ofEntries(
            Map.entry(400, "Invalid request: a bad parameter, body or missing part"),
            Map.entry(401, "No valid bearer token (missing, unknown, revoked or expired)"),
            Map.entry(403, "Not allowed: another teacher's resource, or administrators only"),
            Map.entry(404, "No such resource"),
            Map.entry(409, "Conflicts with the stored state (an ended session, a duplicate)"),
            Map.entry(413, "The upload, image or clip is larger than the server's limits"),
            Map.entry(415, "Not a supported media type, recognised from the bytes"),
            Map.entry(422, "Truncated or corrupt media; the detail gives the decoder's reason"),
            Map.entry(429, "Too many failed authentications from this address; see "
                    + "Retry-After"),
            Map.entry(500, "Unexpected error; the problem's correlationId is in the server log"),
            Map.entry(503, "Unavailable: the database is down, the analysis queue is full (both "
                    + "with Retry-After), or no detector of that kind runs"));

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                List<Integer> specific = ERRORS.get(operation.getOperationId());
                if (specific == null) {
                    log.warn("OpenAPI: operation {} ({}) has no entry in the problem table; only "
                            + "the common problems are listed", operation.getOperationId(), path);
                    specific = List.of();
                }
                Set<Integer> statuses = new TreeSet<>(specific);
                if (path.startsWith("/api/")) {
                    statuses.addAll(COMMON);
                }
                statuses.forEach(status -> addProblem(operation, status));
            }));
        };
    }

    private static void addProblem(Operation operation, int status) {
        ApiResponses responses = operation.getResponses();
        ApiResponse response = new ApiResponse().description(MEANING.get(status))
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/"
                                + PROBLEM))));
        if (status == 429 || status == 503) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before retrying, when waiting helps")
                    .schema(new IntegerSchema()));
        }
        responses.addApiResponse(Integer.toString(status), response);
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri")
                .description("Problem type; about:blank for plain HTTP statuses"));
        properties.put("title", new StringSchema().description("The status's reason phrase"));
        properties.put("status", new IntegerSchema().description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What was wrong"));
        properties.put("instance", new StringSchema().format("uri")
                .description("The request path"));
        properties.put("correlationId", new StringSchema()
                .description("On 500: the id of the server's log entry"));
        properties.put("problem", new StringSchema()
                .description("On media errors: EMPTY, TOO_LARGE, UNSUPPORTED_FORMAT, TRUNCATED "
                        + "or CORRUPT"));
        ObjectSchema schema = new ObjectSchema();
        schema.description("An RFC 9457 problem detail (application/problem+json)");
        schema.setProperties(properties);
        return schema;
    }
}
