package org.xenctl.domain;

/**
 * The result of a lifecycle action on one domain. {@code changed} is false when the domain was already as asked
 * (destroying a stopped domain, starting a running one): success, but nothing was done.
 *
 * @param action  the verb, as typed ("destroy", "pause", …)
 * @param state   the state observed after the action, SHUTOFF for a transient domain that is gone
 * @param forced  true when a shutdown ran out of time and ended in destroy
 * @param message one line for people, e.g. "Domain web is already paused."
 */
public record Outcome(String action, String name, String uuid, boolean changed, DomainState state,
                      boolean forced, String message) { }
