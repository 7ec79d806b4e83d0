/** What every HTTP answer shares: Graph's error envelope, request ids and OData headers (spec/api.md, Errors). */
package com.m365backup.restore.web;
