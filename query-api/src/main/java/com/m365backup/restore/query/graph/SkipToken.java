package com.m365backup.restore.query.graph;

import com.m365backup.restore.domain.request.RequestRefused;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page starts: after a number of members, or after a member of a collection whose order is known
 * (its ordering value and id, so that members added meanwhile neither repeat nor hide one). Clients treat
 * {@code $skiptoken} as opaque and follow {@code @odata.nextLink}; it is encoded so that nobody builds it by hand and
 * so that its form may change later.
 */
record SkipToken(int skip, QueryOptions.After after) {

    private static final Pattern SKIP = Pattern.compile("skip:(\\d{1,9})");
    /**
     * The page before ended at a member: a session (its id a GUID this service made) or a protection unit (its id
     * the catalog's, opaque text); no control character, which PostgreSQL would refuse in a parameter.
     */
    private static final Pattern AFTER = Pattern.compile(
            "after:(-?\\d{1,19})\\.(\\d{1,9}):([^\\x00-\\x1f\\x7f]{1,255})");

    static SkipToken parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            Matcher skip = SKIP.matcher(text);
            if (skip.matches()) {
                return new SkipToken(Integer.parseInt(skip.group(1)), null);
            }
            Matcher after = AFTER.matcher(text);
            if (after.matches()) {
                Instant value = Instant.ofEpochSecond(Long.parseLong(after.group(1)), Long.parseLong(after.group(2)));
                // A token this service made names a stored time; any other is crafted, and PostgreSQL would refuse
                // a time outside its range with an error.
                if (DateTimeOffsets.supported(value)) {
                    return new SkipToken(0, new QueryOptions.After(value, after.group(3)));
                }
            }
        } catch (IllegalArgumentException | DateTimeException notOurs) {
            // answered below, like any other token this service did not make
        }
        throw RequestRefused.badRequest("The $skiptoken is not valid; follow @odata.nextLink exactly as it was given.");
    }

    String value() {
        String text = after == null
                ? "skip:" + skip
                : "after:" + after.value().getEpochSecond() + "." + after.value().getNano() + ":" + after.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
