package com.m365backup.restore.app.caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The clock every time stamp of a command, and every token check, reads. Who the caller is comes from the token
 * (security, {@code TokenCaller}).
 */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
