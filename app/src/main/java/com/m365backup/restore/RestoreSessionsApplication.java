package com.m365backup.restore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Exchange restore sessions service. */
@SpringBootApplication
public class RestoreSessionsApplication {

    public static void main(String[] args) {
        AxonUpdateChecker.disableUnlessAsked();
        SpringApplication.run(RestoreSessionsApplication.class, args);
    }
}
