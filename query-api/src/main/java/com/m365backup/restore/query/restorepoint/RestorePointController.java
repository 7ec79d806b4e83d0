package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.query.CountMatchingMessages;
import com.m365backup.restore.domain.query.FindRestorePoint;
import com.m365backup.restore.domain.query.ListRestorePoints;
import com.m365backup.restore.domain.query.RestorePointList;
import com.m365backup.restore.domain.query.RestorePointView;
import com.m365backup.restore.domain.query.SearchRestorePoints;
import com.m365backup.restore.domain.request.GraphPaths;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.ArtifactQuery;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Reads restore points from the catalog: the list of one mailbox's, one by id ({@code $expand=protectionUnit} shows
 * its mailbox) and the search of docs/api.md, at the root and under {@code /beta} and {@code /v1.0}.
 */
@RestController
@RequestMapping({GraphPaths.BACKUP_RESTORE + "/restorePoints", GraphPaths.BETA_BACKUP_RESTORE + "/restorePoints",
        GraphPaths.V1_0_BACKUP_RESTORE + "/restorePoints"})
class RestorePointController {

    private static final String PROTECTION_UNIT = "protectionUnit";
    private static final String RESTORE_POINTS = "solutions/backupRestore/restorePoints";
    private static final String PROTECTION_DATE_TIME = "protectionDateTime";
    /** Graph's list answers at most five restore points. */
    private static final int LIST_LIMIT = 5;
    private static final QueryCapabilities LIST_CAPABILITIES = new QueryCapabilities(
            Set.of(PROTECTION_DATE_TIME), Set.of(PROTECTION_DATE_TIME), Set.of(), List.of(PROTECTION_UNIT))
            .withOperators("lt", "le", "gt", "ge")
            .withFilterInExpand(PROTECTION_UNIT, "id")
            .atMost(LIST_LIMIT);

    private final QueryGateway queries;
    private final CurrentCaller caller;
    private final RestorePointSearchReader searches;
    private final GranularSearches granularSearches;

    RestorePointController(QueryGateway queries, CurrentCaller caller, RestorePointSearchReader searches,
                           GranularSearches granularSearches) {
        this.queries = queries;
        this.caller = caller;
        this.searches = searches;
        this.granularSearches = granularSearches;
    }

    /**
     * Graph's list of restore points: those of the one protection unit that
     * {@code $expand=protectionUnit($filter=id eq '...')} names, newest first (oldest first with
     * {@code $orderby=protectionDateTime asc}), at most five, each with its protection unit. Graph's docs make the
     * expansion with its filter required; without it the list would be every mailbox's restore points cut at five,
     * an answer no client can use, so it is a 400 that says how to ask. {@code $filter} on protectionDateTime
     * ({@code lt}, {@code le}, {@code gt}, {@code ge}) narrows the window; Graph requires it too, here it may be
     * left out. Older restore points are read by filtering before the oldest one shown, as there is no next page.
     */
    @GetMapping
    GraphCollection<RestorePointView> restorePoints(HttpServletRequest request) {
        QueryOptions options = QueryOptions.ofCollection(request, LIST_CAPABILITIES);
        String unitId = unitOf(options);
        RestorePointList list = queries.query(new ListRestorePoints(caller.get().tenantId(), unitId,
                                options.filter().stream().map(RestorePointController::timeCondition).toList(),
                                options.orderBy().map(order -> !order.descending()).orElse(false),
                                Math.min(options.top(), LIST_LIMIT)),
                        ResponseTypes.instanceOf(RestorePointList.class))
                .join();
        return GraphCollection.pageBefore(RequestAddress.of(request), RESTORE_POINTS, list.restorePoints(),
                list.total(), options, null);
    }

    private static String unitOf(QueryOptions options) {
        List<QueryOptions.Condition> unit = options.filterInExpand(PROTECTION_UNIT);
        if (unit.size() != 1) {
            throw RequestRefused.badRequest("List restore points of one protection unit, as Graph asks: "
                    + "$expand=protectionUnit($filter=id eq '<protection unit id>'). The ids are in the lists of "
                    + "protectionUnits and mailboxProtectionUnits.");
        }
        return unit.get(0).value();
    }

    private static ListRestorePoints.TimeCondition timeCondition(QueryOptions.Condition asked) {
        ListRestorePoints.Comparison comparison =
                ListRestorePoints.Comparison.valueOf(asked.comparison().toUpperCase(Locale.ROOT));
        try {
            return new ListRestorePoints.TimeCondition(comparison, OffsetDateTime.parse(asked.value()).toInstant());
        } catch (DateTimeParseException notATime) {
            throw RequestRefused.badRequest("'" + asked.value() + "' is not a time such as 2026-01-31T12:00:00Z.");
        }
    }

    @GetMapping("/{restorePointId}")
    RestorePointView restorePoint(@PathVariable String restorePointId, HttpServletRequest request) {
        QueryOptions options = QueryOptions.ofEntity(request, PROTECTION_UNIT);
        RestorePointView restorePoint = queries.query(new FindRestorePoint(caller.get().tenantId(), restorePointId),
                        ResponseTypes.optionalInstanceOf(RestorePointView.class))
                .join()
                .orElseThrow(() -> RequestRefused.notFound("itemNotFound",
                        "Restore point '" + restorePointId + "' was not found."));
        return options.expands(PROTECTION_UNIT) ? restorePoint : restorePoint.withoutProtectionUnit();
    }

    /**
     * Graph's search: the restore points of some protection units within a time window. With an
     * {@code artifactQuery} it is a granular search of the messages of exactly one unit (docs/api.md, Granular
     * restore): each restore point found carries {@code artifactHitCount}, the messages the query finds in its
     * mailbox, and the search is kept for its retention under its {@code searchResponseId}, which granular artifacts
     * name.
     */
    @PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    RestorePointSearchResponse search(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        QueryOptions.requireNone(request);
        RestorePointSearchRequest read = searches.read(body);
        SearchRestorePoints search = read.in(caller.get().tenantId());
        ArtifactQuery artifactQuery = read.artifactQuery() == null ? null : ArtifactQueryReader.read(read.artifactQuery());
        if (artifactQuery != null && search.protectionUnitIds().size() != 1) {
            throw RestorePointSearchReader.invalid("A search with an artifactQuery names exactly one protection unit;"
                    + " this one names " + search.protectionUnitIds().size() + ".");
        }
        List<RestorePointView> found = queries.query(search,
                        ResponseTypes.multipleInstancesOf(RestorePointView.class))
                .join();
        Set<String> unitsFound = new LinkedHashSet<>();
        found.forEach(restorePoint -> unitsFound.add(restorePoint.protectionUnit().id()));
        List<String> noResult = search.protectionUnitIds().stream()
                .filter(unit -> !unitsFound.contains(unit))
                .toList();
        String searchResponseId;
        Integer hits = null;
        if (artifactQuery == null) {
            searchResponseId = UUID.randomUUID().toString();
        } else {
            String unit = search.protectionUnitIds().get(0);
            hits = queries.query(new CountMatchingMessages(search.tenantId(), unit, artifactQuery), Integer.class)
                    .join();
            searchResponseId = granularSearches.keep(search.tenantId(), unit,
                    found.stream().map(RestorePointView::id).toList(), artifactQuery, hits);
        }
        Integer hitCount = hits;
        return new RestorePointSearchResponse(
                RequestAddress.of(request).context("microsoft.graph.restorePointSearchResponse"),
                searchResponseId,
                found.stream().map(restorePoint -> new RestorePointSearchResponse.Result(restorePoint, hitCount))
                        .toList(),
                noResult);
    }
}
