package com.m365backup.restore.command.restorepoint;

import com.m365backup.restore.domain.query.FindRestorePoint;
import com.m365backup.restore.domain.query.FindRestorePoints;
import com.m365backup.restore.domain.query.RestorePointView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.m365backup.restore.command.QueryAnswers.join;

/**
 * The restore point catalog, asked through the query bus (the read side keeps it): the mailbox an artifact restores
 * is its restore point's protection unit.
 */
@Component
class CataloguedRestorePoints implements RestorePointCatalog {

    private final QueryGateway queries;

    CataloguedRestorePoints(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<RestorePoint> find(String tenantId, String restorePointId) {
        return join(queries.query(new FindRestorePoint(tenantId, restorePointId),
                ResponseTypes.optionalInstanceOf(RestorePointView.class)))
                .map(CataloguedRestorePoints::restorePoint);
    }

    @Override
    public Map<String, RestorePoint> findAll(String tenantId, Collection<String> restorePointIds) {
        if (restorePointIds.isEmpty()) {
            return Map.of();
        }
        List<RestorePointView> found = join(queries.query(
                new FindRestorePoints(tenantId, List.copyOf(restorePointIds)),
                ResponseTypes.multipleInstancesOf(RestorePointView.class)));
        return found.stream().map(CataloguedRestorePoints::restorePoint)
                .collect(Collectors.toMap(RestorePoint::id, Function.identity(), (first, same) -> first));
    }

    private static RestorePoint restorePoint(RestorePointView found) {
        return new RestorePoint(found.id(), found.protectionUnit().id(),
                found.expirationDateTime() == null ? null : found.expirationDateTime().toInstant());
    }
}
