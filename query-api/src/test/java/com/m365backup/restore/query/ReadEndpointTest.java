package com.m365backup.restore.query;

import com.m365backup.restore.domain.caller.Caller;
import com.m365backup.restore.domain.caller.CurrentCaller;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;

/**
 * What a slice test of a read endpoint works with: the controller over MockMvc, a caller of one tenant, and the query
 * gateway each test makes answer the queries it expects.
 */
public abstract class ReadEndpointTest {

    private final String tenant;

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected QueryGateway queries;

    @MockitoBean
    protected CurrentCaller caller;

    protected ReadEndpointTest(String tenant) {
        this.tenant = tenant;
    }

    @BeforeEach
    void aCallerOfTheTenant() {
        given(caller.get()).willReturn(new Caller(tenant, null));
    }
}
