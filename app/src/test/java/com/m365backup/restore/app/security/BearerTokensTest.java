package com.m365backup.restore.app.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast way to a bearer token answers every request as Spring Security's resolver does. */
class BearerTokensTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl-_~+/";

    static Stream<MockHttpServletRequest> requests() {
        return Stream.of(
                get("Bearer " + TOKEN),
                get("bearer " + TOKEN),
                get("BEARER " + TOKEN + "=="),
                get("Bearer " + TOKEN + "=x"),
                get("Bearer  " + TOKEN),
                get("Bearer " + TOKEN + " "),
                get("Bearer "),
                get("Bearer"),
                get("Bearer é" + TOKEN),
                get("Basic dXNlcjpwYXNz"),
                get(null),
                withParameter(get("Bearer " + TOKEN), TOKEN),
                withParameter(get(null), TOKEN),
                form("Bearer " + TOKEN, TOKEN),
                form("Bearer " + TOKEN, null),
                json("PATCH", "Bearer " + TOKEN),
                json("PATCH", "Bearer bad token"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void answers_as_spring_securitys_resolver(MockHttpServletRequest request) {
        assertThat(outcome(() -> new BearerTokens().resolve(request)))
                .isEqualTo(outcome(() -> new DefaultBearerTokenResolver().resolve(request)));
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
        }
    }

    private static MockHttpServletRequest get(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/beta/solutions/backupRestore");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static MockHttpServletRequest withParameter(MockHttpServletRequest request, String token) {
        request.addParameter("access_token", token);
        return request;
    }

    private static MockHttpServletRequest form(String authorization, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/beta/solutions/backupRestore");
        request.addHeader("Authorization", authorization);
        request.setContentType("application/x-www-form-urlencoded");
        if (token != null) {
            request.addParameter("access_token", token);
        }
        return request;
    }

    private static MockHttpServletRequest json(String method, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/beta/solutions/backupRestore");
        request.addHeader("Authorization", authorization);
        request.setContentType("application/json");
        return request;
    }
}
