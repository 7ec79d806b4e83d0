package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.RestorePointPreference;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of a bulk addition request (docs/api.md, Bulk addition requests): {@code displayName},
 * {@code mailboxes} (email addresses) and/or {@code directoryObjectIds}, {@code protectionTimePeriod},
 * {@code destinationType}, and optionally {@code restorePointPreference} ({@code latest} by default) and
 * {@code tags}. A malformed body is a 400 {@code BulkRestoreInvalidCreateRequest}, a malformed address
 * {@code BulkRestoreInvalidCreateRequestUserEmail}, more mailboxes than a request may list
 * {@code BulkRestoreRestorationResourcesCountExceedsLimit}. Enum values are case-sensitive; a mailbox listed twice
 * (an address in another case too) is kept once.
 */
@Component
class BulkAdditionRequestReader {

    private static final String INVALID = "BulkRestoreInvalidCreateRequest";
    private static final String MAILBOXES = "mailboxes";
    private static final String DIRECTORY_OBJECT_IDS = "directoryObjectIds";
    private static final String DESTINATION_TYPE = "destinationType";
    private static final String PREFERENCE = "restorePointPreference";
    private static final String TAGS = "tags";
    private static final String DISPLAY_NAME = "displayName";
    // Set by the service only; SDKs send them (often as null) when a client reuses an object it read.
    private static final Set<String> READ_ONLY = Set.of("id", "status", "error", "createdBy", "createdDateTime",
            "lastModifiedBy", "lastModifiedDateTime", "protectionUnitIds");
    private static final Set<String> TAG_VALUES = Set.of("none", "fastRestore");
    /** An address as a directory holds one: something, an at sign, a domain with a dot; no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int LONGEST_EMAIL = 320;

    private final StrictJson json;
    private final BulkAdditionLimits limits;

    BulkAdditionRequestReader(StrictJson json, BulkAdditionLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    RequestedBulkAddition read(byte[] body) {
        JsonNode sent = json.read(body).orElseThrow(() -> invalid("The request body is not valid JSON."));
        BulkAdditionBody.Request request = BodyBinding.bind(json, sent, BulkAdditionBody.Request.class,
                () -> invalid("The request body must be a JSON object: the mailboxRestoreArtifactsBulkAdditionRequest"
                        + " to create."));
        requireSettable(sent, request.undeclared());
        List<String> mailboxes = strings(request.mailboxes(), MAILBOXES);
        List<String> directoryObjectIds = strings(request.directoryObjectIds(), DIRECTORY_OBJECT_IDS);
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
        BulkAdditionBody.Period period = BodyBinding.bind(json, request.protectionTimePeriod(),
                BulkAdditionBody.Period.class, () -> invalid("protectionTimePeriod must give the window to pick"
                        + " restore points in: a startDateTime and an endDateTime."));
        Instant from = time(period.startDateTime(), "startDateTime");
        Instant until = time(period.endDateTime(), "endDateTime");
        if (from.isAfter(until)) {
            throw invalid("protectionTimePeriod must not end before it starts.");
        }
        DestinationType destinationType = text(request.destinationType(), DESTINATION_TYPE)
                .flatMap(type -> Arrays.stream(DestinationType.values())
                        .filter(member -> member.graphName().equals(type)).findFirst())
                .orElseThrow(() -> invalid("destinationType must be 'inPlace' or 'new'."));
        RestorePointPreference preference = text(request.restorePointPreference(), PREFERENCE)
                .map(value -> RestorePointPreference.fromGraphName(value)
                        .orElseThrow(() -> invalid("restorePointPreference must be 'latest' or 'oldest'.")))
                .orElse(RestorePointPreference.LATEST);
        String tag = text(request.tags(), TAGS)
                .map(value -> {
                    if (!TAG_VALUES.contains(value)) {
                        throw invalid("tags must be 'none' or 'fastRestore'.");
                    }
                    return value;
                })
                .orElse(null);
        String displayName = text(request.displayName(), DISPLAY_NAME).orElse(null);
        return new RequestedBulkAddition(displayName, distinctAddresses(mailboxes),
                List.copyOf(new LinkedHashSet<>(directoryObjectIds)), from, until, destinationType, preference, tag);
    }

    /** What the request does not declare it takes only as its type annotation or a read-only property sent as null. */
    private static void requireSettable(JsonNode sent, Map<String, JsonNode> undeclared) {
        for (String name : BodyBinding.inSentOrder(sent, undeclared)) {
            JsonNode value = undeclared.get(name);
            if (name.equals(ODataType.ANNOTATION)) {
                if (!ODataType.names(value, ODataType.BULK_ADDITION_REQUEST)) {
                    throw invalid("@odata.type must be '#" + ODataType.BULK_ADDITION_REQUEST + "'.");
                }
            } else if (READ_ONLY.contains(name)) {
                if (value != null && !value.isNull()) {
                    throw invalid("The property '" + name + "' is read-only; the service sets it.");
                }
            } else {
                throw invalid("The property '" + name + "' is not one of a bulk addition request.");
            }
        }
    }

    private static List<String> strings(JsonNode values, String name) {
        if (values == null || values.isNull()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw invalid("'" + name + "' must be an array of strings.");
        }
        List<String> read = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw invalid("'" + name + "' must hold strings that are not empty.");
            }
            read.add(value.asText());
        }
        return read;
    }

    /** Addresses compare without regard to case, as a directory compares them; the first spelling is kept. */
    private static List<String> distinctAddresses(List<String> mailboxes) {
        Set<String> seen = new HashSet<>();
        return mailboxes.stream().filter(mailbox -> seen.add(mailbox.toLowerCase(Locale.ROOT))).toList();
    }

    private static Optional<String> text(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid("'" + name + "' must be a string.");
        }
        return Optional.of(value.asText());
    }

    private static Instant time(JsonNode value, String name) {
        if (value == null || !value.isTextual()) {
            throw invalid("protectionTimePeriod." + name + " must be a time such as 2026-03-01T00:00:00Z.");
        }
        try {
            // PostgreSQL keeps microseconds: the time answered must be the time read back.
            return OffsetDateTime.parse(value.asText()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notATime) {
            throw invalid("protectionTimePeriod." + name + " must be a time such as 2026-03-01T00:00:00Z; '"
                    + value.asText() + "' is not.");
        }
    }

    private static RequestRefused invalid(String message) {
        return RequestRefused.invalid(INVALID, message);
    }
}
