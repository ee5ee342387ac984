package org.xenctl.cli;

import java.util.Optional;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.WaitView;

final class WaitCommand extends HypervisorCommand {
    String domain;
    String state;
    final WaitOptions waitOptions = WaitOptions.always("give up after S seconds (exit 4); default: wait for ever "
            + "(Ctrl-C: exit 130)");

    @Override
    void declare(Declaration declaration) {
        declaration
                .domain(v -> domain = v)
                .requiredOption("-s|--state", "STATE", String.class, "running, paused, shutoff or gone",
                        v -> state = v.toLowerCase(java.util.Locale.ROOT))
                .with(waitOptions);
    }

    @Override
    View execute(Session session) {
        Hypervisor.Condition condition = condition(state);
        long started = System.nanoTime();
        DomainSummary target;
        try {
            target = session.hypervisor().lookup(DomainRef.of(domain));
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND && state.equals("gone")) {
                return new WaitView(domain, null, "gone", 0);
            }
            throw e;
        }
        Optional<DomainSummary> reached;
        try (Hypervisor.DomainWatch watch = session.hypervisor().watch(target.uuid());
                WaitProgress progress = WaitProgress.start(invocation(), "waiting for " + target.name() + " to be "
                        + state)) {
            reached = watch.await(condition, waitOptions.timeout());
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.TIMEOUT) {
                throw new XenctlException(ErrorCode.TIMEOUT, e.getMessage(), "wait longer with --timeout");
            }
            throw e;
        }
        return new WaitView(target.name(), target.uuid(), reached.map(s -> label(s.state())).orElse("gone"),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** xl's running includes blocked (an idle guest); libvirt's "shutdown" (going down) is not off yet. */
    private static Hypervisor.Condition condition(String state) {
        return switch (state) {
            // A transient domain (every `create`d one) is gone once it is off: that is shut off too.
            case "shutoff" -> new Hypervisor.Condition() {
                @Override
                public boolean test(Optional<DomainSummary> now) {
                    return now.isEmpty() || label(now.get().state()).equals(state);
                }

                @Override
                public String description() {
                    return state;
                }
            };
            case "running", "paused" -> new Hypervisor.Condition() {
                @Override
                public boolean test(Optional<DomainSummary> now) {
                    return now.isPresent() && label(now.get().state()).equals(state);
                }

                @Override
                public String description() {
                    return state;
                }
            };
            case "gone" -> new Hypervisor.Condition() {
                @Override
                public boolean test(Optional<DomainSummary> now) {
                    return now.isEmpty();
                }

                @Override
                public String description() {
                    return "gone";
                }
            };
            default -> throw new XenctlException(ErrorCode.USAGE, "'" + state + "' is not a state to wait for",
                    "--state is running, paused, shutoff or gone");
        };
    }

    private static String label(DomainState state) {
        return state == DomainState.BLOCKED ? "running" : state.label();
    }
}
