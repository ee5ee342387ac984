package org.xenctl.domain;

/**
 * A domain's lifecycle event, as `events` reports it.
 *
 * @param time   when xenctl received it (ISO-8601, UTC)
 * @param id     the domain's id then, -1 when it is not running
 * @param event  defined, undefined, started, paused, resumed, stopped, shutdown, pmsuspended, crashed
 * @param detail libvirt's detail for it, e.g. "booted", "destroyed", "added", or null
 */
public record LifecycleEvent(String time, String name, String uuid, int id, String event, String detail) { }
