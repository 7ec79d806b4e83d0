package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.query.CountMatchingMessages;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The simulated backup store of mailbox messages, the simulated restorer's counterpart: it answers a granular
 * search's {@link CountMatchingMessages} from the same {@link SyntheticMailbox} that the simulated restorer restores
 * from (docs/api.md, Granular restore). An adapter to a real store replaces both.
 */
@Component
class SimulatedMailboxStore {

    @QueryHandler
    Integer handle(CountMatchingMessages query) {
        return SyntheticMailbox.of(query.protectionUnitId()).count(query.query());
    }
}
