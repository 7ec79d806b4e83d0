package com.m365backup.restore.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.util.List;

/**
 * How the service names itself in links (README, Configuration).
 *
 * @param publicBaseUrl   the address clients reach the service at (behind a proxy, the proxy's), such as
 *                        {@code https://restore.contoso.com}, with a path if the proxy adds one; when set, every
 *                        link ({@code @odata.context}, {@code @odata.nextLink}, {@code Location}) starts with it
 * @param allowedHosts    without a public base URL, the host names a request's {@code Host} may name for links to
 *                        use it ({@code name} for any port the service listens on, {@code name:port} for that port
 *                        only); any other {@code Host} is never echoed
 */
@ConfigurationProperties("restore.http")
public record HttpSettings(
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> allowedHosts) {
}
