package io.github.affect4j.server;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} and shown at {@code /docs}. */
@Configuration
@OpenAPIDefinition(info = @Info(title = "affect4j example server", version = "0.1.0",
        description = "Classrooms, sessions and emotion analysis of uploaded frames and audio "
                + "clips, reported as aggregates unless consent was recorded. Images and audio "
                + "are analysed in memory and never stored. Errors are RFC 9457 problem "
                + "details. Note the EU AI Act, Art. 5(1)(f): emotion recognition in "
                + "education and workplaces is prohibited except for medical or safety reasons."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {
}
