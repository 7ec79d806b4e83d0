package com.m365backup.restore.app.security;

import com.m365backup.restore.app.security.policy.SecuritySettings;
import com.m365backup.restore.app.web.GraphErrorWriter;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;

/**
 * Every API path needs a bearer token holding the permission the path needs (docs/api.md); the answers to a
 * missing token or permission are Graph's. Stateless: no session, no cookie, hence no CSRF token either. Open
 * without a token: the actuator (on its own port, on the loopback interface; docs/operations.md), the API
 * description, the OData metadata ({@code $metadata}) and the error page.
 */
@Configuration(proxyBeanMethods = false)
// The command-line modes (replay, seed-history) serve no HTTP and check no token.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Spring Security's firewall answers with it; found by type. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(GraphErrorWriter errors) {
        return new GraphRequestRejected(errors);
    }

    /**
     * No observations of the filter chain, the authentication or the authorization: they time every filter of every
     * request and cost a third of a GET's throughput (measured with bench/run.sh). The HTTP server's own metrics time
     * each request whole.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    HttpFirewall firewall() {
        return FastFirewall.strict();
    }

    @Bean
    @Order(1)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, OperatorSettings operator,
                            GraphErrorWriter errors) throws Exception {
        GraphAuthenticationFailures unauthenticated = new GraphAuthenticationFailures(errors);
        GraphAccessDenied denied = new GraphAccessDenied(errors);
        JwtAuthenticationConverter permissions = new JwtAuthenticationConverter();
        permissions.setJwtGrantedAuthoritiesConverter(new GrantedPermissions());
        return http
                .authorizeHttpRequests(requests -> requests
                        // Path patterns, not Spring MVC's handler lookup for each matcher of each request.
                        .requestMatchers(paths(null, "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**")).permitAll()
                        // The OData metadata describes types, no tenant's data; Graph serves its own without a
                        // token, and OData tooling reads it before it has one.
                        .requestMatchers(paths(HttpMethod.GET, "/$metadata", "/beta/$metadata", "/v1.0/$metadata"))
                        .permitAll()
                        .anyRequest().access(new PermissionCheck(new GraphPathPermissions(settings.auditRole(), operator))))
                .oauth2ResourceServer(tokens -> tokens
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(permissions))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .anonymous(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    private static RequestMatcher[] paths(HttpMethod method, String... patterns) {
        PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withDefaults();
        return Arrays.stream(patterns).map(pattern -> matchers.matcher(method, pattern)).toArray(RequestMatcher[]::new);
    }
}
