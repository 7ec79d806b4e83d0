package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.command.session.BulkAdditionRequestBody.TimePeriod;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.RestorePointPreference;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static com.m365backup.restore.command.session.BulkAdditionRequestBody.DESTINATION_TYPE;
import static com.m365backup.restore.command.session.BulkAdditionRequestBody.DIRECTORY_OBJECT_IDS;
import static com.m365backup.restore.command.session.BulkAdditionRequestBody.MAILBOXES;
import static com.m365backup.restore.command.session.BulkAdditionRequestBody.TIME_PERIOD;

/**
 * Reads the body of a bulk addition request (docs/api.md, Bulk addition requests): {@code displayName},
 * {@code mailboxes} (email addresses) and/or {@code directoryObjectIds}, {@code protectionTimePeriod},
 * {@code destinationType}, and optionally {@code restorePointPreference} ({@code latest} by default) and
 * {@code tags}. A malformed body is a 400 {@code BulkRestoreInvalidCreateRequest}, a malformed address
 * {@code BulkRestoreInvalidCreateRequestUserEmail}, more mailboxes than a request may list
 * {@code BulkRestoreRestorationResourcesCountExceedsLimit}. Enum values are case-sensitive; a mailbox listed twice
 * (an address in another case too) is kept once.
 *
 * <p>The properties are bound by Jackson ({@link BulkAdditionRequestBody}), a value of the wrong type refused in the
 * words for its place ({@link #unbound}); what binding cannot tell is checked here: the names a body may carry (the
 * read-only ones only as null, {@code @odata.type} only as this type), and what the typed values may hold.
 */
@Component
class BulkAdditionRequestReader {

    private static final String INVALID = "BulkRestoreInvalidCreateRequest";
    // Set by the service only; SDKs send them (often as null) when a client reuses an object it read.
    private static final Set<String> READ_ONLY = Set.of("id", "status", "error", "createdBy", "createdDateTime",
            "lastModifiedBy", "lastModifiedDateTime", "protectionUnitIds");
    private static final Set<String> TAG_VALUES = Set.of("none", "fastRestore");
    /** An address as a directory holds one: something, an at sign, a domain with a dot; no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int LONGEST_EMAIL = 320;
    private static final String NO_PERIOD = "protectionTimePeriod must give the window to pick restore points in: a"
            + " startDateTime and an endDateTime.";

    private final StrictJson json;
    private final BulkAdditionLimits limits;

    BulkAdditionRequestReader(StrictJson json, BulkAdditionLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    RequestedBulkAddition read(byte[] body) {
        JsonNode request = json.read(body).orElseThrow(() -> invalid("The request body is not valid JSON."));
        if (!request.isObject()) {
            throw invalid("The request body must be a JSON object: the mailboxRestoreArtifactsBulkAdditionRequest"
                    + " to create.");
        }
        requireSettable(request);
        BulkAdditionRequestBody bound = json.bind(inCheckOrder(request), BulkAdditionRequestBody.class,
                BulkAdditionRequestReader::unbound);
        List<String> mailboxes = nonBlank(bound.mailboxes(), MAILBOXES);
        List<String> directoryObjectIds = nonBlank(bound.directoryObjectIds(), DIRECTORY_OBJECT_IDS);
        int count = mailboxes.size() + directoryObjectIds.size();
        if (count == 0) {
            throw invalid("A bulk addition request lists at least one mailbox, in mailboxes (email addresses) or"
                    + " directoryObjectIds.");
        }
        if (count > limits.maxMailboxesPerRequest()) {
            throw RequestRefused.invalid("BulkRestoreRestorationResourcesCountExceedsLimit",
                    "A bulk addition request may list at most " + limits.maxMailboxesPerRequest()
                            + " mailboxes and directory object ids together; this one lists " + count + ".");
        }
        for (String mailbox : mailboxes) {
            if (mailbox.length() > LONGEST_EMAIL || !EMAIL.matcher(mailbox).matches()) {
                throw RequestRefused.invalid("BulkRestoreInvalidCreateRequestUserEmail",
                        "'" + mailbox + "' in mailboxes is not an email address such as adele@contoso.com.");
            }
        }
        TimePeriod period = Optional.ofNullable(bound.protectionTimePeriod()).orElseThrow(() -> invalid(NO_PERIOD));
        Instant from = time(period.startDateTime(), TimePeriod.START);
        Instant until = time(period.endDateTime(), TimePeriod.END);
        if (from.isAfter(until)) {
            throw invalid("protectionTimePeriod must not end before it starts.");
        }
        DestinationType destinationType = Optional.ofNullable(bound.destinationType())
                .flatMap(type -> Arrays.stream(DestinationType.values())
                        .filter(member -> member.graphName().equals(type)).findFirst())
                .orElseThrow(() -> invalid("destinationType must be 'inPlace' or 'new'."));
        RestorePointPreference preference = Optional.ofNullable(bound.restorePointPreference())
                .map(value -> RestorePointPreference.fromGraphName(value)
                        .orElseThrow(() -> invalid("restorePointPreference must be 'latest' or 'oldest'.")))
                .orElse(RestorePointPreference.LATEST);
        String tag = bound.tags();
        if (tag != null && !TAG_VALUES.contains(tag)) {
            throw invalid("tags must be 'none' or 'fastRestore'.");
        }
        return new RequestedBulkAddition(bound.displayName(), distinctAddresses(mailboxes),
                List.copyOf(new LinkedHashSet<>(directoryObjectIds)), from, until, destinationType, preference, tag);
    }

    private static void requireSettable(JsonNode request) {
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = request.get(name);
            if (name.equals(ODataType.ANNOTATION)) {
                if (!ODataType.names(value, ODataType.BULK_ADDITION_REQUEST)) {
                    throw invalid("@odata.type must be '#" + ODataType.BULK_ADDITION_REQUEST + "'.");
                }
            } else if (READ_ONLY.contains(name)) {
                if (!value.isNull()) {
                    throw invalid("The property '" + name + "' is read-only; the service sets it.");
                }
            } else if (!BulkAdditionRequestBody.PROPERTIES.contains(name)) {
                throw invalid("The property '" + name + "' is not one of a bulk addition request.");
            }
        }
    }

    /** The settable properties in the order they are checked, so that a value that does not bind is the first one. */
    private static JsonNode inCheckOrder(JsonNode request) {
        ObjectNode ordered = StrictJson.inOrder(request, BulkAdditionRequestBody.PROPERTIES);
        JsonNode period = ordered.get(TIME_PERIOD);
        if (period != null && period.isObject()) {
            ordered.set(TIME_PERIOD, StrictJson.inOrder(period, TimePeriod.PROPERTIES));
        }
        return ordered;
    }

