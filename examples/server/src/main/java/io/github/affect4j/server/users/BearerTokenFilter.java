package io.github.affect4j.server.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} by the token's hash. A missing or unknown
 * token leaves the request anonymous; the security rules then answer 401.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute saying why authentication failed, for the 401 answer. */
    static final String FAILURE = BearerTokenFilter.class.getName() + ".failure";

    private final UserRepository users;

    BearerTokenFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    FilterChain chain) throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            request.setAttribute(FAILURE, "No bearer token: send 'Authorization: Bearer <token>'");
        } else if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            request.setAttribute(FAILURE, "The Authorization header is not 'Bearer <token>'");
        } else {
            users.findByTokenHash(Tokens.hash(header.substring(7).strip())).ifPresentOrElse(
                    user -> SecurityContextHolder.getContext().setAuthentication(
                            new UsernamePasswordAuthenticationToken(user, null, List.of(
                                    new SimpleGrantedAuthority("ROLE_" + user.role().name())))),
                    () -> request.setAttribute(FAILURE, "Unknown bearer token"));
        }
        chain.doFilter(request, response);
    }
}
