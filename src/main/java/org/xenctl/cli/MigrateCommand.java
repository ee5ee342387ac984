package org.xenctl.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.xenctl.domain.ControlDomain;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Migration;
import org.xenctl.domain.MigrationPreflight;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.MigrateView;

/**
 * migrate (xl migrate, virsh migrate): a running domain moved to the host at DEST through libvirt's migration,
 * once both hosts are checked ({@link MigrationPreflight}). By default xenctl drives both ends and the source's dom0
 * sends the memory straight to the destination's; --p2p hands the move to the source's libvirtd. It returns once
 * the destination runs the domain; a re-run after a move is a no-op (changed: false). A failure says where the
 * domain is: running on the source, or left suspended there by libvirt 9.0 ({@link MigrationCall}).
 */
final class MigrateCommand extends HypervisorCommand {
    String domain;
    String destination;
    boolean live = true;
    boolean persistent;
    boolean undefineSource;
    boolean paused;
    boolean tunnelled;
    boolean plan;
    String migrateUri;
    String peerUri;
    Duration timeout;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--check", "check both hosts and say what would move; move nothing", v -> plan = v)
                .flag("--live", "copy the memory while the guest runs (the default, as xl does)", v -> live = true)
                .flag("--no-live", "pause the guest for the copy (virsh migrate without --live)", v -> live = !v)
                .flag("--persistent", "define it on the destination too (virsh migrate --persistent)",
                        v -> persistent = v)
                .flag("--undefine-source", "remove its definition from the source once it has moved",
                        v -> undefineSource = v)
                .flag("-p|--paused", "leave it paused on the destination (xl migrate -p)", v -> paused = v)
                .option("--migrate-uri", "URI", String.class, new HostArgument("tcp://ADDRESS[:PORT]"), "tcp://ADDRESS[:PORT] where the source's dom0 "
                        + "sends the memory, when the destination's host name does not lead there",
                        v -> migrateUri = v)
                .option("--p2p", "URI", String.class, HostArgument.uri(), "peer to peer: the source's libvirtd reaches the "
                        + "destination's itself, at URI as the source host resolves it", v -> peerUri = v)
                .flag("--tunnelled", "with --p2p: carry the memory over that libvirtd connection (no other port "
                        + "between the hosts)", v -> tunnelled = v)
                .option("-t|--timeout", "S", Duration.class, new Seconds(), "with --p2p: stop waiting after S "
                        + "seconds (exit 4); the migration cannot be stopped and goes on in the source's libvirtd",
                        v -> timeout = v)
                .domain(v -> domain = v)
                .parameter("1", "DEST", String.class, HostArgument.uri(), "the destination host's libvirt URI (as -c takes it), e.g. "
                        + "xen+ssh://root@host2/system", v -> destination = v);
    }

    @Override
    boolean changesHost() {
        return !plan;
    }

    @Override
    void checkOptions() {
        if (timeout != null && peerUri == null) {
            throw new XenctlException(ErrorCode.USAGE, "--timeout goes with --p2p only",
                    "where xenctl drives both ends it must see the migration through: leaving it would strand the "
                            + "domain between the hosts");
        }
        if (tunnelled && peerUri == null) {
            throw new XenctlException(ErrorCode.USAGE, "--tunnelled goes with --p2p URI",
                    "give --p2p with the destination's URI as the source host reaches it");
        }
        if (tunnelled && migrateUri != null) {
            throw new XenctlException(ErrorCode.USAGE, "--migrate-uri and --tunnelled cannot go together",
                    "a tunnelled migration sends the memory over the libvirtd connection");
        }
    }

    @Override
    View execute(Session session) {
        Hypervisor source = session.hypervisor();
        // Read-write also under --check: the disk check makes a transient storage pool on the destination.
        try (Session target = invocation().context().sessions().open(destination, connectOptions())) {
            Hypervisor there = target.hypervisor();
            Optional<DomainSummary> here = find(source);
            if (here.isEmpty()) {
                return alreadyMoved(source, there);
            }
            if (!here.get().isActive()) {
                Optional<DomainSummary> moved = there.refresh(here.get().uuid()).filter(DomainSummary::isActive);
                if (moved.isPresent()) {
                    return alreadyMoved(source, there, moved.get(), " (its definition here is shut off)");
                }
            }
            ControlDomain.refuse(here.get(), "migrate", "the host cannot move itself", "move its guests: "
                    + "xenctl evacuate");
            DomainDetails guest = source.details(here.get());
            MigrationPreflight.checkMovable(guest);
            MigrationPreflight.Findings findings = MigrationPreflight.check(guest, source, there);
            String name = guest.summary().name();
            String from = label(source);
            String to = label(there);
            if (!findings.refusals().isEmpty()) {
                throw new XenctlException(ErrorCode.MIGRATION_REFUSED, "cannot migrate " + name + " to " + to + ": "
                        + String.join("; ", findings.refusals()), null);
            }
            for (String unseen : findings.unchecked()) {
                invocation().err().println("xenctl: warning: not checked: " + unseen);
            }
            Migration migration = new Migration(live, persistent, undefineSource, paused, migrateUri, peerUri,
                    tunnelled);
            if (plan) {
                return view(guest.summary(), from, to, there, false, true, guest.summary().state().label(), null,
                        findings.unchecked(), "Would migrate " + name + " from " + from + " to " + to
                                + (live ? " (live)" : " (paused for the copy)") + ": the checks pass.");
            }
            double seconds = new MigrationCall(invocation(), destination, timeout).move(source, there, guest,
                    migration);
            DomainSummary arrived = there.refresh(guest.summary().uuid()).filter(DomainSummary::isActive)
                    .orElseThrow(() -> new XenctlException(ErrorCode.OPERATION_FAILED, "libvirt reported "
                            + name + " migrated, but " + to + " does not run it", "xenctl -c " + destination
                            + " list --all; and on the source: xenctl list --all"));
            return view(arrived, from, to, there, true, false, arrived.state().label(), seconds,
                    findings.unchecked(), "Domain " + name + " migrated from " + from + " to " + to + " in "
                            + seconds + " s" + (paused ? " (paused there)." : ".")
                            + (guest.persistent() && !undefineSource ? " Its definition stays on " + from
                                    + ", shut off (--undefine-source removes it)." : ""));
        }
    }

    private Optional<DomainSummary> find(Hypervisor hypervisor) {
        try {
            return Optional.of(hypervisor.lookup(DomainRef.of(domain)));
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Not on the source: done already if the destination runs it (a re-run), else not found. */
    private View alreadyMoved(Hypervisor source, Hypervisor there) {
        Optional<DomainSummary> moved = find(there).filter(DomainSummary::isActive);
        if (moved.isEmpty()) {
            throw new XenctlException(ErrorCode.DOMAIN_NOT_FOUND, "no domain " + domain + " on " + label(source)
                    + ", nor running on " + label(there), null);
        }
        return alreadyMoved(source, there, moved.get(), "");
    }

    private View alreadyMoved(Hypervisor source, Hypervisor there, DomainSummary moved, String note) {
        return view(moved, label(source), label(there), there, false, plan, moved.state().label(), null,
                List.of(), "Domain " + moved.name() + " already runs on " + label(there) + note + ".");
    }

    private MigrateView view(DomainSummary summary, String from, String to, Hypervisor there, boolean changed,
                             boolean dryRun, String state, Double seconds, List<String> unchecked, String message) {
        return new MigrateView(summary.name(), summary.uuid(), from, to, there.uri(), live, peerUri != null,
                persistent, changed, dryRun, state, seconds, unchecked, message);
    }

    private static String label(Hypervisor hypervisor) {
        return MigrationPreflight.hostLabel(hypervisor);
    }
}
