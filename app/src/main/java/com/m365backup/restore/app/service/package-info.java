/**
 * The service's own settings that several areas read and where its code runs from. A package of its own, so that
 * the application class, which starts every area, is depended on by none of them.
 */
package com.m365backup.restore.app.service;
