package com.m365backup.restore.query.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page starts. Clients treat {@code $skiptoken} as opaque and follow {@code @odata.nextLink}; it is
 * encoded so that nobody builds it by hand and so that its form may change later.
 */
record SkipToken(int skip) {

    private static final Pattern FORM = Pattern.compile("skip:(\\d{1,9})");

    static SkipToken parse(String token) {
        try {
            Matcher matcher = FORM.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (matcher.matches()) {
                return new SkipToken(Integer.parseInt(matcher.group(1)));
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below, like any other token this service did not make
        }
        throw GraphErrors.badRequest("The $skiptoken is not valid; follow @odata.nextLink exactly as it was given.");
    }

    String value() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("skip:" + skip).getBytes(StandardCharsets.UTF_8));
    }
}
