package com.m365backup.restore.query.bulk;

import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.query.BulkAdditionRequestList;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.query.ListBulkAdditionRequests;
import com.m365backup.restore.domain.query.PublicError;
import com.m365backup.restore.domain.query.PublicErrorDetail;
import com.m365backup.restore.domain.query.TimePeriodView;
import com.m365backup.restore.query.ReadEndpointTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.json.JsonCompareMode;

import java.time.OffsetDateTime;
import java.util.List;

import static com.m365backup.restore.query.session.QueryAnswers.answer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reads of bulk addition requests render Graph's JSON (docs/api.md, Bulk addition requests): the list without
 * the mailboxes, the request by its id with them, the count; an unknown request and an unknown session each with
 * their own code.
 */
@WebMvcTest(controllers = BulkAdditionRequestController.class, properties = "spring.mvc.problemdetails.enabled=true")
class BulkAdditionRequestControllerTest extends ReadEndpointTest {

    private static final String TENANT = "tenant-a";
    private static final String SESSION = "0f0e1d2c-3b4a-5968-8776-a5b4c3d2e1f0";
    private static final String REQUESTS = "/beta/solutions/backupRestore/exchangeRestoreSessions/" + SESSION
            + "/mailboxRestoreArtifactsBulkAdditionRequests";
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-05-01T10:00:00Z");
    private static final String REQUEST_JSON = """
            {"@odata.type": "#microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest", "id": "bulk-1",
             "displayName": "Sales", "destinationType": "inPlace",
             "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2026-04-30T00:00:00Z"},
             "restorePointPreference": "latest", "tags": null, "status": "completedWithErrors",
             "error": {"code": "BulkRestoreMailboxesNotResolved", "message": "1 of 2.",
                       "details": [{"code": "ProtectionUnitNotFound", "message": "No such mailbox.",
                                    "target": "nobody@contoso.com"}]},
             %s"directoryObjectIds": [], "protectionUnitIds": null,
             "createdBy": {"user": {"id": "u-1", "displayName": "Megan Bowen"}},
             "createdDateTime": "2026-05-01T10:00:00Z",
             "lastModifiedBy": {"user": {"id": "u-1", "displayName": "Megan Bowen"}},
             "lastModifiedDateTime": "2026-05-01T10:00:00Z"}""";

    BulkAdditionRequestControllerTest() {
        super(TENANT);
    }

    @BeforeEach
    void aSessionWithOneResolvedRequest() {
        answer(queries, new ListBulkAdditionRequests(TENANT, SESSION, false),
                new BulkAdditionRequestList(true, List.of(request(null))));
        answer(queries, new ListBulkAdditionRequests(TENANT, SESSION, true),
                new BulkAdditionRequestList(true, List.of(request(List.of("adele@contoso.com", "nobody@contoso.com")))));
    }

    @Test
    void the_list_shows_each_request_without_its_mailboxes() throws Exception {
        mvc.perform(get(REQUESTS))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.context": "http://localhost/beta/$metadata#solutions/backupRestore/exchangeRestoreSessions('%s')/mailboxRestoreArtifactsBulkAdditionRequests",
                         "value": [%s]}""".formatted(SESSION, REQUEST_JSON.formatted("")), JsonCompareMode.STRICT));
    }

    @Test
    void a_request_read_by_its_id_shows_its_mailboxes() throws Exception {
        mvc.perform(get(REQUESTS + "/bulk-1"))
                .andExpect(status().isOk())
                .andExpect(content().json(REQUEST_JSON.formatted(
                        "\"mailboxes\": [\"adele@contoso.com\", \"nobody@contoso.com\"], "), JsonCompareMode.STRICT));
    }

    @Test
    void the_requests_are_counted() throws Exception {
        mvc.perform(get(REQUESTS + "/$count"))
                .andExpect(status().isOk())
                .andExpect(content().string("1"));
    }

    @Test
    void an_unknown_request_and_an_unknown_session_have_codes_of_their_own() throws Exception {
        String unknownSession = "1f0e1d2c-3b4a-5968-8776-a5b4c3d2e1f0";
        answer(queries, new ListBulkAdditionRequests(TENANT, unknownSession, false),
                new BulkAdditionRequestList(false, List.of()));

        mvc.perform(get(REQUESTS + "/bulk-2"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("BulkRestoreArtifactsNotFound"));
        mvc.perform(get("/beta/solutions/backupRestore/exchangeRestoreSessions/" + unknownSession
                        + "/mailboxRestoreArtifactsBulkAdditionRequests"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RestoreSessionNotFound"));
        mvc.perform(get("/beta/solutions/backupRestore/exchangeRestoreSessions/not-a-guid"
                        + "/mailboxRestoreArtifactsBulkAdditionRequests"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRestoreSessionId"));
    }

    private static BulkAdditionRequestView request(List<String> mailboxes) {
        IdentitySet megan = IdentitySet.ofUser("u-1", "Megan Bowen");
        return new BulkAdditionRequestView("bulk-1", SESSION, "Sales", "inPlace",
                new TimePeriodView(OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                        OffsetDateTime.parse("2026-04-30T00:00:00Z")),
                "latest", null, "completedWithErrors",
                new PublicError("BulkRestoreMailboxesNotResolved", "1 of 2.", null,
                        List.of(new PublicErrorDetail("ProtectionUnitNotFound", "No such mailbox.",
                                "nobody@contoso.com"))),
                mailboxes, List.of(), megan, CREATED, megan, CREATED);
    }
}
