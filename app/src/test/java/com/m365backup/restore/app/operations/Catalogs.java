package com.m365backup.restore.app.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A restore point catalog file for a service started by a test: one mailbox per restore point, none expiring. */
final class Catalogs {

    private Catalogs() {
    }

    static Path write(Path file, String tenant, List<String> restorePoints) throws IOException {
        String units = restorePoints.stream()
                .map(id -> """
                        {"id": "unit-%1$s", "directoryObjectId": "user-%1$s", "displayName": "Mailbox %1$s",
                         "email": "%1$s@contoso.com",
                         "restorePoints": [{"id": "%1$s", "protectionDateTime": "2026-11-01T02:00:00Z"}]}"""
                        .formatted(id))
                .collect(Collectors.joining(",\n"));
        Files.writeString(file, """
                {"tenants": [{"tenantId": "%s", "protectionUnits": [%s]}]}""".formatted(tenant, units));
        return file;
    }
}
