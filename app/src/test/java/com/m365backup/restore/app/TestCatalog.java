package com.m365backup.restore.app;

import com.m365backup.restore.query.restorepoint.RestorePointCatalogFile;
import com.m365backup.restore.query.restorepoint.RestorePointCatalogImport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Puts restore points of a test's own into the catalog, through the same import the service runs at start-up, so
 * that each test works with mailboxes no other test touches.
 */
public record TestCatalog(RestorePointCatalogImport catalog, String tenantId) {

    public static final OffsetDateTime TAKEN = OffsetDateTime.of(2026, 3, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    public static final OffsetDateTime EXPIRES = OffsetDateTime.of(2036, 3, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    public static final OffsetDateTime EXPIRED = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** A restore point that is valid for years, on a mailbox of its own; answers its id. */
    public String restorePoint(String id) {
        return onMailbox("mailbox-of-" + id, id)[0];
    }

    /** That many restore points, each valid for years on a mailbox of its own, their ids starting with the prefix. */
    public List<String> restorePoints(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> restorePoint(prefix + UUID.randomUUID())).toList();
    }

    /** A restore point that has expired, on a mailbox of its own; answers its id. */
    public String expiredRestorePoint(String id) {
        catalog.load(file("mailbox-of-" + id, new RestorePointCatalogFile.RestorePoint(id, TAKEN, EXPIRED, "none")));
        return id;
    }

    /** Valid restore points that all protect one mailbox; answers their ids. */
    public String[] onMailbox(String mailboxId, String... ids) {
        catalog.load(file(mailboxId, Arrays.stream(ids)
                .map(id -> new RestorePointCatalogFile.RestorePoint(id, TAKEN, EXPIRES, "none"))
                .toArray(RestorePointCatalogFile.RestorePoint[]::new)));
        return ids;
    }

    /** A mailbox with these restore points; its email is {@link #email}, its directory object {@link #user}. */
    public void mailbox(String mailboxId, RestorePointCatalogFile.RestorePoint... restorePoints) {
        catalog.load(file(mailboxId, restorePoints));
    }

    /** A restore point taken at that time, valid for years, with that tag ({@code none} or {@code fastRestore}). */
    public static RestorePointCatalogFile.RestorePoint takenAt(String id, OffsetDateTime taken, String tag) {
        return new RestorePointCatalogFile.RestorePoint(id, taken, EXPIRES, tag);
    }

    /** The email address of a mailbox this catalog made. */
    public static String email(String mailboxId) {
        return mailboxId + "@contoso.com";
    }

    /** The directory object id of the user of a mailbox this catalog made. */
    public static String user(String mailboxId) {
        return "user-" + mailboxId;
    }

    private RestorePointCatalogFile file(String mailboxId, RestorePointCatalogFile.RestorePoint... restorePoints) {
        return new RestorePointCatalogFile(List.of(new RestorePointCatalogFile.Tenant(tenantId, List.of(
                new RestorePointCatalogFile.ProtectionUnit(mailboxId, user(mailboxId), "Mailbox " + mailboxId,
                        email(mailboxId), List.of(restorePoints))))));
    }
}
