package com.m365backup.restore.command.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.util.stream.Stream;

import static com.m365backup.restore.command.session.DeltaPatchTest.addOf;
import static com.m365backup.restore.command.session.DeltaPatchTest.delta;
import static com.m365backup.restore.command.session.DeltaPatchTest.removalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request-level checks of docs/api.md's PATCH: each refuses the whole request with its status and Graph code,
 * with a message that names the problem and nothing of the implementation, and sends no command at all.
 */
@SessionWrites
class DeltaPatchRequestErrorsTest extends WriteSliceTest {

    private static final String PATH =
            "/solutions/backupRestore/exchangeRestoreSessions/0f0e1d2c-3b4a-5968-8776-a5b4c3d2e1f0";
    private static final String ADD = addOf("{\"@odata.id\": \"rp-1\"}", "inPlace");
    private static final String REMOVE = removalOf("a-1", "changed");

    @AfterEach
    void nothingWasSent() {
        verifyNoInteractions(commandGateway, queryGateway);
    }

    static Stream<Arguments> malformedBodies() {
        String fiftyOne = items(51, i -> addOf("{\"@odata.id\": \"rp-" + i + "\"}", "inPlace"));
        return Stream.of(
                row("no body", "", 400, "InvalidPatchRequest"),
                row("not JSON", "{\"mailboxRestoreArtifacts@delta\": [", 400, "InvalidPatchRequest"),
                row("JSON with comments", """
                        {"mailboxRestoreArtifacts@delta": [
                          {"restorePoint": {"@odata.id": "1b014d8c"}, //Create a new mailbox restore artifact
                           "destinationType": "inPlace"}]}""", 400, "InvalidPatchRequest"),
                row("JSON with a block comment", "{/* note */\"mailboxRestoreArtifacts@delta\": [" + ADD + "]}",
                        400, "InvalidPatchRequest"),
                row("a trailing comma", "{\"mailboxRestoreArtifacts@delta\": [" + ADD + ",]}",
                        400, "InvalidPatchRequest"),
                row("a second JSON value after the body", delta(ADD) + " {}", 400, "InvalidPatchRequest"),
                row("a property given twice", "{\"mailboxRestoreArtifacts@delta\": [" + ADD
                        + "], \"mailboxRestoreArtifacts@delta\": [" + REMOVE + "]}", 400, "InvalidPatchRequest"),
                row("not an object", "[]", 400, "InvalidPatchRequest"),
                row("a string", "\"mailboxRestoreArtifacts@delta\"", 400, "InvalidPatchRequest"),
                row("an unexpected property", """
                        {"mailboxRestoreArtifacts@delta": [%s], "status": "active"}""".formatted(ADD),
                        400, "InvalidPatchRequest"),
                row("the artifacts as a plain property", """
                        {"mailboxRestoreArtifacts": [%s]}""".formatted(ADD), 400, "InvalidPatchRequest"),
                row("another type than exchangeRestoreSession", """
                        {"@odata.type": "#microsoft.graph.restoreSessionBase", "mailboxRestoreArtifacts@delta": [%s]}"""
                        .formatted(ADD), 400, "InvalidPatchRequest"),
                row("@delta missing", "{}", 400, "InvalidPatchRequest"),
                row("@delta not an array", "{\"mailboxRestoreArtifacts@delta\": {}}", 400, "InvalidPatchRequest"),
                row("@delta null", "{\"mailboxRestoreArtifacts@delta\": null}", 400, "InvalidPatchRequest"),
                row("an empty array", delta(), 400, "InvalidArtifactRequest"),
                row("51 items", delta(fiftyOne), 400, "RestoreArtifactsLimitBreached"),
                row("an item that is not an object", delta("\"rp-1\""), 400, "InvalidPatchRequest"),
                row("an item that is neither add nor remove", delta("{\"destinationType\": \"inPlace\"}"),
                        400, "InvalidPatchRequest"),
                row("an empty item", delta("{}"), 400, "InvalidPatchRequest"),
                row("an item with an id but no @removed", delta("{\"id\": \"a-1\"}"), 400, "InvalidPatchRequest"),
                row("an add with an id", delta("{\"id\": \"a-1\", \"restorePoint\": {\"id\": \"rp-1\"}, "
                        + "\"destinationType\": \"inPlace\"}"), 400, "InvalidPatchRequest"),
                row("an item that adds and removes", delta("{\"@removed\": {\"reason\": \"changed\"}, \"id\": \"a-1\", "
                        + "\"restorePoint\": {\"id\": \"rp-1\"}}"), 400, "InvalidPatchRequest"),
                row("an unknown removal reason", delta(removalOf("a-1", "gone")), 400, "InvalidPatchRequest"),
                row("a removal without a reason", delta("{\"@removed\": {}, \"id\": \"a-1\"}"),
                        400, "InvalidPatchRequest"),
                row("@removed not an object", delta("{\"@removed\": \"changed\", \"id\": \"a-1\"}"),
                        400, "InvalidPatchRequest"),
                row("a removal without an id", delta("{\"@removed\": {\"reason\": \"changed\"}}"),
                        400, "InvalidPatchRequest"),
                row("a removal of an empty id", delta(removalOf("", "changed")), 400, "InvalidPatchRequest"),
                row("an unknown destination type", delta(addOf("{\"@odata.id\": \"rp-1\"}", "elsewhere")),
                        400, "InvalidPatchRequest"),
                row("the evolvable destination type", delta(addOf("{\"@odata.id\": \"rp-1\"}", "unknownFutureValue")),
                        400, "InvalidPatchRequest"),
                row("an add without a destination type", delta("{\"restorePoint\": {\"id\": \"rp-1\"}}"),
                        400, "InvalidPatchRequest"),
                row("an add with a read-only property", delta("{\"restorePoint\": {\"id\": \"rp-1\"}, "
                        + "\"destinationType\": \"inPlace\", \"status\": \"added\"}"), 400, "InvalidPatchRequest"),
                row("a restore point reference that is empty", delta(addOf("{}", "inPlace")),
                        400, "InvalidPatchRequest"),
                row("a restore point reference with an empty id", delta(addOf("{\"@odata.id\": \"\"}", "inPlace")),
                        400, "InvalidPatchRequest"),
                row("a restore point reference that is not a string",
                        delta(addOf("{\"@odata.id\": 42}", "inPlace")), 400, "InvalidPatchRequest"),
                row("a restore point reference with two ids",
                        delta(addOf("{\"@odata.id\": \"rp-1\", \"id\": \"rp-2\"}", "inPlace")),
                        400, "InvalidPatchRequest"),
                row("a restore point reference to something else",
                        delta(addOf("{\"@odata.id\": \"https://graph.microsoft.com/beta/users/rp-1\"}", "inPlace")),
                        400, "InvalidPatchRequest"),
                row("a restore point as a string", delta(addOf("\"rp-1\"", "inPlace")), 400, "InvalidPatchRequest"),
                row("two different content ids", delta("{\"@contentId\": \"1\", \"@Core.ContentID\": \"2\", "
                        + "\"@removed\": {\"reason\": \"changed\"}, \"id\": \"a-1\"}"), 400, "InvalidPatchRequest"),
                row("a content id that is not a string", delta("{\"@contentId\": 1, "
                        + "\"@removed\": {\"reason\": \"changed\"}, \"id\": \"a-1\"}"), 400, "InvalidPatchRequest"),
                row("an item of another type", delta("{\"@odata.type\": \"#microsoft.graph.granularMailboxRestoreArtifact\", "
                        + "\"restorePoint\": {\"id\": \"rp-1\"}, \"destinationType\": \"inPlace\"}"),
                        400, "InvalidPatchRequest"),
                row("a valid item after an invalid one", delta(ADD, "{\"id\": \"a-1\"}"), 400, "InvalidPatchRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void a_malformed_request_is_refused_whole_before_any_command(String description, String body, int status,
                                                                 String code) throws Exception {
        MvcResult result = mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andReturn();

        assertPatchRefused(result, code);
    }

    @Test
    void a_session_id_that_is_not_a_guid_is_refused() throws Exception {
        MvcResult result = mvc.perform(patch("/solutions/backupRestore/exchangeRestoreSessions/not-a-session-id")
                        .contentType(MediaType.APPLICATION_JSON).content(delta(ADD)))
                .andExpect(status().isBadRequest())
                .andReturn();

        assertPatchRefused(result, "InvalidRestoreSessionId");
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_unsupported() throws Exception {
        mvc.perform(patch(PATH).contentType(MediaType.TEXT_PLAIN).content(delta(ADD)))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void a_body_without_content_type_is_unsupported() throws Exception {
        mvc.perform(patch(PATH).content(delta(ADD)))
                .andExpect(status().isUnsupportedMediaType());
    }

    /** A refused patch names no position in the body either: the parser's message is not passed on. */
    private void assertPatchRefused(MvcResult result, String code) throws Exception {
        assertThat(assertRefused(result, code).get("detail").asText()).doesNotContain("line:", "column:");
    }
}
