package com.m365backup.restore.caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Until callers present tokens, every request acts in one configured tenant and nobody in particular is named as
 * its author ({@code createdBy} stays null rather than inventing a user).
 */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration {

    @Bean
    CurrentCaller currentCaller(@Value("${restore.default-tenant-id}") String tenantId) {
        Caller caller = new Caller(tenantId, null);
        return () -> caller;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
