package com.m365backup.restore.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * What the service accepts of a request and how it names itself in links (docs/configuration.md).
 *
 * @param maxBodySize     the largest request body; a larger one is a 413 (docs/api.md, Errors)
 * @param bodyTimeout     how long a client may take to send a request body, all of it: a slower one is cut off
 *                        with 408, so that no client holds a worker by trickling a body (docs/api.md, Answers that
 *                        never contradict the store)
 * @param responseTimeout how long a client may take to read an answer, all of it: the connection of a slower one
 *                        is closed
 * @param publicBaseUrl   the address clients reach the service at (behind a proxy, the proxy's), such as
 *                        {@code https://restore.contoso.com}, with a path if the proxy adds one; when set, every
 *                        link ({@code @odata.context}, {@code @odata.nextLink}, {@code Location}) starts with it
 * @param allowedHosts    without a public base URL, the host names a request's {@code Host} may name for links to
 *                        use it ({@code name} for any port the service listens on, {@code name:port} for that port
 *                        only); any other {@code Host} is never echoed
 */
@ConfigurationProperties("restore.http")
public record HttpSettings(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration bodyTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> allowedHosts) {
}
