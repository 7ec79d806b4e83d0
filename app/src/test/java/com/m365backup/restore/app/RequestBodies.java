package com.m365backup.restore.app;

import java.util.List;
import java.util.stream.Collectors;

/** Bodies of the requests tests send, built the same way everywhere. */
public final class RequestBodies {

    /**
     * A create with one in-place artifact on a restore point of the demo catalog, in the default tenant: for the tests
     * that need any valid write and look at something else (who may send it, who sent it).
     */
    public static final String CREATE = """
            {"mailboxRestoreArtifacts": [
              {"restorePoint": {"@odata.id": "0a014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}]}""";

    /** A delta PATCH that adds one in-place artifact on another restore point of the demo catalog. */
    public static final String ADD = """
            {"mailboxRestoreArtifacts@delta": [
              {"restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}]}""";

    private RequestBodies() {
    }

    /**
     * One in-place artifact for each restore point under the given member: {@code mailboxRestoreArtifacts} for a
     * create, {@code mailboxRestoreArtifacts@delta} for a PATCH.
     */
    public static String inPlace(String member, List<String> restorePoints) {
        return restorePoints.stream()
                .map(id -> "{\"restorePoint\": {\"id\": \"%s\"}, \"destinationType\": \"inPlace\"}".formatted(id))
                .collect(Collectors.joining(", ", "{\"" + member + "\": [", "]}"));
    }
}
