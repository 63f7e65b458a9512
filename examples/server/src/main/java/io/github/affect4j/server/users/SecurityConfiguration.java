package io.github.affect4j.server.users;

import io.github.affect4j.server.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.affect4j.server.Affect4jProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Bearer tokens on {@code /api/**} and {@code /metrics}; {@code /health} (its public part) and the
 * API documentation are open. Stateless:
 * no HTTP session, no cookies, hence no CSRF exposure.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserRepository users, ObjectMapper json,
                            Clock clock, Affect4jProperties properties) throws Exception {
        Affect4jProperties.Tokens tokens = properties.tokens();
        ProblemResponses problems = new ProblemResponses(json);
        FailedAuthentications failures = new FailedAuthentications(clock, tokens.maxFailures(),
                tokens.failureRefill());
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(users, failures, clock, tokens.lifetime(),
                        problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/users").hasRole("ADMIN")
                        .requestMatchers("/metrics", "/metrics/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED,
                                        String.valueOf(request.getAttribute(
                                                BearerTokenFilter.FAILURE))))
                        .accessDeniedHandler((request, response, denied) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN,
                                        "This needs an administrator's token")));
        return http.build();
    }

    /** No user names and passwords: stops Spring Boot from generating a default user. */
    @Bean
    UserDetailsService noPasswordUsers() {
        return name -> {
            throw new org.springframework.security.core.userdetails.UsernameNotFoundException(name);
        };
    }
}
