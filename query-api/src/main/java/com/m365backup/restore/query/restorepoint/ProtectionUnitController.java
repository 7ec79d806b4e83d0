package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.query.FindProtectionUnit;
import com.m365backup.restore.domain.query.ListProtectionUnits;
import com.m365backup.restore.domain.query.MailboxProtectionUnitView;
import com.m365backup.restore.domain.query.ProtectionUnitPage;
import com.m365backup.restore.domain.request.GraphPaths;
import com.m365backup.restore.domain.request.RequestRefused;
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

import java.util.List;
import java.util.Set;

/**
 * Lists and reads a tenant's protection units, the mailboxes of the catalog, so that a client that knows no id can
 * find the one to restore (docs/api.md, Finding what can be restored). Every unit is a mailbox: the polymorphic
 * {@code protectionUnits}, its cast to {@code microsoft.graph.mailboxProtectionUnit} and {@code mailboxProtectionUnits}
 * hold the same units, each naming its type in {@code @odata.type}.
 */
@RestController
@RequestMapping({GraphPaths.BACKUP_RESTORE, GraphPaths.BETA_BACKUP_RESTORE, GraphPaths.V1_0_BACKUP_RESTORE})
class ProtectionUnitController {

    static final String PROTECTION_UNITS = "solutions/backupRestore/protectionUnits";
    static final String MAILBOX_PROTECTION_UNITS = "solutions/backupRestore/mailboxProtectionUnits";
    /** The type-cast segment Graph's docs list mailboxes with. */
    static final String MAILBOX_CAST = "microsoft.graph.mailboxProtectionUnit";
    /** The same cast by the namespace's alias, as the Graph SDK's {@code graphMailboxProtectionUnit()} sends it. */
    static final String MAILBOX_CAST_BY_ALIAS = "graph.mailboxProtectionUnit";

    private static final String EMAIL = "email";
    private static final String DISPLAY_NAME = "displayName";
    private static final String DIRECTORY_OBJECT_ID = "directoryObjectId";
    private static final QueryCapabilities CAPABILITIES = new QueryCapabilities(
            Set.of(EMAIL, DISPLAY_NAME, DIRECTORY_OBJECT_ID), Set.of(),
            Set.of("id", DIRECTORY_OBJECT_ID, DISPLAY_NAME, EMAIL, "mailboxType", "status", "policyId",
                    "protectionSources", "backupRetentionPeriodInDays", "billingPolicyId", "createdBy",
                    "createdDateTime", "lastModifiedBy", "lastModifiedDateTime", "offboardRequestedDateTime", "error"),
            List.of())
            .withOperators("eq", "startswith");

    private final QueryGateway queries;
    private final CurrentCaller caller;

    ProtectionUnitController(QueryGateway queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GetMapping("/protectionUnits")
    GraphCollection<Object> protectionUnits(HttpServletRequest request) {
        return units(request, PROTECTION_UNITS);
    }

    @GetMapping({"/protectionUnits/" + MAILBOX_CAST, "/protectionUnits/" + MAILBOX_CAST_BY_ALIAS})
    GraphCollection<Object> protectionUnitsThatAreMailboxes(HttpServletRequest request) {
        return units(request, PROTECTION_UNITS + "/" + MAILBOX_CAST);
    }

    @GetMapping("/mailboxProtectionUnits")
    GraphCollection<Object> mailboxProtectionUnits(HttpServletRequest request) {
        return units(request, MAILBOX_PROTECTION_UNITS);
    }

    @GetMapping(value = {"/protectionUnits/$count", "/protectionUnits/" + MAILBOX_CAST + "/$count",
            "/protectionUnits/" + MAILBOX_CAST_BY_ALIAS + "/$count", "/mailboxProtectionUnits/$count"},
            produces = MediaType.TEXT_PLAIN_VALUE)
    String count(HttpServletRequest request) {
        QueryOptions options = QueryOptions.ofCount(request, CAPABILITIES);
        return Long.toString(page(options, 0).total());
    }

    @GetMapping({"/protectionUnits/{unitId}", "/protectionUnits/{unitId}/" + MAILBOX_CAST,
            "/protectionUnits/{unitId}/" + MAILBOX_CAST_BY_ALIAS, "/mailboxProtectionUnits/{unitId}"})
    Object protectionUnit(@PathVariable String unitId, HttpServletRequest request) {
        QueryOptions options = QueryOptions.ofEntity(request, CAPABILITIES);
        MailboxProtectionUnitView unit = queries.query(new FindProtectionUnit(caller.get().tenantId(), unitId),
                        ResponseTypes.optionalInstanceOf(MailboxProtectionUnitView.class))
                .join()
                // Another tenant's unit is answered as one that does not exist, so that nothing tells them apart.
                .orElseThrow(() -> RequestRefused.notFound("itemNotFound",
                        "Protection unit '" + unitId + "' was not found."));
        return options.selected(unit);
    }

    private GraphCollection<Object> units(HttpServletRequest request, String resource) {
        QueryOptions options = QueryOptions.ofCollection(request, CAPABILITIES);
        ProtectionUnitPage page = page(options, options.top());
        List<MailboxProtectionUnitView> units = page.units();
        QueryOptions.After next = page.more() && !units.isEmpty()
                ? positionOf(units.get(units.size() - 1))
                : null;
        return GraphCollection.pageBefore(RequestAddress.of(request), resource,
                units.stream().map(unit -> options.selected(unit)).toList(), page.total(), options, next);
    }

    private ProtectionUnitPage page(QueryOptions options, int top) {
        ListProtectionUnits.Position after = options.after()
                .map(position -> new ListProtectionUnits.Position(position.value(), position.id()))
                .orElse(null);
        return queries.query(new ListProtectionUnits(caller.get().tenantId(),
                                options.filter().stream().map(ProtectionUnitController::condition).toList(), top,
                                after),
                        ResponseTypes.instanceOf(ProtectionUnitPage.class))
                .join();
    }

    /** A {@code $filter} condition in the catalog's terms: names and addresses by eq or startswith, ids by eq. */
    private static ListProtectionUnits.Condition condition(QueryOptions.Condition asked) {
        ListProtectionUnits.Match match = asked.comparison().equals("startswith")
                ? ListProtectionUnits.Match.STARTS_WITH
                : ListProtectionUnits.Match.EQUALS;
        return switch (asked.property()) {
            case EMAIL -> new ListProtectionUnits.Condition(ListProtectionUnits.Property.EMAIL, match, asked.value());
            case DISPLAY_NAME -> new ListProtectionUnits.Condition(ListProtectionUnits.Property.DISPLAY_NAME, match,
                    asked.value());
            case DIRECTORY_OBJECT_ID -> {
                if (match != ListProtectionUnits.Match.EQUALS) {
                    throw RequestRefused.badRequest("directoryObjectId can be compared with eq only.");
                }
                yield new ListProtectionUnits.Condition(ListProtectionUnits.Property.DIRECTORY_OBJECT_ID, match,
                        asked.value());
            }
            default -> throw new IllegalStateException("Not a property a list knows: " + asked.property());
        };
    }

    private static QueryOptions.After positionOf(MailboxProtectionUnitView last) {
        return new QueryOptions.After(last.createdDateTime().toInstant(), last.id());
    }
}
