package com.m365backup.restore.query.session;

import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.query.ArtifactList;
import com.m365backup.restore.domain.query.ListMailboxArtifacts;
import com.m365backup.restore.domain.query.MailboxRestoreArtifactView;
import com.m365backup.restore.domain.request.GraphPaths;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.ArtifactRestoreStatus;
import com.m365backup.restore.query.graph.GraphCollection;
import com.m365backup.restore.query.graph.QueryCapabilities;
import com.m365backup.restore.query.graph.QueryOptions;
import com.m365backup.restore.query.graph.RequestAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the artifacts of a session, in the order they were added: its mailbox restore artifacts, or its granular
 * ones (docs/api.md, Granular restore), each collection with its own path. A session holds at most its artifact limit
 * (10,000 for a bulk session), so a page is cut from the whole list rather than asked of the database.
 */
@RestController
@RequestMapping({GraphPaths.BACKUP_RESTORE + "/exchangeRestoreSessions/{sessionId}/{collection:"
        + MailboxRestoreArtifactController.COLLECTIONS + "}",
        GraphPaths.BETA_BACKUP_RESTORE + "/exchangeRestoreSessions/{sessionId}/{collection:"
                + MailboxRestoreArtifactController.COLLECTIONS + "}",
        GraphPaths.V1_0_BACKUP_RESTORE + "/exchangeRestoreSessions/{sessionId}/{collection:"
                + MailboxRestoreArtifactController.COLLECTIONS + "}"})
class MailboxRestoreArtifactController {

    static final String MAILBOX_ARTIFACTS = "mailboxRestoreArtifacts";
    static final String GRANULAR_ARTIFACTS = "granularMailboxRestoreArtifacts";
    static final String COLLECTIONS = MAILBOX_ARTIFACTS + "|" + GRANULAR_ARTIFACTS;

    /** Artifacts are always listed with their restore point, so asking for it is honoured by doing nothing more. */
    private static final String RESTORE_POINT = "restorePoint";
    private static final Set<String> SELECTABLE = Set.of("id", "restorePoint", "destinationType", "status",
            "createdDateTime", "startDateTime", "completionDateTime", "error", "restoredFolderId",
            "restoredFolderName", "restoredItemCount");
    private static final QueryCapabilities CAPABILITIES = new QueryCapabilities(Set.of("status"),
            Set.of(), SELECTABLE, List.of(RESTORE_POINT));
    private static final QueryCapabilities GRANULAR_CAPABILITIES = new QueryCapabilities(
            Set.of("status"), Set.of(), union(SELECTABLE, "searchResponseId"), List.of(RESTORE_POINT));

    private final QueryGateway queries;
    private final CurrentCaller caller;

    MailboxRestoreArtifactController(QueryGateway queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GetMapping
    GraphCollection<Object> artifacts(@PathVariable String sessionId, @PathVariable String collection,
                                      HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        QueryOptions options = QueryOptions.ofCollection(request, capabilities(collection));
        List<Predicate<MailboxRestoreArtifactView>> conditions = options.filter().stream()
                .map(MailboxRestoreArtifactController::condition)
                .toList();
        List<MailboxRestoreArtifactView> all = artifactsOf(id, collection).stream()
                .filter(artifact -> conditions.stream().allMatch(condition -> condition.test(artifact)))
                .toList();
        int from = Math.min(options.skip(), all.size());
        int to = Math.min(from + options.top(), all.size());
        return GraphCollection.page(RequestAddress.of(request),
                "solutions/backupRestore/exchangeRestoreSessions('" + id.value() + "')/" + collection,
                all.subList(from, to).stream().map(artifact -> options.selected(artifact)).toList(),
                all.size(), options);
    }

    /** {@code status eq|ne '<artifactRestoreStatus>'}, the one filter artifacts take. */
    private static Predicate<MailboxRestoreArtifactView> condition(QueryOptions.Condition asked) {
        String status = ArtifactRestoreStatus.fromGraphName(asked.value())
                .map(ArtifactRestoreStatus::graphName)
                .orElseThrow(() -> RequestRefused.badRequest("'" + asked.value() + "' is not an artifact status."));
        return switch (asked.comparison()) {
            case "eq" -> artifact -> status.equals(artifact.status());
            case "ne" -> artifact -> !status.equals(artifact.status());
            default -> throw RequestRefused.badRequest("status can be compared with eq and ne only.");
        };
    }

    /**
     * The number of artifacts, as Graph answers {@code $count}: {@code text/plain}. Many HTTP clients send
     * {@code Accept: application/json} whatever they ask for; they get the same number labelled as JSON (a bare
     * number is a JSON document), rather than a 406 or, worse, {@code $count} taken for an artifact's id. Only an
     * Accept that admits neither is a 406.
     */
    @GetMapping(value = "/$count", produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    String count(@PathVariable String sessionId, @PathVariable String collection, HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        QueryOptions.requireNone(request);
        return Integer.toString(artifactsOf(id, collection).size());
    }

    /** Never {@code $count}: that path has its own answer, and an Accept it cannot meet must be a 406 there. */
    @GetMapping("/{artifactId:(?!\\$count$).+}")
    Object artifact(@PathVariable String sessionId, @PathVariable String collection, @PathVariable String artifactId,
                    HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        QueryOptions options = QueryOptions.ofEntity(request, capabilities(collection));
        return artifactsOf(id, collection).stream()
                .filter(artifact -> artifact.id().equalsIgnoreCase(artifactId))
                .findFirst()
                .map(artifact -> options.selected(artifact))
                .orElseThrow(() -> RequestRefused.notFound("itemNotFound",
                        (granular(collection) ? "Granular mailbox restore artifact '" : "Mailbox restore artifact '")
                                + artifactId + "' was not found in restore session '" + id.value() + "'."));
    }

    private List<MailboxRestoreArtifactView> artifactsOf(SessionId id, String collection) {
        ArtifactList list = queries.query(new ListMailboxArtifacts(caller.get().tenantId(), id.value(),
                                granular(collection)),
                        ResponseTypes.instanceOf(ArtifactList.class))
                .join();
        if (!list.sessionFound()) {
            throw id.notFound();
        }
        return list.artifacts();
    }

    private static boolean granular(String collection) {
        return GRANULAR_ARTIFACTS.equals(collection);
    }

    private static QueryCapabilities capabilities(String collection) {
        return granular(collection) ? GRANULAR_CAPABILITIES : CAPABILITIES;
    }

    private static Set<String> union(Set<String> names, String more) {
        Set<String> all = new HashSet<>(names);
        all.add(more);
        return Set.copyOf(all);
    }
}
