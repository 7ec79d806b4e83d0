package com.m365backup.restore.command;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the write side's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RestoreLimits.class, CommandRetries.class})
public class CommandApiConfiguration {
}
