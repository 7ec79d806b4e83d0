package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.caller.CurrentCaller;
import com.m365backup.restore.query.FindRestorePoint;
import com.m365backup.restore.query.RestorePointView;
import com.m365backup.restore.query.SearchRestorePoints;
import com.m365backup.restore.query.graph.GraphErrors;
import com.m365backup.restore.query.graph.QueryOptions;
import com.m365backup.restore.query.graph.RequestAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads restore points from the catalog: one by id ({@code $expand=protectionUnit} shows its mailbox) and the search
 * of spec/api.md, at the root and under {@code /beta} and {@code /v1.0}.
 */
@RestController
@RequestMapping({"/solutions/backupRestore/restorePoints", "/beta/solutions/backupRestore/restorePoints",
        "/v1.0/solutions/backupRestore/restorePoints"})
class RestorePointController {

    private static final String PROTECTION_UNIT = "protectionUnit";

    private final QueryGateway queries;
    private final CurrentCaller caller;
    private final RestorePointSearchReader searches;

    RestorePointController(QueryGateway queries, CurrentCaller caller, RestorePointSearchReader searches) {
        this.queries = queries;
        this.caller = caller;
        this.searches = searches;
    }

    @GetMapping("/{restorePointId}")
    RestorePointView restorePoint(@PathVariable String restorePointId, HttpServletRequest request) {
        QueryOptions options = QueryOptions.ofEntity(request, PROTECTION_UNIT);
        RestorePointView restorePoint = queries.query(new FindRestorePoint(caller.get().tenantId(), restorePointId),
                        ResponseTypes.optionalInstanceOf(RestorePointView.class))
                .join()
                .orElseThrow(() -> GraphErrors.of(HttpStatus.NOT_FOUND, "itemNotFound",
                        "Restore point '" + restorePointId + "' was not found."));
        return options.expands(PROTECTION_UNIT) ? restorePoint : restorePoint.withoutProtectionUnit();
    }

    @PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    RestorePointSearchResponse search(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        QueryOptions.requireNone(request);
        SearchRestorePoints search = searches.read(body).in(caller.get().tenantId());
        List<RestorePointView> found = queries.query(search,
                        ResponseTypes.multipleInstancesOf(RestorePointView.class))
                .join();
        Set<String> unitsFound = new LinkedHashSet<>();
        found.forEach(restorePoint -> unitsFound.add(restorePoint.protectionUnit().id()));
        List<String> noResult = search.protectionUnitIds().stream()
                .filter(unit -> !unitsFound.contains(unit))
                .toList();
        return new RestorePointSearchResponse(
                RequestAddress.of(request).context("microsoft.graph.restorePointSearchResponse"),
                UUID.randomUUID().toString(),
                found.stream().map(RestorePointSearchResponse.Result::new).toList(),
                noResult);
    }
}