    /** The refusal of a value that does not bind, by its place in the body. */
    private static RequestRefused unbound(String path) {
        for (String list : List.of(MAILBOXES, DIRECTORY_OBJECT_IDS)) {
            if (path.equals(list)) {
                return invalid("'" + list + "' must be an array of strings.");
            }
            if (path.startsWith(list + "[")) {
                return invalid("'" + list + "' must hold strings that are not empty.");
            }
        }
        if (path.equals(TIME_PERIOD)) {
            return invalid(NO_PERIOD);
        }
        if (path.startsWith(TIME_PERIOD + ".")) {
            return invalid(path + " must be a time such as 2026-03-01T00:00:00Z.");
        }
        if (BulkAdditionRequestBody.PROPERTIES.contains(path)) {
            return invalid("'" + path + "' must be a string.");
        }
        return invalid("The request body is not valid JSON.");
    }

    /** A list left out is empty; an entry must have something in it. */
    private static List<String> nonBlank(List<String> values, String name) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(String::isBlank)) {
            throw invalid("'" + name + "' must hold strings that are not empty.");
        }
        return values;
    }

    /** Addresses compare without regard to case, as a directory compares them; the first spelling is kept. */
    private static List<String> distinctAddresses(List<String> mailboxes) {
        Set<String> seen = new HashSet<>();
        return mailboxes.stream().filter(mailbox -> seen.add(mailbox.toLowerCase(Locale.ROOT))).toList();
    }

    private static Instant time(String value, String name) {
        if (value == null) {
            throw invalid("protectionTimePeriod." + name + " must be a time such as 2026-03-01T00:00:00Z.");
        }
        try {
            // PostgreSQL keeps microseconds: the time answered must be the time read back.
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notATime) {
            throw invalid("protectionTimePeriod." + name + " must be a time such as 2026-03-01T00:00:00Z; '"
                    + value + "' is not.");
        }
    }

    private static RequestRefused invalid(String message) {
        return RequestRefused.invalid(INVALID, message);
    }
}
