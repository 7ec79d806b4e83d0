/** What an operator looks at: readiness of the event processors, one log line per request, the API description. */
package com.m365backup.restore.app.operations;
