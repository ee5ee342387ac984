package org.xenctl.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Migration;
import org.xenctl.domain.MigrationPreflight;
import org.xenctl.domain.XenctlException;

/**
 * One domain's migration as migrate and evacuate make it: libvirt's call with progress on a terminal, and a failure
 * said with where the domain is now. libvirt's libxl driver cannot abort a migration: peer to peer, --timeout and
 * Ctrl-C end the wait and the source's libvirtd carries on; where xenctl drives both ends it must see the
 * migration through, so Ctrl-C waits for its end (and leaves the thread interrupted for the caller to stop on).
 */
final class MigrationCall {
    /** How long a domain's CPU time must stand still after a failure to be said stuck. */
    private static final Duration STILLNESS = Duration.ofSeconds(2);

    private final Invocation invocation;
    private final String destination;
    private final Duration timeout;

    /**
     * @param destination the destination's URI as typed, for the hint after a timeout
     * @param timeout     how long to wait for the call; null: until it ends
     */
    MigrationCall(Invocation invocation, String destination, Duration timeout) {
        this.invocation = invocation;
        this.destination = destination;
        this.timeout = timeout;
    }

    /** Moves the domain; returns the seconds it took. */
    double move(Hypervisor source, Hypervisor there, DomainDetails details, Migration migration) {
        DomainSummary guest = details.summary();
        String from = MigrationPreflight.hostLabel(source);
        String to = MigrationPreflight.hostLabel(there);
        long started = System.nanoTime();
        FutureTask<Void> call = new FutureTask<>(() -> {
            source.migrate(guest.uuid(), there, migration);
            return null;
        });
        Thread worker = new Thread(call, "xenctl-migrate");
        worker.setDaemon(true);
        String goesOn = "the migration goes on in " + from + "'s libvirtd; xenctl -c " + destination + " wait "
                + guest.name() + " --state running tells when it has arrived";
        boolean interrupted = false;
        try (WaitProgress progress = WaitProgress.start(invocation, "migrating " + guest.name() + " to " + to)) {
            worker.start();
            while (true) {
                try {
                    if (timeout == null) {
                        call.get();
                    } else {
                        call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    break;
                } catch (InterruptedException e) {
                    if (migration.peerToPeer()) {
                        Thread.currentThread().interrupt();
                        throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted while " + guest.name()
                                + " migrates to " + to, goesOn);
                    }
                    // xenctl drives both ends: leaving now would strand the guest between the hosts.
                    interrupted = true;
                    invocation.err().println("xenctl: xenctl drives " + guest.name() + "'s migration, which cannot "
                            + "be abandoned: waiting for its end (Ctrl-C again leaves it stranded)");
                    invocation.err().flush();
                }
            }
        } catch (TimeoutException e) {
            throw new XenctlException(ErrorCode.TIMEOUT, "the migration of " + guest.name() + " to " + to
                    + " has not ended after " + timeout.toSeconds() + " s", goesOn);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof XenctlException failed) {
                throw whereItIs(failed, source, there, guest, details.guestType(), migration.live(), from, to);
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();  // what the caller stops on, once this migration has ended
            }
        }
        return Math.round((System.nanoTime() - started) / 1e7) / 100.0;
    }

    /** A failed migration, said with where the domain is now, and the job lock libvirt 9.0 can leave held. */
    private static XenctlException whereItIs(XenctlException failed, Hypervisor source, Hypervisor there,
                                             DomainSummary guest, String guestType, boolean live, String from,
                                             String to) {
        Optional<DomainSummary> onSource = quietly(() -> source.refresh(guest.uuid()));
        Optional<DomainSummary> onDestination = quietly(() -> there.refresh(guest.uuid()));
        String where;
        String hint = failed.hint();
        if (onSource.filter(DomainSummary::isActive).isPresent() && frozen(source, guest.uuid())) {
            where = guest.name() + " is stuck on " + from + ": libvirt says " + onSource.get().state().label()
                    + ", but its CPU time has not moved in " + STILLNESS.toSeconds() + " s";
            hint = "libvirt 9.0's libxl driver does not resume a guest whose migration failed after it was "
                    + "suspended for the copy (xl list on " + from + " shows it ---ss-), and nothing in libvirt "
                    + "resumes it: destroy it, then start it again (or create it again, if it is not defined)";
            return new XenctlException(failed.code(), failed.getMessage() + "; " + where, hint, failed);
        } else if (onSource.filter(DomainSummary::isActive).isPresent()) {
            where = guest.name() + " still runs on " + from + " (" + onSource.get().state().label() + ")";
        } else if (onDestination.filter(DomainSummary::isActive).isPresent()) {
            where = guest.name() + " runs on " + to + " (" + onDestination.get().state().label() + ")";
        } else {
            where = guest.name() + " runs on neither host now";
        }
        if (live && "pv".equals(guestType) && failed.code() == ErrorCode.OPERATION_FAILED) {
            hint = "a PV guest migrates live only where Xen has shadow paging (Debian 12's Xen 4.17 is built "
                    + "without it: xl info's virt_caps lacks \"shadow\", and libxl's log says \"Failed to enable "
                    + "logdirty\"); --no-live pauses it for the copy instead";
        }
        if (onSource.filter(DomainSummary::isActive).isPresent()
                && quietly(() -> Optional.of(source.hasJob(guest.uuid()))).orElse(false)) {
            hint = "libvirtd on " + from + " still holds " + guest.name() + "'s migration job (libvirt 9.0's libxl "
                    + "driver): changing the domain there fails with \"cannot acquire state change lock\" until "
                    + "libvirtd restarts on " + from;
        }
        return new XenctlException(failed.code(), failed.getMessage() + "; " + where, hint, failed);
    }

    /**
     * Whether the domain's CPU time stands still: a guest that runs, even idle, is woken by its timers within
     * {@link #STILLNESS}; one left suspended in Xen is not.
     */
    private static boolean frozen(Hypervisor source, String uuid) {
        try {
            long before = source.sample(List.of(uuid)).get(0).cpuTimeNs();
            Thread.sleep(STILLNESS.toMillis());
            return source.sample(List.of(uuid)).get(0).cpuTimeNs() == before;
        } catch (XenctlException | IndexOutOfBoundsException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> Optional<T> quietly(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (XenctlException e) {
            return Optional.empty();
        }
    }

}
