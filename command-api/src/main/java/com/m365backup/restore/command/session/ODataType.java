package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code @odata.type} annotation a Graph SDK puts on the objects it sends: accepted when it names the type that
 * the position expects, with or without the leading {@code #}, in any case, as Graph does.
 */
final class ODataType {

    static final String ANNOTATION = "@odata.type";
    static final String EXCHANGE_RESTORE_SESSION = "microsoft.graph.exchangeRestoreSession";
    static final String MAILBOX_RESTORE_ARTIFACT = "microsoft.graph.mailboxRestoreArtifact";
    static final String GRANULAR_MAILBOX_RESTORE_ARTIFACT = "microsoft.graph.granularMailboxRestoreArtifact";
    static final String BULK_ADDITION_REQUEST = "microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest";

    private ODataType() {
    }

    static boolean names(JsonNode annotation, String qualifiedName) {
        if (annotation == null || !annotation.isTextual()) {
            return false;
        }
        String type = annotation.asText();
        return type.equalsIgnoreCase(qualifiedName) || type.equalsIgnoreCase("#" + qualifiedName);
    }
}
